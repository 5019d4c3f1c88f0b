"""ROOM: "room 412", "rm 5W-22", "bed 12B", "bay 3": where a patient lies is a quasi-identifier.

A home's door is named the same way on a visit or a delivery: "Intercom 2D", "buzzer #13".

A unit that seats its patients names the seat the same way: "chair 9", "recliner 4", "station
12", "pod B", "trolley 3", "side room 2" (infusion, dialysis, day-surgery and ED chatter).
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.data import load_words
from bot.detect.recognizers.ages_spelled import SPELLED_BELOW_HUNDRED
from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    pattern_name,
    words_after,
    words_before,
    wordset,
)
from bot.detect.recognizers.bed_units import BED_UNITS, SEAT_UNITS, alternation

# English labels, the seats of units that seat their patients, then other languages' room and
# bed words ("cama 4", "Zimmer 12", "chambre 12").
_LABEL = (
    r"(?:room|rm|bed|bd|bay|cubicle|cube|stretcher|crib|isolette|suite|ste|slot|chair"
    r"|recliner|station|stn|pod|trolley|gurney|couch|booth|spot|cot|side[ -]?room"
    # a neonatal unit's cots by their kind, and a bay's numbered spaces ("incubator 3",
    # "warmer 2", "bedspace 4", "bed space 4")
    r"|incubator|warmer|resuscitaire|bed[ -]?space"
    r"|intercom|buzzer|cama|habitaci[óo]n|hab\.?|box|zimmer|bett|chambre|quarto|leito|letto|stanza"
    r"|kamer|sal|rum|sala|saal|säng|seng|stue|pokój|pokoj|łóżko|lozko"
    # French "lit" and Italian "camera" are English words too: a bed or a room only after the
    # language's own preposition ("au lit 4", "chambre 12, lit 2", "in camera 6")
    r"|(?<=\b(?:au|du|le|en|dans\sle|chambre\s\d{1,4}[A-Z]?,?)\s)lit"
    r"|(?<=\b(?:in|nella|della|alla|dalla)\s)camera)"
)
# A number sign between the label and the number, in the languages of the room words:
# "room no. 12", "Zimmer Nr. 12", "chambre n° 12", "stanza n. 12", "habitación nº 4"
_NUMBER_MARK = r"#|no\.?|nr\.?|n[°º]\.?|n\.|number|nummer|num[ée]ro|número"
# A seat's kind before its label belongs to it: "iso chair 2", "bari bed 4", "resus bay 1"
_KIND = r"(?:iso|isolation|bari|bariatric|resus|hallway|hall|corridor|overflow)"
# The same seats by a capital letter ("pod B", "Chair C", "trolley D")
_LETTER_LABEL = (
    r"(?:[Bb]ay|[Bb]ed|[Rr]oom|[Rr]m|BAY|BED|ROOM|RM|[Cc]ubicle|[Cc]ube|[Cc]hair|CHAIR|[Pp]od|POD"
    r"|[Rr]ecliner|[Tt]rolley|TROLLEY|[Ss]lot|SLOT|[Ss]tation|STATION|[Ss]pot|[Cc]ouch|[Bb]ooth)"
)
# An ED's or a step-down unit's own seats go by the unit's name ("resus 2", "CDU 11", "HDU 4";
# `bed_units.SEAT_UNITS`)
_UNIT = rf"(?:{alternation(SEAT_UNITS)})"
# A bed board's wing or tower before the bed ("4 West bed 27", "Tower 3 bed 12") is the bed's
_WING = r"(?:\d{1,2}\s?(?:north|south|east|west)|tower\s\d{1,2})\s"
# A count after a unit's name is no bed: "ICU 2 beds", "tele 3 pending", "PCU 4 admits"
_NO_COUNT = (
    r"(?!\s?(?:beds?|pts?|patients?|admits?|discharges?|pending|nurses?|rns?|staff|free|open"
    r"|empty|available|waiting|boarding|hours?|hrs?|h|mins?|days?|%|x)\b)"
)
# A stay's length after a bed's word is no bed: "cama 48 horas", "Bett 3 Tage", "bed 2 nights"
_NO_STAY = (
    r"(?!\s?(?:hours?|hrs?|days?|nights?|weeks?|horas|d[íi]as|noches|stunden|tage|n[äa]chte"
    r"|heures|jours|nuits|ore|giorni|notti|dias|uur|dagen)\b)"
)
# A dose's unit or count after a side room's short form makes it a formulation: "SR 4 mg"
_DOSE = (
    r"mg|mcg|µg|ug|g|ml|mls|units?|mmol|%|x|tabs?|caps?|tablets?|capsules?|od|bd|tds|qds|bid|tid"
)
# The units that take admissions by their own short name, before "in 12"
_ADMITTING = r"AMU|MAU|EAU|SAU|CDU|SSU|HDU|ICU|CCU|ITU|PCU|SDU|ASU"
# A time after "in 12": "in 20 minutes", "in 12 hours", "in 2 weeks", "in 5 o'clock"
_NO_TIME = r"(?!\s?(?:minutes?|mins?|seconds?|secs?|weeks?|wks?|months?|years?|[ap]\.?m\b|o'clock))"
_VALUE = r"(?:\d{1,2}[A-Z]{1,2}-?\d{1,4}[A-Z]?|[A-Z]{1,2}-?\d{1,4}[A-Z]?|\d{1,4}(?:-?[A-Z]{1,2}\b|-\d{1,4}[A-Z]?)?)"
# A handoff names several seats under one label ("beds 18 & 19", "cdu 5,6,7", "rooms 4, 6 and
# 9"); the list is one room span of seat numbers ("bay 4, O2 sat" lists no seat), and stops
# before a quantity ("bed 4 and 5 mg", "bed 4, 2 hrs ago").
_MORE_VALUES = (
    r"(?:(?:\s?[,/&+]\s?|\s(?:and|or)\s)\d{1,4}(?-i:[A-Z])?"
    r"(?!\s?(?:mg|mcg|ml|l|g|kg|mmol|units?|%|mins?|h|hrs?|hours?|days?|weeks?|[ap]m|yo|y)\b)){0,6}"
)


# the labels a room's number follows after a verb ("her room number is 12")
_ROOM_IS_LABEL = (
    r"room|rm|bed|bay|cubicle|cube|side\s?room|bed\s?space|pod|chair|cot|crib|incubator|isolette"
    r"|stretcher|trolley|recliner"
)
# measures and counts after the number: "the bed is 2 weeks old", "room is 20 degrees"
_NOT_AFTER_ROOM_IS = (
    r"percent|days?|hours?|hrs?|h|minutes?|mins?|weeks?|wks?|months?|years?|yrs?|inch(?:es)?"
    r"|in|cm|mm|m|ft|feet|kg|lbs?|mg|ml|degrees?|°|am|pm|o'?clock|beds?|patients?|pts?|people"
    r"|of|out|x|square|sq|metres?|meters?|miles?|km|yards?|steps?|doors?|floors?|storeys?"
    r"|stories|times|pounds?|euros?|dollars?|quid|per|a\s+(?:night|day|week|month)"
)
# Where the room is, between its label and the verb: "her room at the care home is 12", "his
# bed on the ward is 14", "Mum's room in the nursing home is number 31", "her room there is 18",
# "the room she is in is 22" (issue 13, family_portal): up to four words after at, in or on
_ROOM_IS_PLACE = (
    r"(?:\s+(?:at|in|on)(?:\s+[\p{L}'’-]+){1,4}?|\s+(?:there|upstairs|downstairs|here)"
    r"|\s+(?:she|he|they)(?:\s+is|\s+was|'s|’s)\s+in)"
)


class RoomRecognizer(ClinicalPatternRecognizer):
    """Room, bed and bay numbers, with the label (the label alone is not PHI, the pair is)."""

    ENTITY = "ROOM"
    SUBTYPE = "ROOM"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "room_strong",
            # a full stop only after an abbreviated label ("Rm. 12"); "training room. N95 sizes"
            # ends a sentence
            # "Bed-12" as a referral writes it; not a stay's length ("cama 48 horas")
            rf"\b(?:{_WING})?(?:{_KIND}\s)?(?:{_LABEL}s?|{_UNIT}|(?:rm|bd|ste|zi)\.)(?:\s?|-)"
            rf"(?:{_NUMBER_MARK})?\s?:?\s?{_VALUE}{_MORE_VALUES}(?![\w/]|\.\d){_NO_STAY}",
            0.85,
        ),
        Pattern(
            "letter_bed_medium",
            rf"(?-i:\b{_LETTER_LABEL}\s(?:[A-H]|[A-H]\d{{1,2}})\b)(?![/'’-])",
            0.6,
        ),
        Pattern(
            "lower_letter_bed_medium",
            r"\b(?:bay|bed|cubicle|curtain|cube|chair|pod|recliner|trolley|slot|station|couch|booth)"
            r"\s(?:[b-h]\b|a(?=\s*(?:$|[,.;:()/]|\s\d)))",
            0.55,
        ),
        Pattern(
            "chair_short_medium",
            # "ch 6", "ch12": a dialysis or infusion chair; not a unit ("ch 2 mg"), a pump's
            # channel ("pump 3 ch 2"), or a chapter ("ch 2 p. 14")
            r"(?<!\b(?:pump|channel|pg?|page|vol|section|sec)\.?\s?\d{0,3}\s?)"
            r"\bch\s?#?\d{1,2}\b(?!\s?(?:mg|mcg|ml|g|kg|mmol|units?|p\.|pp\b|pg\b)|[.,]\d)",
            0.6,
        ),
        Pattern(
            "ward_bed_medium",
            # not a gestational age ("38w2d", "38w 2d": weeks and days); a space between the
            # wing and the bed ("6E 25", "7W 3B") only before no count
            r"\b(?!\d{1,2}w\s?[0-6]d\b)\d{1,2}(?:north|south|east|west|n|s|e|w)"
            rf"(?:-?\d{{1,3}}[A-Z]?\b|\s\d{{1,3}}[A-Z]?\b{_NO_COUNT})",
            0.6,
        ),
        Pattern(
            "unit_bed_medium",
            # the bed of a unit that beds its patients, by the unit's name ("PCU-28", "tele 4",
            # "MICU 12"; med-surg only as a board writes it, "MS-34", not multiple sclerosis)
            rf"(?:\b(?:{alternation(BED_UNITS)})[\s-]?#?\d{{1,3}}[A-Z]?\b"
            rf"|(?-i:\bMS-\d{{1,3}}[A-Z]?\b)|(?-i:\bms-\d{{1,3}}[a-z]?\b)){_NO_COUNT}(?![/.]\d)",
            0.6,
        ),
        # a tower's bed as a census board writes it: "T3 10A", "T4-06D" (a capital T, a bed with
        # its letter); not a vertebra ("T4-5", "T4-T6") or a tumour's stage ("T3 N0")
        Pattern("tower_bed_medium", r"(?-i:\bT\d{1,2}(?:\s|-)\d{1,3}[A-D]\b)(?![/.:-]\d)", 0.6),
        # a wing's bed with no bed word: "4 West 12B", "5 east 14"; not a count ("4 West 12 beds")
        Pattern(
            "wing_bed_medium",
            rf"\b\d{{1,2}}\s(?:north|south|east|west)\s\d{{1,3}}(?-i:[A-D])?\b{_NO_COUNT}(?![/.:]\d)",
            0.6,
        ),
        # a census board's bed opening its row (or after the row's label), before a name and
        # an age with its sex or a name in capitals ("B12 Nguyen 78M CHF", "B3 | JONES, R |
        # 64F", "board update: B15 - KIRBY - MRSA"): not vitamin B12 ("B12 low, 1000 mcg IM")
        Pattern(
            "board_bed_medium",
            r"(?m)(?-i:(?:^|(?<=:\s))B\d{1,2}\b)(?=\s*[|:,-]?\s*(?-i:[A-Z])[^\n]{0,40}\b\d{1,3}"
            r"\s?(?-i:[MF])\b|\s*-\s*(?-i:[A-Z]{2,})\s+-\s)",
            0.6,
        ),
        # a form's two labels over two values: "Room/Bed: 412/B", "Rm/Bed 45/2", "Ward/Bed: 6B/14"
        Pattern(
            "room_bed_pair_strong",
            r"\b(?:room|rm|ward|unit)\s?/\s?(?:bed|bd|bay)\s*(?:#|no\.?)?\s*:?\s*"
            r"\d{1,4}[A-Z]{0,2}\s?/\s?(?:\d{1,3}[A-Z]?|(?-i:[A-H]))\b(?![/.]\d)",
            0.85,
        ),
        # a location field's ward and bed: "Location: 6B/14", "Loc: 4W/12", "Location: ICU/3"
        Pattern(
            "location_ward_bed_strong",
            r"\b(?:location|loc)\s*[:=-]\s*(?P<v>(?:\d{1,2}[A-Z]{1,2}|(?-i:[A-Z]{2,5})\d{0,2}"
            r"|\d{1,2}\s?(?:north|south|east|west))\s?/\s?\d{1,3}[A-Z]?)\b(?![/.:]\d)",
            0.85,
        ),
        # a side room by its short form, as a ward writes it ("SR 4", "SR4"): in capitals, 1-20
        # (a sinus rhythm's rate is more), not a drug's formulation ("tramadol SR 50 mg",
        # "hydromorphone SR 4 mg", "nifedipine SR 10 BD": `refine` reads the drug before it)
        Pattern(
            "side_room_short_medium",
            rf"(?-i:\bSR\s?(?:1\d|20|[1-9])(?:[A-D]\b)?)\b(?![.,]\d|\s?(?:{_DOSE})\b){_NO_COUNT}",
            0.6,
        ),
        # a bed by its number after a ward's name: "Ward 9 in 12", "7B in 4", "AMU in 22", a
        # ward by its name ("on Keats Ward in 12", "Ward Keats, in 3"); not a time ("Ward 9 in
        # 20 minutes", "back to the ward in 12 hours", "in 12:30"; "the ward in 5" names none)
        Pattern(
            "ward_in_bed_medium",
            rf"(?<=\b(?:ward(?:\s?[A-Z]?\d{{1,2}}[A-Z]?|\s(?!rounds?\b)(?-i:[A-Z][a-z]+))|(?-i:[A-Z][a-z]+)\sward"
            rf"|(?-i:\d{{1,2}}[A-Z]|[A-Z]\d{{1,2}}|{_ADMITTING}))"
            rf",?\s)in\s\d{{1,2}}[A-Z]?\b(?![.,:/]\d){_NO_COUNT}{_NO_TIME}",
            0.6,
        ),
        # a bed or a room in Chinese or Japanese: "3床", "12号床", "5号室", "ベッド3", "12号病房"
        Pattern(
            "room_cjk_strong",
            r"(?<!\d)(?:\d{1,3}\s?号\s?(?:床|室|病房|病室)|\d{1,3}\s?床|(?:ベッド|病床|床位)\s?\d{1,3})(?!\d)",
            0.85,
        ),
        # a room or bed by its number in words, where a patient is put: "in room fourteen",
        # "moved to bed three", "in bed number four" (read by `refine`)
        Pattern(
            "room_words_medium",
            rf"\b(?:room|rm|bed|bay|cubicle|side\s?room|cot|crib|incubator|isolette)\s+(?:(?:no\.?|number|#)\s*)?"
            rf"{SPELLED_BELOW_HUNDRED}\b(?![\s-]hundred)",
            0.6,
        ),
        # the label, where it is, a verb, then the number: "her room number is 12", "Mrs
        # Patel's bed is 14", "the bay was 3", "bed has changed to 7", "her room at the care home
        # is 12"; only the number is reported (the verb
        # stands between). Not a measure or a count after it ("the bed is 2 weeks old", "room
        # is 20 degrees"), nor a plural label ("beds is 12" does not match)
        Pattern(
            "room_is_medium",
            rf"\b(?:{_ROOM_IS_LABEL})(?:'s|’s)?(?:\s+(?:no\.?|number|#))?{_ROOM_IS_PLACE}?\s+"
            r"(?:is(?:\s+now)?|was|will\s+be|(?:has\s+)?(?:changed|moved)\s+to)\s+"
            r"(?:(?:no\.?|number|#)\s*)?(?P<v>(?-i:[A-H])?\d{1,4}(?-i:[A-H])?)\b"
            rf"(?![.:,/]\d|\s*(?:{_NOT_AFTER_ROOM_IS})\b|\s*%)",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["in", "pt", "patient", "room", "bed"]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        name = pattern_name(result)
        if name == "room_words_medium" and not _put_in_words(text, result):
            return None
        if name == "side_room_short_medium" and _after_drug(text, result.start):
            return None  # "nifedipine SR 10 BD", "morphine sulphate SR 10": a formulation
        if _ED_AREA.match(value) and _census(text, result.start):
            return None  # "Majors 14, Minors 9, Resus 2": an ED's census counts, no cubicle
        if _POD_DAY.match(value) and not _placed(text, result):
            return None  # "POD 1", "asthma exacerbation, pod #2": a post-operative day
        if _BOX.match(value) and _FORM_WORDS.search(_sentence(text, result.start, result.end)):
            return None  # "ICD-10 codes go in box 4", "tick box 12 on the form": a form's box
        return result


# A drug before "SR" makes it a sustained-release formulation (the shipped drug list,
# `bot/detect/data/drug_names.txt`); a salt or a brand's second word may stand between
_DRUGS = load_words("drug_names.txt")
_SALTS = frozenset({"sulphate", "sulfate", "hydrochloride", "tartrate", "succinate", "mesilate"})


def _after_drug(text: str, start: int) -> bool:
    """ "tramadol SR 4", "morphine sulphate SR 10": a drug's name in the two words before."""
    before = words_before(text, start, 2)
    return any(w in _DRUGS for w in before[-2:] if w not in _SALTS) or (
        len(before) == 2 and before[-1] in _SALTS and before[0] in _DRUGS
    )


