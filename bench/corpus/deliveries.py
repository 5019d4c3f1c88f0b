"""Courier and DME delivery notes, change-of-address forms, guardianship letters: a DEV voice.

Written on 2026-12-02 by the places pass of issue 13 (engineer 01), after `lab_eob`,
`home_visit` and `occ_health` were tuned on, and committed before its first measurement. It
is for tuning the place recognizers: the measured other voices stay held out, and this
corpus's figures are dev figures, never evidence.

The voice: a medical-supply depot's delivery tickets and drivers' notes, a courier's
undeliverable-parcel e-mails, a clinic's change-of-address forms, and a social worker's or a
probate court's guardianship letters. It plants Safe Harbor's geographic subdivisions above
all, in the shapes addresses really take: one-line and multi-line addresses, units written
"Apt"/"Unit"/"#"/"Ste"/"Suite"/"Fl"/"Lot", PO boxes, rural routes and highway-contract boxes,
grid addresses ("W5640 County Rd K", "1450 S 700 E"), military boxes, ZIP+4, a ZIP after a
state abbreviation, after a state's name or alone, UK and Canadian postcodes, towns in running
prose with no cue ("the roads out of Paducah were icy"), "lives in X", counties and parishes,
neighbourhoods, and institutions named for their town. Towns are Faker's invented ones (every
locale's `city()`) and real US, UK and Canadian towns; the other categories are planted too.
Names come from Faker's en_US (dominant), en_GB, en_CA, en_AU and en_IE.

    python -m bench.corpus.deliveries --n 3
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Sequence
from typing import Any

from faker import Faker

from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import (
    Part,
    day_suffix,
    digits,
    documents,
    generator_main,
    letters,
    lit,
    pii,
    render_slots,
)
from bench.corpus.voice_kit import (
    fakers as stable_fakers,
)

LOCALES = ("en_US", "en_US", "en_US", "en_US", "en_GB", "en_CA", "en_AU", "en_IE")

TEMPLATES: dict[str, list[str]] = {
    "deliveries": [
        # delivery tickets and drivers' notes
        "DELIVERY TICKET {ticket}\nDeliver to: {name}\n{street}\n{unit_line}\n{town}, {state} "
        "{zip}\nPhone: {phone}\nItem: hospital bed, semi-electric, S/N {serial}\nWindow: {date} 8-12",
        "Driver note: left the concentrator with the neighbour at {street}, {name_first} was out. "
        "Roads around {town} were icy, so the {town2} stops go tomorrow.",
        "Dispatch {date}: {name}, {street}, {town} {zip} - oxygen swap, call ahead {phone}.",
        "Ship to:\n{name}\nc/o {relative}\n{street_unit}\n{town} {state} {zip}",
        "Attempted delivery {prose_date}. Nobody home at {street_unit}; card left. {town} "
        "depot holds it 5 days, ref {ticket}.",
        "Route sheet: {street}, then {street2} ({town2}), then back up {road} to the {town} "
        "warehouse.",
        "Pickup: walker and commode from {name}, {rural}, {town}, {state} {zip}. Long gravel "
        "drive, dog on a chain.",
        # courier e-mails
        "Hi,\n\nThe parcel for {name_first} came back undeliverable from {street}, {town}. The "
        "carrier says no such number. We have ZIP {zip} on file; can you confirm?\n\nThanks,\n{driver}",
        "{name} asked us to hold deliveries while she stays with her son in {town2}; resume at "
        "{street_unit} after {prose_date}.",
        "The {zip} area is off our Tuesday route now, so {name_first}'s oxygen comes from the "
        "{town} branch.",
        # change of address
        "CHANGE OF ADDRESS\nPatient: {name}   DOB: {dob}\nOld: {street}, {town}, {state} {zip}\n"
        "New: {street2}\n{town2}, {state_name} {zip2}\nEffective: {date}\nCounty: {county}",
        "Address update for {name} (MRN {mrn}): mail to {pobox}, {town}, {state} {zip_plus}. "
        "Home is still {street}.",
        "{name} has moved from {town} to {town2} ({county_full}); new number {phone}.",
        "{name}\n{military}\n{apo} {zip}\n\nDear {name_first}, your supplies ship on {prose_date}.",
        "Mail returned for {name}. Forwarding address: {uk_street}, {uk_town} {uk_postcode}.",
        "Patient {name} relocated to {ca_street}, {ca_town}, {province} {ca_postcode} on {date}.",
        # social work and guardianship
        "Dear Judge {judge},\n\nI write in support of the guardianship petition for {name} "
        "(case {case}). She has lived in {town} all her life and now resides at {facility} "
        "in {county_full}.\n\n{social_worker}, LCSW",
        "IN THE PROBATE COURT OF {county_upper}\nIn re the Guardianship of {name}\nCase No. "
        "{case}\nHearing {date}, 9:00 a.m., {town} courthouse.",
        "{name}, {age}, lives alone in {town}, {county_full}, in the {hood} neighborhood. Her "
        "niece {relative} drives up from {town2} on weekends.",
        "Home visit: {name}'s apartment is above the laundromat on {road}, in {hood}. "
        "Intercom {unit_short}. Next review {prose_date}.",
        "APS referral {case}: {name} found confused outside {facility}, {town}. Family in "
        "{town2} notified {prose_date}.",
        "{name} would rather not go to {town2}: it is a 40-minute drive each way and she "
        "grew up in {town}.",
        # clean: no patient in them
        "Warehouse closes at 4 on Fridays; returns go through the loading dock at the back.",
        "Oxygen deliveries on the north route are delayed until the plows come through.",
        "Ohio Medicaid wants a new CMN every 12 months for concentrators; Kentucky every 6.",
        "Reminder: the guardianship annual report is due on the anniversary of the order; use "
        "the county's form and file it with the clerk.",
        "Driver safety: back into driveways, never leave cylinders in a hot van, log every mile.",
    ],
}

CATEGORY = {
    "name": "names",
    "name_first": "names",
    "relative": "names",
    "street": "geographic subdivisions",
    "street2": "geographic subdivisions",
    "street_unit": "geographic subdivisions",
    "unit_line": "geographic subdivisions",
    "unit_short": "geographic subdivisions",
    "rural": "geographic subdivisions",
    "road": "geographic subdivisions",
    "pobox": "geographic subdivisions",
    "military": "geographic subdivisions",
    "uk_street": "geographic subdivisions",
    "ca_street": "geographic subdivisions",
    "town": "geographic subdivisions",
    "town2": "geographic subdivisions",
    "uk_town": "geographic subdivisions",
    "ca_town": "geographic subdivisions",
    "hood": "geographic subdivisions",
    "county": "geographic subdivisions",
    "county_full": "geographic subdivisions",
    "county_upper": "geographic subdivisions",
    "facility": "geographic subdivisions",
    "zip": "geographic subdivisions",
    "zip2": "geographic subdivisions",
    "zip_plus": "geographic subdivisions",
    "uk_postcode": "geographic subdivisions",
    "ca_postcode": "geographic subdivisions",
    "dob": "dates",
    "date": "dates",
    "prose_date": "dates",
    "age": "dates",
    "phone": "telephone numbers",
    "mrn": "medical record numbers",
    "ticket": "any other unique number",
    "case": "any other unique number",
    "serial": "device identifiers",
}
QUASI = frozenset(
    {
        "town",
        "town2",
        "uk_town",
        "ca_town",
        "hood",
        "county",
        "county_full",
        "county_upper",
        "facility",
        "zip",
        "zip2",
        "zip_plus",
        "uk_postcode",
        "ca_postcode",
        "date",
        "prose_date",
        "age",
    }
)

# Real towns (small and large) of the US, the UK and Canada, written as locals write them.
_US_TOWNS = ("Chillicothe", "Ypsilanti", "Paducah", "Bozeman", "Kalispell", "Nacogdoches",
             "Tupelo", "Opelousas", "Bemidji", "Walla Walla", "Coeur d'Alene", "Poughkeepsie",
             "Schenectady", "Punxsutawney", "Wapakoneta", "Ashtabula", "Lake Havasu City",
             "Port Huron", "Fort Wayne", "Mount Airy", "New Iberia", "West Memphis",
             "East Liverpool", "Glen Burnie", "St. Cloud", "St. Johnsbury", "Grand Forks",
             "Council Bluffs", "Cedar Rapids", "Elko", "Hays", "Ames", "Enid", "Lodi",
             "Eagle Pass", "Zanesville", "Marietta", "Altoona", "Hagerstown", "Bangor",
             "Keokuk", "Muskogee", "Texarkana", "Yuma", "Laramie", "Kearney", "Mankato",
             "Oshkosh", "Sheboygan", "Kokomo", "Terre Haute", "Bowling Green", "Hattiesburg",
             "Natchitoches", "Beaufort", "Brattleboro", "Presque Isle", "Winnemucca")  # fmt: skip
_UK_TOWNS = ("Market Harborough", "Bishop's Stortford", "Tunbridge Wells", "Stoke-on-Trent",
             "Milton Keynes", "Ashby-de-la-Zouch", "Bury St Edmunds", "Hebden Bridge",
             "Llandudno", "Kirkcaldy", "Ballymena", "Kettering", "Loughborough", "Scunthorpe",
             "Aberystwyth", "Stevenage", "Chipping Norton", "Newton Abbot")  # fmt: skip
_CA_TOWNS = ("Moose Jaw", "Trois-Rivières", "Red Deer", "Medicine Hat", "Sault Ste. Marie",
             "Rivière-du-Loup", "Portage la Prairie", "Yellowknife", "Antigonish", "Kamloops",
             "Lethbridge", "Brandon", "Nanaimo", "Chicoutimi", "Peterborough")  # fmt: skip
_HOODS = ("Over-the-Rhine", "Five Points", "Hyde Park", "Near West Side", "Germantown",
          "Little Havana", "Fishtown", "Bywater", "Capitol Hill", "Tremont", "Dogpatch",
          "Old Town", "Southside Flats", "Linden Heights", "Mill Creek")  # fmt: skip
_COUNTIES = ("Ross", "Muskingum", "Washtenaw", "McCracken", "Gallatin", "Flathead", "Lee",
             "St. Landry", "Beltrami", "Dutchess", "Jefferson", "Pottawattamie", "Cass",
             "Union", "Kanawha", "Elko", "Fond du Lac", "Yolo", "Tillamook", "Hidalgo")  # fmt: skip
_STATES = ("OH", "KY", "MI", "IN", "PA", "WV", "NY", "MT", "LA", "MN", "IA", "TX", "WI", "MS",
           "ME", "VT", "Ohio", "Ky.", "Mich.", "Pa.")  # fmt: skip
_STATE_NAMES = ("Ohio", "Kentucky", "Michigan", "Indiana", "Pennsylvania", "West Virginia",
                "New York", "Montana", "Louisiana", "Minnesota", "Iowa", "Texas")  # fmt: skip
_PROVINCES = ("ON", "QC", "AB", "SK", "MB", "BC", "NS", "Ontario", "Alberta")
_USPS = ("St", "Street", "Ave", "Avenue", "Rd", "Road", "Dr", "Drive", "Ln", "Lane", "Ct",
         "Court", "Blvd", "Pl", "Way", "Ter", "Cir", "Pkwy", "Hwy", "Trl", "Pike", "Run",
         "Hollow", "Bend", "Crossing", "Ridge", "Row", "Loop", "Path", "Sq")  # fmt: skip
_DIRECTIONS = ("N", "S", "E", "W", "NE", "NW", "SE", "SW", "N.", "S.", "North", "West")
_FACILITIES = ("{town} Memorial Hospital", "{town} Regional", "Mercy {town}",
               "{town} Care Center", "{town} Senior Apartments", "the {town} VA",
               "Good Shepherd Manor, {town}", "{town} Community Health Center")  # fmt: skip
_STAFF = {
    "driver": ("Marco Delgado", "Tess Whitfield", "Omar Haddad"),
    "judge": ("Kowalczyk", "Abernathy", "Oyelaran"),
    "social_worker": ("Renata Sousa", "Glen Pickering", "Abby Thorsen"),
}


class Person:
    """One patient, a relative and two homes, so a form's fields agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.locale = rng.choice(LOCALES)
        self.fake = fakers[self.locale]
        self.fake.seed_instance(rng.getrandbits(32))
        self.us = fakers["en_US"]
        self.first, self.last = self.fake.first_name(), self.fake.last_name()
        self.rel = f"{self.fake.first_name()} {self.fake.last_name()}"
        self.dob = dt.date(1928, 1, 1) + dt.timedelta(days=rng.randrange(365 * 70))
        self.town, self.town2 = self._town(), self._town()
        self.county = rng.choice(_COUNTIES) if rng.random() < 0.6 else self.fake.last_name()

    def _town(self) -> str:
        r = self.rng.random()
        if r < 0.4:
            return self.rng.choice(_US_TOWNS)
        if r < 0.55:
            return self.rng.choice(_UK_TOWNS + _CA_TOWNS)
        return self.fake.city()


