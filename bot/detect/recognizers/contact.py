"""CONTACT: phone, fax and pager numbers, email addresses and URLs in the shapes people type.

Presidio's `PhoneRecognizer` (`phonenumbers`, the deployment's regions) and `IpRecognizer` are
registered by the engine; this module adds the phone shapes `phonenumbers` misses in chat
(7-digit local numbers, extensions, pagers). Email and URL are ours: Presidio's email
recognizer drops addresses whose TLD is not on the public suffix list (`.test`, `.example`,
`.internal`), and a URL is reported whole, path and query included, since the path is what
names the person ("gofundme.com/f/maria-recovery"). A bare host with no scheme and no path
("crates.io", "docs.python.org") identifies nobody and is left alone.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from typing import ClassVar

import phonenumbers
import regex as re
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from bot.detect.recognizers.base import (
    SUBTYPE_KEY,
    ClinicalPatternRecognizer,
    pattern_name,
    words_before,
    wordset,
)

_EXT = r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?"


class ClinicalPhoneRecognizer(ClinicalPatternRecognizer):
    """Phone and fax numbers, with or without area code, country code or extension."""

    NEEDS_DIGIT = True
    ENTITY = "CONTACT"
    SUBTYPE = "PHONE"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "us_phone_strong",
            rf"(?<![\w/.-])(?:(?:\+|00|011[\s.-]?)?1[\s.-]?)?(?:\(\d{{3}}\)\s?|\d{{3}}[\s./-])\d{{3}}[\s.-]\d{{4}}{_EXT}(?![\w/-]|\.\d)",
            0.85,
        ),
        Pattern(
            "intl_phone_strong",
            rf"(?<![\w/.-])(?:\+|00(?=[1-9]))\d{{1,3}}[\s.-]?\(?\d{{1,4}}\)?(?:[\s.-]?\d{{2,5}}){{2,4}}{_EXT}(?![\w/-])",
            0.8,
        ),
        # Digits in spaced groups after a call-back phrase, as a country with eight- or
        # nine-digit numbers writes them ("Called back on 497 71 427", "phoned her on 572 649
        # 563"): no region's rules are needed to know it is a number to call.
        Pattern(
            "called_on_phone_medium",
            r"\b(?:call(?:ed)?|phoned?|rang|ring|reach(?:ed)?|text(?:ed)?|contact(?:ed)?)"
            r"(?:\s+(?:back|her|him|them|me|us))?\s+(?:on|at)\s+"
            r"(?P<v>\d{2,4}(?:[ \t]\d{2,4}){2,3})(?![\w/:-]|[.,]\d)",
            0.6,
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
        Pattern("local_phone_medium", r"(?<![\w/.:-])\d{3}[-.]\d{4}(?![\w/-]|\.\d)", 0.55),
        # A pager's number, which may be a family's ("pager 4417 for the family"). Not a bleep
        # or a Vocera badge: hospitals issue those to staff alone, and their four or five digits
        # dial only inside the building, like an extension ("x4-5567"); nor a team's or a
        # role's pager ("the on-call reg is on pager 4402"): `refine`.
        Pattern(
            "pager_medium",
            r"\b(?:pager|beeper|pgr)\s?(?:#|no\.?)?\s?:?\s?(?P<v>\d{4,7})\b",
            0.7,
        ),
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
        value = text[result.start : result.end]
        if pattern_name(result) == "pager_medium" and STAFF_ROLES.intersection(
            words_before(text, result.start, 6)
        ):
            return None  # "the on-call is on pager 4402": a team's or a role's, no one's own
        if pattern_name(result) == "called_on_phone_medium" and not _spoken_phone(value):
            return None  # "call back at 1400 1600 1800": clock times in a row
        international = pattern_name(result) == "intl_phone_strong"
        if international and value.startswith("00") and sum(c.isdigit() for c in value) < 11:
            return None  # "0049 30 1234567" dials abroad; "0012 3456" is a code
        if any(w in {"fax", "f"} for w in before):
            result.recognition_metadata["subtype"] = "FAX"
        return result


# Who carries a hospital's pager: a team, a role, a rota (the words before "pager").
STAFF_ROLES = wordset(
    "on-call oncall on-calls team registrar reg sho fy1 fy2 spr consultant resident intern "
    "fellow attending hospitalist charge outreach anaesthetist anesthetist anaesthetics "
    "anesthesia surgeon surgical medical stroke trauma code crash rapid rrt met pharmacist "
    "porter porters radiology radiographer lab bleep-holder coordinator manager switchboard "
    "night site ward unit department dept icu itu ed er theatre theatres"
)


def _spoken_phone(value: str) -> bool:
    """Eight to twelve digits in groups that are not all clock times ("1400 1600 1800")."""
    groups = value.split()
    clocks = all(len(g) == 4 and int(g[:2]) < 24 and int(g[2:]) < 60 for g in groups)
    return 8 <= sum(map(len, groups)) <= 12 and not clocks


class ChatEmailRecognizer(ClinicalPatternRecognizer):
    """Email addresses at any TLD, plus-addresses included (no public-suffix check); an
    apostrophe in the local part is allowed (RFC 5322 atext: "gareth.o'connell@...")."""

    ENTITY = "CONTACT"
    SUBTYPE = "EMAIL"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "email_strong",
            r"(?<![\w.+%'-])[a-z0-9][\w.+%'’-]{0,63}@[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?"
            r"(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*\.[a-z][a-z0-9-]{1,62}(?![\w-])",
            0.95,
        ),
    ]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        local = text[result.start : result.end].split("@", 1)[0].lower()
        if local in _ROLE_MAILBOXES:
            return None  # "claims@insurer.example", "scheduling@clinic.example": no one's own
        return result


# An organisation's shared mailboxes by their role (RFC 2142's and what clinics run): an
# address of a desk, not of the patient or a relative, so no identifier of anyone
_ROLE_MAILBOXES = wordset(
    "info support help helpdesk noreply no-reply donotreply do-not-reply admin office reception "
    "scheduling appointments appts bookings billing claims referrals records medicalrecords "
    "enquiries inquiries contact hello team service customerservice pharmacy lab results "
    "postmaster webmaster abuse security privacy compliance hr it accounts finance fax"
)


# A path or query character; a URL's last character is not sentence punctuation.
_URL_TAIL = r"(?:[^\s<>\"'|]*[^\s<>\"'|.,;:!?)\]])?"


class ChatUrlRecognizer(ClinicalPatternRecognizer):
    """URLs whole: with a scheme or "www.", or a host followed by a path."""

    ENTITY = "CONTACT"
    SUBTYPE = "URL"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "url_scheme_strong",
            rf"(?<![\w@/])(?:https?://|ftp://|www\.)[a-z0-9][\w.-]*(?::\d{{2,5}})?(?:[/?#]{_URL_TAIL})?",
            0.9,
        ),
        Pattern(
            "url_path_medium",
            rf"(?<![\w@/.:-])(?:[a-z0-9-]+\.)+[a-z]{{2,24}}/{_URL_TAIL}",
            0.7,
        ),
    ]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        if pattern_name(result) == "url_path_medium":
            host = value.split("/", 1)[0]
            # "w/o", "s/p", "3.5/10" are not hosts; "and/or" neither
            if not any(c.isalpha() for c in host.rsplit(".", 1)[-1]) or len(host) < 4:
                return None
        return result


class Ipv6Recognizer(ClinicalPatternRecognizer):
    """IPv6 addresses, full or compressed, whatever follows them (Presidio's IP recognizer
    misses one followed by a colon, "from 742d:8cde:...:70da: alice@..."); checked by
    `ipaddress`, so a clock time or a ratio never passes."""

    NEEDS_DIGIT = True
    ENTITY = "CONTACT"
    SUBTYPE = "IP"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "ipv6_strong",
            r"(?<![\w:.])(?:[0-9a-f]{1,4}:){2,7}(?::|(?::[0-9a-f]{1,4}){1,6}|[0-9a-f]{1,4})(?![\w.]|:[0-9a-f])",
            0.9,
        ),
    ]

    def validate_result(self, pattern_text: str) -> bool | None:
        try:
            ipaddress.IPv6Address(pattern_text)
        except ValueError:
            return False
        return True


# Where a deployment's patients and families most often have numbers from (ITU region codes);
# `Settings.phone_regions` replaces it.
DEFAULT_PHONE_REGIONS = ("US", "CA", "MX", "GB", "DE", "FR", "ES", "IT", "NL", "BR", "IN", "CN")
# A stretch that could hold a phone number: `phonenumbers` runs on these windows only, since a
# pass per region over every whole message costs more than all our other recognizers together.
_CANDIDATE = re.compile(r"(?<![\w.])(?:\+|\(|\d)[\d \t().\-/]{5,24}\d(?!\w)")
_DATE_SHAPE = re.compile(r"\d{1,4}([/.-])\d{1,2}\1\d{2,4}")
_TIME_RANGE = re.compile(r"[0-2]\d[0-5]\d\s*-\s*[0-2]\d[0-5]\d")
# Readings written in a row with slashes ("ABG 7.32/48/78/24", drains "30/20/10"): no phone
_SLASHED_READINGS = re.compile(r"\d{1,3}(?:\.\d+)?(?:/\d{1,3}(?:\.\d+)?){2,}")


def _valid_whole(chunk: str, region: str) -> bool:
    try:
        number = phonenumbers.parse(chunk, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


_NUMBER_TYPES = tuple(
    v for k, v in vars(phonenumbers.PhoneNumberType).items() if k.isupper() and k != "UNKNOWN"
)
_FORMATS = (phonenumbers.PhoneNumberFormat.NATIONAL, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
_warmed: set[str] = set()


def warm_phone_patterns(regions: Sequence[str]) -> None:
    """Compile `phonenumbers`' patterns for `regions` now, not in the first messages.

    It compiles a region's metadata patterns the first time a number needs them (about 70 on
    the first 300 chat messages, a twentieth of that pass's CPU time) and keeps them only in
    the `re` module's bounded cache, shared with every other user of `re`. Its own pattern
    cache is turned on where it has one (`enable_pattern_cache`), and one example number of
    each type is read, in both formats, as `analyze` reads a window: findings are unchanged,
    the work moves to load time (once per region and process)."""
    enable = getattr(phonenumbers, "enable_pattern_cache", None)
    if enable is not None:
        enable()
    # a number is also tried against the other regions of its country code (GB's +44 is
    # Guernsey's, Jersey's and the Isle of Man's too; +1 is twenty-odd regions')
    sharing = [
        r
        for region in regions
        for r in phonenumbers.region_codes_for_country_code(
            phonenumbers.country_code_for_region(region)
        )
    ]
    for region in dict.fromkeys([*regions, *sharing]):
        if region in _warmed:
            continue
        _warmed.add(region)
        for kind in _NUMBER_TYPES:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            for style in _FORMATS:
                chunk = phonenumbers.format_number(example, style)
                _valid_whole(chunk, region)
                list(phonenumbers.PhoneNumberMatcher(chunk, region, leniency=1))


class RegionalPhoneRecognizer(EntityRecognizer):
    """Phone numbers valid in one of the deployment's regions (`phonenumbers`, as Presidio's
    `PhoneRecognizer` uses it), looked for only where a run of digits could be one."""

    SCORE = 0.7
    MIN_DIGITS = 7
    # Up to this many digits a window holds at most one number: parsing it whole (about a
    # third of the matcher's cost) decides whether the matcher can find anything in it.
    WHOLE_WINDOW_DIGITS = 12

    def __init__(self, regions: Sequence[str] = DEFAULT_PHONE_REGIONS) -> None:
        super().__init__(
            supported_entities=["PHONE_NUMBER"], name="RegionalPhoneRecognizer", context=[]
        )
        self.name: str = "RegionalPhoneRecognizer"
        self.regions = tuple(regions)
        warm_phone_patterns(self.regions)

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        found: dict[tuple[int, int], RecognizerResult] = {}
        for window in _CANDIDATE.finditer(text):
            chunk = window.group()
            if (
                sum(c.isdigit() for c in chunk) < self.MIN_DIGITS
                or _TIME_RANGE.fullmatch(chunk)
                or _DATE_SHAPE.fullmatch(chunk)
                or _SLASHED_READINGS.fullmatch(chunk)
                or (chunk.isdigit() and len(chunk) <= 12)  # a bare run: `IdRecognizer` has it
            ):
                continue
            # "+55 ..." parses the same from any region; a national number from the first
            # region whose rules accept it
            short = sum(c.isdigit() for c in chunk) <= self.WHOLE_WINDOW_DIGITS
            for region in self.regions[:1] if chunk.startswith("+") else self.regions:
                if short and not _valid_whole(chunk, region):
                    continue  # the matcher would find nothing in this short window either
                matches = list(phonenumbers.PhoneNumberMatcher(chunk, region, leniency=1))
                for match in matches:
                    span = (window.start() + match.start, window.start() + match.end)
                    found.setdefault(span, self._result(*span))
                if matches:
                    break
        return list(found.values())

    def _result(self, start: int, end: int) -> RecognizerResult:
        return RecognizerResult(
            entity_type="PHONE_NUMBER",
            start=start,
            end=end,
            score=self.SCORE,
            analysis_explanation=AnalysisExplanation(
                recognizer=self.name, original_score=self.SCORE, textual_explanation="phone"
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                SUBTYPE_KEY: "PHONE",
            },
        )
