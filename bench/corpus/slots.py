"""Slot fillers for the synthetic clinical chat corpus.

A template is plain text with `{slot}` markers. Each filler returns segments: text plus, when the
text is PHI, its kind and its role under the combination rule (`direct` identifiers make a message
`phi` alone; two `quasi` identifiers together make it `phi`; one alone is `low`). Labels such as
"MRN", "DOB", "Dr." are left outside the gold span; ROOM spans include their label ("bed 12B")
because the number alone says nothing. Raw segments (Slack markup, emails, URLs) are never
re-cased by the message-level case variants.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from faker import Faker

from bench.corpus.synth_names import synth_name


@dataclass(frozen=True)
class Seg:
    text: str
    kind: str | None = None
    role: str = ""  # "direct" | "quasi" | ""
    raw: bool = False


def lit(text: str, raw: bool = False) -> Seg:
    return Seg(text, raw=raw)


def phi(text: str, kind: str, role: str, raw: bool = False) -> Seg:
    return Seg(text, kind, role, raw)


def ascii_fold(text: str) -> str:
    """Emails and URLs are usually typed without diacritics."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum() or c in ".-")


class NameSource:
    """Fake first/last names from a fixed set of Faker locales (plus hand-written extras)."""

    ROMANISED = frozenset({"zh_CN", "ja_JP"})

    def __init__(
        self,
        locales: Sequence[str],
        extras: Sequence[tuple[str, str]] = (),
        synth_share: float = 0.0,
        extras_share: float = 0.06,
    ) -> None:
        self.locales = list(locales)
        self.fakers = {loc: Faker(loc) for loc in self.locales}
        self.extras = list(extras)
        # invented names (`synth_names`): in no gazetteer the engine could have been built from
        self.synth_share = synth_share
        self.extras_share = extras_share

    def pick(self, rng: random.Random) -> tuple[str, str]:
        r = rng.random()
        if r < self.synth_share:
            return synth_name(rng)
        if self.extras and r < self.synth_share + self.extras_share:
            return rng.choice(self.extras)
        loc = rng.choice(self.locales)
        fake = self.fakers[loc]
        fake.seed_instance(rng.getrandbits(32))
        if loc in self.ROMANISED:
            return fake.first_romanized_name(), fake.last_romanized_name()
        first = fake.first_name_female() if rng.random() < 0.5 else fake.first_name_male()
        return first.split()[0], fake.last_name()


@dataclass
class Ctx:
    """What fillers may draw on for one message."""

    rng: random.Random
    names: NameSource
    institutions: Sequence[str]
    cities: Sequence[str]
    # the patient of this message, so "{name}" and "{first}"/"{email}" agree
    patient: tuple[str, str] = ("", "")
    # held-out split: also draw formats the main split never shows
    heldout: bool = False
    # fresh split: terse typed forms on top of the held-out ones
    fresh: bool = False

    def choice(self, items: Sequence[str]) -> str:
        return self.rng.choice(items)


Filler = Callable[[Ctx], list[Seg]]


# ---------------------------------------------------------------- names
def _name_formats(first: str, last: str, rng: random.Random, fresh: bool = False) -> str:
    if fresh and rng.random() < 0.35:
        return rng.choice(
            [
                f"{first.upper()} {last.upper()}",
                f"{last.upper()} {first}",
                f"{last}, {first[0]}.",
                f"{first.lower()} {last.lower()}",
                f"{last.lower()}, {first.lower()}",
                f"{first} {last[0]}.",
            ]
        )
    r = rng.random()
    if r < 0.50:
        return f"{first} {last}"
    if r < 0.62:
        return f"{last.upper()}, {first.upper()}"
    if r < 0.74:
        return f"{last}, {first}"
    if r < 0.82:
        return f"{first[0]}. {last}"
    if r < 0.90:
        return f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
    return f"{first.lower()} {last.lower()}"


def f_name(c: Ctx) -> list[Seg]:
    first, last = c.patient
    return [phi(_name_formats(first, last, c.rng, c.fresh), "NAME", "direct")]


