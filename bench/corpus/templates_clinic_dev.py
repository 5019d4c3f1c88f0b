"""Templates for the `clinic_dev` split: a DEV set for the names pass of 2026-12-02 (tuned on;
its figures are dev figures, never a held-out check). Its voice is an outpatient clinic's
front office and medical assistants: check-ins, rooming, refills, call-backs. It exercises
the name shapes issue 13 lists (note headers, lower-case full names with no cue, names in
their own script, particles, surnames that are also words, "Dr. X said") with name sources
and templates no held-out split uses.
"""

from __future__ import annotations

PHI = [
    "{hdr} checked in for the 10:30, copay not collected",
    "roomed {lname} in {room}, vitals done",
    "{name} is here for a walk-in, {dx}",
    "refill req from {lname} for {dose}, last seen {date}",
    "{doc} said {first} can wait for the results",
    "call back {mr_last} at {phone}, results ready",
    "{cjk} here with her son, needs an interpreter",
    "{cjk}的化验结果出来了",
    "Please pull the chart for {hdr} {dob_bare}",
    "{last} no-showed again, third time",
    "{first} {last} wants to reschedule {rdate}",
    "{poss} daughter {rel} called about the forms",
    "new pt {lname}, {age_sex}, referred by {doc}",
    "{name} ({mrn}) paperwork is in the box",
    "MA note: {hdr} - {dx} - {vital}",
    "is {lname} still in the waiting room?",
    "{name} lives at {street}, the letter came back",
    "{last}, {first} insurance {hp} denied",
    "pt {first} {last} asking for {proc} results",
    "{lname} called, pharmacy never got the script",
    "ok {name} is in {room}, {doc} next",
    "{hdr}\n{dx}\n{lab}",
    "walk-in: {cjk}, {age}, cough x3 days",
    "portal msg from {name} ({email})",
]

LOW = [
    "{colleague} is on the front desk {rdate}",
    "thanks {colleague} for the coverage",
    "{doc} is running 20 min behind",
    "clinic closes early {rdate}",
    "{colleague} pls restock the supply closet",
]

CLEAN = [
    "Copier is jammed again",
    "Will someone grab the mail?",
    "Patience please, the EHR is slow",
    "Rosy outlook for flu shot numbers this year",
    "Faith in the new scheduling system is low",
    "Lunch is in the break room",
    "Fax line is down, use the portal",
    "Summer hours are posted by the time clock",
    "Mark your timesheets please",
    "{device} in the back needs batteries",
    "Is {dose} on the formulary?",
    "Carol singers in the lobby at noon :notes:",
    "Heather says the parking lot is icy",
    "We are out of {device} again",
    "{epo} pamphlets are at the desk",
]
