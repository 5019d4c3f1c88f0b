"""Towns and cities by their shape and their cues ("City, ST", "lives in Port Belfry", a
form's `City:` field, a trip in a mileage log): a quasi-identifier (`CITY`) that Safe Harbor
counts below a state."""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.data import load_words
from bot.detect.recognizers.addresses import ANY_STREET
from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    pattern_name,
    set_subtype,
    words_after,
    words_before,
)
from bot.detect.recognizers.city_index import listed_town
from bot.detect.recognizers.names_context import casing_informative, id_label
from bot.detect.recognizers.names_lexicon import lexicon
from bot.detect.recognizers.states import (
    AP_STATE_RE,
    STATE_NAMES,
    STATE_RE,
    TERRITORY_RE,
    ZIP_AFTER,
)
from bot.detect.recognizers.town_shapes import (
    CALENDAR,
    DETERMINERS,
    GLUED_SUFFIX,
    ID_WORDS,
    JOINED_TOWN,
    NOT_CITY_AFTER,
    NOT_TOWN_WORD,
    PLACE_TAILS,
    TOWN,
    TOWN_HEADS,
    TRIP_DISTANCE,
    TRIP_TOWN,
    field_town,
    glued_town,
    name_town,
)

# A contact field's label that is also a listed town ("Mobile"), and the phone number after it:
# digit groups that run on past a ZIP's five ("07700 900123", "(251) 555-0100")
_CONTACT_LABELS = frozenset({"mobile", "cell", "home", "work", "tel", "phone", "fax"})
_PHONE_AFTER = re.compile(r"[ \t]*:?[ \t]*\+?\(?\d[\d()]*(?:[ .-]\(?\d[\d()]*){1,4}(?![\w-])")


# compiled once: a module-level `regex` call costs a cache look-up through flag enums
_STATE_NAME = re.compile(STATE_NAMES)
_COMMA = re.compile(r",")


