"""Templates for the `periop_dev` split: a DEV set for the names pass of issue 13 (tuned on; its
figures are dev figures, never a held-out check). Its voice is an operating-room scheduling and
anaesthesia channel: case lists, add-ons, pre-op holding, PACU hand-offs, consents and NPO
status. Names come in the shapes the held-out misses are said to take (surnames alone, lower
case, first names only, nicknames in quotes, names that are English words, particles, other
scripts, names before and after verbs, in lists, possessives), beside staff named by title or
as workspace members, and clean chatter full of capitalised words that are no names (drugs,
devices, eponyms, rooms and services).
"""

from __future__ import annotations

PHI = [
    "can we bump {llast} to the 2nd case, {doc} is running late",
    "{caselist} both NPO since midnight",
    "{last} is NPO since midnight, ok to start {time}",
    "{lfirst} in pre-op holding asking for her glasses",
    "add-on: {name}, {age_sex}, {dx}",
    "{nick} is in PACU {room}, {vital}",
    "consent for {poss} {proc} isn't signed yet",
    "{poss} labs are back, {lab}",
    "who has {llast}? anesthesia wants to see him before 0700",
    "{first} is refusing the spinal, {tstaff} is talking to her",
    "holding: {script} needs an interpreter for consent",
    "{cjk} 的麻醉同意书已签",
    "pre-op call for {lname} went to voicemail, {phone}",
    "{hdr} - {proc} - {doc}",
    "{tstaff} wants {last} type and screened before we roll back",
    "PACU says {llast} is ready for the floor, report to {staff}",
    "difficult airway alert on {name}, Mallampati 4, Glidescope in the room",
    "family of {last} is in the waiting room, {rel} asking for an update",
    "heads up {lname} took her {dose} {rdate}",
    "{mr_last} cancelled, ate breakfast",
    "case {mrn} {llast} moved to OR 6",
    "swap {llast} and {other_last}, {doc} wants the hip first",
    "{first} {last} ({age}) for {proc}, latex allergy",
    "pt {nick} needs a warming blanket, shivering in holding",
    "saw {lfirst} in holding, she is anxious, gave versed",
    "{last}'s daughter {rel} is the contact, {phone}",
    "is {llast} still on the board for {date}?",
    "anesthesia pre-op: {name} {dob}, {dx}",
    "holding 4 {llast}, holding 5 {other_last}, both ready to go back",
    "{first} pulled her IV in PACU, {staff} re-sited it",
    "{nick} keeps asking for {rel}, can someone call?",
    "rescheduled {last} to {date}, {doc} ok'd it",
    "{hdr} {mrn} add-on {proc}",
    "give {lfirst} her {dose} when she wakes up",
    "{name} has a pacemaker, rep is coming {time}",
    "tell {last} family the case will run long",
]

LOW = [
    "{tstaff} is the anesthesiologist in OR 3",
    "thanks {colleague} for staying late",
    "{colleague} can you cover PACU break at 1400",
    "{doc} is on call for the weekend",
    "{staff} is precepting the new CRNA",
    "{colleague} pls restock the Mayo stands",
    "{tstaff} is running the board",
]

CLEAN = [
    "Sugammadex is back on the shelf in the Pyxis",
    "Bair Hugger in OR 7 is broken again",
    "Who moved the Glidescope?",
    "Trendelenburg tables need a service call",
    "Grace period for late timesheets ends at payroll close",
    "Hope everyone had a quiet night",
    "Mark the Foley output please",
    "Will the Cell Saver be free after lunch?",
    "Propofol shortage update: use the 50 ml vials",
    "Rose Garden entrance is closed for paving",
    "Green light from Biomed on the new ventilators",
    "Brown bag lunch in the lounge at noon",
    "Faith and patience, the EHR is down until 0600",
    "Main OR, Cath Lab and IR share the PACU after 1900",
    "Pre-op Holding is short two stretchers",
    "Mallampati and ASA class go in the pre-op note",
    "Cormack-Lehane grade is on the airway sheet",
    "{device} in the core needs a new battery",
    "Is {dose} on the formulary now?",
    "{epo} is on the grand rounds list",
    "Time out checklist updated, see the binder",
    "Da Vinci robot is booked all week",
    "Jackson-Pratt drains are in the top drawer",
    "Bovie pads are on backorder",
    "Apfel score of 3 means double antiemetics",
    "Sevo vaporizer on machine 4 is empty",
    "Lunch relief starts at 1130, Ortho first",
    "Chase the blood bank for the cooler please",
    "Summer schedule is posted by the time clock",
    "Penny jar for the holiday party is at the desk",
]
