"""ID: any identifier-shaped value after a word that names an identifier.

`ids.IdRecognizer` knows the shapes of record numbers, and each of its labelled patterns takes
one shape after one family of labels. Forms, letters and faxes write every Safe Harbor number
after its label in any shape: letters and digits, dashes, slashes, dots, spaces between
groups ("Claim #: 854-7364349-10", "member 9629 4233 KJ", "certificate no. RTB/600455",
"Group #: GRP-01167S"), or glued to the label ("Acc#AB4471", "chartMRN04857211",
"IDW95473840"). So the value is read by one grammar instead of by shape: after a label and its
"no."/"#"/":", a run of groups of letters and digits, joined by `-/._` or single spaces, that
has digits enough to be a number and not a quantity; a group after a space joins only when it
has a digit or is upper-case letters (a check letter pair, "KJ"). The label is never reported.
"""

from __future__ import annotations

import itertools
from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    pattern_name,
    words_after,
    words_before,
    wordset,
)
from bot.detect.recognizers.names_lexicon import lexicon

# Words that name an identifier (Safe Harbor items 7-18 and the numbers around a claim).
LABEL = (
    r"(?:mrn|mr\s?#|med(?:ical)?\s+rec(?:ord)?s?|chart|acc(?:ession)?|acct|account|a/c"
    r"|claim|clm|member(?:ship)?|mbr|subscriber|sub|group|grp|policy|pol|plan|contract|benefit"
    r"|medicaid|medicare|mbi|hicn|cin|insurance|ins|case|auth(?:ori[sz]ation)?|pa|referral"
    r"|confirmation|conf|ticket|tracking|invoice|statement|bill|program|enrol(?:l)?ment|rx|script"
    r"|prescription|specimen|spec|requisition|req|order|barcode|kit|sample|lab|encounter|enc|visit|fin|csn"
    r"|certificate|cert|licen[cs]e|lic|dl|permit|passport|visa|badge|employee|emp|student|registration"
    r"|reg|plate|tag|vin|chassis|serial|s/n|sn|device|implant|pacemaker|pump|receiver|meter|asset"
    r"|biometric|fingerprint|voiceprint|retina|iris|template|login|patient|pt|person|customer|client"
    r"|identifier|id|ssn|ss#|tax|tin|ein|npi|dea|upin|uid|empi|ehr|emr"
    # references, tokens and hardware numbers, and the words other languages print before one
    # ("Versichertennummer", "Kundennummer", "numéro", "número")
    r"|ref(?:erence)?|token|session|imei|meid|udi|mac|\w+nummer|aktenzeichen|num[ée]ro|n[úu]mero"
    # what letters and their replies number (issue 13, `clinic_letters` dev voice): bookings,
    # complaints and incidents, parcels, vouchers and cards, and national numbers beyond the
    # US ones (NHS, CHI, PPSN, NHI, OHIP, Aadhaar, UBRN, National Insurance); "please quote"
    # before the number to quote
    r"|booking|reservation|appointment|appt|itinerary|pnr|voucher|coupon|loyalty|rewards"
    r"|complaint|incident|inc|datix|enquiry|inquiry|query|file|docket|folio|job|receipt"
    r"|transaction|txn|consignment|parcel|shipment|waybill|ifr|sar|nhs|chi|ppsn?|nhi|ohip"
    r"|aadhaa?r|uhid|ubrn|urn|crn|nino|national\s+insurance|ni(?=\s*(?:no\b|number|#))"
    r"|quot(?:e|ing)(?:\s+(?:our|your|the|this|my))?"
    # a file, claim or case number's word in the languages desks write (issue 13, `intake_desk`
    # dev voice): dossier, expediente, pratica, fascicolo, processo, sinistro, siniestro,
    # reclamo, sprawy, szkody, kenmerk, referencia, Referenz, referans, rif., sygnatura, "Az.";
    # Turkish "dosya", and a French file named by what it is for ("dossier de remboursement")
    r"|dossier(?:\s+de\s+(?-i:\p{Ll}+))?|dosya(?:s[ıi])?|expediente|pratica|fascicolo|processo"
    r"|protocolo|sinistro|siniestro|reclamo"
    r"|r[ée]clamation|reclamaci[oó]n|sprawy|szkody|sygnatura|kenmerk|referen(?:cia|z|za|ce)"
    r"|r[ée]f[ée]rence|referans|referanse|rif|az(?=\.)|sag|sak|zgłoszenie|tiket|tichet|talep"
    # an account's word in those languages, a card's, an appeal's; and the number words that
    # come before what they number, with that noun ("číslo zákazníka", "numer konta", "cod
    # asigurat": Czech, Slovak, Polish and Romanian write "number of customer")
    r"|konto|conto|conta|cuenta|compte|card|appeal"
    # a full-face photograph's number or file (Safe Harbor item 17): "photo 88412", "ID photo
    # #A77120", "selfie 2024-0311-7"
    r"|photo(?:graph)?|picture|selfie|headshot|portrait|snapshot|pic|img"
    # what a shop, a school, an employer, a gym, a library, a car park or a device maker knows a
    # person by (issue 13, `unique_ids` dev voice): the words before "number" on their cards,
    # bands, bracelets, fobs and permits
    r"|matriculation|payroll|staff(?=\s+(?:no|number|id|#))|works(?=\s+(?:no|number))"
    r"|wristband|band(?=\s+(?:no|number|id|#|barcode))|bracelet|medic-?alert|locker(?:\s+key)?|fob"
    r"|library|gym|clubcard|advantage(?=\s+card)|points(?=\s+card)|e-?voucher"
    r"|hearing[\s-]aid|wheelchair|chair(?=\s+(?:serial|no|number|#))"
    r"|(?:č[ií]slo|numer|cod)(?:\s+(?-i:\p{Ll}+))?)"
)
# What may stand between the label and its value: "#", ":", "no.", "ID", "number is", "number
# given as", "card reads" (a note's "gave her member number as ...").
_SEP = (
    r"(?:\s*(?:[#:=]|-(?=\s)|n\.?\s?[°º]|n\.(?=\s)|-?(?:no|nos|num|number|nr|id|ident|code|ref|reference|card|is|of|was|as|given\s+as|reads|says)"
    r"(?![a-z0-9])\.?))*\s*"
)
# A number mark just before a value: "#", "no.", "nr", "n°", "n.", "Az.", or a label that is a
# number word ("saksnummer", "Ticket-Nr."). After one, four digits are a number ("Claim # 8155").
_MARKED = re.compile(
    r"(?:#|\bno\.?|\bnr\.?|\bn\.?\s?[°º]|\bn\.|\baz\.|nummer|-nr\.?|\bnum\.?|\bnumber)\s*$",
    re.IGNORECASE,
)
_GROUP = r"[A-Za-z0-9]+(?:[-/._][A-Za-z0-9]+)*"
_NEXT = r"(?:[ \t](?:(?=[A-Za-z]*\d)[A-Za-z0-9]+(?:[-/._][A-Za-z0-9]+)*|(?-i:[A-Z]{1,3})(?![\w-])))"
# A value may open with its letters apart ("policy WC 9965406", "member ID HX 4471902").
_LEAD = r"(?:(?-i:[A-Z]{1,4})[ ](?=\d))?"
VALUE = rf"(?P<v>{_LEAD}(?=[\w/.-]*\d){_GROUP}{_NEXT}{{0,5}})"