# An ED's areas, whose numbers are cubicles one by one but counts in a census of the areas
# ("majors 14, minors 9, resus 2 | 6 breaches"). Two areas with numbers are no census alone:
# "pt moved from majors 4 to resus 2" places a patient twice, so a census needs three areas in
# a list's cells or a census word, and no patient or movement word on the line.
_ED_AREA = re.compile(r"(?:majors|minors|resus)\b", re.IGNORECASE)
_AREA_COUNT = re.compile(
    r"\b(?:majors|minors|resus|paeds|ambulatory|rat|triage)\s?:?\s?\d", re.IGNORECASE
)
_CENSUS_CELL = re.compile(r"[,|;]")
_CENSUS_WORDS = re.compile(
    r"\b(?:waiting|breach(?:es)?|patients|pts|total|capacity|beds?\s+free)\b", re.IGNORECASE
)
_MOVEMENT_WORDS = re.compile(
    r"\b(?:pt|patient|moved?|moving|from|to|transfer(?:red|ring)?)\b", re.IGNORECASE
)


def _census(text: str, start: int) -> bool:
    """Whether the line of `start` is an ED's census: two or more areas counted, in three of a
    list's cells or beside a census word, with no patient moved or placed."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", start)
    line = text[left : right if right >= 0 else len(text)]
    areas = {m.group(0).split()[0].rstrip(":").lower()[:4] for m in _AREA_COUNT.finditer(line)}
    if len(areas) < 2 or _MOVEMENT_WORDS.search(line):
        return False
    cells = sum(1 for cell in _CENSUS_CELL.split(line) if _AREA_COUNT.search(cell))
    return cells >= 3 or _CENSUS_WORDS.search(line) is not None


# "box 4": an ED's cubicle where a Spanish or Italian unit writes it, or a form's numbered box
# when the sentence is about a form (its codes, fields, pages, what to tick or write in it)
_BOX = re.compile(r"box(?:es)?\b", re.IGNORECASE)
_FORM_WORDS = re.compile(
    r"\b(?:forms?|fields?|tick(?:ed)?|check\s?box|codes?|section|page|question|enter|write|"
    r"handbook|template|claim\s+form|sign(?:ed)?\s+in)\b",
    re.IGNORECASE,
)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around `text[start:end]` (between full stops, semicolons or line breaks)."""
    left = max(text.rfind(c, 0, start) for c in (". ", ";", "\n")) + 1
    rights = [i for i in (text.find(c, end) for c in (". ", ";", "\n")) if i >= 0]
    return text[left : min(rights, default=len(text))]


