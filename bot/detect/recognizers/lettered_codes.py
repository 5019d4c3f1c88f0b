"""ID: codes with no digit, or too few for `labelled_ids`, after their label.

A bank's BIC ("BIC DEUTDEFF"), a booking, confirmation or reference code in capitals
("Reference GUKNIJUO"; not an English word, "reference RANGES"), a code a system generated in
mixed or lower case ("Ticket wXyZaBcDeQ"), a generated secret ("case ID +r2U_8y!y@") and a
password after its word. Its own recognizer because `LabelledIdRecognizer` skips a text with
no digit (its every value has one); `generated_letters` and `generated_secret` also serve the
post-pass that takes a code with no label once someone is named (`person_numbers`).
"""

from __future__ import annotations

import itertools
from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import ClinicalPatternRecognizer, pattern_name
from bot.detect.recognizers.id_labels import LABEL, SEP
from bot.detect.recognizers.names_lexicon import lexicon

_SECRET_MARK = frozenset("!@#$^&*()_+=~?")
_NOT_SECRET = frozenset("/%<>|:[]{}\"'`\\")
_MARK_CLASS = "[" + "".join(re.escape(c) for c in sorted(_SECRET_MARK)) + "]"


class LetteredCodeRecognizer(ClinicalPatternRecognizer):
    """Codes with no digit after their label: a bank's BIC, a booking or confirmation code in
    capitals, a password. Their own recognizer, since `LabelledIdRecognizer` skips a text with no
    digit (its every value has one) and these need none."""

    ENTITY = "ID"
    SUBTYPE = "MRN"
    # looked for backwards first (`BACKWARDS_FIRST`): the reference ends it
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset({"lettered_reference_strong"})
    PATTERNS: ClassVar[list[Pattern]] = [
        # A bank's BIC after its label ("BIC DEUTDEFF", "SWIFT: NWBKGB2L"): letters throughout, so
        # the grammar above (which wants digits) does not take it. It names the bank of the
        # account beside it, which is redacted with it.
        Pattern(
            "bic_strong",
            r"\b(?:bic|swift)(?:\s*(?:code|#|:))*\s*"
            r"(?P<v>(?-i:[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?))(?![\w-])",
            0.85,
        ),
        # A code of capitals alone after a reference or booking word ("Reference GUKNIJUO",
        # "booking ref: QXHTRP", "confirmation code JVKJGBLF"): six or more letters, no digit.
        # Also after what a desk numbers with such a code, in the languages it writes: an
        # invoice, a transaction, an order or a reservation ("invoice HDDDJU", "réservation n°
        # PCGNGJ", "n° de commande RTMVCD", "localizador AZTDZX", "Transaction UHLRRX"; not
        # the English "order", which takes a drug in capitals, "order ZOFRAN").
        # A claim's, a ticket's, a case's, a member's or a tracking reference in capitals too
        # ("claim EBXXTR", "case number KMJ-RAZ", "voucher code QZXWLM"; not after "policy",
        # which names a document as often: "policy DNACPR"), and with a digit or two among the capitals ("reference JE1SMF",
        # "invoice ref ET5ZBL"), or in dashed groups of capitals ("case ref QZX-WLM"): the
        # codes billing, refill and transport desks read back (issue 13, `account_desk`).
        Pattern(
            "lettered_reference_strong",
            r"\b(?:ref(?:erence)?|booking(?:\s+ref(?:erence)?)?|confirmation|voucher|pnr"
            r"|invoice|transaction|txn|commande|pedido|ordine|bestellung|r[ée]servation"
            r"|reserva|prenotazione|rezerwacja|localizador|rechnung|factura|fattura|facture"
            r"|claim|ticket|case\s+(?:ref(?:erence)?|no\.?|number|id)"
            r"|member(?:ship)?\s+(?:id|no\.?|number)|tracking|auth(?:ori[sz]ation)?\s+code"
            r"|enrol(?:l)?ment\s+code"
            r"|(?:access|verification|security|confirmation|booking|reference|member|customer"
            r"|account|refill|claim|voucher)\s+(?:code|ref(?:erence)?))"
            r"(?:\s*(?:no\.?|nr\.?|number|n\.?\s?[°º]|#|:|is))*\s*"
            r"(?P<v>(?-i:(?=[A-Z0-9]{6,12}(?![\w-]))[A-Z0-9]*[A-Z][A-Z0-9]*|[A-Z]{2,6}(?:-[A-Z]{2,6}){1,3}))(?![\w-])",
            0.8,
        ),
        # A booking or confirmation code as airlines, transport and clinics' booking systems
        # print it: capitals and a digit or two, short ("5XK8GX", "RR6-67U"), or capitals in
        # dashed groups ("DBJA-FCKL"). Too short for the grammar above, which wants four digits.
        Pattern(
            "booking_code_strong",
            r"\b(?:booking|reservation|confirmation|voucher|coupon|pnr|e-?ticket|itinerary"
            r"|(?:access|verification|security|confirmation|booking|reference|voucher|appointment)\s+(?:code|id))"
            r"(?:\s*(?:ref(?:erence)?|no\.?|number|code|#|:|is))*\s*"
            r"(?P<v>(?-i:(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{2,8}(?:-[A-Z0-9]{2,8}){0,3}))(?![\w-])",
            0.8,
        ),
        # A code of letters alone as systems generate them, in mixed case ("wXyZaBcDeQ") or in
        # lower case ("hqzvtrpl"), after a reference, ticket, case or tracking word: no English
        # word (`refine`), and not a name's capitals ("McDonald" has one inside, these two+).
        Pattern(
            "random_letters_medium",
            r"\b(?:ref(?:erence)?|booking|confirmation|voucher|ticket|case|tracking|token|session"
            r"|order|transaction|claim|code)(?:\s*(?:id|no\.?|number|code|#|:|is))*\s*"
            r"(?P<v>(?-i:(?=[A-Za-z]*[a-z][A-Za-z]*[A-Z][A-Za-z]*[A-Z]|[a-z]{8,}(?![A-Z]))[A-Za-z]{8,24}))(?![\w-])",
            0.6,
        ),
        # A generated mixed-case code after any identifier label ("customer ID
        # xVwGHuLaJMbsPSeqxrhY"): `generated_letters` decides.
        Pattern(
            "generated_letters_medium",
            rf"\b(?<![/-])(?:{LABEL})(?![a-z]){SEP}(?P<v>(?-i:[A-Za-z]{{8,40}}))(?![\w-])",
            0.6,
        ),
        # A generated secret after any identifier label ("case ID +r2U_8y!y@", "loyalty no.
        # cEjek6Ja@k"): `generated_secret` decides.
        Pattern(
            "generated_secret_medium",
            rf"\b(?<![/-])(?:{LABEL})(?![a-z]){SEP}(?P<v>[^\s,;]{{8,40}}(?<![.,;:!?)]))",
            0.6,
        ),
        # A password or passcode after its word, whatever its characters ("password 1p+j4KuPbE").
        Pattern(
            "password_strong",
            r"\b(?:password|passcode|passphrase|passwd|pwd|pw|pin|security\s+(?:code|answer|word))(?:\s*(?:is|:|=))*\s+(?P<v>(?=[^\s,;]*(?:\d|[^\w\s]|_))[^\s,;]{6,40}(?<![.,;:!?]))",
            0.8,
        ),
    ]
    # The two generated-code patterns try every label at every word of every text; what
    # `refine` keeps of them is rare and shows in the text itself. Letters whose case switches
    # four times or more (`generated_letters`) have a small letter, capitals, small letters and
    # a capital in a row; a secret (`generated_secret`) has an ASCII digit and a mark within one
    # run of at most 40 characters, so at most 38 between them.
    REFINE_NEEDS: ClassVar[dict[str, str]] = {
        "generated_letters_medium": r"[a-z][A-Z]+[a-z]+[A-Z]",
        "generated_secret_medium": (
            rf"[0-9][^\s,;]{{0,38}}{_MARK_CLASS}|{_MARK_CLASS}[^\s,;]{{0,38}}[0-9]"
        ),
    }

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        name = pattern_name(result)
        if name == "lettered_reference_strong" and not _lettered_reference(value):
            return None  # "reference LABORATORY", "invoice ATTACHED", "invoice KEYTRUDA"
        if name == "generated_secret_medium" and not generated_secret(value):
            return None
        if name == "generated_letters_medium" and not generated_letters(value):
            return None
        if name == "random_letters_medium":
            inner = sum(c.isupper() for c in value[1:])
            if (
                _an_english_word(value)
                or (value.islower() and _wordlike(value))
                or (not value.islower() and inner < 2)
            ):
                return None  # "reference laboratory", "case discussed", "ticket McDonald"
        if name == "password_strong" and (
            not _PASSWORD_MARK.search(value) or _BRACKETED.fullmatch(value)
        ):
            return None  # "passphrase declined,": the mark was the comma; "[redacted]"
        if name == "booking_code_strong":
            compact = value.replace("-", "")
            digits = sum(c.isdigit() for c in compact)
            if len(compact) < 5 or (digits == 0 and "-" not in value) or digits > len(compact) - 2:
                return None  # "booking ID", "confirmation MRI", mostly digits (the grammar's)
            if any(_an_english_word(g) for g in value.split("-") if g.isalpha() and len(g) > 3):
                return None  # "booking CHANGE-FORM": words, not a code

        return result


