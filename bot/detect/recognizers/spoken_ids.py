"""ID: a number or a code read out, as call-centre transcripts and phone notes write it.

An agent's transcript or a phone note writes what the caller said: "four four seven one two
nine", "double four seven, oh one", "T six oh four three eight", "C for charlie one zero one",
"W-six-eight-seven-seven-one", "bravo kilo seven seven two one", "A for alpha 02790". No
recognizer reads these by shape (they have no digit, or a letter spelled out before it; digits
written one by one, "4 4 7 1 2", reach the recognizers joined, `bot.detect.normalise`), and the
label is often in the turn before ("Can I take your customer number?" / "Hang on... four four
seven..."). A run of five digits read out is a number someone is giving (an account, a card, a
phone), whatever its label: chat counts and doses are not spoken a digit at a time. Four digits
read out count after a number's word ("PIN four four seven one", "ending seven two two one").

A code's letters read first count with its digits (issue 13, `account_desk` dev voice): in the
phonetic alphabet, in capitals and dashes as agents type it ("PAPA-PAPA-FIVE-NINE", "delta
quebec zero three eight", "alpha 7 7 2 9"), or as capitals before digit words ("TPF five two
five four"). Two phonetic letters and two digits, or one and three, is a code: a word of the
alphabet with a count after it is not ("echo 2 weeks ago", "Bravo 3 theatre", "golf 18"), nor
"echo 2019" (a test and its year) nor a capital acronym before fewer than four digits ("NHS one
one one").
"""

from __future__ import annotations

from typing import Any, ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    outermost,
    pattern_name,
    words_before,
    wordset,
)
from bot.detect.recognizers.id_labels import LABEL
from bot.detect.recognizers.phonetic import DIGIT_WORD, NATO

_DIGIT = DIGIT_WORD
_SPOKEN = rf"(?:(?:double|triple)[ \t]+{_DIGIT}|{_DIGIT})"
_JOIN = r"(?:[ \t]*[-,][ \t]*|[ \t]+)"
# A letter first, as itself or with its phonetic word ("C for charlie", "K as in kilo").
_LETTER = r"(?:(?-i:[A-Z])(?:[ \t]+(?:for|as[ \t]+in)[ \t]+[a-z-]+)?(?:[ \t]*-[ \t]*|[ \t]+))"
_PHONETIC = r"(?-i:[A-Z])[ \t]+(?:for|as[ \t]+in)[ \t]+(?-i:[a-z-]+)"
# A letter as the phonetic alphabet says it ("bravo kilo seven seven two one", "four four
# delta seven one"): inside a run, only before a digit word, so a name after one stays out.
_NATO = NATO
# Digits after a code's phonetic letters: words or numerals ("alpha 7729", the blanks of "7 7 2
# 9" dropped by `normalise`).
_CODE_DIGITS = rf"(?:{_SPOKEN}|\d{{1,6}})"
# Words a number's reading follows ("PIN", "number", "ending", "is"): after one, four do.
_NUMBER_WORDS = wordset(
    "pin code number no no. num # id ref ending ends passcode card account digits is"
)
_COUNT = re.compile(rf"\b(?:{_DIGIT}|double|triple)\b", re.IGNORECASE)


# compiled once: a module-level `regex` call costs a cache look-up through flag enums
_MULTIPLIER = re.compile(r"\b(?:double|triple)\b", re.IGNORECASE)


def spoken_digits(value: str) -> int:
    """How many digits a reading gives ("double four" is two, "triple oh" three)."""
    count = 0
    for m in _COUNT.finditer(value):
        word = m.group(0).lower()
        count += 2 if word == "double" else 3 if word == "triple" else 1
    # a "double"/"triple" counted its digit word too: take that back
    return count - sum(1 for m in _MULTIPLIER.finditer(value))


