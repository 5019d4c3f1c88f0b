"""Templates for the `infusion_dev` split: a DEV set for issue 13's chat pass (tuned on; its
figures are dev figures, never a held-out check). Its voice is an outpatient infusion centre's
and a step-down unit's huddle channel: chair assignments, premeds, counts, port access, iron and
biologic infusions, reactions, call-backs, and the charge nurse's board. Patients are placed by
the unit's furniture (chair, recliner, bay, pod, cubicle, trolley, slot, station, bed) and named
by surname alone beside a clinical word far more than in full ("Okafor premeds in", "hold
Lindqvist, ANC 0.7"); ages come terse beside a sex ("72F", "F/72"). Clean chatter is full of
capitalised words that are no names: drugs, brands, pumps, lines, eponyms and services.
"""

from __future__ import annotations

PHI = [
    "{last} ({spot}) premeds in, starting the rituximab at 50",
    "{last} PD training moved to {rdate_w}",
    "{spot} {last} port won't give blood return, tPA in",
    "hold {last}, ANC 0.7, {doc} aware",
    "{chairlist} both need labs drawn before premeds",
    "{last} reacted to the Taxol, flushed and SOB, stopped at 15 min",
    "{llast} in {spot} wants a warm blanket",
    "who is taking {last}? {spot}, C3D1 FOLFOX",
    "{last} iron infusion is {rdate_w}, {doc} ok'd it",
    "{age_t} in {spot}, first dose of Keytruda",
    "{spot} is {last}, {age_t}, neutropenic, mask on",
    "{last} no show for {rdate_w}, left a vm at {phone}",
    "{first} {last} {age_t} reaction to Venofer {rdate}",
    "moving {last} from {spot} to {spot} for the pump",
    "{last}'s {rel} is staying for the whole infusion",
    "{last} counts are ok, plt 112, go ahead",
    "{mr_last} in {spot} needs the interpreter for teaching",
    "can someone re-access {llast}? needle came out in {spot}",
    "{last} cold cap booked for {rdate_w}",
    "{name} ({age_t}) new start, chemo teaching done {rdate}",
    "{last} Neulasta onpro goes on before she leaves",
    "extravasation in {spot}, {last}, {doc} called",
    "{last} {mrn} consent for cycle 4 isn't in the chart",
    "{spot}: {last} rate titration, at 200 now",
    "{last} and {other_last} both on the {rdate_w} list",
    "pt in {spot} is {age_t}, {dx}, fluids only",
    "{llast} dizzy after the Reclast, BP {vital}",
    "step-down huddle: {last} {spot} {dx}, {other_last} {spot} going home",
    "{last} asked for {staff} again {rdate}",
    "{spot} {llast} IVIG day 2 of 5",
    "{last} DOB {dob_bare} wristband is wrong, reprint please",
    "{last} labs pending, don't mix the Herceptin yet",
    "blood bank says {last} is crossmatched for 2 units {rdate_w}",
    "{lfirst} in {spot} is crying, can someone sit with her",
    "{last} {age_t} vomiting in {spot}, zofran given",
    "{last} needs a {date} f/u with {doc}",
    "transport for {last} is booked {rdate_w} from {city}",
    "{spot} {last} ok to d/c the PICC per {doc}",
]

LOW = [
    "{colleague} is charge in the infusion centre",
    "thanks {colleague} for the extra chairs",
    "{doc} is covering the infusion centre",
    "{tstaff} wants all the Herceptin checks double-signed",
    "{colleague} can you take lunch relief at 1230",
    "{spot} needs a new footrest",
    "{colleague} pls restock the Huber needles",
]

CLEAN = [
    "Alaris pumps are back from Biomed",
    "Keytruda and Opdivo are in the fridge",
    "Huber needles are on backorder, use the 20g",
    "Neulasta onpro kits came in",
    "Pyxis in the back is down again",
    "Grace period for the competencies ends at payroll close",
    "Hope everyone is staying warm",
    "Mark the premed times in the MAR please",
    "Will the Baxter rep be here at noon?",
    "Port-a-Cath flush protocol updated, see the binder",
    "Hickman and Groshong dressings are in drawer 3",
    "Herceptin biosimilar switch starts with the new contract",
    "Chemo spill kit by the nurses station expired, replaced",
    "Pharmacy is 40 min behind on mixing",
    "Cold cap machines need a service call",
    "Rapid response drill at noon",
    "Summer hours are posted in the break room",
    "Rose Garden lot is closed for paving",
    "Frank discussion at huddle about overtime",
    "Patience please, Epic is slow",
    "Taxol is ready in pharmacy",
    "{device} on pump 4 is alarming",
    "Is {dose} on the formulary now?",
    "{epo} is the journal club topic",
    "Green light from IT on the new label printers",
    "Brown bag lunch in the lounge",
    "IV poles in the hallway need wheels fixed",
    "Benadryl and Tylenol premed kits restocked",
    "Lunch relief starts at 1130",
    "Infusion reaction box checked, all in date",
]
