"""The US states, territories and Canadian provinces an address names: a subdivision Safe
Harbor keeps, so it closes an address block and is never a town itself."""

from __future__ import annotations

import regex as re

STATES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "DC",
    "PR",
]
STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii"
    "|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan"
    "|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New\\s+Hampshire|New\\s+Jersey"
    "|New\\s+Mexico|New\\s+York|North\\s+Carolina|North\\s+Dakota|Ohio|Oklahoma|Oregon"
    "|Pennsylvania|Rhode\\s+Island|South\\s+Carolina|South\\s+Dakota|Tennessee|Texas|Utah|Vermont"
    "|Virginia|Washington|West\\s+Virginia|Wisconsin|Wyoming"
)
STATE_RE = "(?:" + "|".join(STATES) + ")"
# Territories and freely associated states the USPS addresses (Faker's `state_abbr` draws
# them): only before a ZIP, since "AS", "FM" are words or units of their own
TERRITORY_RE = "(?:AS|FM|GU|MH|MP|PW|VI)"
# The AP style's state abbreviations ("Yuma, Ky. 94935", "Erie, Pa. 16501"): only before a
# ZIP, where "Lee, Mo." cannot be a name written last name first.
AP_STATE_RE = (
    r"(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo"
    r"|Mont|Neb|Nebr|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Vt|Va"
    r"|Wash|W\.Va|Wis|Wyo)\."
)
ANY_STATE_RE = "(?:" + "|".join(STATES) + "|" + STATE_NAMES + ")"
_STATE_OR_PROVINCE = re.compile(
    rf"(?:{STATE_NAMES}|{AP_STATE_RE}|Alberta|British\s+Columbia|Manitoba|New\s+Brunswick"
    r"|Newfoundland(?:\s+and\s+Labrador)?|Nova\s+Scotia|Ontario|Prince\s+Edward\s+Island"
    r"|Qu[ée]bec|Saskatchewan|Yukon)"
)


def is_state(value: str) -> bool:
    """A US state or a Canadian province by its name or AP abbreviation ("Ohio", "Mich.",
    "Alberta"): a subdivision Safe Harbor keeps, which closes an address block."""
    return _STATE_OR_PROVINCE.fullmatch(value) is not None


ZIP_AFTER = re.compile(r",?\s+\d{5}(?:-\d{4})?\b")  # "Belfry, WI 31448": city, state, ZIP