def f_first(c: Ctx) -> list[Seg]:
    return [phi(c.patient[0], "NAME", "direct")]


def f_last(c: Ctx) -> list[Seg]:
    return [phi(c.patient[1], "NAME", "direct")]


def f_other_last(c: Ctx) -> list[Seg]:
    """Another patient's surname (sign-out lists name several)."""
    return [phi(c.names.pick(c.rng)[1], "NAME", "direct")]


def f_mr_last(c: Ctx) -> list[Seg]:
    title = c.choice(["Mr. ", "Mrs. ", "Ms. ", "Mr ", "Mrs ", "Ms ", "mr ", "Miss "])
    return [lit(title), phi(c.patient[1], "NAME", "direct")]


def f_poss(c: Ctx) -> list[Seg]:
    name = c.patient[0] if c.rng.random() < 0.6 else c.patient[1]
    suffix = "'" if name.endswith("s") and c.rng.random() < 0.5 else "'s"
    return [phi(name, "NAME", "direct"), lit(suffix)]


def f_rel(c: Ctx) -> list[Seg]:
    """A relative's first name (different person, same direct role)."""
    return [phi(c.names.pick(c.rng)[0], "NAME", "direct")]


def f_bold_name(c: Ctx) -> list[Seg]:
    first, last = c.patient
    return [lit("*", raw=True), phi(f"{first} {last}", "NAME", "direct"), lit("*", raw=True)]


def f_doc(c: Ctx) -> list[Seg]:
    first, last = c.names.pick(c.rng)
    title = c.choice(["Dr. ", "Dr ", "dr ", "Dr. ", "DR "])
    if c.rng.random() < 0.25:
        return [lit(title), phi(f"{first} {last}", "NAME", "quasi")]
    return [lit(title), phi(last, "NAME", "quasi")]


def f_staff(c: Ctx) -> list[Seg]:
    """A colleague's first name (practitioner: quasi)."""
    return [phi(c.names.pick(c.rng)[0], "NAME", "quasi")]


def f_colleague(c: Ctx) -> list[Seg]:
    """A colleague in staff-only chatter (scheduling, thanks): a NAME span whose role, `staff`,
    does not combine with other quasi-identifiers, since no patient is involved."""
    first, last = c.names.pick(c.rng)
    if c.rng.random() < 0.3:
        return [lit(c.choice(["Dr. ", "dr ", "Dr "])), phi(last, "NAME", "staff")]
    return [phi(first, "NAME", "staff")]


# ---------------------------------------------------------------- dates
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _rand_date(rng: random.Random, start: int, end: int) -> dt.date:
    first = dt.date(start, 1, 1).toordinal()
    return dt.date.fromordinal(rng.randint(first, dt.date(end, 12, 31).toordinal()))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def fmt_date_no_year(d: dt.date, rng: random.Random) -> str:
    mon, m3 = MONTHS[d.month - 1], MONTHS[d.month - 1][:3]
    return rng.choice(
        [
            f"{d.month}/{d.day}",
            f"{d.month:02d}/{d.day:02d}",
            f"{mon} {d.day}",
            f"{m3} {d.day}",
            f"{d.day} {m3}",
            f"{m3} {_ordinal(d.day)}",
            f"{_ordinal(d.day)} {mon}",
            f"{m3}. {d.day}",
            f"{d.day}-{m3}",
        ]
    )


def fmt_date_year(d: dt.date, rng: random.Random) -> str:
    mon, m3 = MONTHS[d.month - 1], MONTHS[d.month - 1][:3]
    return rng.choice(
        [
            f"{d.month:02d}/{d.day:02d}/{d.year}",
            f"{d.month}/{d.day}/{d.year % 100:02d}",
            f"{d.month}/{d.day}/{d.year}",
            f"{mon} {d.day}, {d.year}",
            f"{d.day} {m3} {d.year}",
            f"{d.isoformat()}",
            f"{d.day:02d}-{m3}-{d.year}",
            f"{m3} {d.day} {d.year}",
            f"{d.day:02d}.{d.month:02d}.{d.year}",
            f"{d.day} {mon} {d.year}",
        ]
    )


