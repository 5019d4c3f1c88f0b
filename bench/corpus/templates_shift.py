"""Templates for the `shift` split: a night-shift group chat, written on 2026-12-02 after that
day's detector changes and committed before its first measurement (issue 13's check that clean
chatter is not read as names). Its voice is the unit's own back-channel: greetings and sign-offs
in chat shorthand ("gm all", "nite everyone", "k thx", "omw", "ngl"), coffee runs, quick asks,
and among them the handover lines that carry a patient. Never tune against individual misses:
read aggregate figures. Names are mostly invented (`synth_names`), as in `fresh`.
"""

from __future__ import annotations

PHI = [
    "omw to {room}, {last} is pulling at lines again",
    "k so {first} in {room} spiked to 39.2, cultures sent, {dose} given",
    "ngl {name} scared me, {vital}, rapid called {time}",
    "handoff: {last} {age_sex}, {dx}, {course}. fam ({rel}) calling at {time}",
    "gm all, {name} d/c'd {rdate}, room {bare} needs cleaning",
    "can sb double check {poss} insulin? {dose} due {time}",
    "{last} ({age}) refused the {device}, documented",
    "who took {first} {last} to CT? {acc}",
    "nite all - {name}'s daughter {rel} will call {phone} re: consent",
    "brb, {last} in {room} needs a bedpan",
    "tbh {name} looks better, {lab}",
    "{doc} wants {last} NPO after midnight for {proc}",
    "new pt {name} {mrn} from {inst}, {dx}",
    "cya tmrw, {first} still pending {lab}",
    "heads up {last} is a fall risk, bed alarm on in {room}",
]

LOW = [
    "{colleague} is charge {rdate}, {colleague} has breaks",
    "gm {colleague}! coffee?",
    "tyvm {colleague} for covering :pray:",
    "{colleague} swapping nights w/ {colleague} {rdate}",
    "np {colleague}, ill take the admit",
    "{colleague} ur badge is at the desk",
    "staff meeting {rdate} {time}",
    "shoutout to {colleague} :star:",
]

CLEAN = [
    "gm all :sunny:",
    "nite everyone, drive safe",
    "k thx",
    "np!",
    "omw",
    "lmao the pyxis just rebooted itself",
    "ikr, third time this week",
    "ttyl, going on break",
    "anyone want coffee? ill do a run",
    "ngl this shift is dragging",
    "tbh the new scanners are worse",
    "cya tmrw",
    "ily guys, best crew :heart:",
    "wbu, are u staying late?",
    "brb",
    "rofl who ordered 40 pizzas",
    "ty ty ty",
    "gn, see u sunday",
    "{device} in the supply room is broken again",
    "is {dose} ok with {epo}? asking for the protocol",
    "{here} fire drill at 3, ignore the bells",
    "tele box 12 battery low, swapped",
]