_LABEL_WORD = re.compile(LABEL, re.IGNORECASE)  # "Medicare MBI 9EG1-...": "MBI" is a label
# Quantities and codes that follow a label word without being anyone's number.
_UNITS = wordset(
    "mg mcg g kg ml l units u iu meq mmol mm cm min mins h hr hrs hours days d wks weeks mo "
    "months yrs years x times pages tabs caps % am pm"
)
_QUANTITY = re.compile(r"\d+(?:[.,]\d+)?(?:[a-z]{1,5}|%)?", re.IGNORECASE)
_DECIMAL = re.compile(r"\d+[.,]\d{1,2}")
# "ref 3.5-5.0", "ref 135-145": a range of values (small numbers or decimals); "4471-2290" is not
_RANGE = re.compile(
    r"\d{1,3}(?:[.,]\d+)?\s?[-–]\s?\d{1,3}(?:[.,]\d+)?|\d+[.,]\d+\s?[-–]\s?\d+[.,]\d+"
)
# A file, case or claim word just before a value: after one, "75-590" is no range of values.
_FILED = re.compile(
    r"\b(?:file|dossier|fascicolo|case|claim|appeal|sinistro|siniestro|expediente|processo)"
    r"\W*(?:ref(?:erence)?\b\.?\s*)?$",
    re.IGNORECASE,
)
_CODE = re.compile(r"(?:[A-Z]\d{2}(?:\.\d{1,4})?|\d{4,5}-\d{3,4}-\d{1,2})")  # ICD-10, NDC
# The words an NDC's 4-4-2 or 5-3-2 follows; after a payroll's or a claim's word it is theirs.
_DRUG_WORDS = wordset(
    "order orders rx script prescription prescriptions drug drugs med meds medication "
    "medications product item ndc refill refills auth authorization authorisation pa dispensed"
)