def fmt_date_heldout(d: dt.date, rng: random.Random, year: bool) -> str:
    mon, m3 = MONTHS[d.month - 1], MONTHS[d.month - 1][:3]
    if year:
        return rng.choice(
            [
                f"{d.day}.{d.month}.{d.year % 100:02d}",
                f"{d.year}/{d.month:02d}/{d.day:02d}",
                f"{m3}-{d.day:02d}-{d.year}",
                f"{_ordinal(d.day)} of {mon} {d.year}",
                f"{mon} {_ordinal(d.day)}, {d.year}",
                f"{d.month}-{d.day}-{d.year % 100:02d}",
            ]
        )
    return rng.choice(
        [
            f"{_ordinal(d.day)} of {mon}",
            f"{mon} {_ordinal(d.day)}",
            f"{m3.upper()} {d.day}",
            f"{d.month}-{d.day}",
            f"{d.day}/{d.month}",
        ]
    )


def _date_text(c: Ctx, start: int, end: int, year: bool) -> str:
    d = _rand_date(c.rng, start, end)
    if c.heldout and c.rng.random() < 0.4:
        return fmt_date_heldout(d, c.rng, year)
    return fmt_date_year(d, c.rng) if year else fmt_date_no_year(d, c.rng)


def f_date(c: Ctx) -> list[Seg]:
    return [phi(_date_text(c, 2021, 2026, year=False), "DATE", "quasi")]


def f_date_y(c: Ctx) -> list[Seg]:
    return [phi(_date_text(c, 2019, 2026, year=True), "DATE", "direct")]


def f_dob(c: Ctx) -> list[Seg]:
    labels = ["DOB ", "dob: ", "DOB: ", "D.O.B. ", "born ", "dob ", "b. ", "DOB "]
    if c.heldout:
        labels += ["date of birth ", "birthdate: ", "DOB-", "bday "]
    return [lit(c.choice(labels)), phi(_date_text(c, 1925, 2024, year=True), "DATE", "direct")]


def f_dob_bare(c: Ctx) -> list[Seg]:
    return [phi(_date_text(c, 1925, 2024, year=True), "DATE", "direct")]


# "on Tuesday": the weekday is the date, "on" is not
RELATIVE_DATES = [
    "today",
    "yesterday",
    "last night",
    "this morning",
    "tonight",
    "on |Tuesday",
    "last Friday",
    "over the weekend",
    "two days ago",
    "this AM",
    "this afternoon",
    "overnight",
    "tomorrow",
    "earlier today",
    "3 days ago",
    "last week",
    "on |Monday",
    "this evening",
    "Saturday night",
    "yesterday evening",
    "this PM",
    "tomorrow morning",
    "on |Sunday",
    "last Thursday",
    "2 days ago",
    "early this morning",
    "later today",
    "on |Wed",
    "this past weekend",
]
RELATIVE_DATES_HELDOUT = [
    "yest",
    "last nite",
    "this a.m.",
    "the night before last",
    "on the weekend",
    "3d ago",
    "on |Tues",
    "this past Monday",
    "a week ago",
    "Friday evening",
    "earlier this week",
    "the other day",
    "first thing this morning",
    "on |Thurs",
    "4 days ago",
    "Sunday morning",
]


RELATIVE_DATES_FRESH = [
    "yday",
    "tmrw",
    "2nite",
    "this am",
    "last eve",
    "sat",
    "mon am",
    "fri pm",
    "2d ago",
    "last wknd",
    "this wknd",
    "yesterday afternoon",
    "tues night",
    "thurs am",
    "on |sun",
    "5 days ago",
    "2 wks ago",
]


def f_rdate(c: Ctx) -> list[Seg]:
    if c.fresh and c.rng.random() < 0.4:
        pool = RELATIVE_DATES_FRESH
    else:
        pool = RELATIVE_DATES_HELDOUT if c.heldout and c.rng.random() < 0.4 else RELATIVE_DATES
    prefix, _, date = c.choice(pool).rpartition("|")
    return [lit(prefix), phi(date, "DATE", "quasi")] if prefix else [phi(date, "DATE", "quasi")]


