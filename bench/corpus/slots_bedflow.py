"""Slot fillers for the `bedflow_dev` split (a DEV set, tuned on): the shapes a hospital's
patient-flow, bed-management and transfer-centre channel writes that the older slots do not draw.

A bed is named by the unit's own code beside its number ("4W-12", "5N 14", "MS-408B", "CDU 9",
"hall bed 3"): a ROOM, label kept. A bed board line sets a bed, a name as the board prints it
("HALVORSEN, Ingrid", "OKAFOR,C", "Mbeki T.") and a status side by side, with pipes or dashes; a
discharge-before-noon or boarding list names two or three patients by bed and surname; a
name comes in ALL CAPS, as initials before a surname, or in its own script (Chinese, Devanagari,
Arabic, Cyrillic, Hangul). Staff stay quasi (titled, or a colleague's first name).
"""

from __future__ import annotations

from faker import Faker

from bench.corpus.slots import Ctx, Seg, lit, phi

_UNITS = ("4W", "5N", "6E", "3S", "7W", "MS", "T3", "B2", "2N", "8E", "CCU", "PCU")
_STATUSES = (
    "dirty",
    "clean",
    "EVS called",
    "blocked",
    "pending d/c",
    "d/c order in",
    "assigned",
    "iso clean needed",
    "ready",
    "transport called",
)
# (locale, surname first and unspaced): Chinese and Korean write the family name first
_SCRIPT_LOCALES = (
    ("zh_CN", True),
    ("zh_TW", True),
    ("ko_KR", True),
    ("hi_IN", False),
    ("mr_IN", False),
    ("ne_NP", False),
    ("ar_AA", False),
    ("ru_RU", False),
    ("bg_BG", False),
    ("uk_UA", False),
)
_SCRIPT_FAKERS: dict[str, Faker] = {}


def _unit_bed_text(c: Ctx) -> str:
    r = c.rng
    unit = c.choice(_UNITS)
    n = r.randint(1, 40)
    shape = r.random()
    if shape < 0.35:
        return f"{unit}-{n:02d}" if r.random() < 0.3 else f"{unit}-{n}"
    if shape < 0.5:
        return f"{unit} {n}"
    if shape < 0.6:
        return f"{unit}-{r.randint(200, 899)}{r.choice('AB')}"
    if shape < 0.7:
        return f"{unit}{n}"
    if shape < 0.8:
        return c.choice(["hall bed ", "hallway ", "H", "obs ", "CDU ", "ED "]) + str(
            r.randint(1, 30)
        )
    if shape < 0.9:
        return f"{c.choice(['4 West', '5 North', '6 East', 'Tower 3'])} bed {n}"
    return f"{unit} {r.randint(1, 12)}{r.choice('AB')}"


def f_unit_bed(c: Ctx) -> list[Seg]:
    """A bed as the bed board names it: unit code and number (ROOM, quasi; label kept)."""
    return [phi(_unit_bed_text(c), "ROOM", "quasi")]


def _board_name(c: Ctx, first: str, last: str) -> str:
    """A name as a bed board or a census prints it."""
    initial = first[0]
    return c.choice(
        [
            f"{last.upper()}, {first}",
            f"{last.upper()},{first.upper()}",
            f"{last.upper()}, {initial}",
            f"{last}, {initial}.",
            f"{last} {initial}.",
            f"{initial}. {last}",
            f"{initial}.{c.choice('ABCDEHJKLMRST')}. {last}",
            f"{last.upper()} {first.upper()}",
            f"{first} {last.upper()}",
            f"{last.upper()}",
            f"{last}",
            f"{last.lower()}",
        ]
    )


def f_board_name(c: Ctx) -> list[Seg]:
    """The patient's name in one of the shapes a board prints (caps, initials, surname alone)."""
    first, last = c.patient
    return [phi(_board_name(c, first, last), "NAME", "direct")]


def f_upper_last(c: Ctx) -> list[Seg]:
    """The patient's surname alone in capitals, as a board column shows it."""
    return [phi(c.patient[1].upper(), "NAME", "direct")]


def f_initial_last(c: Ctx) -> list[Seg]:
    """The patient by first initial and surname ("K. Mbeki", "k mbeki", "Mbeki K")."""
    first, last = c.patient
    text = c.choice([f"{first[0]}. {last}", f"{first[0]} {last}", f"{last} {first[0]}"])
    if c.rng.random() < 0.3:
        text = text.lower()
    return [phi(text, "NAME", "direct")]


def f_board_line(c: Ctx) -> list[Seg]:
    """ "5N-14 | HALVORSEN, Ingrid | dirty": bed, name and status as one board row."""
    sep = c.choice([" | ", " - ", "  ", " / ", ": "])
    first, last = c.patient
    return [
        phi(_unit_bed_text(c), "ROOM", "quasi"),
        lit(sep),
        phi(_board_name(c, first, last), "NAME", "direct"),
        lit(" - " if sep == ": " else sep),
        lit(c.choice(_STATUSES)),
    ]


def f_flow_list(c: Ctx) -> list[Seg]:
    """ "4W-12 halvorsen, 4W-15 OKAFOR, 4W-20 Mbeki": two or three beds, each with a surname."""
    r = c.rng
    count = 3 if r.random() < 0.4 else 2
    names = [c.patient] + [c.names.pick(r) for _ in range(count - 1)]
    case = r.random()
    out: list[Seg] = []
    for i, (first, last) in enumerate(names):
        if i:
            out.append(lit(c.choice([", ", "; ", " / ", "\n"])))
        name = last.lower() if case < 0.3 else last.upper() if case < 0.5 else last
        if r.random() < 0.15:
            name = f"{last.upper()}, {first[0]}"
        out.append(phi(_unit_bed_text(c), "ROOM", "quasi"))
        out.append(lit(c.choice([" ", " ", " - ", ": "])))
        out.append(phi(name, "NAME", "direct"))
    return out


def f_flow_script(c: Ctx) -> list[Seg]:
    """A full name in its own script and order: Chinese, Hangul, Devanagari, Arabic, Cyrillic."""
    loc, family_first = c.rng.choice(_SCRIPT_LOCALES)
    fake = _SCRIPT_FAKERS.setdefault(loc, Faker(loc))
    fake.seed_instance(c.rng.getrandbits(32))
    if family_first:
        return [phi(fake.last_name() + fake.first_name(), "NAME", "direct")]
    return [phi(f"{fake.first_name()} {fake.last_name()}", "NAME", "direct")]


SLOTS = {
    "ubed": f_unit_bed,
    "bname_b": f_board_name,
    "ulast": f_upper_last,
    "ilast": f_initial_last,
    "bline": f_board_line,
    "flist": f_flow_list,
    "fscript": f_flow_script,
}
