"""Name slot fillers for the `periop_dev` split (a DEV set, tuned on): the shapes of names an
operating-room scheduling and anaesthesia channel writes that the older slots do not draw.

A surname alone in lower case ("bump okafor to OR 3"), a first name in lower case, a nickname
in quotes inside the full name (`Robert "Bobby" Okafor`), a name in another script (Arabic,
Persian, Hebrew, Thai, Armenian, Japanese, Macedonian, Bengali), and a case list line
("OR 4 ramirez, OR 5 okafor") naming two patients. Staff stay quasi (titled, or a colleague's
first name); every other name is the patient's, a direct identifier.
"""

from __future__ import annotations

from faker import Faker

from bench.corpus.slots import Ctx, Seg, lit, phi

# Nicknames people are charted and called by; several are English words
NICKNAMES = (
    "Bobby",
    "Junior",
    "Sunny",
    "Red",
    "Lucky",
    "Tito",
    "Nana",
    "Peanut",
    "Buddy",
    "Chico",
    "Mimi",
    "Bubba",
    "Ziggy",
    "Boo",
    "Pepe",
    "Kiki",
)
_SCRIPT_LOCALES = ("ar_SA", "fa_IR", "he_IL", "th_TH", "hy_AM", "ja_JP", "mk_MK", "bn_BD")
_SCRIPT_FAKERS: dict[str, Faker] = {}


def f_lower_last(c: Ctx) -> list[Seg]:
    """The patient's surname alone, typed in lower case."""
    return [phi(c.patient[1].lower(), "NAME", "direct")]


def f_lower_first(c: Ctx) -> list[Seg]:
    """The patient's first name alone, typed in lower case."""
    return [phi(c.patient[0].lower(), "NAME", "direct")]


def f_nickname(c: Ctx) -> list[Seg]:
    """`Robert "Bobby" Okafor`, or the quoted nickname alone after the first name."""
    first, last = c.patient
    nick = c.choice(NICKNAMES)
    quote = c.choice(['"', "'", "“"])
    close = "”" if quote == "“" else quote
    if c.rng.random() < 0.7:
        return [phi(f"{first} {quote}{nick}{close} {last}", "NAME", "direct")]
    return [phi(f"{quote}{nick}{close} {last}", "NAME", "direct")]


def f_script_name(c: Ctx) -> list[Seg]:
    """A full name in its own script; Japanese writes it surname first with no space."""
    loc = c.choice(_SCRIPT_LOCALES)
    fake = _SCRIPT_FAKERS.setdefault(loc, Faker(loc))
    fake.seed_instance(c.rng.getrandbits(32))
    if loc == "ja_JP":
        return [phi(fake.last_name() + fake.first_name(), "NAME", "direct")]
    return [phi(f"{fake.first_name()} {fake.last_name()}", "NAME", "direct")]


def f_case_list(c: Ctx) -> list[Seg]:
    """ "OR 4 ramirez, OR 5 okafor": a case list line naming two patients by surname."""
    room = c.rng.randint(1, 12)
    second = c.names.pick(c.rng)[1]
    first = c.patient[1]
    if c.rng.random() < 0.5:
        first, second = first.lower(), second.lower()
    label = c.choice(["OR ", "or ", "OR", "theatre "])
    return [
        lit(label + str(room) + " "),
        phi(first, "NAME", "direct"),
        lit(", " + label + str(room + 1) + " "),
        phi(second, "NAME", "direct"),
    ]


def f_titled_staff(c: Ctx) -> list[Seg]:
    """A clinician by role or title and surname: "anesthesia (Dr Mensah)", "CRNA Mensah"."""
    last = c.names.pick(c.rng)[1]
    title = c.choice(["Dr. ", "Dr ", "dr ", "CRNA ", "anesthesiologist Dr. ", "surgeon Dr "])
    return [lit(title), phi(last, "NAME", "quasi")]


SLOTS = {
    "llast": f_lower_last,
    "lfirst": f_lower_first,
    "nick": f_nickname,
    "script": f_script_name,
    "caselist": f_case_list,
    "tstaff": f_titled_staff,
}