# ---------------------------------------------------------------- ages
def f_age(c: Ctx) -> list[Seg]:
    rng = c.rng
    n = rng.choice(
        [rng.randint(18, 89), rng.randint(18, 89), rng.randint(1, 17), rng.randint(90, 103)]
    )
    sex = rng.choice("MF")
    forms = [
        f"{n}yo",
        f"{n} y/o",
        f"{n}-yo",
        f"{n}-year-old",
        f"{n} yr old",
        f"{n}y",
        f"{n}{sex}",
        f"{n} yo",
        f"{n}{sex.lower()}",
        f"{n} year old",
        f"{n} y.o.",
        f"{n}-y/o",
        f"{n} yrs old",
        f"aged {n}",
        f"age {n}",
        f"{n}yo{sex}",
    ]
    if c.heldout:
        forms += [
            f"{n} yrs",
            f"{n}yr",
            f"{n} years old",
            f"{n}-yr-old",
            f"{n} yo{sex}",
            f"{n}y/o",
            f"{n} yr",
            f"age: {n}",
            f"{n}yrs",
        ]
    return [phi(rng.choice(forms), "AGE", "quasi")]


def f_age_sex(c: Ctx) -> list[Seg]:
    """Age then sex: a single letter belongs to the age form ("45 yo F"), a word does not."""
    n = c.rng.randint(19, 95)
    age = c.choice([f"{n} yo", f"{n}yo", f"{n} y/o", f"{n}-year-old", f"{n} yr old"])
    sex = c.choice([" F", " M", " male", " female", " man", " woman", " gentleman", " lady"])
    if len(sex) == 2:
        return [phi(age + sex, "AGE", "quasi")]
    return [phi(age, "AGE", "quasi"), lit(sex)]


def f_age_infant(c: Ctx) -> list[Seg]:
    n = c.rng.randint(2, 23)
    return [
        phi(
            c.choice([f"{n} mo", f"{n}mo", f"{n} month old", f"{n}-month-old", f"{n} m/o"]),
            "AGE",
            "quasi",
        )
    ]


# ---------------------------------------------------------------- ids
def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def f_mrn(c: Ctx) -> list[Seg]:
    labels = ["MRN ", "mrn#: ", "MRN: ", "mrn ", "MR# ", "MRN#", "med rec # ", "mrn "]
    if c.heldout:
        labels += ["MRN-", "medical record number ", "pt id ", "Hosp# ", "UR# ", "chart # "]
    label = c.choice(labels)
    num = c.choice(
        [_digits(c.rng, 8), "00" + _digits(c.rng, 6), _digits(c.rng, 7), _digits(c.rng, 10)]
    )
    return [lit(label), phi(num, "ID", "direct")]


def f_acc(c: Ctx) -> list[Seg]:
    label = c.choice(["acc ", "accession ", "Acc# ", "ACC: ", "accession no. "])
    num = c.choice(
        [
            "A" + _digits(c.rng, 7),
            "CT" + _digits(c.rng, 8),
            _digits(c.rng, 9),
            "XR-" + _digits(c.rng, 7),
        ]
    )
    return [lit(label), phi(num, "ID", "direct")]


def f_fin(c: Ctx) -> list[Seg]:
    label = c.choice(["FIN ", "fin# ", "FIN: ", "encounter # ", "CSN "])
    return [lit(label), phi(_digits(c.rng, c.rng.randint(9, 10)), "ID", "direct")]


def f_acct(c: Ctx) -> list[Seg]:
    label = c.choice(["acct ", "account # ", "acct#: ", "billing acct "])
    return [lit(label), phi(_digits(c.rng, c.rng.randint(8, 10)), "ID", "direct")]


