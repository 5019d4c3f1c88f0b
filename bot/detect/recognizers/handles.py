"""ID: account usernames and photo file names, whatever they are made of.

Safe Harbor item 18 ("any other unique identifying number, characteristic or code") covers a
username, and item 17 a full-face photograph, whose file name often carries the person's
name ("maria_lopez_front.jpg"). `ids.IdRecognizer` takes them when they carry digits; these
carry none, so they are taken by their label ("username jdoe", "his login is mkowalski",
"handle @rosie.p", "photo: lopez_face.png") or, for a file name, by a stem in parts
("anna_smith.jpg"). A photo of a face is one whatever its name says ("selfie.jpg", "headshot.png",
"passport_photo.heic", "profile_pic.jpg"): item 17 is the face itself; one of a wound, a rash or
an X-ray names nobody, even of the face ("face_rash.jpg"). A label that is also a verb ("handle the referral", "login failed") needs
a value no English dictionary knows, or one shaped like an account name (a dot, an
underscore, an "@").
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import ClinicalPatternRecognizer, pattern_name, wordset
from bot.detect.recognizers.ids import IMAGE_EXT
from bot.detect.recognizers.names_lexicon import lexicon

_QUOTE = r"[\"'“‘`]?"
_FILLER = r"(?:\s+(?:is|was|=|of|reads|shows))?\s*[:=#]?\s*"
# Stems every camera, phone or screenshot tool writes: they name nobody.
_GENERIC_STEMS = wordset(
    "image img photo pic picture scan screenshot screen shot untitled download file attachment "
    "capture snapshot snap front back left right side top bottom avatar "
    "export output test sample default new copy final draft thumbnail thumb wound rash xray "
    "x-ray ecg ekg"
)
# What a photo of a face is called before its file: a selfie, a headshot, a profile or
# passport photo, the photo on an ID ("photo ID", "ID photo").
_FACE_LABEL = (
    r"selfie|head[\s-]?shot|mug[\s-]?shot|portrait|passport\s+(?:photo|picture|pic)"
    r"|profile\s+(?:picture|photo|pic|image)|(?:photo|picture)\s+ID|ID\s+(?:photo|picture|pic)"
    r"|face\s+(?:photo|picture|pic|shot)"
    r"|(?:photo|picture|pic)\s+for\s+(?:the|her|his|their|my|your)\s+(?:portal\s+)?profile"
)
# What a photo of a person's face is called, as a file-name part ("selfie", "my_face",
# "ID_photo"); the longer ones also inside a part ("mattselfie", "passportphoto").
_FACE_PARTS = wordset(
    "face faces selfie selfies headshot headshots portrait mugshot passport profile idphoto id"
)
_FACE_INSIDE = ("selfie", "headshot", "mugshot", "portrait", "passport")
_PHOTO_PARTS = wordset("photo photos pic pics picture image img")
# What shows a body part, not a person: a wound's, a rash's or a scan's photo names nobody.
_CLINICAL_PARTS = wordset(
    "wound wounds rash rashes lesion lesions ulcer ulcers burn burns bruise bruising injury "
    "injuries mole moles xray x-ray cxr ecg ekg mri ct scan scans skin swelling laceration "
    "cut graze eye eyes dental teeth tooth derm dermatology"
)


# compiled once: a module-level `regex` call costs a cache look-up through flag enums
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_STEM_JOINERS = re.compile(r"[_.\-\s]+")


def _stem_parts(stem: str) -> list[str]:
    camel = _CAMEL.sub("_", stem)  # "myFace" -> "my_Face"
    return [p for p in _STEM_JOINERS.split(camel.lower()) if p]


def _shows_a_face(parts: list[str]) -> bool | None:
    """True for a photo of a face, False for a clinical photo with a face word in it
    ("face_wound.png"), None when the name says neither."""
    faced = any(p in _FACE_PARTS or any(w in p for w in _FACE_INSIDE) for p in parts) or (
        "me" in parts and any(p in _PHOTO_PARTS for p in parts)
    )
    if not faced:
        return None
    return not _clinical(parts)


def _clinical(parts: list[str], scans: bool = True) -> bool:
    """Whether a file name's parts show a body part; after a face photo's label a "scan" is
    the ID card's, not a CT's (`scans` False)."""
    words = _CLINICAL_PARTS if scans else _CLINICAL_PARTS - {"scan", "scans"}
    return any(p in words or p.rstrip("s") in words for p in parts)


# What an access log records of an account: a login, a lockout, a reset, a code sent
_LOG_EVENT = (
    r"(?:log-?in|log-?on|sign-?in|sign-?on|lock-?out|locked|unlock|password|pass-?code|reset"
    r"|mfa|2fa|otp|session|access|audit|credentials?|code)"
)
_ACCOUNT = r"(?P<v>@?[a-z][\w.-]{1,38}\w)(?![\w@-])"
_LOG_PATTERNS = frozenset(
    {"log_event_for_account_strong", "account_then_event_strong", "account_logged_in_strong"}
)


class HandleRecognizer(ClinicalPatternRecognizer):
    """Usernames after their label; photo and image file names with no digit in them."""

    ENTITY = "ID"
    SUBTYPE = "MRN"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "labelled_username_strong",
            r"\b(?P<label>user[\s_-]?name|user[\s_-]?id|screen[\s_-]?name|login(?:[\s_-]?(?:name|id))?"
            r"|log-?on(?:\s+name)?|account\s+name|gamertag|handle|(?:log(?:s|ged)?|sign(?:s|ed)?)\s+in\s+as)"
            rf"{_FILLER}{_QUOTE}(?P<v>@?[a-z][\w.-]{{1,38}}\w)(?![\w@-])",
            0.85,
        ),
        # An access log's or an IT ticket's account, with no label word before it (issue 13,
        # family_portal): "Failed login for jsmith from 10.2.3.4", "Password reset requested for
        # mary.jones", "2FA code sent to tom42", "Account r_patel locked", "User emily78 signed
        # in", "[09:14] zoe.poole logged in", "Audit: j.doe viewed the care plan". Read by
        # `_log_account`: a word of English ("for the ward PC", "for staff") is none.
        Pattern(
            "log_event_for_account_strong",
            rf"\b{_LOG_EVENT}\b(?:[ \t]+[\w-]+){{0,3}}?[ \t]+(?:for|by|to|of)[ \t]+"
            rf"(?:(?:user|account)[ \t]+)?{_QUOTE}{_ACCOUNT}",
            0.85,
        ),
        Pattern(
            "account_then_event_strong",
            rf"\b(?:user|account|member)[ \t]+{_QUOTE}{_ACCOUNT}{_QUOTE}[ \t]+(?:(?:was|is|has[ \t]+been)[ \t]+)?"
            r"(?:locked|unlocked|disabled|enabled|suspended|created|deleted|reset|signed|logged"
            r"|authenticated|verified|failed)\b",
            0.85,
        ),
        Pattern(
            "account_logged_in_strong",
            rf"(?<![\w@.-]){_ACCOUNT}[ \t]+(?:(?:logged|signed)[ \t]+(?:in|on|out)|viewed|downloaded"
            r"|accessed)\b",
            0.85,
        ),
        Pattern(
            "photo_file_labelled_strong",
            r"\b(?:photo|picture|pic|image|img|selfie|headshot|snapshot|scan|attachment|attached|file(?:\s?name)?)"
            rf"s?(?:\s+file(?:\s?name)?)?{_FILLER}{_QUOTE}(?P<v>[\w-]+(?:\.[\w-]+){{0,3}}\.{IMAGE_EXT})\b",
            0.85,
        ),
        # Any file after a face photo's own word ("profile picture (mark.jpeg)", "headshot:
        # front.jpg", "photo ID scan front.jpg", "selfie for the ID check: me.jpg"): the label
        # says it is a face, whatever the stem (issue 13, `account_desk` dev voice).
        Pattern(
            "face_photo_file_strong",
            rf"\b(?:{_FACE_LABEL})s?\b[^\n.;!?]{{0,40}}?(?<![\w/.-])(?P<v>[\w-]+(?:\.[\w-]+){{0,3}}\.{IMAGE_EXT})\b",
            0.85,
        ),
        Pattern(
            # any image file's name: kept only when it calls itself a face ("selfie.jpg")
            "photo_file_face_medium",
            rf"(?<![\w/.-])(?P<v>[\w-]+\.{IMAGE_EXT})\b",
            0.6,
        ),
        Pattern(
            "photo_file_parts_medium",
            rf"(?<![\w/.-])(?P<v>[\w-]*[a-z][_-][\w-]*[a-z][\w-]*\.{IMAGE_EXT})\b",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["photo", "image", "username", "login", "handle", "account"]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        name = pattern_name(result)
        if name == "labelled_username_strong":
            return self._username(text, result, value)
        if name in _LOG_PATTERNS:
            return result if _log_account(text, result, value) else None
        stem = value.rsplit(".", 1)[0]
        parts = _stem_parts(stem)
        face = _shows_a_face(parts)
        if name == "face_photo_file_strong":
            # "selfie of the rash: rash_arm.jpg" is of the rash
            return None if _clinical(parts, scans=False) else result
        if face is not None:
            return result if face else None
        if name == "photo_file_face_medium":
            return None  # a bare name the other two patterns read ("anna_smith.jpg")
        if not parts or all(p in _GENERIC_STEMS or p.isdigit() for p in parts):
            return None  # "IMG.jpg", "wound_photo.png", "screenshot.png": no one is named
        if all(lexicon().is_english(p) and not lexicon().is_name(p) for p in parts):
            return None  # "error_message.png", "discharge-summary.pdf": words, no name
        return result

    def _username(self, text: str, result: RecognizerResult, value: str) -> RecognizerResult | None:
        bare = value.lstrip("@")
        if value.startswith("@") or any(c in bare for c in "._") or any(c.isdigit() for c in bare):
            return result  # shaped like an account name whatever the label
        head = text[max(0, result.start - 40) : result.start]
        noun = _NOUN_LABEL.search(head) is not None
        if bare.lower() in _NOT_A_HANDLE:
            return result if noun and _COLON.search(head) else None
        if lexicon().is_english(bare):
            # "username: sunshine", "her username is sparkles" are still account names;
            # "handle the referral" is a verb
            return result if noun and _MARKED.search(head) else None
        if bare[:1].isupper() and not (noun or _COLON.search(head)):
            return None  # "handle Maria's meds": a name, which the name recognizer reads
        return result


def _log_account(text: str, result: RecognizerResult, value: str) -> bool:
    """Whether a log's word is an account: with a dot, an underscore or an "@"; a word no
    dictionary knows before an IP address ("jsmith from 10.2.3.4"); or a name, or an initial or
    two and a surname, with trailing digits or joined by hyphens ("emily78", "jsmith",
    "todriscoll", "demi-lee97"). Not "the ward PC", "staff", "carers", "physio", "ward-based",
    "covid-19", "hba1c", nor a capitalised name (the name recognizer reads it)."""
    bare = value.lstrip("@")
    if value.startswith("@") or any(c in bare for c in "._"):
        return True
    low = bare.lower()
    if bare != low or low in _NOT_A_HANDLE or low in _SYSTEM_ACCOUNTS or lexicon().is_english(low):
        return False  # "Maria", "T2DM": a capital is a name's or an acronym's
    if _FROM_AN_IP.match(text, result.end) is not None:
        return True
    core = bare.rstrip("0123456789")
    if any(c.isdigit() for c in core) or "-" in core[-1:]:
        return False  # "hba1c", "covid-19"
    parts = core.split("-")
    if any(len(p) < 2 for p in parts) or all(lexicon().is_english(p) for p in parts):
        return core != bare and _named(core)  # "tom42"; not "x-ray", "ward-based"
    return any(_named(p) for p in parts)


def _named(part: str) -> bool:
    """A name, or one or two initials before or after a surname ("jsmith", "todriscoll",
    "mcnaughtonc")."""
    cuts = ((0, len(part)), (1, len(part)), (2, len(part)), (0, -1), (0, -2))
    return part not in _NOT_A_HANDLE and any(
        lexicon().is_name(part[a:b]) for a, b in cuts if len(part[a:b]) > 2
    )


# A system's own accounts, which are nobody's
_SYSTEM_ACCOUNTS = wordset("admin administrator root guest system sysadmin support test demo")
_FROM_AN_IP = re.compile(r"[ \t]+(?:from[ \t]+)?\(?(?:IP[ \t]+)?\d{1,3}(?:\.\d{1,3}){3}\b")


_NOUN_LABEL = re.compile(
    r"\b(?:user[\s_-]?name|user[\s_-]?id|screen[\s_-]?name|login[\s_-]?(?:name|id)|account\s+name|gamertag)"
    r"(?:\s+(?:is|was))?\s*[:=#]?\s*[\"'“‘`]?$",
    re.IGNORECASE,
)
_COLON = re.compile(r"[:=#]\s*[\"'“‘`]?$")
_MARKED = re.compile(r"(?:[:=#]|\b(?:is|was))\s*[\"'“‘`]?$", re.IGNORECASE)
_NOT_A_HANDLE = wordset(
    "the a an it this that these those them him her his hers me you us our your their my "
    "and or but not no yes ok okay please asap now today tomorrow later again here there "
    "page screen issue issues problem problems error errors failed fails failure works "
    "working reset details info credentials password pw pwd"
)