_PASSWORD_MARK = re.compile(r"[\d_]|[^\w\s]")


def _lettered_reference(value: str) -> bool:
    """Capitals after a reference's word that are a code: no English word, name or eponym
    ("reference LABORATORY", "claim SUBMITTED", "ticket CLOSED", "invoice KEYTRUDA"), four
    letters or more beside at most two digits (more is `labelled_ids`' number), and dashed
    groups none of which is a word ("case ref FOLLOW-UP")."""
    if "-" in value:
        # a group of three is too short to be a word the lexicon reads ("VUN", "CDS" are in it)
        return not any(_an_english_word(g) for g in value.split("-") if len(g) > 3)
    digits = sum(c.isdigit() for c in value)
    if digits > 2 or len(value) - digits < 4:
        return False
    word = value if not digits else value.rstrip("0123456789")
    if digits and any(c.isdigit() for c in word):
        return True  # a digit among the letters ("JE1SMF"): no word is spelled so
    return not (_an_english_word(word) or lexicon().is_name(word) or lexicon().is_eponym(word))


_BRACKETED = re.compile(r"\[[^\]]*\]|<[^>]*>|\([^)]*\)|\{[^}]*\}")


def _an_english_word(value: str) -> bool:
    return lexicon().is_english(value.lower())


_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]")


