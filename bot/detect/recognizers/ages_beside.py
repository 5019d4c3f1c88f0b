"""AGE known only by what stands beside it: "John Smith (67)", "Mrs Patel, 82, lives alone",
"Smith, John, 67, M", "Ana Ruiz | 44 | F", "Patient, 67, referred", "He is 67 and ...",
"(D.O.B. 1/2/50), 74".

Referral letters, subject lines and record rows give an exact age with no "yo" or "aged": the
number's place beside a person's name, a patient word or a sex letter is all that says so. An
exact age is PHI whatever it is (the clinical rule: "use ranges instead"), so these shapes take
0-119, guarded against the numbers that stand in the same places: readings ("Sats (94)",
"Glucose, 95,"), counts ("Smith, 3 visits"), a staff member's extension or bleep ("Dr Jones
(4521)", "Sister Kelly, 45,"), list numbers ("1. Smith, 2. Jones") and beds in a list ("Beds:
Smith, 3, Jones, 4").
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.age_cues import (
    NAME_WORD,
    NOT_A_READING,
    PERSON_NOUNS,
    PERSON_WORDS,
    READINGS,
)
from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    pattern_name,
    set_subtype,
    wordset,
)
from bot.detect.recognizers.names_lexicon import Lexicon, lexicon
from bot.detect.recognizers.titles import TITLES

_AGE = r"(?:1[01]\d|\d{1,2})"
_OVER_89 = r"(?:9\d|1[01]\d)"
# A patient's title before initials ("Mrs D", "Herr K."): not a colleague's ("Dr", "Sr", "Sister")
_PATIENT_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Master|Mstr|Sra|Srta|Herr|Frau|Mme|Mlle)\.?"
# What may follow "Name, 67": the clause goes on about the person, or the field ends
_AFTER_COMMAS = (
    r"(?=\s?,(?!\d)|;|:(?!\d)|\.(?!\d)|\s*$|\s*\?|\s*[|)]|\s+[-–—]\s"
    r"|\s+(?:and|who|with|from|lives|living|is|was|at|in|has|had|but|still|today|now|this|next"
    r"|last|yesterday|presents|presenting|presented|referred|seen|admitted|attended|retired"
    r"|known|(?-i:[MF])|male|female|man|woman|boy|girl|widow|widower)\b)"
)
# A record's cell separator: a bar, a semicolon, a tab, or a comma
_CELL = r"[ \t]*[|;,\t][ \t]*"
_SEX_CELL = r"(?:(?-i:[MF])|male|female)"
# Titles and roles that make the name after them a colleague's, whose number is a pager,
# an extension or a rota's ("Dr Jones (4521)", "Sister Kelly, 45, on call")
_STAFF_TITLES = wordset(
    "dr dr. doctor drs prof prof. professor nurse sister matron charge rn sr sr. consultant "
    "registrar reg sho fy1 fy2 physio midwife hca staff gp"
)
# A number's word before it that makes the row's number a reading or a place, not an age
_PLACE_WORDS = frozenset({"room", "rm", "bed", "bay", "ward", "unit", "floor", "bed#", "no", "#"})
# Words before a bare number that name a place, a route or a form, even when a surname too
_NOT_A_SURNAME = wordset("ward route bus flat level page form suite gate block wing pod line")
_CHAIN_WORD = re.compile(r"(?<![\w.])(\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.),?\s+$")
# "Smith, 3", "Jones 4", "Brown (2)": a name and a small number, which a line lists more than
# once for beds
_NAME_NUMBER = re.compile(rf"\b{NAME_WORD}(?:,?\s|\s?\()\d{{1,3}}\b(?![:/.]\d)")
# Street types that open an address line before its name and number ("Rua das Flores, 7")
_STREET_FIRST = re.compile(
    r"\s*(?:rua|praia|pra[çc]a|avenida|av\.|travessa|largo|alameda|estrada|calle|paseo|plaza"
    r"|camino|via|viale|piazza|corso|rue|place|chemin|ulica|ul\.)\s",
    re.IGNORECASE,
)
# Months and their abbreviations that are also names ("Jan (10)", "May, 12,")
_CALENDAR_WORDS = wordset("jan feb mar apr jun jul aug sep sept oct nov dec may june april august")
_LIST_MARK = re.compile(r"(?:^|[\s:;,])\d{1,2}[.)]\s*$")
_SEATS_LABEL = re.compile(r"\b(?:beds?|rooms?|bays?|seats?|chairs?)\s*[:=-]", re.IGNORECASE)
# A pain score, a reading or a scale in the clause before "he is 7 and ..."
_SCORE_CUE = re.compile(
    r"\b(?:pain|score[ds]?|scale|sats?|spo2|bm|glucose|gcs|news|ews|rated|rates|out\s+of)\b",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"^\s*(?:and\s+)?(?:a\s+half\s+|\d+\s*)?(?:%|/|cm|mm|kg|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?"
    r"|months?|out\s+of|\+\d)",
    re.IGNORECASE,
)


class AgeBesideRecognizer(ClinicalPatternRecognizer):
    """Exact ages (0-119) by their place beside a person: a name, a patient word, a sex cell."""

    NEEDS_DIGIT = True
    # looked for backwards first (`BACKWARDS_FIRST`): the age ends the cell
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset({"age_row_cell_strong"})
    ENTITY = "AGE"
    SUBTYPE = "AGE"
    PATTERNS: ClassVar[list[Pattern]] = [
        # "John Smith (67)", "Mrs Alvarez (93)", "Hans Müller (72 J.)", "Ms Park, 56, in clinic",
        # "Smith, John, 67, M": read by `refine` (the word before is a person's name)
        Pattern(
            "age_after_name_strong",
            rf"(?-i:\b{NAME_WORD})(?:\s?\((?P<v>{_AGE}(?:\s?(?:y|yo|yrs?|years?|[mf]|j\.?))?)\)"
            rf"|,\s(?:(?:now|nearly|almost|just|aged)\s)?(?P<v>{_AGE}){_AFTER_COMMAS})",
            0.8,
        ),
        # "Mrs D (95)", "Mr J.B. (67)", "Ms K. (41)": a patient's title and initials, the age in
        # brackets (a staff title's number is a bleep: "Dr K (4521)" has no patient's title)
        Pattern(
            "age_after_initial_strong",
            rf"(?-i:\b{_PATIENT_TITLE}\s\p{{Lu}}\.?(?:\s?\p{{Lu}}\.?)?)\s?\((?P<v>{_AGE}"
            r"(?:\s?(?:y|yo|yrs?|years?|[mf]))?)\)",
            0.8,
        ),
        # Over 89 any mark after a name gives the age: "Mrs Doe [95]", "Jane Doe - 95 - female",
        # "Julia Gibson, 91 to your unit" (not "Smith, 95 Elm Road": a house number), read by
        # `refine` as the comma and brackets above
        Pattern(
            "age_over_89_after_name_mark_strong",
            rf"(?-i:\b{NAME_WORD})(?:\s?\[(?P<v>{_OVER_89})\]|\s[-–—]\s(?P<v>{_OVER_89})\b"
            rf"(?![/.:,]\d)|,\s(?P<v>{_OVER_89})\b(?![/.:,]?\d|\s+(?-i:\p{{Lu}}\p{{Ll}})|\s*[-–]\s*\d))"
            rf"{NOT_A_READING}",
            0.8,
        ),
        # "Re: Jane Doe 95", "Jane Doe 95, lives alone": over 89 after a full name with no mark,
        # at a field's end (read by `refine`: a listed name after a first name or a title)
        Pattern(
            "age_over_89_after_name_plain_strong",
            rf"(?-i:\b{NAME_WORD})\s(?P<v>{_OVER_89})(?=\s*$|\s?[,;|)]|\s[-–—]\s)",
            0.8,
        ),
        # "The patient, 67, was seen", "my grandmother (82)", "a lady of 94", "given her age
        # (94)"
        Pattern(
            "age_after_person_strong",
            rf"\b(?:{PERSON_NOUNS}|age)(?:\s?\((?P<v>{_AGE})\)|,\s(?P<v>{_AGE}),"
            rf"|\s+of\s+(?P<v>{_AGE})\b{NOT_A_READING})",
            0.85,
        ),
        # "Ana Ruiz | 44 | F | Bed 7", "Lutz; Shane; 43; M", "Gray\t61\tF": a row's number
        # beside a cell of the sex (also "| F | 44 |")
        Pattern(
            "age_row_cell_strong",
            rf"(?:^|(?<=[|;,\t]))[ \t]*(?P<v>{_AGE}){_CELL}{_SEX_CELL}[ \t]*(?=[|;,\t]|$)"
            rf"|(?<=[|;,\t][ \t]*{_SEX_CELL}{_CELL})(?P<v>{_AGE})[ \t]*(?=[|;,\t]|$)",
            0.8,
        ),
        # "He is 67 and lives with his wife", "She's 45, works nights", "I'm 38 and ..."
        Pattern(
            "age_pronoun_copula_strong",
            rf"\b(?:she\s+is|he\s+is|she's|he's|she’s|he’s|who\s+is|i\s+am|i['’]m)\s+(?P<v>{_AGE})"
            r"(?=\s+and\b|\s?,(?!\d)|;|\.(?!\d)|\s*$|\s+(?:now|today|this\s+year)\b)",
            0.8,
        ),
        # "(D.O.B. 1/2/50), 74", "DOB 03/04/52 (73)": the number after a date of birth with a
        # two-digit year, when the two agree (`bot.detect.recognizers.ages` reads four digits)
        Pattern(
            "age_after_short_dob_strong",
            r"\b(?:dob|d\.o\.b\.?|born)\s*:?\s*\d{1,2}[/.-]\d{1,2}[/.-](?P<yy>\d\d)\b\)?"
            rf"(?:\s?\(|,\s*(?:now|age|aged)?\s*|\s+(?:now|age|aged)\s+)(?P<v>{_AGE})\b"
            r"(?!\s*(?:%|mg|kg|/|\.\d))",
            0.85,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = []

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        number = _DIGITS.match(text[result.start : result.end])
        if number is None or int(number.group()) > 119:
            return None
        age = int(number.group())
        name = pattern_name(result)
        keep = {
            "age_after_name_strong": _beside_name,
            "age_after_initial_strong": _always,
            "age_over_89_after_name_mark_strong": _beside_listed_name,
            "age_over_89_after_name_plain_strong": _beside_full_name,
            "age_after_person_strong": _beside_person,
            "age_row_cell_strong": _in_a_row,
            "age_pronoun_copula_strong": _said_of_someone,
            "age_after_short_dob_strong": _after_short_dob,
        }[name](text, result.start, age)
        if not keep:
            return None
        if age > 89:
            result.score = max(result.score, 0.9)
            return set_subtype(result, "AGE_OVER_89")
        return result


# compiled once: these run on every candidate, and `re.search(pattern, ...)` asks the regex
# module's cache each call (tests/detect/test_compiled_once.py)
_DIGITS = re.compile(r"\d+")
_HEAD = re.compile(r"(\S+?)(?:\s?[(\[]|,\s(?:(?:now|nearly|almost|just|aged)\s)?|\s[-–—]\s|\s)$")
_INITIAL = re.compile(r"\p{Lu}\.")
_LIST_NUMBER_END = re.compile(r"[.)]\s")
_LISTED_AFTER = re.compile(r",\s?\d")
_OF_BEFORE = re.compile(r"\bof\s+$", re.IGNORECASE)
_ADULT_OF_BEFORE = re.compile(r"\b(?:lady|gentleman|man|woman)\s+of\s+$", re.IGNORECASE)
_CELL_MARKS = re.compile(r"[|;,\t]")
_SEX_CELL_ALONE = re.compile(r"(?-i:[MF])|male|female", re.IGNORECASE)
_CLAUSE_ENDS = re.compile(r"[.!?\n]")
_SHORT_YEAR_BEFORE = re.compile(r"[/.-](\d\d)\b\D{0,14}$")


def _head(text: str, start: int) -> re.Match[str] | None:
    """The word and its mark before the number ("Smith (", "Smith, ", "Smith, now ")."""
    return _HEAD.search(text[max(0, start - 60) : start])


def _name_chain(left: str) -> tuple[list[str], int]:
    """The capitalised words and initials right before the name, nearest first ("Mrs Edna ",
    "J. ", "Smith, " of "Smith, John"), and where in `left` they begin."""
    chain: list[str] = []
    end = len(left)
    while len(chain) < 4:
        word = _CHAIN_WORD.search(left, 0, end)
        if word is None:
            break
        chain.append(word.group(1))
        end = word.start()
        if word.group(0).rstrip().endswith(","):
            break  # "Smith, John": the surname before a comma closes the chain
    return chain, end


def _beside_name(text: str, start: int, age: int) -> bool:
    """Whether the word before "(67)" or ", 67," is a patient's name: a listed name with a first
    name, an initial or a title before it (or none of those needed for a name no word shares),
    not a reading ("Sats (94)"; "Leanne Ward (51)" is a name), not a colleague after a staff
    title ("Dr Jones (45)"), and not a list's numbered item ("1. Smith, 2. Jones") or one of
    several names with small numbers, a list of beds ("Smith, 3, Jones, 4")."""
    head = _head(text, start)
    if head is None:
        return False
    word = head.group(1)
    if word.lower() in PERSON_WORDS or word.isupper():
        return False
    window_start = max(0, start - 60)
    left = text[window_start : window_start + head.start(1)]
    chain, chain_start = _name_chain(left)
    lowered = [w.lower() for w in chain]
    lex = lexicon()
    supported = any(
        w in TITLES or lex.is_name(c) or _INITIAL.fullmatch(c)
        for w, c in zip(lowered, chain, strict=True)
    )
    if word.lower().strip("'’") in READINGS and not supported:
        return False
    if age > 89:
        return True  # over 89 a letter's capitalised word is enough, as before this module
    rest = left[:chain_start].rstrip(" ,")
    before_chain = rest.split()[-1].lower() if rest.split() else ""
    if any(w in _STAFF_TITLES for w in lowered) or before_chain in _STAFF_TITLES:
        return False
    after = text[start + len(str(age)) : start + len(str(age)) + 2]
    if _LIST_MARK.search(rest) and _LIST_NUMBER_END.match(after):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if _SEATS_LABEL.search(text, line_start, start):  # "Beds: Smith, 3, ..."
        return False
    if _STREET_FIRST.match(line):  # "Praia Leandro da Rocha, 7": an address line's house number
        return False
    listed = _LISTED_AFTER.match(text[start + len(str(age)) : start + len(str(age)) + 3])
    if age <= 12 and (len(_NAME_NUMBER.findall(line)) > 1 or listed):
        return False  # beds by name, or a list of small numbers ("Mr Brown, 6, 7 and 8 beds")
    if not lex.is_name(word) or word.lower() in _CALENDAR_WORDS:
        return False
    # a surname alone that is also a word ("Hall (3)", "Smith (45)") only with an adult's age
    return supported or not (lex.is_ambiguous(word) or (lex.is_english(word) and age < 18))


def _always(text: str, start: int, age: int) -> bool:
    """A patient's title and initials before the brackets: the number is the age."""
    return True