def _date(rng: random.Random, d: dt.date) -> str:
    return rng.choice(
        [
            f"{d.month}/{d.day}/{d.year}",
            f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}",
            f"{d.strftime('%b')} {d.day}, {d.year}",
            f"{d.year}-{d.month:02d}-{d.day:02d}",
            f"{d.day} {d.strftime('%B')} {d.year}",
        ]
    )


def _prose(rng: random.Random, d: dt.date) -> str:
    return rng.choice(
        [
            f"{d.strftime('%A')} {d.month}/{d.day}",
            f"{d.strftime('%B')} {d.day}{day_suffix(d.day)}",
            f"the {d.day}{day_suffix(d.day)}",
            f"{d.strftime('%a')}, {d.strftime('%b')} {d.day}",
        ]
    )


def _road_name(p: Person) -> str:
    """A street's own name: Faker's street names (surnames and words) or a numbered one."""
    rng = p.rng
    r = rng.random()
    if r < 0.2:
        n = rng.randint(1, 99)
        return f"{n}{day_suffix(n)} {rng.choice(_USPS)}"
    if r < 0.3:
        return f"{rng.choice(_DIRECTIONS)} {p.us.last_name()} {rng.choice(_USPS)}"
    if r < 0.4:
        return f"{p.us.last_name()} {rng.choice(_USPS)} {rng.choice(('NE', 'NW', 'SE', 'SW', 'E', 'W'))}"
    if r < 0.55:
        return f"{rng.choice(('Old Mill', 'Cherry Hill', 'Sugar Creek', 'Indian Springs', 'Country Club', 'Lakeview', 'Pine', 'Maple', 'Church', 'Main'))} {rng.choice(_USPS)}"
    return p.us.street_name()


