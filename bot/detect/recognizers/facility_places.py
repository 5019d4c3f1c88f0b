"""Hospitals named by their place: a health system and its town ("Mercy Oshkosh"), a town and
"VA", a generic hospital word and a place ("Children's Hospital Colorado"), a town's unit
("the Franklinside ED"), and what trails a facility's name ("Mount Sinai West")."""

from __future__ import annotations

import regex as re
from presidio_analyzer import RecognizerResult

from bot.detect.recognizers.base import pattern_name
from bot.detect.recognizers.city_index import listed_town
from bot.detect.recognizers.names_lexicon import lexicon
from bot.detect.recognizers.states import STATE_NAMES
from bot.detect.recognizers.town_shapes import CALENDAR, TOWN_HEADS, glued_town

# Health systems that name each hospital by its town (a brand before the town's name)
SYSTEMS = (
    r"Mercy|Providence|Kaiser[ ]Permanente|Baptist|Methodist|Presbyterian|Adventist|Sutter|Dignity"
    r"|Ascension|Trinity[ ]Health|Sentara|Banner|Intermountain|Advocate|Atrium[ ]Health|Novant[ ]Health"
    r"|Piedmont|Prisma[ ]Health|Sanford|Essentia|Aurora|Bon[ ]Secours|Geisinger|Ochsner|Beaumont"
    r"|Allina|Fairview|Christus|Covenant|UPMC|OhioHealth|ProMedica|Corewell|Good[ ]Samaritan"
    r"|Northwell|Hackensack[ ]Meridian|Lehigh[ ]Valley|Kettering[ ]Health|SSM[ ]Health|Avera|Ballad"
)


def branch_town(text: str, result: RecognizerResult) -> RecognizerResult | None:
    """A hospital named by a system and a town ("Mercy Oshkosh") or a town and "VA": the whole
    name, unless the town part is only English words ("Mercy General", "the New Patient VA")."""
    value = text[result.start : result.end]
    words = [w for w in value.split() if w != "VA"]
    if words[0] in {"The", "A", "An", "Our", "Your", "This", "That"}:
        return None
    lex = lexicon()
    if any(w.lower() in CALENDAR for w in words):
        return None  # "the Mercy Sunday service"
    # "Mount Airy", "Port Sandy": a town head before a word; "New Patient" is no town
    led = words[0] in TOWN_HEADS and len(words) == 2 and not lex.is_english(words[1])
    led = led or (words[0] in {"Mount", "Port", "Fort", "Lake"} and len(words) == 2)
    if not led and all(lex.is_english(w) and not lex.is_name(w) for w in words[-2:]):
        return None
    if pattern_name(result) == "system_town_medium":
        # the system's name goes too: "Mercy" of "Mercy Oshkosh" names the hospital's owner
        systems = list(_SYSTEM_RE.finditer(text, max(0, result.start - 60), result.start))
        if systems:
            result.start = systems[-1].start()
    return result


_SYSTEM_RE = re.compile(rf"(?-i:\b(?:{SYSTEMS}))")


# What a hospital's name carries after its facility word: a direction or campus ("Mount Sinai
# West", "- North Campus"), or a state written out ("Children's Hospital Colorado")
_FACILITY_TRAIL = re.compile(
    rf"(?-i:[ ](?:North|South|East|West|Downtown|Midtown|Uptown|Main[ ]Campus|{STATE_NAMES})\b(?:[ ]Campus)?"
    r"|[ ][-–][ ](?:North|South|East|West|Main|Downtown|[A-Z][a-z]+)(?:[ ][A-Z][a-z]+)?(?:[ ]Campus)?)"
    r"\b(?![-'’])"
)
_NEXT_WORDS = re.compile(r"(?-i:[ ]([A-Z][a-z]+(?:[ ][A-Z][a-z]+)?))\b(?![-'’])")
_GENERIC_HEAD = re.compile(
    r"^.*?(?:Hospitals?|Medical[ ]Center|Health(?:[ ]Care|care)?)(?:[ ]for[ ]Children)?(?:[ ]of)?(?:[ ]the)?[ ]"
)


def facility_trail(text: str, end: int) -> int:
    """Where a facility's name really ends: past a direction, a campus, a state or a listed
    town written right after it ("Mount Sinai West", "Children's Hospital Oakland")."""
    trail = _FACILITY_TRAIL.match(text, end)
    if trail is not None:
        return int(trail.end())
    nxt = _NEXT_WORDS.match(text, end)
    if nxt is None:
        return end
    words = nxt.group(1).split()
    for k in (2, 1):
        if len(words) >= k and listed_town(" ".join(words[:k])):
            return end + 1 + len(" ".join(words[:k]))
    return end


# compiled once: a module-level `regex` call costs a cache look-up through flag enums
_STATE_NAME = re.compile(STATE_NAMES)


def placed_facility(text: str, result: RecognizerResult) -> RecognizerResult | None:
    """A generic facility or unit named by its place: kept when the place is a state, a town of
    the gazetteer or a town-shaped word ("Franklinside"), not English words ("Main ED")."""
    value = text[result.start : result.end]
    name = pattern_name(result)
    if name == "generic_hospital_place_medium":
        head = _GENERIC_HEAD.match(value)
        place_text = value[head.end() :] if head else ""
    else:
        place_text = value.rsplit(" ", 1)[0]
        if place_text.endswith((" Urgent", " Infusion")):
            place_text = place_text.rsplit(" ", 1)[0]
    words = place_text.split()
    if not words or words[0] in {
        "The",
        "A",
        "An",
        "Our",
        "Your",
        "This",
        "That",
        "Main",
        "New",
        "Old",
    }:
        return None
    if any(w.lower() in CALENDAR for w in words):
        return None
    lex = lexicon()
    if _STATE_NAME.fullmatch(place_text) or listed_town(place_text):
        return result
    if len(words) == 1 and glued_town(text, result.start, words[0]):
        return result
    if all(not lex.is_english(w) and not lex.is_first(w) for w in words):
        return result
    return None
