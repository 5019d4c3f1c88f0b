"""ID: identifying characteristics written in words (Safe Harbor item 18, "any other unique
identifying ... characteristic, or code") and photographs of a face named in words (item 17).

Every other ID rule needs a digit or a label with a value after it. A triage note, a handover or
a missing-person call gives a person by a mark nobody else has: a tattoo with its words or motif
("tattoo reading 'MAGGIE' on his left forearm", "spider-web tattoo on the right elbow"), a
birthmark with its shape or place, jewellery with a name on it ("bracelet engraved ROSIE"),
whatever follows "distinguishing marks:", a nickname ("known as 'Tiny'") and a code word or
callsign. What names no one is left alone: a tattoo or birthmark with no motif and no place ("no
rashes or tattoos", "tattoo removal consult"), a surgical scar, "no distinguishing marks". A
photo "of her face" shows the person; one of a wound or rash does not (`handles` reads the file
names).
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import ClinicalPatternRecognizer, pattern_name, wordset
from bot.detect.recognizers.verbal_secrets import secret_word

_BODY = (
    r"(?:fore)?arms?|wrists?|hands?|knuckles|fingers?|thumb|neck|throat|chest|back|shoulder[\s-]blades?"
    r"|shoulders?|calf|calves|legs?|shins?|thighs?|ankles?|feet|foot|toes?|cheeks?|face"
    r"|temples?|forehead|ears?|eyes?|eyebrows?|eyelids?|chin|lips?|jaw|elbows?|knees?|hips?"
    r"|abdomen|stomach|belly|buttocks?|bottom|ribs|side|scalp|head|nose|torso|bicep|biceps"
)
_SIDE = r"(?:left|right|upper|lower|inner|outer|whole|both|l|r)"
# Where a mark is: "on his left forearm", "behind the right ear", "across the knuckles", "on the
# back of the neck".
_WHERE = (
    r"[ \t]+(?:on|over|across|under|below|above|behind|along|down|around|inside)[ \t]+"
    r"(?:(?:the|his|her|their|each)[ \t]+)?(?:(?:"
    + _SIDE
    + r"[ \t]+)?(?:back|side|front|top|base|nape)[ \t]+of[ \t]+"
    r"(?:the|his|her|their)[ \t]+)?(?:" + _SIDE + r"[ \t]+){0,2}(?:" + _BODY + r")\b"
)
PLACE = rf"(?:{_WHERE})?"
# Written words: quoted, or capitals, or up to three capitalised words ("Forever Young").
_QUOTED = r"(?:['\"‘“][^'\"‘’“”\n]{1,30}['\"’”])"
_WORDS = (
    r"(?:" + _QUOTED + r"|(?-i:[A-Z][A-Z&'-]+(?:[ \t]+[A-Z][A-Z&'-]+){0,3})"
    r"|(?-i:[A-Z][a-z]+(?:['-][A-Za-z]+)*(?:[ \t]+(?:[A-Z][a-z]*(?:['-][A-Za-z]+)*|&)){0,4})"
    r"|(?-i:[A-Z]\.?[ \t]?[A-Z]\.?))"
)
# A motif before "tattoo" ("spider-web", "Celtic cross", "koi carp"), or after "tattoo of a";
# no word of it is one that opens a place ("a dragon on his back").
_MWORD = r"(?!(?:on|over|across|under|below|above|behind|along|down|around|inside|and|with)\b)[A-Za-z][\w'-]*"
_MOTIF = rf"(?:{_MWORD}[ \t]+){{0,2}}{_MWORD}"
_MOTIF_AFTER = rf"{_MWORD}(?:[ \t]+{_MWORD})?"
_ITEM = (
    r"(?:bracelet|bangle|(?:signet[ \t]+)?ring|locket|(?:St\.?[ \t]+Christopher[ \t]+)?(?:pendant|medal)"
    r"|necklace|chain|dog[ \t-]?tags?|watch|medallion"
    r"|cufflinks?|lighter|hip[ \t]flask|keyring)"
)
_NICK_CUE = (
    r"(?:known(?:[ \t]+(?:locally|on[ \t]+the[ \t]+street|to[ \t]+(?:friends|everyone|staff)))?[ \t]+as"
    r"|goes[ \t]+by(?:[ \t]+the[ \t]+name(?:[ \t]+of)?)?|a\.?k\.?a\.?|street[ \t]+name|nick-?named"
    r"|nickname(?:[ \t]+is)?|calls[ \t]+(?:her|him|them)sel(?:f|ves)|answers[ \t]+to|alias)"
)
_CODE_CUE = (
    r"(?:code[ \t-]?word|safe[ \t-]?word|pass[ \t-]?(?:word|phrase)|call[ \t-]?sign)"
    r"(?:[ \t]+(?:is|was|=|for[ \t]+(?:the[ \t]+)?[\w-]+(?:[ \t]+account)?[ \t]+is))?[ \t]*[:=-]?[ \t]*"
)
_FACE_PHOTO = (
    r"(?:photo(?:graph)?|picture|pic|image|snap(?:shot)?|close-?up|selfie|video)s?"
    r"(?:[ \t]+(?:of|showing))[ \t]+(?:(?:her|his|their|the[ \t]+patient'?s|the[ \t]+(?:man|woman"
    r"|child|boy|girl|resident|caller)'?s|(?-i:[A-Z][a-z]+)'s)[ \t]+)(?:whole[ \t]+|full[ \t]+)?face"
    r"(?:[ \t]+(?:she|he|they|the[ \t]+family)[ \t]+(?:sent|emailed|took|uploaded|attached|provided|gave))?"
)
_PHOTO_NOUN = r"(?:selfie|head[ \t-]?shot|mug[ \t-]?shot|portrait|passport[ \t]photo|ID[ \t]photo|profile[ \t](?:photo|picture|pic))"


# compiled once: a module-level `regex` call costs a cache look-up through flag enums
_NEGATED_BEFORE = re.compile(r"\b(?:no|nil|without|any)\W*$")
_CALL_SIGN = re.compile(r"call[ \t-]?sign", re.I)
_CLAUSE_END = re.compile(r"[,;.!?\n]")
_NEXT_WORD = re.compile(r"[ \t]*([a-z'-]+)")
_NON_BLANK_RUN = re.compile(r"\S+")
_NEGATED_IN_CLAUSE = re.compile(r"\b(?:no|nil|without|any|nor)\b[^,;.\n]*$")


class TraitRecognizer(ClinicalPatternRecognizer):
    """Tattoos, birthmarks, engraved jewellery, marked features, nicknames, code words; a
    photo of someone's face in words."""

    ENTITY = "ID"
    SUBTYPE = "UNIQUE"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("tattoo_words_strong", rf"\btattoo(?:ed)?[ \t]+(?:reading|saying|that[ \t]+(?:reads|says)|of[ \t]+the[ \t]+(?:name|word)s?|with[ \t]+the[ \t]+(?:name|word)s?)[ \t]+{_WORDS}{PLACE}", 0.8),
        Pattern("words_tattoo_strong", rf"{_QUOTED}[ \t]+tattoo(?:ed)?{PLACE}", 0.8),
        Pattern("motif_tattoo_medium", rf"\b(?P<m>{_MOTIF})[ \t]+tattoo\b{PLACE}", 0.6),
        Pattern("tattoo_of_medium", rf"\btattoo[ \t]+of[ \t]+(?:a|an|the|two|three)[ \t]+(?P<m>{_MOTIF_AFTER}){PLACE}", 0.6),
        Pattern("birthmark_medium", rf"\b(?:(?P<m>{_MOTIF})[ \t]+)?(?:birth[ \t-]?mark|port[ \t-]wine[ \t]stain|caf[eé][ \t-]au[ \t-]lait[ \t](?:mark|patch|spot))(?P<shape>[ \t]+shaped[ \t]+like[ \t]+an?[ \t]+{_MOTIF_AFTER})?{PLACE}", 0.6),
        Pattern("engraved_strong", rf"\b(?:(?:gold|silver|steel|platinum|wooden|leather|engraved|signet)[ \t]+)?{_ITEM}[ \t]+(?:engraved|inscribed|stamped|monogrammed)(?:[ \t]+with)?(?:[ \t]+(?:the[ \t]+)?(?:name|names|initials|words?))?[ \t]+{_WORDS}", 0.8),
        Pattern("item_with_words_strong", rf"\b{_ITEM}[ \t]+with[ \t]+(?:(?:the[ \t]+)?(?:name|names|initials|words?)[ \t]+{_WORDS}|{_QUOTED}[ \t]+on[ \t]+it)", 0.8),
        Pattern("marks_cue_strong", r"\b(?:distinguishing|identifying|distinctive)[ \t]+(?:marks?|features?)[ \t]*(?::|-|–|include|includes|are|is)[ \t]*(?P<v>[^;.\n]{3,70})", 0.8),
        Pattern("recognised_by_strong", r"\b(?:easily[ \t]+)?(?:recogni[sz](?:ed|able)|identifiable|identified)[ \t]+by[ \t]+(?:a|an|the|her|his|their)[ \t]+(?P<v>[^;,.\n]{3,60})", 0.8),
        Pattern("nickname_strong", rf"\b{_NICK_CUE}[ \t]*:?[ \t]*['\"‘“]?(?P<v>(?-i:[A-Z][a-zA-Z]*(?:['-][A-Za-z]+)*)(?:[ \t](?-i:[A-Z][a-zA-Z]*(?:['-][A-Za-z]+)*))?)", 0.8),
        Pattern("code_word_strong", rf"\b{_CODE_CUE}['\"‘“]?(?P<v>[A-Za-z][A-Za-z'-]{{2,30}})(?![\w@.-]*\d)", 0.8),
        Pattern("face_photo_strong", rf"\b{_FACE_PHOTO}", 0.8),
        # "a photo of him", "a picture of the patient", "the caller's photo": a photo of a person
        Pattern("photo_of_person_strong", r"\b(?:photo(?:graph)?|picture|pic|snapshot|selfie|image)s?[ \t]+of[ \t]+(?:her|him|them|herself|himself|themselves|the[ \t]+(?:patient|caller|customer|member|client|resident|child|baby|man|woman|boy|girl|missing[ \t]+person))\b(?!['’]s|[ \t]+(?:and|with)[ \t]+(?:the|a)[ \t]+(?:wound|rash|lesion|injury))", 0.8),
        Pattern("possessive_photo_strong", r"\b(?:her|his|their|my|your|the[ \t]+(?:patient|caller|customer|member|client|resident)['’]s)[ \t]+(?:own[ \t]+|recent[ \t]+|latest[ \t]+|new[ \t]+|current[ \t]+)?(?:photo(?:graph)?|picture|pic)s?\b(?![ \t]+(?:of|ID\b|id\b|card|consent|reference))", 0.8),
        Pattern("photo_noun_strong", rf"\b(?:(?:her|his|their)[ \t]+(?:recent[ \t]+|own[ \t]+)?{_PHOTO_NOUN}|(?:the|a)[ \t]+{_PHOTO_NOUN}[ \t]+(?:she|he|they|the[ \t]+family|the[ \t]+patient|mum|dad)[ \t]+(?:sent|took|emailed|uploaded|attached|provided|brought|gave))", 0.8),
    ]  # fmt: skip
    CONTEXT: ClassVar[list[str]] = ["tattoo", "marks", "known", "photo"]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        name = pattern_name(result)
        value = text[result.start : result.end]
        if name in ("motif_tattoo_medium", "tattoo_of_medium", "birthmark_medium"):
            return self._motif(text, result, value)
        if name in ("marks_cue_strong", "recognised_by_strong"):
            head = value.split()[0].lower().strip(",:")
            if head in _NO or value.lower().startswith(("not ", "nil", "n/a")):
                return None  # "distinguishing marks: none"
            before = text[max(0, result.start - 12) : result.start].lower()
            return None if _NEGATED_BEFORE.search(before) else result
        if name == "nickname_strong":
            after = text[result.end : result.end + 20].lower()
            return None if _EPONYM.match(after) else result
        if name == "code_word_strong":
            if value.lower() in _NOT_A_CODE or not secret_word(text, result.start, result.end):
                return None  # "password hint", "safe word explained", "password must be"
            # "callsign Delta 41": a crew's or a unit's call sign, which names no patient
            unit = _CALL_SIGN.search(text[max(0, result.start - 30) : result.start])
            return None if unit and _UNIT_NUMBER.match(text, result.end) else result
        if name in ("photo_of_person_strong", "possessive_photo_strong"):
            return self._person_photo(text, result, value)
        if name == "face_photo_strong":
            after = text[result.end : result.end + 25].lower()
            return None if _CLINICAL_AFTER.match(after) else result
        return result

    def _person_photo(
        self, text: str, result: RecognizerResult, value: str
    ) -> RecognizerResult | None:
        """A photo of someone, unless its clause shows it is of a wound or a body part ("a
        photo of her leg ulcer", "his photo of the rash")."""
        clause = _CLAUSE_END.split(text[result.end : result.end + 50])[0].lower()
        if _CLINICAL_NEAR.search(clause):
            return None
        nxt = _NEXT_WORD.match(clause)
        if value.lower().endswith(" her") and nxt and nxt.group(1) not in _AFTER_OBJECT:
            return None  # "a photo of her leg": "her" is whose, and the leg is what
        return result

    def _motif(self, text: str, result: RecognizerResult, value: str) -> RecognizerResult | None:
        """Keep a tattoo or birthmark with a motif or a place, from its motif's first word."""
        name = pattern_name(result)
        keys = list(_KEYWORD.finditer(value))
        assert keys  # every such pattern holds its keyword
        key = keys[0] if name == "tattoo_of_medium" else keys[-1]
        if name == "tattoo_of_medium":
            head = value[key.end() :].split()
            motif = [w for w in head[2:3] if w.lower() not in _NOT_MOTIF | _PLAIN]
            start = result.start
        else:
            motif, start = [], result.start + key.start()
            for word in reversed(list(_NON_BLANK_RUN.finditer(value[: key.start()]))):
                low = word.group().lower()
                if low in _NOT_MOTIF or low in _NO or low.endswith(("'s", "’s")):
                    break
                motif.insert(0, low)  # "a faded blue anchor tattoo" -> "faded blue anchor tattoo"
                start = result.start + word.start()
            motif = [w for w in motif if w.lower() not in _PLAIN]
        placed = _PLACED.search(value) is not None or "shaped" in value.lower()
        before = text[max(0, start - 20) : start].lower()
        if _NEGATED_IN_CLAUSE.search(before):
            return None  # "no tattoo on the arms", "without any birthmark"
        if not motif and not placed:
            return None  # "tattoo removal", a lone "birthmark"
        result.start = start
        return result