def _unit(rng: random.Random) -> str:
    n = rng.randint(1, 40)
    return rng.choice(
        [
            f"Apt {n}{rng.choice(['', 'A', 'B', 'C'])}",
            f"Apt. {rng.randint(100, 999)}",
            f"Unit {n}",
            f"#{rng.randint(2, 420)}",
            f"# {rng.randint(2, 40)}",
            f"Ste {rng.randint(100, 900)}",
            f"Suite {rng.randint(100, 1200)}",
            f"Fl {rng.randint(2, 9)}",
            f"Lot {n}",
            f"Bldg {rng.choice('ABCDEFG')}",
            f"Rm {rng.randint(100, 300)}",
            f"Apt {rng.choice('ABCDEF')}",
        ]
    )


def _street(p: Person) -> str:
    """A one-line street address in one of the shapes forms and tickets print."""
    rng = p.rng
    r = rng.random()
    if r < 0.25:
        return p.us.street_address()  # Faker's own: "2328 Figueroa Skyway Apt. 290"
    if r < 0.35:
        return p.fake.street_address().replace("\n", ", ")
    number = rng.choice(
        [str(rng.randint(2, 99999)), f"{rng.randint(2, 999)}{rng.choice('AB')}",
         f"{rng.randint(2, 99)}-{rng.randint(2, 99)}", f"{rng.randint(10, 9999)} 1/2"]
    )  # fmt: skip
    if r < 0.45:  # a grid address: "1450 S 700 E", "W5640 County Rd K"
        return rng.choice(
            [
                f"{rng.randint(100, 9999)} {rng.choice('NSEW')} {rng.randint(1, 99)}00 {rng.choice('NSEW')}",
                f"{rng.choice('NSEW')}{rng.randint(1000, 9999)} County Rd {rng.choice('ABCDKMQ')}",
                f"{rng.choice('NSEW')}{rng.randint(100, 999)} {p.us.last_name()} Rd",
            ]
        )
    return f"{number} {_road_name(p)}"


