"""Words around a name that say the person is staff: practitioners' roles before the name
and degrees after it, greetings and thanks, the colleague of "covering for" and "swapped with"."""

from __future__ import annotations

PRACTITIONER_BEFORE = frozenset(
    [
        "attending",
        "resident",
        "fellow",
        "intern",
        "np",
        "pa",
        "rn",
        "nurse",
        "cna",
        "md",
        "hospitalist",
        "pcp",
        "surgeon",
        "cardiologist",
        "oncologist",
        "intensivist",
        "anesthesiologist",
        "anaesthesiologist",
        "anesthetist",
        "anaesthetist",
        "crna",
        "radiologist",
        "pathologist",
        "neurologist",
        "nephrologist",
        "consultant",
        "dr",
        "dr.",
        "doctor",
        "prof",
        "per",
        "paged",
        "page",
        "call",
    ]
)
PRACTITIONER_AFTER = frozenset(
    [
        "md",
        "m.d.",
        "do",
        "rn",
        "np",
        "pa",
        "pa-c",
        "dnp",
        "phd",
        "mbbs",
        "frcp",
        "facs",
        "crna",
        "lpn",
        "cnm",
    ]
)
STAFF_BEFORE = frozenset(
    [
        "thanks",
        "thank",
        "thx",
        "ty",
        "ask",
        "tell",
        "ping",
        "hey",
        "hi",
        "hello",
        "cc",
        "@",
        "covering",
        "per",
        "birthday",
        "bday",
        "congrats",
        "congratulations",
        "welcome",
        "kudos",
        "shout-out",
        "shoutout",
        "props",
        "go",
    ]
)
STAFF_AFTER_PAIRS = frozenset(
    [
        ("can", "you"),
        ("could", "you"),
        ("can", "u"),
        ("pls", ""),
        ("please", ""),
        ("are", "you"),
        ("is", "covering"),
        ("covering", "for"),
        ("swapped", "with"),
        ("swapped", "w/"),
        ("has", "clinic"),
        ("is", "precepting"),
        ("on", "call"),
        ("is", "presenting"),
    ]
)
# "covering for Luis", "swapped with Amara": the person after these is a colleague
STAFF_BEFORE_PAIRS = frozenset(
    [
        ("covering", "for"),
        ("cover", "for"),
        ("covers", "for"),
        ("swapped", "with"),
        ("swapped", "w/"),
        ("switched", "with"),
        ("trade", "with"),
        ("traded", "with"),
    ]
)
STAFF_AFTER = frozenset(["covering", "covers", "is", "can", "could", "will", "from", "on", "at"])