def generated_letters(value: str) -> bool:
    """A run of letters a system generated, mixed case throughout ("xVwGHuLaJMbsPSeqxrhY",
    "QwErTyUiOp"): three capitals and three small letters or more, the case switching at
    least four times, and pieces between the capitals that are no words. A name's or a
    product's capitals ("McDonald", "LinkedIn", "JavaScriptCode", "MyChart") are not."""
    if len(value) < 8 or not value.isalpha() or not value.isascii():
        return False
    upper = sum(c.isupper() for c in value)
    if upper < 3 or len(value) - upper < 3:
        return False
    switches = sum(a.isupper() != b.isupper() for a, b in itertools.pairwise(value))
    if switches < 4:
        return False
    pieces = _CAMEL.findall(value)
    lex = lexicon()
    return sum(len(p) == 1 for p in pieces) >= 2 or any(
        len(p) >= 2 and not lex.is_english(p.lower()) and not lex.is_name(p) for p in pieces
    )


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def generated_secret(value: str) -> bool:
    """A secret as password generators make one ("$3L#jwQd_x", "Z0jVnKhq*2"): capitals, small
    letters, a digit and a mark, 8 to 40 characters, no address (mail, web, path) and no
    reading ("HbA1c>7%", "Na+/K+"): a value that only a system or a person's own choice gives."""
    if not 8 <= len(value) <= 40 or any(c in _NOT_SECRET for c in value):
        return False  # a path, a URL, a reading ("HbA1c>7%"), Slack markup ("<#C0123|icu>")
    if _EMAIL.fullmatch(value):
        return False
    return (
        any(c.isupper() for c in value)
        and any(c.islower() for c in value)
        and any(c.isdigit() for c in value)
        and any(c in _SECRET_MARK for c in value)
        and value.isascii()
    )


def _wordlike(value: str) -> bool:
    """A lower-case run that may be a word: a listed name, or vowels as words space them (a
    run of random letters has about one vowel in five; "discussed", a typo, has more)."""
    vowels = sum(c in "aeiouy" for c in value)
    return lexicon().is_name(value) or vowels / len(value) >= 0.25