def _rural(rng: random.Random) -> str:
    return rng.choice(
        [
            f"RR {rng.randint(1, 9)} Box {rng.randint(1, 999)}",
            f"Rural Route {rng.randint(1, 9)}, Box {rng.randint(1, 999)}",
            f"HC {rng.randint(1, 90)} Box {rng.randint(1, 9999)}",
            f"{rng.randint(100, 99999)} County Road {rng.randint(1, 999)}",
            f"{rng.randint(100, 9999)} State Route {rng.randint(1, 399)}",
            f"{rng.randint(100, 9999)} Hwy {rng.randint(1, 99)} {rng.choice('NSEW')}",
            f"{rng.randint(100, 9999)} FM {rng.randint(100, 3000)}",
        ]
    )


def _pobox(rng: random.Random) -> str:
    n = rng.randint(1, 99999)
    return rng.choice(
        [f"PO Box {n}", f"P.O. Box {n}", f"P O Box {n}", f"Post Office Box {n}", f"POB {n}",
         f"Box {n}"]
    )  # fmt: skip


def _zip(rng: random.Random) -> str:
    return f"{rng.randint(1, 99):02d}{digits(rng, 3)}"


def _phone(rng: random.Random) -> str:
    a, b, c = (
        f"{rng.randint(2, 9)}{digits(rng, 2)}",
        f"{rng.randint(2, 9)}{digits(rng, 2)}",
        digits(rng, 4),
    )
    return rng.choice([f"{a}-{b}-{c}", f"({a}) {b}-{c}", f"{a}.{b}.{c}"])  # fmt: skip