class CityRecognizer(ClinicalPatternRecognizer):
    """Cities: "City, ST", listed city names, town-shaped names after "from"/"in"/"lives in"."""

    ENTITY = "LOCATION"
    SUBTYPE = "CITY"
    # looked for backwards first (`BACKWARDS_FIRST`): a state, a ZIP or a town ends them
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset(
        {
            "city_state_name_strong",
            "city_state_strong",
            "town_glued_medium",
            "town_state_zip_line_strong",
            "trip_from_medium",
            "trip_to_medium",
        }
    )
    # A town's words stay on one line: the line above "Dover, MI" is the person's name or the
    # street ("Jane Gold\nDover, MI"), never the town's first word
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "city_state_strong",
            rf"(?-i:\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){{0,2}},\s+{STATE_RE}\b)",
            0.8,
        ),
        # "Port Quinton, Ohio 51225": a state written out, so only with its ZIP ("Lee, Georgia"
        # alone is a name written last name first)
        Pattern(
            "city_state_name_strong",
            rf"(?-i:\b(?P<v>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){{0,2}}),\s+(?:{STATE_NAMES}|{AP_STATE_RE}|{TERRITORY_RE}),?\s+\d{{5}}(?:-\d{{4}})?\b)",
            0.8,
        ),
        # An address block's last line with no comma ("Lake Davidfort MN 45707", "Trois-Rivières
        # NY 57419"): a town, a state and a ZIP, alone on their line
        Pattern(
            "town_state_zip_line_strong",
            rf"(?-i:^[ \t]*(?P<v>(?:(?:St|Ste|Mt|Ft)\.\s)?\p{{Lu}}[\p{{Ll}}'’]+(?:[ -]\p{{Lu}}[\p{{Ll}}'’]+){{0,2}}),?[ \t]+"
            rf"(?:{STATE_RE}|{AP_STATE_RE}|{TERRITORY_RE}|{STATE_NAMES}),?[ \t]+\d{{5}}(?:-\d{{4}})?[ \t]*$)",
            0.8,
        ),
        # Faker's and many real towns' shape: a first or last name with a town suffix glued on
        # ("Dianefort", "Curtisview", "Jacksonville"); the name part is checked in `refine`
        Pattern("joined_town_medium", JOINED_TOWN, 0.6),
        Pattern("town_glued_medium", rf"(?-i:\b[A-Z][a-z]{{2,14}}{GLUED_SUFFIX}\b)", 0.6),
        # "in the Dogpatch neighborhood", "the Mission District": a part of a town by its name
        Pattern(
            "neighbourhood_medium",
            r"\b(?:in|of|near|from|to|around)\s+the\s+(?P<v>(?-i:[A-Z][a-z][\w'’-]*(?:[ ][A-Z][a-z][\w'’-]*){0,2}))"
            r"\s+(?:neighbou?rhood|district|subdivision|suburb|barrio)\b",
            0.65,
        ),
        Pattern("town_shape_medium", f"(?-i:{TOWN})", 0.55),
        # A town named by where someone moved or lives, or by a distance from it ("moved here
        # from Crowley Springs", "3 mi north of Vail Crossing"): Title Case words after the cue
        Pattern(
            "town_after_move_medium",
            r"\b(?:(?:moved|relocated|lives|living|resides|residing)\s+(?:here\s+|back\s+|out\s+)?(?:in|to|from|past|near|outside(?:\s+of)?)"
            r"|\d+(?:\.\d)?\s*(?:mi|miles|km)\s+(?:north|south|east|west|[ns][ew]?|[ew])\s+of)\s+"
            r"(?P<v>(?-i:(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}))\b",
            0.6,
        ),
        # "4872 Hwy 57 S, East Callow 90401", "HC 31 Box 8, Ste. Marthe 26456-9094": a town
        # between an address line and its ZIP, whatever its words
        Pattern(
            "town_zip_after_address_medium",
            r"(?<![\w./-])\d[^\n,;]{0,40},\s{1,2}(?P<v>(?-i:(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}))"
            r"\s+\d{5}(?:-\d{4})?\b",
            0.6,
        ),
        # A trip between two towns in a mileage log or a transport note ("Dunhaven to Port
        # Renwick, 38 mi"): the town before "to" and the town after it
        Pattern(
            "trip_from_medium",
            rf"(?-i:\b(?P<v>{TRIP_TOWN})[ ]to[ ]{TRIP_TOWN}){TRIP_DISTANCE}",
            0.6,
        ),
        Pattern(
            "trip_to_medium",
            rf"(?-i:\b{TRIP_TOWN}[ ]to[ ](?P<v>{TRIP_TOWN})){TRIP_DISTANCE}",
            0.6,
        ),
        # The town a visit note names after the home ("seen at home, Vail Crossing.")
        Pattern(
            "town_after_home_medium",
            r"\b(?:at|from)\s+(?:(?:her|his|their|the\s+patient's|pt's)\s+)?home(?:\s+in)?,?\s+"
            r"(?P<v>(?-i:(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}))(?=\s*(?:[.;,(]|\s-\s|$))",
            0.6,
        ),
        # A form's own field for the town ("City: Tillery Gap", "Town/City: Okanee", "Mailing
        # City: LAKE SARAH", "City, State, ZIP: east karlfurt", "Place of residence: Jaén",
        # "County: Cook", "Suburb: North Holly"), to the end of its line or field, in any case
        # a form is filled in (see `field_town`)
        Pattern(
            "town_field_strong",
            r"(?<![\w/])(?:(?:home|mailing|billing|patient|pt|current|previous|birth|residential|postal)\s+)?"
            r"(?:(?:city|town)(?:\s*[/,]\s*(?:city|town|state|st|province|prov|county|zip|zip\s+code|postcode|postal\s+code)){0,3}"
            r"(?:\s+of\s+(?:birth|residence))?|municipality|home\s?town|place\s+of\s+(?:birth|residence)|birthplace"
            r"|residence|lives\s+in"
            # a subdivision below a state, as forms ask for it (Safe Harbor item 2)
            r"|(?:county|parish|borough|district|township|suburb|village|locality|neighbou?rhood)(?:\s+of\s+residence)?)"
            r"\s*:[ \t]*(?P<v>(?:(?:St|Ste|Mt|Ft)\.\s)?\p{L}[\p{L}\p{M}'’-]*(?:[ ]\p{L}[\p{L}\p{M}'’-]*){0,3})(?=[ \t]*(?:[,;\n]|$|\s{2}|[ \t]\d|[ \t]\p{L}\d))",
            0.75,
        ),
        # A town named by the employer's site in it ("the Quimby depot", "the Harlow Bend
        # distribution center"): Title Case words between "the" and a site noun
        Pattern(
            "town_site_medium",
            r"(?:\bthe|\bsite\s*:|\blocation\s*:)[ \t]+(?P<v>(?-i:[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}))\s+"
            r"(?:depot|plant|site|campus|branch|warehouse|distribution\s+cent(?:er|re)|factory|yard|mill"
            r"|terminal|facility|location|store)\b",
            0.6,
        ),
        # A letterhead's or signature's town after the office's name, ending the line
        # ("School Health Office, Tillery Gap", "Occupational Health Dept., Quimby")
        Pattern(
            "town_after_office_medium",
            r"(?-i:\b(?:Office|Department|Dept\.?|Services|Center|Centre|Clinic|Program|Team|Unit|District)),[ \t]+"
            r"(?P<v>(?-i:(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}))(?=[ \t]*(?:\n|$))",
            0.6,
        ),
        # A street named without its number after a preposition ("the laundromat on 79th Ave",
        # "back up Old Mill Ln", "off Rios St E"): Title Case words and a street type
        Pattern(
            "street_name_after_cue_medium",
            r"\b(?:on|off|up|down|along|onto|via|corner\s+of)\s+(?P<v>(?-i:(?:[NSEW]\.?[ ])?(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})"
            r"[ ](?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Place|Pl|Terrace|Ter|Parkway|Pkwy"
            r"|Highway|Hwy|Pike|Circle|Cir|Trail|Trl|Turnpike|Crossing|Row|Loop|Bend|Ridge|Hollow|Square|Sq)\b\.?"
            r"(?:[ ](?:[NS][EW]|[NSEW])\b)?))",
            0.6,
        ),
        Pattern(
            "city_after_street_medium",
            rf"\b\d{{1,6}}\s+(?:[\w'’.-]+\s+){{1,3}}{ANY_STREET}\b\.?(?:,?\s*(?:apt|apartment|unit|suite|ste|bldg|building|lot|fl|floor|rm|trlr|spc|\#)\.?\s*\#?\w+)?,\s*(?!(?:apt|apartment|unit|suite|ste|bldg|building|lot|fl|floor|rm|trlr|spc|wife|husband|pt|mom|dad|son|daughter)\b)(?P<v>\p{{L}}[\p{{L}}\p{{M}}'’.-]+(?:\s\p{{L}}[\p{{L}}\p{{M}}'’.-]+){{0,2}}?)(?!\w)(?=\s*(?:[,;:?!)—–]|\s-\s|\d|$|\.|\s[A-Z]{{2}}\b|\s[A-Z]{{1,2}}\d))",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "from",
        "in",
        "lives",
        "near",
        "to",
        "resident",
        "moved",
        "visiting",
        "home",
    ]
    FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        name = pattern_name(result)
        before = words_before(text, result.start, 2)
        cued = any(
            w
            in {
                "from",
                "in",
                "lives",
                "near",
                "to",
                "of",
                "at",
                "resident",
                "visiting",
                "moved",
                "home",
            }
            for w in before
        )
        if name == "street_name_after_cue_medium":
            return _street_name(text, result)
        if name == "town_glued_medium":
            return result if glued_town(text, result.start, value) else None
        if name == "town_shape_medium" and not cued and not name_town(text, result.start, value):
            return None
        if (
            name == "city_after_street_medium"
            and value[:1].islower()
            and lexicon().is_english(value.split()[0])
            and not listed_town(value)
        ):
            # "6761 Hart Cove, then 1053 ...": a word, not a town; but a listed town in lower
            # case after the street's comma is the town ("12 oak ave, fresno ca 93721")
            return None
        if (
            name == "city_after_street_medium"
            and value.split()[0].lower() in _CONTACT_LABELS
            and _PHONE_AFTER.match(text, result.end)
        ):
            return None  # "12 Oak Ave, mobile 07700 900123": the phone's label, not Mobile, AL
        if value.lower() in load_words("common_words.txt"):
            return None
        if name == "town_field_strong" and not field_town(value):
            return None
        if id_label(value.split()[0]) or value.split()[0].lower() in ID_WORDS:
            return None  # "member 7502 8172 RD, acct 5266936224": an identifier's label, no town
        if _STATE_NAME.fullmatch(value) and ZIP_AFTER.match(text, result.end):
            return None  # "Peterborough, Pennsylvania 81916": the state, which Safe Harbor keeps
        if name == "town_after_move_medium" and (
            value.split()[0] in {"The", "A", "An", "Her", "His", "Their", "Our"}
            or _STATE_NAME.fullmatch(value) is not None
        ):
            return None  # "lives in The Pines", "moved to Florida": no town Safe Harbor counts
        if (
            name in {"city_state_strong", "city_state_name_strong", "town_shape_medium"}
            and not value[:1].isupper()
        ):
            return None
        if name in {
            "city_state_strong",
            "city_state_name_strong",
            "town_shape_medium",
            "town_zip_after_address_medium",
            "town_after_move_medium",
            "town_field_strong",
            "town_site_medium",
            "town_after_office_medium",
            "town_state_zip_line_strong",
            "trip_from_medium",
            "trip_to_medium",
            "town_after_home_medium",
        }:
            lex = lexicon()
            head = _COMMA.split(value)[0].split()
            if head[-1].lower() in NOT_TOWN_WORD:
                return None  # "West Tower", "North Wing": a part of a building
            if name == "town_after_home_medium" and head[0] in DETERMINERS:
                return None  # "at home, The End."
            # "Lake Harrow, ID", "lives in Port Belfry": a town led by East/West/Lake/Port/New
            # is a town even when its second word is also an English word or an eponym
            led = (head[0] in TOWN_HEADS and len(head) > 1) or name == "town_field_strong"
            # "Pike Hollow", "Vail Crossing": a word and a place noun, as towns are named
            led = led or (len(head) > 1 and head[-1] in PLACE_TAILS and head[0] not in DETERMINERS)
            zipped = name in {"city_state_name_strong", "town_state_zip_line_strong"} or (
                name != "town_zip_after_address_medium" and ZIP_AFTER.match(text, result.end)
            )
            if (
                name == "town_shape_medium"
                and not zipped
                and not casing_informative(text)
                and all(lex.is_english(w) and not lex.is_name(w) for w in head[1:])
            ):
                return None  # "Faith In The New Scheduling System": capitals say nothing here
            if not (led or zipped) and (
                any(lex.is_eponym(w) for w in head)
                or all(lex.is_english(w) and not lex.is_name(w) for w in head)
            ):
                return None  # "Hypoglycemia, PA", "Quinton catheter"; "lives in Port Belfry" stays
        if value.endswith(".") and not value.endswith(("St.", "Ste.")):
            result.end -= 1  # "Glen Corwin. ME 04101": the sentence's full stop is not the town's
        after = words_after(text, result.end, 1)
        if after and after[0] in NOT_CITY_AFTER:
            return None  # "Philadelphia chromosome", "Ottawa ankle rules", "Miami J collar"
        return result


def _street_name(text: str, result: RecognizerResult) -> RecognizerResult | None:
    """A street by its name alone, unless its type is a title ("on Dr Lee's list", "up St
    Mary's") or every word of it is a weekday or month ("follow up Friday Dr.")."""
    words = text[result.start : result.end].split()
    if words[0] in {"The", "A", "An", "My", "Our", "Your", "His", "Her", "Their", "This", "That"}:
        return None  # "On The Shared Drive": a title in Title Case, not a street
    kind = words[-1].rstrip(".") if words[-1].rstrip(".") not in _DIRECTION_WORDS else words[-2]
    after = text[result.end : result.end + 3].strip()
    if kind in {"Dr", "St"} and after[:1].isupper():
        return None
    if all(w.lower() in CALENDAR for w in words[:-1]):
        return None
    return set_subtype(result, "CITY")


_DIRECTION_WORDS = frozenset({"N", "S", "E", "W", "NE", "NW", "SE", "SW"})