def f_hp(c: Ctx) -> list[Seg]:
    rng = c.rng
    label, num = rng.choice(
        [
            ("BCBS member ID ", "XYZ" + _digits(rng, 9)),
            ("Medicaid # ", _digits(rng, 8) + rng.choice("ABCDEFG")),
            (
                "Medicare MBI ",
                f"{rng.randint(1, 9)}EG{rng.randint(1, 9)}-TE{rng.randint(1, 9)}-MK{_digits(rng, 2)}",
            ),
            ("member id ", "W" + _digits(rng, 9)),
            ("Aetna ID ", "W" + _digits(rng, 8) + "01"),
            ("NHS number ", f"{_digits(rng, 3)} {_digits(rng, 3)} {_digits(rng, 4)}"),
            ("policy # ", "UHC" + _digits(rng, 8)),
        ]
    )
    return [lit(label), phi(num, "ID", "direct")]


def f_ssn(c: Ctx) -> list[Seg]:
    label = c.choice(["SSN ", "ssn: ", "SS# ", "social "])
    area = c.rng.randint(100, 665)
    num = f"{area}-{c.rng.randint(10, 99)}-{c.rng.randint(1000, 9999)}"
    if c.rng.random() < 0.2:
        num = num.replace("-", " ")
    return [lit(label), phi(num, "ID", "direct")]


def f_bare_id(c: Ctx) -> list[Seg]:
    return [phi(_digits(c.rng, c.rng.randint(7, 10)), "ID", "direct")]


# ---------------------------------------------------------------- contact
def _phone(rng: random.Random) -> str:
    a, b, n = rng.randint(201, 989), rng.randint(200, 999), rng.randint(1000, 9999)
    return rng.choice(
        [
            f"({a}) {b}-{n}",
            f"{a}-{b}-{n}",
            f"{a}.{b}.{n}",
            f"{a}{b}{n}",
            f"+1 {a} {b} {n}",
            f"1-{a}-{b}-{n}",
            f"({a}){b}-{n}",
            f"+44 20 {rng.randint(7000, 8999)} {n}",
            f"07{_digits(rng, 3)} {_digits(rng, 6)}",
            f"{a} {b} {n}",
            f"+1-{a}-{b}-{n}",
        ]
    )


def f_phone(c: Ctx) -> list[Seg]:
    if c.heldout and c.rng.random() < 0.35:
        r = c.rng
        number = c.choice(
            [
                f"+49 30 {_digits(r, 8)}",
                f"(02) {_digits(r, 4)} {_digits(r, 4)}",
                f"+33 6 {_digits(r, 2)} {_digits(r, 2)} {_digits(r, 2)} {_digits(r, 2)}",
                f"{r.randint(201, 989)}/{r.randint(200, 999)}-{r.randint(1000, 9999)}",
                f"+1 ({r.randint(201, 989)}) {r.randint(200, 999)}-{r.randint(1000, 9999)}",
                f"0{r.randint(20, 99)} {_digits(r, 4)} {_digits(r, 4)}",
            ]
        )
        return [phi(number, "CONTACT", "direct")]
    return [phi(_phone(c.rng), "CONTACT", "direct")]


def f_email(c: Ctx) -> list[Seg]:
    first, last = (ascii_fold(p) or "pt" for p in c.patient)
    user = c.choice(
        [
            f"{first}.{last}",
            f"{first}{last}{c.rng.randint(1, 99)}",
            f"{first[0]}{last}",
            f"{last}.{first}",
        ]
    )
    dom = c.choice(
        [
            "gmail.com",
            "yahoo.com",
            "hotmail.co.uk",
            "outlook.com",
            "icloud.com",
            "web.de",
            "proton.me",
            "wp.pl",
        ]
    )
    return [phi(f"{user}@{dom}", "CONTACT", "direct", raw=True)]


def f_url(c: Ctx) -> list[Seg]:
    first, last = (ascii_fold(p) or "pt" for p in c.patient)
    url = c.choice(
        [
            f"https://www.facebook.com/{first}.{last}.{c.rng.randint(1, 99)}",
            f"www.gofundme.com/f/help-{first}-{last}",
            f"https://instagram.com/{first}_{last}",
            f"https://www.linkedin.com/in/{first}-{last}",
            f"https://{last}family.blogspot.com",
        ]
    )
    return [phi(url, "CONTACT", "direct", raw=True)]


