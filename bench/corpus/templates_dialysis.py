"""Templates for the `dialysis` split: an outpatient dialysis unit's team channel, a HELD-OUT
chat split written on 2026-12-02 (engineer 06) and committed before its first measurement,
taken at the detector code of main 28066f9. Nobody tunes on it: read aggregate figures only.

No other split speaks in this voice: chairs and shifts instead of beds (`chair 7`, `2nd shift`,
`MWF`), run times, dry weights and fluid gains, K baths, cannulation and access talk (AVF, AVG,
permcath), transport vans and no-shows, transplant and travel-treatment requests, water-room
and machine chatter. Names come from locales, extras (particles, surnames that are also words:
"Ward", "Banks", "Waters") and cities no other split uses; half are invented (`synth_names`).
"""

from __future__ import annotations

PHI = [
    "{name} in {chair} ran 2h40 of 4h, cramping, stopped early. BP 84/50 post",
    "{hdr} pre K 6.8, switched to 1K bath per {doc}",
    "heads up {first} {last} missed 2 treatments this week, transport says no answer at {phone}",
    "new start {rdate} 2nd shift: {lname}, {age_sex}, R IJ permcath, {doc} wrote orders",
    "{mr_last} infiltrated on the venous side, 15g, ice on, held pressure 20 min",
    "fistulagram for {name} {date} at {inst}, needs to be here by 0530 to run first",
    "van picks up {name} at {street} at 5:15, driver says the ramp is broken",
    "{poss} daughter {rel} wants a call back about the transplant eval, {phone}",
    "{name} {dob} - consent for home HD training signed, starts {date}",
    "{last} dry wt 71.5 and up 3.8 kg IDWG again, fluid talk w dietitian",
    "Hep B sAb for {name} ({mrn}) came back <10, needs the booster series",
    "{cjk} needs the Cantonese interpreter for the care plan mtg {date}",
    "pls fax {poss} last 3 treatment sheets to {inst}, they admitted him {rdate}",
    "{name} wants to transfer to the {city} unit, closer to home ({zip})",
    "travel tx request: {name} visiting family in {city} from {date} for 2 wks, need 6 chairs there",
    "{lname} {hp}, secondary termed, SW can you call",
    "{bname} no show x2 this week, left vm",
    "{name}, {age}, coded in {chair} at 0640, ROSC after 1 round, EMS to {inst}",
    "rent assistance letter for {first}: address on file {street}, {city}",
    "{hdr} {dob_bare} AVG clotted, declot booked {rdate}",
    "email from {name} ({email}) asking for her Kt/V and albumin",
    "{other_last} and {last} both hold Epogen, hgb over 12",
    "{first} fell in the lobby {rdate}, incident report in, {doc} saw him chairside",
    "{name} {ssn} is what the medicaid app wants, SW pls grab it from the folder not here",
    "{last}, {first} {acct} - balance question, send to billing",
    "{name} {fin} admitted overnight w fluid overload, hold his chair {rdate}",
    "family set up {slink} for {poss} transplant costs if anyone wants to share",
    "{mr_last} says the {city} clinic lost her records, DOB {dob_bare}",
    "{name} in {chair}: {vital}, {dose} given, recheck in 15",
    "swap {first} {last} to TTS 3rd shift starting {date}, {doc} ok'd",
    "{name} ({age}) brought her own blanket again, asked to sit by the window",
    "{lname} called, ride never came, rescheduled for {time}",
    "{poss} son {rel} is bringing him in, his number {phone}",
]

LOW = [
    "{colleague} was charge on 2nd shift {rdate}",
    "{chair} scale reads 0.4 kg heavy, biomed ticket in",
    "{doc} rounding at 11, have your flowsheets ready",
    "thanks {colleague} for covering the water room",
    "{own_inst} sent the wrong bicarb again",
    "{date}: QAPI moved to the break room",
    "{colleague} can you pull the monthly labs",
    "machine in {chair} failed the pressure test, swapped it",
]

CLEAN = [
    "RO water cultures posted, all under 50 CFU",
    "Chlorine checks every 4 hours, log them on the clipboard",
    "who took the last box of 15g fistula needles?",
    "No food chairside anymore, infection control rule",
    "2nd shift starting 20 min late, two machines failed disinfection",
    "Heparin 1000 u/mL is on backorder, use the 5000s and draw carefully",
    "Sharps bin by the nurses' station is full",
    "Fistula Friday: access rounds with vascular at noon",
    "Penny jar for the holiday party is at the front desk",
    "Grant paperwork for the patient fund is due end of month",
    "Will restock the acid jugs before close",
    "Kt/V goal is over 1.2, unit average 1.41 this month",
    "Frank discussion at huddle about late arrivals, please be on time",
    "Ward clerk position posted internally",
    "{device} is back from biomed",
    "is {dose} still on the standing orders?",
    "Bank holiday schedule: all shifts run as normal",
    "Reminder: dialyzer reprocessing log must be signed each shift :pray:",
    "Mercy, the printer is jammed again",
    "{here} fire drill at 10, patients stay on the machines",
]
