"""The units a bed board names a bed by, with no "bed" before it ("PCU-28", "tele 4", "MICU 12").

One list for the two rules that read such a bed: `RoomRecognizer` reports it as a ROOM, and the
name rules read a word after it as a patient's name (`names_context.after_room`). Two copies had
drifted apart: a name after "NICU 4" or "micu12" was not read as after a bed.
"""

from __future__ import annotations

from collections.abc import Iterable

# Intensive care, step-down, telemetry, ED resuscitation, ED areas and overflow units that number their
# beds. Med-surg ("MS-34") is no entry: "ms" is also a title and multiple sclerosis, so each rule
# takes it only in the board's own shape.
BED_UNITS = frozenset(
    {
        "icu",
        "micu",
        "sicu",
        "cvicu",
        "picu",
        "nicu",
        "ccu",
        "pcu",
        "sdu",
        "cdu",
        "hdu",
        "tele",
        "resus",
        "hallway",
        # an ED's areas number their cubicles: "Majors 4", "minors 12" (a count after them,
        # "majors 12 waiting", is none: `rooms._NO_COUNT`; a census of areas neither)
        "majors",
        "minors",
    }
)
# The units whose numbers are seats even in a list or after a colon ("cdu 5,6,7", "resus: 2"),
# where "ICU 2" may still be a count
SEAT_UNITS = frozenset({"resus", "cdu", "hdu", "ccu"})


def alternation(units: Iterable[str]) -> str:
    """A regex alternation of unit codes, longest first (so "micu" is tried before "icu")."""
    return "|".join(sorted(units, key=lambda u: (-len(u), u)))
