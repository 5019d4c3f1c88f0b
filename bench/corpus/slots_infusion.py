"""Slot fillers for the `infusion_dev` split (a DEV set, tuned on): the shapes an oncology
infusion centre's and a step-down unit's huddle channel writes that the older slots do not draw.

A patient is placed by the unit's own furniture, not a room: a chair, recliner, bay, pod,
cubicle, trolley, slot, station or bed with a number or a letter ("recliner 7", "pod B", "bay
3B", "slot 4", "trolley 2", "chair #11", "ch 6"): a ROOM, so a quasi-identifier, label kept in
the span. Ages come terse as nurses write them beside a sex ("72F", "F/72", "M 64"), relative
days as a week's schedule writes them ("next Tues", "Thurs wk", "a fortnight ago"), and a chair
list line names two patients by surname ("recliner 3 okafor, recliner 4 lindqvist").
"""

from __future__ import annotations

from bench.corpus.slots import Ctx, Seg, lit, phi

_SPOT_LABELS = (
    "chair",
    "Chair",
    "recliner",
    "bay",
    "Bay",
    "pod",
    "Pod",
    "cubicle",
    "cube",
    "trolley",
    "slot",
    "station",
    "bed",
    "Bed",
    "spot",
    "couch",
    "booth",
    "side room",
)


def _spot_text(c: Ctx) -> str:
    r = c.rng
    label = c.choice(_SPOT_LABELS)
    shape = r.random()
    if shape < 0.5:
        mark = str(r.randint(1, 28))
    elif shape < 0.65:
        mark = r.choice("ABCDEFGH")
    elif shape < 0.8:
        mark = f"{r.randint(1, 12)}{r.choice('ABCD')}"
    elif shape < 0.9:
        mark = f"#{r.randint(1, 28)}"
    else:
        mark = f"{r.choice('ABCD')}{r.randint(1, 9)}"
    if label in {"chair", "Chair"} and r.random() < 0.15:
        return f"ch{c.choice(['', ' '])}{r.randint(1, 24)}"
    if label in {"pod", "Pod"} and r.random() < 0.3:
        return (
            f"{label} {r.choice('ABCD')} {c.choice(['chair', 'recliner', 'bay'])} {r.randint(1, 8)}"
        )
    return f"{label} {mark}"


def f_spot(c: Ctx) -> list[Seg]:
    """Where the patient sits: the unit's furniture with a number or a letter (ROOM, quasi)."""
    return [phi(_spot_text(c), "ROOM", "quasi")]


def f_age_terse(c: Ctx) -> list[Seg]:
    """An age beside a sex as a huddle sheet writes it: "72F", "F/72", "M 64", "72 y M"."""
    r = c.rng
    n = r.randint(19, 96)
    sex = c.choice("MF")
    text = c.choice(
        [
            f"{n}F" if sex == "F" else f"{n}M",
            f"{sex}/{n}",
            f"{n}/{sex}",
            f"{sex} {n}",
            f"{n} y {sex}",
            f"{n}yo{sex.lower()}",
            f"{n} {sex}",
            f"{n}y {sex}",
        ]
    )
    return [phi(text, "AGE", "quasi")]


# a day as a week's schedule names it, the whole phrase the span (as "last Friday" in
# slots.RELATIVE_DATES); "Wednesday's list": the possessive stays outside
RELATIVE_DATES = [
    "next Tues",
    "next Monday",
    "Thurs wk",
    "a fortnight ago",
    "this coming Friday",
    "last Weds",
    "Tuesday next week",
    "the day before yesterday",
    "Mon gone",
    "yesterday am",
    "tomorrow pm",
    "Wednesday's",
    "first thing tmrw",
    "3/7 ago",
    "last Sat",
    "Fri",
]


def f_rdate_week(c: Ctx) -> list[Seg]:
    day = c.choice(RELATIVE_DATES)
    if day.endswith("'s"):
        return [phi(day[:-2], "DATE", "quasi"), lit("'s")]
    return [phi(day, "DATE", "quasi")]


def f_chair_list(c: Ctx) -> list[Seg]:
    """ "recliner 3 okafor, recliner 4 lindqvist": two patients by surname beside their seats."""
    label = c.choice(["chair", "recliner", "bay", "ch", "pod"])
    n = c.rng.randint(1, 20)
    first = c.patient[1]
    second = c.names.pick(c.rng)[1]
    if c.rng.random() < 0.5:
        first, second = first.lower(), second.lower()
    return [
        phi(f"{label} {n}", "ROOM", "quasi"),
        lit(" "),
        phi(first, "NAME", "direct"),
        lit(", "),
        phi(f"{label} {n + 1}", "ROOM", "quasi"),
        lit(" "),
        phi(second, "NAME", "direct"),
    ]


SLOTS = {
    "spot": f_spot,
    "age_t": f_age_terse,
    "rdate_w": f_rdate_week,
    "chairlist": f_chair_list,
}
