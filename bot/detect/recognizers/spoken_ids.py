"""ID: a number read out digit by digit, as call-centre transcripts and phone notes write it.

An agent's transcript or a phone note writes what the caller said: "four four seven one two
nine", "double four seven, oh one", "T six oh four three eight", "C for charlie one zero one",
"W-six-eight-seven-seven-one", "bravo kilo seven seven two one", "A for alpha 02790". No recognizer reads these by shape (they
have no digit, or a letter spelled out before it; digits written one by one, "4 4 7 1 2", reach
the recognizers joined, `bot.detect.normalise`), and the label is often in the turn
before ("Can I take your customer number?" / "Hang on... four four seven..."). A run of five
digits read out is a number someone is giving (an account, a card, a phone), whatever its
label: chat counts and doses are not spoken a digit at a time. Four digits read out count after
a number's word ("PIN four four seven one", "ending seven two two one").
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    pattern_name,
    words_before,
    wordset,
)

_DIGIT = r"(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|niner)"
_SPOKEN = rf"(?:(?:double|triple)[ \t]+{_DIGIT}|{_DIGIT})"
_JOIN = r"(?:[ \t]*[-,][ \t]*|[ \t]+)"
# A letter first, as itself or with its phonetic word ("C for charlie", "K as in kilo").
_LETTER = r"(?:(?-i:[A-Z])(?:[ \t]+(?:for|as[ \t]+in)[ \t]+[a-z-]+)?(?:[ \t]*-[ \t]*|[ \t]+))"
_PHONETIC = r"(?-i:[A-Z])[ \t]+(?:for|as[ \t]+in)[ \t]+(?-i:[a-z-]+)"
# A letter as the phonetic alphabet says it ("bravo kilo seven seven two one", "four four
# delta seven one"): inside a run, only before a digit word, so a name after one stays out.
_NATO = (
    r"(?:alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet+|kilo|lima|mike"
    r"|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiske?y|x-?ray|yankee|zulu)"
)
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
    ]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        digits = spoken_digits(value) + sum(c.isdigit() for c in value)
        if pattern_name(result) == "phonetic_code_strong":
            return result if digits >= 3 else None  # "A for alpha", "B for Bob": no code
        if digits >= 5 or (digits == 4 and self._after_number_word(text, result)):
            return result
        return None

    @staticmethod
    def _after_number_word(text: str, result: RecognizerResult) -> bool:
        before = words_before(text, result.start, 3)
        return bool(before) and any(
            w.strip("#:") in _NUMBER_WORDS or w.endswith("#") for w in before
        )