# "pod 3": a unit's pod, or as often the third post-operative day ("POD 3", "POD#3", "pod #3")
_POD_DAY = re.compile(r"pod\s?(?:#|no\.?|number)?\s?:?\s?\d", re.IGNORECASE)
_PLACED_AFTER = frozenset({"in", "to", "from", "into"})  # not "on POD 1"


def _placed(text: str, result: RecognizerResult) -> bool:
    """ "in pod 6", "(pod 6)": a pod with a number is a place only where a patient is put."""
    before = words_before(text, result.start, 1)
    return (bool(before) and before[-1] in _PLACED_AFTER) or text[
        max(0, result.start - 1) : result.start
    ] == "("


# What a number word after "room" or "bed" counts when it is no room: "bed two nights", "a room
# two doors down", "room for one more"
_COUNTED = wordset(
    "days day nights night weeks week hours hour minutes times time doors people patients "
    "beds rooms of more or to at a hundred thousand"
)
# a room in words after where a patient is put, or after what is done there ("review bed
# twenty", "allocated cot three")
_PUT = frozenset({"in", "into", "to", "from", "at", "of", "review", "allocated", "see"})


_NUMBER_SIGN = re.compile(r"\b(?:no|number)\b|#")  # compiled once (test_compiled_once)


def _put_in_words(text: str, result: RecognizerResult) -> bool:
    """ "in room fourteen", "moved to bed three", "Room Twelve", "..., bed one": a room in words
    where a patient is put, in a record's field, with its label capitalised or its number sign
    ("bed number four"); not with a count after it ("in bed two days")."""
    after = words_after(text, result.end, 1)
    if after and after[0] in _COUNTED:
        return False
    value = text[result.start : result.end]
    before = words_before(text, result.start, 1)
    placed = bool(before) and before[-1] in _PUT
    # a record's own cell ("Lardner, Chelsey, 7, F, bed one"): the label opens its field, or
    # a form's ("Bed: incubator six"), or a line's first words ("cot sixteen needs obs")
    cell = text[: result.start].rstrip(" \t")[-1:] in {",", "|", ";", ":", "\t", "\n", ""}
    marked = _NUMBER_SIGN.search(value) is not None
    return placed or cell or marked or value[:1].isupper()