def _name_evidence(text: str, start: int, age: int) -> tuple[bool, bool] | None:
    """For the word before the number, when `_beside_name` takes it: whether it is a listed
    name, and whether a title, a first name or an initial stands before it; None otherwise."""
    head = _head(text, start)
    if head is None or not _beside_name(text, start, age):
        return None
    word = head.group(1)
    window_start = max(0, start - 60)
    left = text[window_start : window_start + head.start(1)]
    chain, _ = _name_chain(left)
    lex = lexicon()
    led = any(c.lower() in TITLES or lex.is_first(c) or _INITIAL.fullmatch(c) for c in chain)
    low = word.lower()
    if low in _NOT_A_SURNAME:
        # "Ward 95", "Page [95]" are a place and a form's page; "Mrs Ward - 95", "Jane Page
        # [95]" a surname, led by the title, first name or initial right before it
        if not _led_right_before(left, lex):
            return None
    elif low in _PLACE_WORDS:
        return None
    return lex.is_name(word), led


def _led_right_before(left: str, lex: Lexicon) -> bool:
    """Whether the word right before the name (no comma between) is a title, a first name or
    an initial: "Mrs Ward", "Jane Page", "J. Block", not "Smith, Ward" or "Level 2 Ward"."""
    word = _CHAIN_WORD.search(left)
    if word is None or "," in word.group(0):
        return False
    lead = word.group(1)
    return lead.lower() in TITLES or lex.is_first(lead) or _INITIAL.fullmatch(lead) is not None


