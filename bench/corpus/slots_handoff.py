"""Slot fillers for the `handoff_dev` split (a DEV set, tuned on): the shapes an ED/ICU night
handoff and a multi-site bed-management channel write that the older slots do not draw.

A bed list line names several patients by surname after one label ("beds 3/4: Ruiz, Patel",
"ICU 2 & 5 - okonkwo, baptiste"), a handoff names a patient by surname after a verb or a
preposition with no title ("saw Okonkwo", "for Nguyen", "re Baptiste"), and a possessive hangs a
lab on a surname ("Mendez's K").
"""

from __future__ import annotations

from bench.corpus.slots import Ctx, Seg, lit, phi


def f_bed_list(c: Ctx) -> list[Seg]:
    """ "beds 3/4: Ruiz, Patel": one label, two or three bed numbers, then the surnames."""
    r = c.rng
    count = 3 if r.random() < 0.3 else 2
    label = c.choice(["beds", "Beds", "bays", "ICU", "rm", "HDU", "resus", "CDU"])
    start = r.randint(1, 20)
    numbers = [str(start + i) for i in range(count)]
    join = c.choice(["/", " & ", ","])
    names = [c.patient[1]] + [c.names.pick(r)[1] for _ in range(count - 1)]
    if r.random() < 0.35:
        names = [n.lower() for n in names]
    sep = c.choice([": ", " - ", " = ", " "])
    out: list[Seg] = [phi(f"{label} {join.join(numbers)}", "ROOM", "quasi"), lit(sep)]
    for i, name in enumerate(names):
        if i:
            out.append(lit(c.choice([", ", " + ", " and ", ", "])))
        out.append(phi(name, "NAME", "direct"))
    return out


def f_poss_last(c: Ctx) -> list[Seg]:
    """ "Mendez's K": a surname's possessive before a lab or a result; the suffix stays outside."""
    name = c.patient[1]
    suffix = "'" if name.endswith("s") and c.rng.random() < 0.5 else "'s"
    return [phi(name, "NAME", "direct"), lit(suffix)]


SLOTS = {
    "bedlist": f_bed_list,
    "possl": f_poss_last,
}
