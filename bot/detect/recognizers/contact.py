"""CONTACT: phone, fax and pager numbers in the shapes people type them.

Email, URL and IP addresses come from Presidio's predefined recognizers (registered by the
engine, made offline by `bot.detect.offline`); this module adds phone shapes that
`phonenumbers` misses in chat (7-digit local numbers, extensions, pagers) without its cost.
"""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import ClinicalPatternRecognizer, words_before

_EXT = r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?"


class ClinicalPhoneRecognizer(ClinicalPatternRecognizer):
    """Phone and fax numbers, with or without area code, country code or extension."""

    ENTITY = "CONTACT"
    SUBTYPE = "PHONE"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "us_phone_strong",
            rf"(?<![\w/.-])(?:\+?1[\s.-]?)?(?:\(\d{{3}}\)\s?|\d{{3}}[\s./-])\d{{3}}[\s.-]\d{{4}}{_EXT}(?![\w/-]|\.\d)",
            0.85,
        ),
        Pattern(
            "intl_phone_strong",
            r"(?<![\w/.-])\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,5}){2,4}(?![\w/-])",
            0.8,
        ),
        # One pattern for both national shapes: "(0X) ..." and "0XX ..." with optional parentheses.
        Pattern(
            "national_phone_strong",
            r"(?<![\w/.-])(?:\(0\d{1,4}\)|\(?0\d{2,4}\)?)[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w/-]|\.\d)",
            0.7,
        ),
        Pattern(
            "paren_phone_strong", r"(?<![\w/.-])\(\d{3}\)\s?\d{3}[\s.-]?\d{4}(?![\w/-]|\.\d)", 0.85
        ),
        Pattern("local_phone_medium", r"(?<![\w/.:-])\d{3}[-.]\d{4}(?![\w/.-])", 0.55),
        Pattern(
            "extension_medium",
            r"\b(?:cell|mobile|home\s+phone|tel|fax)\.?\s?(?:#|no\.?|at)?\s?:?\s?(?P<v>\d{3}-?\d{4})\b",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "phone",
        "call",
        "cell",
        "tel",
        "fax",
        "pager",
        "number",
        "#",
        "reach",
        "contact",
        "mobile",
        "home",
        "work",
        "text",
    ]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        before = words_before(text, result.start, 2)
        if any(w in {"bp", "b/p", "mg", "dose"} for w in before):
            return None
        if any(w in {"fax", "f"} for w in before):
            result.recognition_metadata["subtype"] = "FAX"
        return result