_KEYWORD = re.compile(
    r"\btattoo\b|\bbirth[ \t-]?mark|\bport[ \t-]wine[ \t]stain|\bcaf[eé][ \t-]au", re.I
)
_PLACED = re.compile(_WHERE + "$", re.I)


# Words before "tattoo" or "birthmark" that say nothing about what it shows.
# Words before "tattoo" or "birthmark" that end its description ("has a", "no", "removal") ...
_NOT_MOTIF = wordset(
    "a an the his her their its my your our this that these those some any no several multiple "
    "many few one two three has had have with without and or of on in for to is was are were "
    "known noted seen see previous prior possible probable infected healing healed sore painful "
    "removal laser cosmetic check documented also plus identifying distinguishing marks mark "
    "wearing wears radiotherapy radiation rt marker eyebrow lip"
)  # fmt: skip
# ... and those that describe it but show nothing of its own: in the span, never its motif.
_PLAIN = wordset(
    "old new recent fresh small large big tiny huge faded visible obvious homemade home-made "
    "amateur professional prison red raised flat brown pink dark light distinctive noticeable "
    "full partial single blue black green"
)
_NO = wordset("no none nil nad n/a nothing not unknown without any negative nor")
_NOT_A_CODE = wordset(
    "the a an is was reset change changed expired required needed protected forgotten forgot "
    "manager policy please and or for to of on in it this that not none set given agreed "
    "prompt protection used unknown incorrect wrong correct locked sent separately attached "
    "below above same usual default temporary shared emailed texted"
)
_UNIT_NUMBER = re.compile(
    r"[ \t-]*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|zero)\b)", re.I
)
_EPONYM = re.compile(
    r"[ \t'\"’”]*(?:syndrome|disease|sign|test|score|criteria|protocol|procedure|ward|unit)\b"
)
_CLINICAL_NEAR = re.compile(
    r"\b(?:rash|wound|lesion|laceration|burn|swelling|bruis|injur|abscess|ulcer|cut|graze|mole"
    r"|stoma|skin|leg|arm|foot|feet|hand|back|x-?ray|scan)"
)
# Words after "a photo of her" that leave "her" the person photographed, not whose something is.
_AFTER_OBJECT = wordset(
    "is was are were has had on in from to and or attached sent taken emailed uploaded for that "
    "which with as at by she he they we i the a an this her his their"
)
_CLINICAL_AFTER = re.compile(
    r"[ \t]*(?:rash|wound|lesion|laceration|burn|swelling|bruis|injur|abscess|droop|ulcer|cut)"
)
