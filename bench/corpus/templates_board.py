"""Templates for the `board` split: a patient-flow channel (bed board, transfer centre, ED
boarding, transport and cleaning turns), written on 2026-12-02 before that day's names pass
and committed before its first measurement (issue 13: targets hold "on every split including
ones written after the change"). No other split speaks in this voice: status lines keyed by
unit and bed, note-header names copied off the board (`OROZCO,KYLE`), names in their own
script, lower-case full names with no cue, surnames that are also words, and clean lines that
start with capitalised words a name reader could take ("Will transport...", "Frank talk...").
Never tune against individual misses here: read aggregate figures only.
"""

from __future__ import annotations

PHI = [
    "Bed req: {hdr} to {room}, tele, {dx}. ETA {time}",
    "{hdr} {mrn} still boarding in ED, {age_sex}, waiting on a {device}",
    "Transfer in from {inst}: {name}, {age_sex}, accepted by {doc}",
    "EVS pls turn {room} stat, {last} coming up from PACU",
    "Pending d/c: {name} ({mrn}) - ride is {rel}, {phone}",
    "pt {cjk} in {room}, family speaks Mandarin only, interpreter booked {time}",
    "{cjk} {mrn} transferred from {inst}, {dx}",
    "Transport for {mr_last} to {proc} {time}, from {room}",
    "Who has {first}? {room} says pain uncontrolled",
    "Swap: {last} to {room}, {other_last} to step-down",
    "{name} DOB {dob} had the wrong armband, fixed now",
    "can someone call {poss} wife at {phone} re: belongings",
    "{lname} left AMA from {room} {time}",
    "Accepted: {name}, {age}, from {city}, lives at {street}",
    "Discharge lounge has {first} {last} waiting on meds since {time}",
    "{doc} said {last} can go to the floor once {lab} is back",
    "Holding {name} in {room} for {dx}, ins {hp}",
    "Readmit alert: {name}, last d/c {date}, {dx}",
    "obs pt {last} {age_sex} - send the care plan to {email}",
    "NICU: {first} {last}, {age_inf}, going to {inst} by transport {time}",
    "board says {hdr} but the armband says {last}?? pls check",
    "{lname} {age_sex} needs a sitter in {room}",
    "ED to 5N: {name}, {dx}, {vital}",
    "{hdr}\n{dob_bare}\n{dx}\n{room}",
    "Family of {last} ({rel}) at the desk asking for {room}",
    "{cjk}，{age_sex}，{dx}",
    "bumping {mr_last} to {room} so {other_last} can have the iso room",
    "Direct admit {name} from {doc}'s clinic, {dx}, arriving {rdate}",
]

LOW = [
    "{colleague} is flow coordinator {rdate}",
    "ED has 14 boarders {rdate}, capacity huddle {time}",
    "Thanks {colleague}, bed assigned",
    "{own_inst} is on diversion until {time}",
    "{colleague} can you cover the transfer centre phone",
    "{doc} is covering the obs unit",
    "huddle moved to {rdate}",
    "{colleague} and {colleague} are in the float pool",
]

CLEAN = [
    "Bed huddle in 5, bring your numbers",
    "Will transport be here soon? two waiting",
    "EVS is short staffed, expect delays on turns",
    "4 West has 3 dirty beds and 2 clean",
    "Hope everyone had a good weekend",
    "Pharmacy says {dose} is back in stock",
    "Mark the board when a bed is clean pls",
    "Any news on the new {device}?",
    "Step-down is full, PACU is holding two",
    "Who is on the flow phone?",
    "Reminder: no hallway beds past the fire doors",
    "Sorry, wrong channel",
    "Case management rounds moved to the small conference room",
    "Rapid response cart restocked",
    "Baker Act paperwork lives in the blue binder",
    "Chase the {lab} results with the lab, they never called",
    "Frank talk with bed management, we need more float staff",
    "{epo} patients should go to monitored beds",
    "Great work, team :tada:",
    "Grace, mercy and coffee: that is how we survive census days",
    "Is {dose} ok with {epo}? asking for the protocol",
    "Gold team is full, send new admits to Blue",
    "Sterling job on the turnover today",
    "Mobile X-ray is stuck on 3 South again",
    "Can we stop paging the flow phone for {device} requests",
    "North tower elevators are down, use the bridge",
    "Price of the new {device} came up at huddle, finance will decide",
    "{score} scoring sheets are on the clipboard",
]