def f_slack_link(c: Ctx) -> list[Seg]:
    """Slack-formatted link `<url|label>`: only the URL is the span."""
    first, last = (ascii_fold(p) or "pt" for p in c.patient)
    url = f"https://www.gofundme.com/f/{first}-{last}-recovery"
    return [
        lit("<", raw=True),
        phi(url, "CONTACT", "direct", raw=True),
        lit("|gofundme>", raw=True),
    ]


def f_mailto(c: Ctx) -> list[Seg]:
    seg = f_email(c)[0]
    return [lit("<mailto:", raw=True), seg, lit("|", raw=True), seg, lit(">", raw=True)]


def f_ip(c: Ctx) -> list[Seg]:
    r = c.rng
    ip = c.choice(
        [
            f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
            f"192.168.{r.randint(0, 20)}.{r.randint(2, 254)}",
            f"{r.randint(24, 99)}.{r.randint(10, 250)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
        ]
    )
    return [phi(ip, "CONTACT", "direct")]


# ---------------------------------------------------------------- location
INSTITUTION_STEMS = [
    "Lakeside",
    "Riverside",
    "Oakwood",
    "Fairview",
    "Mercy",
    "Providence",
    "Northgate",
    "Cedar Ridge",
    "Sutter",
    "Bayview",
    "Hillcrest",
    "Summit",
    "Valley",
    "Good Samaritan",
    "Pinecrest",
    "Harborview",
    "Westbrook",
    "Kingsley",
    "Maple Grove",
    "Eastfield",
]
SAINTS = [
    "Mary's",
    "Jude's",
    "Luke's",
    "Vincent's",
    "Joseph's",
    "Thomas'",
    "Anne's",
    "Michael's",
    "Francis",
    "Elizabeth's",
    "Bartholomew's",
    "Catherine's",
]


def f_inst(c: Ctx) -> list[Seg]:
    rng = c.rng
    stem = rng.choice(INSTITUTION_STEMS)
    name = rng.choice(
        [
            f"St. {rng.choice(SAINTS)}",
            f"St {rng.choice(SAINTS)}",
            f"{stem} General",
            f"{stem} Medical Center",
            f"{stem} Memorial",
            f"{stem} Regional",
            f"{stem} Community Hospital",
            f"{stem} Children's",
            rng.choice(
                ["Mass General", "Mount Sinai", "Brigham", "Cedars-Sinai", "Mass Eye and Ear"]
            ),
            f"{stem} Rehab",
            f"{stem} Nursing Home",
            f"University of {rng.choice(c.cities)} Hospital",
            f"{stem} Hospice",
            f"{stem} Memorial Hospital",
            f"{stem} Gen",
            f"{stem} Med Ctr",
        ]
    )
    return [phi(name, "LOCATION", "quasi")]


def f_own_inst(c: Ctx) -> list[Seg]:
    return [phi(c.choice(c.institutions), "LOCATION", "quasi")]


STREET_TYPES = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Lane", "Dr", "Court", "Way"]


def f_street(c: Ctx) -> list[Seg]:
    rng = c.rng
    name = rng.choice(
        [
            "Elm",
            "Maple",
            "Oak",
            "Washington",
            "Lincoln",
            "Park",
            "Cedar",
            "Hill",
            "Baker",
            "Church",
            "High",
            "Mill",
            "Sunset",
            "Highland",
            "Jefferson",
            "Ridge",
            "Willow",
        ]
    )
    addr = f"{rng.randint(1, 9899)} {name} {rng.choice(STREET_TYPES)}"
    if rng.random() < 0.3:
        addr += rng.choice(
            [
                f" Apt {rng.randint(1, 40)}{rng.choice('ABCD')}",
                f" #{rng.randint(1, 400)}",
                f", Unit {rng.randint(1, 30)}",
            ]
        )
    return [phi(addr, "LOCATION", "direct")]


def f_city(c: Ctx) -> list[Seg]:
    return [phi(c.choice(c.cities), "LOCATION", "quasi")]