def _fill(p: Person, slot: str) -> Part:
    rng = p.rng
    if slot == "state":
        return lit(rng.choice(_STATES))
    if slot == "state_name":
        return lit(rng.choice(_STATE_NAMES))
    if slot == "province":
        return lit(rng.choice(_PROVINCES))
    if slot == "apo":
        return lit(rng.choice(("APO AE", "FPO AP", "DPO AA", "APO AP")))
    if slot in _STAFF:
        # colleagues and the court: members of the workspace's directory, not patients
        return pii(rng.choice(_STAFF[slot]), "NAME", "staff")
    names = {"name": f"{p.first} {p.last}", "name_first": p.first, "relative": p.rel}
    if slot in names:
        return pii(names[slot], "NAME", "direct", CATEGORY[slot])
    day = dt.date(2025, 2, 3) + dt.timedelta(days=rng.randrange(600))
    county = p.county
    values: dict[str, tuple[str, str]] = {
        "street": (_street(p), "LOCATION"),
        "street2": (_street(p), "LOCATION"),
        "street_unit": (f"{_street(p)}{rng.choice([', ', ' ', ' '])}{_unit(rng)}", "LOCATION"),
        "unit_line": (_unit(rng), "LOCATION"),
        "unit_short": (rng.choice([f"{rng.randint(1, 9)}{rng.choice('ABCD')}", f"#{rng.randint(2, 30)}"]), "LOCATION"),
        "rural": (_rural(rng), "LOCATION"),
        "road": (_road_name(p), "LOCATION"),
        "pobox": (_pobox(rng), "LOCATION"),
        "military": (rng.choice([p.us.military_apo(), p.us.military_dpo(), f"PSC {digits(rng, 4)}, Box {digits(rng, 4)}"]), "LOCATION"),
        "uk_street": (rng.choice([f"Flat {rng.randint(1, 40)}, {rng.randint(1, 200)} {p.fake.last_name()} {rng.choice(['Road', 'Lane', 'Close', 'Crescent', 'Mews', 'Gardens', 'Terrace'])}", f"{rng.randint(1, 200)} {rng.choice(['High Street', 'Station Road', 'Church Lane', 'Mill Lane', 'The Green'])}"]), "LOCATION"),
        "ca_street": (rng.choice([f"{rng.randint(1, 9999)} {p.us.last_name()} {rng.choice(['Street', 'Avenue', 'Crescent', 'Boulevard', 'Road'])}", f"{rng.randint(1, 400)}-{rng.randint(1, 9999)} rue {p.us.last_name()}"]), "LOCATION"),
        "town": (p.town, "LOCATION"),
        "town2": (p.town2, "LOCATION"),
        "uk_town": (rng.choice(_UK_TOWNS) if rng.random() < 0.6 else fakers_city(p, "en_GB"), "LOCATION"),
        "ca_town": (rng.choice(_CA_TOWNS) if rng.random() < 0.6 else fakers_city(p, "en_CA"), "LOCATION"),
        "hood": (rng.choice(_HOODS), "LOCATION"),
        "county": (rng.choice([f"{county}", f"{county} County", f"{county} Co."]), "LOCATION"),
        "county_full": (rng.choice([f"{county} County", f"{county} Co.", f"{county} Parish", f"the County of {county}"]).removeprefix("the "), "LOCATION"),
        "county_upper": (f"{county.upper()} COUNTY", "LOCATION"),
        "facility": (rng.choice(_FACILITIES).format(town=p.town).removeprefix("the "), "LOCATION"),
        "zip": (_zip(rng), "LOCATION"),
        "zip2": (rng.choice([_zip(rng), f"{_zip(rng)}-{digits(rng, 4)}"]), "LOCATION"),
        "zip_plus": (f"{_zip(rng)}-{digits(rng, 4)}", "LOCATION"),
        "uk_postcode": (fakers_postcode(p, "en_GB"), "LOCATION"),
        "ca_postcode": (rng.choice([f"{letters(rng, 1)}{rng.randint(0, 9)}{letters(rng, 1)} {rng.randint(0, 9)}{letters(rng, 1)}{rng.randint(0, 9)}", f"{letters(rng, 1)}{rng.randint(0, 9)}{letters(rng, 1)}{rng.randint(0, 9)}{letters(rng, 1)}{rng.randint(0, 9)}"]), "LOCATION"),
        "dob": (_date(rng, p.dob), "DATE"),
        "date": (_date(rng, day), "DATE"),
        "prose_date": (_prose(rng, day), "DATE"),
        "age": (f"{rng.randint(90, 99)}", "AGE"),
        "phone": (_phone(rng), "CONTACT"),
        "mrn": (rng.choice([digits(rng, 8), f"M{digits(rng, 7)}"]), "ID"),
        "ticket": (rng.choice([f"DT-{digits(rng, 6)}", f"#{digits(rng, 7)}", f"{letters(rng, 2)}{digits(rng, 6)}"]), "ID"),
        "case": (rng.choice([f"{rng.randint(2019, 2025)}-GU-{digits(rng, 5)}", f"PC-{digits(rng, 6)}", f"{digits(rng, 2)}-{digits(rng, 5)}"]), "ID"),
        "serial": (rng.choice([f"{letters(rng, 2)}{digits(rng, 7)}", f"{digits(rng, 4)}-{digits(rng, 5)}"]), "ID"),
    }  # fmt: skip
    text, kind = values[slot]
    return pii(text, kind, "quasi" if slot in QUASI else "direct", CATEGORY[slot])


def fakers_city(p: Person, locale: str) -> str:
    """An invented town in another locale's shapes, drawn from the person's own seed."""
    fake = _FAKERS[locale]
    fake.seed_instance(p.rng.getrandbits(32))
    return str(fake.city())


def fakers_postcode(p: Person, locale: str) -> str:
    fake = _FAKERS[locale]
    fake.seed_instance(p.rng.getrandbits(32))
    return str(fake.postcode())


_FAKERS: dict[str, Faker] = {}


def render(template: str, person: Person) -> list[Part]:
    return render_slots(template, lambda slot: _fill(person, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "deliveries") -> list[dict[str, Any]]:
    """`n` tickets, forms, e-mails or letters of one or two items each, reproducible by seed."""
    fakers = stable_fakers(LOCALES)
    _FAKERS.update(fakers)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Person(rng, fakers), render, between="\n\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv, __doc__.splitlines()[0], generate, TEMPLATES, default_split="deliveries", default_n=10
    )


if __name__ == "__main__":
    sys.exit(main())