class SpokenNumberRecognizer(ClinicalPatternRecognizer):
    """Digits read out as words, and a code whose letter is spelled with its phonetic word."""

    # `analyze` keeps the outermost of the matches, nothing without one
    SKIP_WHEN_IDLE: ClassVar[bool] = True
    # looked for backwards first (`BACKWARDS_FIRST`, measured on the dev splits: a third less
    # time); the same texts match either way
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset({"spoken_digits_strong"})

    ENTITY = "ID"
    SUBTYPE = "UNIQUE"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "spoken_digits_strong",
            rf"(?<![\w-])(?P<v>(?:{_LETTER}|{_NATO}{_JOIN}){{0,3}}{_SPOKEN}"
            rf"(?:{_JOIN}(?:{_SPOKEN}|(?:{_NATO}|(?-i:[A-Z]))(?={_JOIN}{_SPOKEN}))){{2,15}})(?![\w-])",
            0.8,
        ),
        # A letter spelled with its phonetic word, then digits ("A for alpha 02790", "K as in
        # kilo 4471"): a code read out (digits said one by one reach here joined: `normalise`).
        Pattern(
            "phonetic_code_strong",
            rf"(?<![\w-])(?P<v>{_PHONETIC}(?:{_JOIN}(?:\d+|{_SPOKEN}|{_PHONETIC}|(?-i:[A-Z])(?![\w'-])))+)(?![\w-])",
            0.8,
        ),
        # A code's phonetic letters, then its digits ("PAPA-PAPA-FIVE-NINE", "alpha 7729",
        # "delta quebec zero three eight"): `refine` counts them.
        Pattern(
            "phonetic_digits_strong",
            rf"(?<![\w-])(?P<v>{_NATO}(?:{_JOIN}{_NATO}){{0,5}}{_JOIN}{_CODE_DIGITS}"
            rf"(?:{_JOIN}(?:{_CODE_DIGITS}|{_NATO}(?={_JOIN}{_CODE_DIGITS}))){{0,12}})(?![\w-])",
            0.8,
        ),
        # Capitals before digit words ("TPF five two five four", "LCL six-nine-three-one").
        Pattern(
            "capitals_spoken_strong",
            rf"(?<![\w-])(?P<v>(?-i:[A-Z]{{2,3}}){_JOIN}{_SPOKEN}(?:{_JOIN}{_SPOKEN}){{2,14}})(?![\w-])",
            0.8,
        ),
    ]

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: Any = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        # one reading, once: "charlie one zero one" inside "C for charlie one zero one"
        return outermost(super().analyze(text, entities, nlp_artifacts, regex_flags))

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        digits = spoken_digits(value) + sum(c.isdigit() for c in value)
        name = pattern_name(result)
        if name == "phonetic_code_strong":
            return result if digits >= 3 else None  # "A for alpha", "B for Bob": no code
        if name == "phonetic_digits_strong":
            return result if _phonetic_code(text, result, value, digits) else None
        if name == "capitals_spoken_strong":
            if digits < 4:
                return None  # "NHS one one one": a service's number
            head = value.split(None, 1)[0].strip("-,")
            if head.lower() in _NUMBER_WORDS or _LABEL_WORD.fullmatch(head):
                # "claim ID six-five-four-nine": the capitals are the label, the digits the value
                result.start += _DIGITS_START.search(value, len(head)).start()
            return result
        if digits >= 5 or (digits == 4 and self._after_number_word(text, result)):
            return result
        return None

    @staticmethod
    def _after_number_word(text: str, result: RecognizerResult) -> bool:
        before = words_before(text, result.start, 3)
        return bool(before) and any(
            w.strip("#:") in _NUMBER_WORDS or w.endswith("#") for w in before
        )


# A label in capitals before digit words is no part of the code ("ID six five ...")
_LABEL_WORD = re.compile(LABEL, re.IGNORECASE)
_DIGITS_START = re.compile(rf"\b{_SPOKEN}", re.IGNORECASE)
_PHONETIC_WORD = re.compile(rf"\b{NATO}\b", re.IGNORECASE)
_NUMERALS = re.compile(r"\d+")
_YEAR = re.compile(r"(?:19|20)\d\d")
# Phonetic words that are also what a ward says with a count or a year after it: a heart scan
# ("echo 2019"), an X-ray, a sport, a hotel, a ward or a theatre ("Delta 12", "Victor 3"), a name.
_ORDINARY_HEADS = wordset(
    "echo x-ray xray golf hotel delta india lima victor mike oscar papa uniform november"
)
# What a count after a phonetic word is of ("golf 18 holes", "echo 3 days ago")
_COUNTED = wordset(
    "days day weeks week wks months month years yrs holes nights mins minutes hours hrs mg ml "
    "times x ago beds units"
)


def _phonetic_code(text: str, result: RecognizerResult, value: str, digits: int) -> bool:
    """Phonetic letters and digits that make a code: two letters and two digits, or one letter
    and three digits that are not a year or a count, after an ordinary word only in words."""
    words = _PHONETIC_WORD.findall(value)
    letters = len(words)
    if letters >= 2 and digits >= 2:
        return True
    if letters < 1 or digits < 3:
        return False
    numerals = _NUMERALS.findall(value)
    if any(_YEAR.fullmatch(n) for n in numerals):
        return False  # "echo 2019", "Oscar 2024"
    after = text[result.end : result.end + 12].split()
    if after and after[0].lower().strip(".,;:") in _COUNTED:
        return False
    return not (numerals and words[0].lower().replace(" ", "-") in _ORDINARY_HEADS)
