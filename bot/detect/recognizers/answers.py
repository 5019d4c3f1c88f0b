"""ID: a number or a secret given in answer, the turn after the question that names it, and a
PIN or a security answer after its word.

A call-centre transcript, a chat and a phone note put the label in the agent's question and the
value in the caller's reply ("Agent: Can I take your customer number?\\nCaller: Yes, it's
4471 2290 88", "Agent: and for security, your PIN?\\nCaller: 4741."): `LabelledIdRecognizer`
reads a value right after its label, and here nothing stands between them but the question mark,
the line break, the speaker's name and a "yes" or "hang on". Verification reads secrets that
no shape gives away: a four-digit PIN, the digits of one ("the second and fourth digits of her
PIN: 0 and 1"), a memorable date in pairs, and a security answer, a word ("first pet: Rover",
"mother's maiden name given as Hughes", "memorable word marmalade"). All are the caller's own
(Safe Harbor item 18, "any other unique identifying number, characteristic, or code").
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import ClinicalPatternRecognizer, pattern_name, wordset
from bot.detect.recognizers.labelled_ids import LABEL, VALUE, LabelledIdRecognizer

_SECRETS = (
    r"pin|passcode|password|memorable\s+(?:word|date|number)|security\s+(?:number|digits|question)"
)
# The rest of the question's line, no digit in it (the label is in its last 30 characters, and
# the line asks: "?" or "please"; a form's "S/N 8471-11234" line gives its value), the line
# break, the speaker ("Caller:", "Mrs Hughes (daughter):"), and what a caller says before the
# value ("yes, it's", "hang on...", "erm").
_REPLY = (
    r"[^\n?\d]{0,30}?(?:\?|\bplease\b[.!]?)[ \t]*\n[ \t]*(?:[\w .'()-]{1,30}:[ \t]*)?"
    r"(?:(?:yes|yeah|yep|ok|okay|sure|right|so|hang\s+on|hold\s+on|one\s+sec(?:ond)?|it'?s|it\s+is"
    r"|that'?s|i\s+think\s+it'?s|um+|erm?)[ \t,.…!-]*)*"
)
_PIN_VALUE = r"(?P<v>\d{4,8}|\d{2}(?:[ \t./-]\d{2}){1,3})(?![\w.,/-]*\d|[ \t]?(?:mm|cm|g)\b)"


# compiled once: a module-level `regex` call costs a cache look-up through flag enums
_SECRET_WORD = re.compile(_SECRETS, re.I)


class AnsweredIdRecognizer(LabelledIdRecognizer):
    """A value in the reply to the question naming it, and a PIN after its word."""

    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset()
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("answered_value_strong", rf"\b(?:{LABEL}|{_SECRETS})(?![a-z]){_REPLY}{VALUE}(?![\w-]|[./]\w)", 0.85),
        # "PIN 2700", "her PIN is 0738", "passcode: 4471", "security digits 57 55", "memorable
        # date 12 08": a secret of four digits or pairs, which the label grammar takes for a count
        Pattern("pin_strong", rf"\b(?:{_SECRETS})(?:[ \t]+(?:number|no\.?|code))?(?:[ \t]*(?:is|was|:|=|-)(?![a-z]))*[ \t]*{_PIN_VALUE}", 0.85),
        Pattern(
            "pin_digits_strong",
            rf"\bdigits\s+of\s+(?:the|her|his|their|my|your)\s+(?:{_SECRETS})\W{{0,3}}"
            r"(?P<v>\d(?:\s*(?:,|and|&)\s*\d){1,3})(?![\w.,]*\d)",
            0.85,
        ),
    ]  # fmt: skip

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        if pattern_name(result) != "answered_value_strong":
            return result
        value = text[result.start : result.end]
        if (
            value.isdigit()
            and len(value) == 4
            and _SECRET_WORD.search(text[max(0, result.start - 80) : result.start])
        ):
            return result  # "your PIN?\nCaller: 2430."
        return super().refine(text, result)


# Words that follow a security question's label but are no answer ("security answer is wrong").
_NO_ANSWER = wordset(
    "is was are were the a an not no wrong right correct incorrect ok okay fine given provided "
    "verified matched confirmed failed passed required needed set reset changed updated unknown "
    "forgotten please and or but on in for to of with as she he they her his their my your it"
)
ANSWER_LABEL = (
    r"security\s+(?:answer|word|question)|memorable\s+(?:word|name|place)|secret\s+(?:answer|word)"
    r"|maiden\s+name|first\s+pet(?:'s\s+name)?|pet'?s\s+name|first\s+school|favourite\s+(?:film|food|place)"
)


_MARKED = re.compile(r"(?::|=|-|\bis|\bwas|\bas|['\"‘“])[ \t]*$")


class SecurityAnswerRecognizer(ClinicalPatternRecognizer):
    """A security answer, a word, after its question's label or in the reply to it."""

    ENTITY = "ID"
    SUBTYPE = "UNIQUE"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "security_answer_strong",
            rf"\b(?:{ANSWER_LABEL})(?:[ \t]*\([^)\n]{{0,40}}\))?"
            r"(?P<sep>(?:[ \t]*(?::|=|-|is|was|given\s+as|of)(?![a-z]))*)[ \t]*['\"‘“]?"
            r"(?P<v>[A-Za-z][A-Za-z'-]{1,30})",
            0.8,
        ),
        Pattern(
            "security_reply_strong",
            rf"\b(?:{ANSWER_LABEL}|passcode|password)(?![a-z]){_REPLY}['\"‘“]?(?P<v>[A-Za-z][A-Za-z'-]{{1,30}})(?=[ \t]*(?:[.!]|$))",
            0.8,
        ),
    ]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        if value.lower() in _NO_ANSWER:
            return None
        if pattern_name(result) == "security_answer_strong":
            label_end = text[max(0, result.start - 60) : result.start]
            marked = _MARKED.search(label_end)
            if not (marked or value[0].isupper()):
                return None  # "memorable word reset today": no answer given
        return result