class LabelledIdRecognizer(ClinicalPatternRecognizer):
    """The value after an identifier label, whatever its shape."""

    NEEDS_DIGIT = True
    ENTITY = "ID"
    SUBTYPE = "MRN"
    # looked for backwards first (`BACKWARDS_FIRST`): the last digits end it
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset({"last_digits_strong"})
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "label_value_strong",
            rf"\b(?<![/-])(?:{LABEL})(?![a-z])(?:\.(?![ \t]*\n))?{_SEP}{VALUE}(?![\w-]|[./]\w)",
            0.85,
        ),
        # The value first and its label after it in brackets, as a note or a ticket writes
        # it ("7165 4965 (wristband barcode)", "63321 (Claim #)", "XT71 8807 (blue badge
        # number)"): the same value grammar, the label up to two words into the brackets.
        Pattern(
            "value_then_label_strong",
            rf"(?<![\w/.-]){VALUE}[ \t]*\((?:(?:the|her|his|their|my|your)[ \t]+)?"
            rf"(?:[\w'-]+[ \t]+){{0,2}}(?:{LABEL})(?![a-z])(?:[ \t]*(?:no\.?|number|id|#|code|serial))*\)",
            0.85,
        ),
        # A vehicle identification number: 17 characters, no I, O or Q (ISO 3779), any mix.
        Pattern(
            "vin_strong",
            r"\b(?:vin|vehicle\s+id(?:entification)?(?:\s+(?:no\.?|number))?)\s*[:#]?\s*"
            r"(?P<v>(?=[A-Z0-9]*\d)(?-i:[A-HJ-NPR-Z0-9]{17}))\b",
            0.9,
        ),
        # The last four of a number, as agents verify a caller by them ("SSN ending in 4471",
        # "card ending 9921", "acct ending -0921", "last 4 digits: 4471", "the last four of her
        # Medicare number are 8812"): part of the identifier, which Safe Harbor removes whole
        Pattern(
            "last_digits_strong",
            rf"(?:\b(?:{LABEL}|phone|mobile|cell|number|no)(?![a-z])\.?(?:\s+(?:number|no\.?|#))?"
            r"\s+(?:ending|ends|that\s+ends)(?:\s+(?:in|with))?"
            r"|\blast\s+(?:4|four|5|five)(?:\s+digits)?(?:\s+(?:of|on)(?:\s+(?:the|his|her|their|my|your))?"
            r"(?:\s+[\w#/-]+){1,2}?)?(?:\s+(?:is|are|was|were))?)"
            r"\s*[:#=-]?\s*(?P<v>(?:[x*•]{2,}[\s-]?)?\d{4,5})\b(?![.,]\d)",
            0.85,
        ),
        # Glued to its label, upper-case label ("chartMRN04857211", "Acc#AB4471", "IDW9547384").
        Pattern(
            "glued_label_value_strong",
            r"(?-i:(?:MRN|Mrn|mrn|ACC|Acc|acc|ACCT|Acct|ID|Id|SSN|DOB)[#:]?(?P<v>(?=[A-Z0-9]*\d)[A-Z0-9]{5,20}))"
            r"(?![\w-])",
            0.85,
        ),
    ]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        if pattern_name(result) == "last_digits_strong":
            # a number's last four; not a year a period ends in ("statement ending 2024")
            year = re.fullmatch(r"(?:19|20)\d\d", text[result.start : result.end])
            return (
                None
                if year and "last" not in text[max(0, result.start - 40) : result.start].lower()
                else result
            )
        if pattern_name(result) == "vin_strong":
            return result  # a VIN need not have four digits, a BIC none
        value = text[result.start : result.end]
        digits = sum(c.isdigit() for c in value)
        compact = re.sub(r"[\s/._-]", "", value)
        lettered = any(c.isalpha() for c in compact)
        coded = len(compact) >= 8 and digits >= 1 and compact.isupper()  # "FFSHDE5KZ1I"
        marked = bool(_MARKED.search(text[max(0, result.start - 24) : result.start]))
        if len(compact) == 4 and compact.isdigit() and marked:
            pass  # "Claim # 8155", "Az. 7027", "saksnummer 1870": four digits after a number mark
        elif not mixed_code(value) and (
            (digits < 4 and not (lettered and digits >= 3) and not coded) or len(compact) < 5
        ):
            return None  # "group 2", "case 12", "plan B2"; "Grp YW207" is a number
        groups = value.split()
        if len(groups) > 1 and groups[0].isalpha() and not _LABEL_WORD.fullmatch(groups[0]):
            groups = [groups[0] + groups[1], *groups[2:]]  # "W 07102": its letters apart
        if any(_DECIMAL.fullmatch(g) for g in groups):
            return None  # "group 1.5 2.5 3.5", "lab 140.25": measurements
        # a single digit before a group of letters opens a register's number ("9 P 4786/26"),
        # as a court's or an insurer's file is written; elsewhere it is a count in a row
        single = [
            i
            for i, g in enumerate(groups)
            if len(g) == 1 and g.isdigit() and not (i + 1 < len(groups) and groups[i + 1].isalpha())
        ]
        check_digit = single == [len(groups) - 1] and digits >= 8  # "2123 45670 1"
        # a barcode's number system digit first, as EAN-13 prints it ("5 012345 678900")
        check_digit = check_digit or (single == [0] and digits >= 12)
        if len(groups) > 1 and (digits < 6 or (single and not check_digit)):
            return None  # "group 3 10 15", "visit 2 30": counts in a row, not one number
        quantity = _QUANTITY.fullmatch(value)
        if quantity and not value.isdigit() and value.lstrip("0123456789.,").lower() in _UNITS:
            return None  # "pump 1500mL", "lab 40mg"; "Reference 0083504a" is a number
        after = words_after(text, result.end, 1)
        if after and after[0] in _UNITS:
            return None  # "plan 1000 mg", "order 2000 units"
        if value.isdigit() and len(value) == 4 and re.fullmatch(r"(?:19|20)\d{2}", value):
            return None  # "member since 2019", "policy 2024": a year
        if re.fullmatch(r"(?:000|666)-\d{2}-\d{4}", value):
            return None  # an SSN the SSA never issues: a placeholder ("ref 000-12-3456")
        if _RANGE.fullmatch(value) and not (
            (marked or _FILED.search(text[max(0, result.start - 24) : result.start]))
            and _uneven_pair(value)
        ):
            return None  # "ref 3.5-5.0", "order 10-20"; "file ref. 75-590" is a file number
        if _CODE.fullmatch(value) and (
            value[0].isalpha() or _DRUG_WORDS.intersection(words_before(text, result.start, 4))
        ):
            return None  # a diagnosis code; a drug code after an order's or a drug's word
        if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|(?:19|20)\d{2}-\d{2}-\d{2}", value):
            return None  # a date after "visit", "order", "lab": the date recognizer's
        return result


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
        Pattern(
            "lettered_reference_strong",
            r"\b(?:ref(?:erence)?|booking(?:\s+ref(?:erence)?)?|confirmation|voucher|pnr"
            r"|invoice|transaction|txn|commande|pedido|ordine|bestellung|r[ée]servation"
            r"|reserva|prenotazione|rezerwacja|localizador|rechnung|factura|fattura|facture"
            r"|(?:access|verification|security|confirmation|booking|reference)\s+code)"
            r"(?:\s*(?:no\.?|nr\.?|number|n\.?\s?[°º]|#|:|is))*\s*(?P<v>(?-i:[A-Z]{6,12}))(?![\w-])",
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
            rf"\b(?<![/-])(?:{LABEL})(?![a-z]){_SEP}(?P<v>(?-i:[A-Za-z]{{8,40}}))(?![\w-])",
            0.6,
        ),
        # A generated secret after any identifier label ("case ID +r2U_8y!y@", "loyalty no.
        # cEjek6Ja@k"): `generated_secret` decides.
        Pattern(
            "generated_secret_medium",
            rf"\b(?<![/-])(?:{LABEL})(?![a-z]){_SEP}(?P<v>[^\s,;]{{8,40}}(?<![.,;:!?)]))",
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
        if name == "lettered_reference_strong" and (
            _an_english_word(value) or lexicon().is_name(value) or lexicon().is_eponym(value)
        ):
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
        if name == "booking_code_strong":
            compact = value.replace("-", "")
            digits = sum(c.isdigit() for c in compact)
            if len(compact) < 5 or (digits == 0 and "-" not in value) or digits > len(compact) - 2:
                return None  # "booking ID", "confirmation MRI", mostly digits (the grammar's)
            if any(_an_english_word(g) for g in value.split("-") if g.isalpha() and len(g) > 3):
                return None  # "booking CHANGE-FORM": words, not a code

        return result


def _uneven_pair(value: str) -> bool:
    """Two numbers in a pair that no range writes: of unequal widths ("75-590", "33-662") or the
    second with a leading zero ("16-083"). A range's ends are alike ("10-20", "135-145")."""
    pair = re.fullmatch(r"(\d+)\s?[-–]\s?(\d+)", value)
    if not pair:
        return False
    low, high = pair.groups()
    return len(low) >= 2 and (len(low) != len(high) or high.startswith("0"))


def mixed_code(value: str) -> bool:
    """A generated code in dashed groups, each of letters and a digit, in any case ("aw4-ux3x",
    "TD5-HD0R"): two groups or more, three characters each at least."""
    groups = value.split("-")
    return len(groups) >= 2 and all(
        len(g) >= 3
        and g.isalnum()
        and g.isascii()
        and any(c.isdigit() for c in g)
        and any(c.isalpha() for c in g)
        for g in groups
    )


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


def generated_secret(value: str) -> bool:
    """A secret as password generators make one ("$3L#jwQd_x", "Z0jVnKhq*2"): capitals, small
    letters, a digit and a mark, 8 to 40 characters, no address (mail, web, path) and no
    reading ("HbA1c>7%", "Na+/K+"): a value that only a system or a person's own choice gives."""
    if not 8 <= len(value) <= 40 or any(c in _NOT_SECRET for c in value):
        return False  # a path, a URL, a reading ("HbA1c>7%"), Slack markup ("<#C0123|icu>")
    if re.fullmatch(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", value):
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