def f_zip(c: Ctx) -> list[Seg]:
    r = c.rng
    z = c.choice(
        [
            f"{r.randint(1001, 99950):05d}",
            f"{r.randint(1001, 99950):05d}-{r.randint(1, 9999):04d}",
            f"SW{r.randint(1, 20)} {r.randint(1, 9)}{r.choice('ABDEFGHJ')}{r.choice('LNPQRSTUWXYZ')}",
        ]
    )
    return [phi(z, "LOCATION", "quasi")]


# ---------------------------------------------------------------- rooms
def f_room(c: Ctx) -> list[Seg]:
    r = c.rng
    room = c.choice(
        [
            f"room {r.randint(100, 999)}",
            f"rm {r.randint(100, 999)}",
            f"bed {r.randint(1, 40)}{r.choice(['', 'A', 'B'])}",
            f"rm {r.randint(2, 9)}{r.choice('NSEW')}-{r.randint(1, 40)}",
            f"bay {r.randint(1, 20)}",
            f"Room {r.randint(2, 12)}{r.randint(10, 60)}",
            f"bed {r.randint(1, 30)}",
            f"RM {r.randint(100, 999)}",
            f"room {r.randint(2, 9)}-{r.randint(100, 199)}",
            f"bed {r.randint(1, 12)}{r.choice('ABCD')}",
            f"rm{r.randint(100, 999)}",
        ]
    )
    if c.heldout and r.random() < 0.4:
        room = c.choice(
            [
                f"Rm. {r.randint(10, 99)}",
                f"bed #{r.randint(1, 30)}",
                f"room {r.randint(10, 40)}-B",
                f"bay {r.choice('ABCDEF')}",
                f"cubicle {r.randint(1, 12)}",
                f"room {r.randint(1, 9)}{r.randint(10, 40)}A",
            ]
        )
    return [phi(room, "ROOM", "quasi")]


# ---------------------------------------------------------------- the `board` split's names
def f_header_name(c: Ctx) -> list[Seg]:
    """The patient as a note or board header writes them: `OROZCO,KYLE`, `Orozco, Kyle M`."""
    first, last = c.patient
    r = c.rng.random()
    if r < 0.45:
        text = f"{last.upper()},{first.upper()}"
    elif r < 0.7:
        text = f"{last.upper()}, {first.upper()} {c.choice('ABCDEFGHJKLMNPRSTW')}"
    elif r < 0.85:
        text = f"{last},{first}"
    else:
        text = f"{last}, {first} {c.choice('ABCDEFGHJKLMNPRSTW')}"
    return [phi(text, "NAME", "direct")]


def f_lower_name(c: Ctx) -> list[Seg]:
    """The patient's full name typed in lower case, with no title or label before it."""
    first, last = c.patient
    return [phi(f"{first.lower()} {last.lower()}", "NAME", "direct")]


_NATIVE_FAKERS: dict[str, Faker] = {}


def f_native_name(c: Ctx) -> list[Seg]:
    """A full name in its own script and order ("王小明", "김민준"): Chinese or Korean."""
    loc = c.choice(["zh_TW", "zh_CN", "ko_KR"])
    fake = _NATIVE_FAKERS.setdefault(loc, Faker(loc))
    fake.seed_instance(c.rng.getrandbits(32))
    return [phi(fake.last_name() + fake.first_name(), "NAME", "direct")]


# ---------------------------------------------------------------- the `dialysis` split's chairs
def f_chair(c: Ctx) -> list[Seg]:
    """A dialysis chair or station: the unit's bed number, so a quasi-identifier like a room."""
    r = c.rng
    chair = c.choice(
        [
            f"chair {r.randint(1, 24)}",
            f"chair #{r.randint(1, 24)}",
            f"ch {r.randint(1, 24)}",
            f"station {r.randint(1, 24)}",
            f"stn {r.randint(1, 24)}",
            f"pod {r.choice('ABCD')} chair {r.randint(1, 6)}",
            f"iso chair {r.randint(1, 3)}",
        ]
    )
    return [phi(chair, "ROOM", "quasi")]
