"""The shapes of a town's name and the checks that tell one from a word or a person's name:
a head ("Port", "West") before a name, a town suffix glued on ("Dianefort"), a form's town
field, the town before a ZIP. Read by the town and the facility recognizers alike."""

from __future__ import annotations

import regex as re

from bot.detect.data import load_words
from bot.detect.recognizers.base import wordset
from bot.detect.recognizers.city_index import listed_town
from bot.detect.recognizers.names_lexicon import lexicon
from bot.detect.recognizers.states import STATE_NAMES
from bot.detect.recognizers.titles import after_title

NOT_CITY_AFTER = wordset(
    "chromosome rules rule criteria collar j score classification protocol agreement virus strain fever"
)
TOWN_HEADS = wordset("North South East West New Lake Port Fort Mount Glen")
# Heads that make a town of a first or last name with no cue ("Port Rita", "West Brian"):
# not "Glen" or "Mount", which are also given names and words of their own
PLACE_TAILS = wordset(
    "Springs Falls Hollow Crossing Heights Hills Creek Ridge Valley Junction Harbor Harbour Bend Gap "
    "Mills Flats Corner Corners Center Centre City Village Beach Grove Landing Bluff Bluffs Lake Park"
)
DETERMINERS = wordset("The A An This That Our Your His Her Their My Each Every")
_NAME_TOWN_HEADS = wordset("North South East West New Lake Port Fort")
GLUED_SUFFIX = (
    r"(?:town|ton|land|ville|Ville|berg|burgh|borough|bury|view|port|mouth|stad|furt|chester|fort"
    r"|haven|side|shire|field|ford|wood|bourg|boeuf|nec|dan)"  # the last four: Faker's fr_FR
)
_GLUED = re.compile(rf"(?P<stem>\w+?){GLUED_SUFFIX}")
# A French town's joined name ("Didier-sur-Mer", "Garcia-sur-Ferrand", "Saint-Lucas-les-Bains")
JOINED_TOWN = (
    r"(?-i:\b(?:Saint-|Sainte-)?[A-Z][\w'’]+(?:-(?:sur|sous|lès|les|le|la|en|de|du|des|aux|au)-[A-Z][\w'’]+)"
    r"(?:-(?:les|sur)-[A-Z][\w'’]+)?)\b"
)
NOT_TOWN_WORD = wordset(
    "tower wing campus building bldg unit hall lobby entrance parking pavilion annex "
    "floor ward clinic hospital icu"
)
# A synthetic-town shape common in generated data and in real US place names.
TOWN = (
    r"\b(?:(?:North|South|East|West|New|Lake|Port|Fort|Mount|Glen)\s+[A-Z][a-z]+(?:\s?(?:town|ton|land|ville|berg|burgh"
    r"|borough|bury|view|port|mouth|stad|furt|chester|fort|haven|side|shire|field|ford|wood))?"
    r"|[A-Z][a-z]+(?:town|ton|land|ville|berg|burgh|borough|bury|view|port|mouth|stad|furt|chester|haven|side|shire))\b"
)


TRIP_TOWN = r"(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}"
TRIP_DISTANCE = r",?\s+\d{1,4}(?:\.\d)?\s*(?:mi|miles|km)\b"
# Labels of a policy's numbers that an address line's shape can take for a town ("Grp 70848")
ID_WORDS = wordset("grp group policy member claim acct account ins plan")
CALENDAR = wordset(
    "monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight yesterday "
    "january february march april may june july august september october november december"
)


def field_town(value: str) -> bool:
    """A town field's value as forms fill it in: Title Case as written ("Tillery Gap"); in
    capitals or small letters ("LAKE SARAH", "east karlfurt") a listed town, or words not all
    of them everyday English ones ("same as above", "N/A", "UNKNOWN" are no town)."""
    words = value.split()
    if all(w[:1].isupper() and not w.isupper() for w in words) or len(value) < 2:
        return len(value) >= 2
    if listed_town(value):
        return True
    lex = lexicon()
    # "a" and "I" are words too: "Lake Havasu City: it is a 40-minute drive" holds no town
    return not all(lex.is_english(w) or w.lower() in {"a", "i"} for w in words)


def glued_town(text: str, start: int, word: str) -> bool:
    """A first or last name with a town suffix glued on, itself no word or name: "Dianefort",
    "Curtisview" (Faker's towns), "Jacksonville"; not "Milton" (a name) or "button" (a word)."""
    glued = _GLUED.fullmatch(word)
    if glued is None or len(glued.group("stem")) < 3:
        return False
    lex = lexicon()
    if lex.is_english(word) or lex.is_name(word) or word.lower() in load_words("common_words.txt"):
        return False
    if after_title(text, start, 8):
        return False  # "Dr. Ashford": a colleague's surname
    return lex.is_name(glued.group("stem"))  # "Whitefort": "White" is a surname too


# compiled once: a module-level `regex` call costs a cache look-up through flag enums
_STATE_NAME = re.compile(STATE_NAMES)


def name_town(text: str, start: int, value: str) -> bool:
    """ "Port Rita", "West Brian", "New Matthewberg": a compass or water head before a given
    name or a glued town, which no person is called; states ("West Virginia") are left out."""
    words = value.split()
    if len(words) != 2 or words[0] not in _NAME_TOWN_HEADS:
        return False
    if _STATE_NAME.fullmatch(value) or after_title(text, start, 8):
        return False
    lex = lexicon()
    tail = words[1]
    if glued_town(text, start, tail):
        return True
    return lex.is_name(tail) and not lex.is_english(tail) and not lex.is_ambiguous(tail)


_TOWN_BEFORE_ZIP = re.compile(r"(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}\s+$")


def value_before_zip(text: str, zip_start: int) -> str | None:
    """The town written before a ZIP, unless its words are all English ("Total 12345")."""
    town = _TOWN_BEFORE_ZIP.search(text, max(0, zip_start - 40), zip_start)
    if town is None:
        return None
    words = town.group().split()
    lex = lexicon()
    led = words[0] in TOWN_HEADS and len(words) > 1
    if not led and all(lex.is_english(w) and not lex.is_name(w) for w in words):
        return None
    return str(town.group()).strip()