def _beside_listed_name(text: str, start: int, age: int) -> bool:
    """ "Mrs Doe - 95", "Jane Doe [95]": a listed name, or a word after a title, a first name or
    an initial ("Total - 95", "Score [95]" are a form's cells)."""
    evidence = _name_evidence(text, start, age)
    return evidence is not None and any(evidence)


def _beside_full_name(text: str, start: int, age: int) -> bool:
    """ "Jane Doe 95": with no mark between, only a listed name after a first name or a title
    ("Ward 95", "Route 95", "Flat 95" are places, "Bed 95" a bed)."""
    evidence = _name_evidence(text, start, age)
    return evidence is not None and all(evidence)


def _beside_person(text: str, start: int, age: int) -> bool:
    """ "The patient, 67,", "my mother (82)": any age; "a lady of 82" only for an adult's noun or
    over 89 ("mother of 2" counts her children)."""
    before = text[max(0, start - 30) : start]
    if _OF_BEFORE.search(before):
        adult = _ADULT_OF_BEFORE.search(before)
        return age > 89 or (adult is not None and age >= 18)
    return True


def _in_a_row(text: str, start: int, age: int) -> bool:
    """A row's number beside its sex cell is the age unless the cell before names a reading or a
    place ("Temp | 38 | F", "Bed; 4; F") or holds only a number."""
    cells = _CELL_MARKS.split(text[text.rfind("\n", 0, start) + 1 : start])
    previous = next((c.strip() for c in reversed(cells[:-1]) if c.strip()), "")
    if _SEX_CELL_ALONE.fullmatch(previous):
        previous = next(
            (c.strip() for c in reversed(cells[:-2]) if c.strip() and c.strip() != previous), ""
        )
    words = previous.split()
    if not words or words[-1].lower() in READINGS or words[-1].lower() in _PLACE_WORDS:
        return False
    # the cell before is a name ("Ana Ruiz", "Shane", "Smith, John"), not "Size" or "Total"
    return all(w[:1].isupper() for w in words) and any(lexicon().is_name(w) for w in words)


def _said_of_someone(text: str, start: int, age: int) -> bool:
    """ "He is 67 and ...": not a score or a reading said of him ("pain: he is 7 and ...") and
    not a quantity that goes on ("she is 38 and 4 days", "he is 2 and a half cm")."""
    clause = _CLAUSE_ENDS.split(text[max(0, start - 60) : start])[-1]
    if _SCORE_CUE.search(clause):
        return False
    return not _UNIT_AFTER.match(text[start + len(str(age)) : start + len(str(age)) + 24])


def _after_short_dob(text: str, start: int, age: int) -> bool:
    """ "D.O.B. 1/2/50), 74": the birth year (19yy or 20yy) plus the age falls in 2015-2035."""
    year = _SHORT_YEAR_BEFORE.search(text[max(0, start - 20) : start])
    if year is None:
        return False
    yy = int(year.group(1))
    return any(2015 <= century + yy + age <= 2035 for century in (1900, 2000))
