"""LOCATION/CITY from a gazetteer of real cities, matched on tokens (no giant regex).

`data/cities.txt` (hand-kept major cities), `data/world_cities.txt` (towns of many countries,
from Faker via `scripts/gen_name_lists.py`) and `data/towns_en.txt` (places of 1,000+ people in
English-speaking countries, from GeoNames via `scripts/gen_towns.py`) hold ~75k names; a regex
alternation that large is slow, so names are looked up as folded token n-grams. A city that is
also an English word, a person's name or an eponym ("Mobile", "Jackson", "Salem sump") counts
only after a place cue ("from", "in", "lives in") or when capitalised mid-sentence and not
followed by a device word; a town that is a word only rarely (`data/rare_town_words.txt`:
"Laramie", "Tupelo") counts when capitalised, as any other listed town.
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from spacy.tokens import Doc

from bot.detect.data import load_words
from bot.detect.recognizers.base import SUBTYPE_KEY, wordset
from bot.detect.recognizers.city_index import city_index
from bot.detect.recognizers.names_context import casing_informative, tokens
from bot.detect.recognizers.names_lexicon import fold, lexicon

PLACE_CUES = wordset(
    "@ from in near lives live living resident visiting moved to at outside of via around"
)
# Words two before a town that say someone lives there ("lives in bath", "moved to reading")
_HOME_CUES = wordset("lives live living resides residing resident moved moving relocated")
NOT_CITY_AFTER = wordset(
    "chromosome rules rule criteria collar j score classification protocol agreement virus strain fever sump "
    "catheter catheters tube tubes sizes size splint drain kit tray brace cath line lines"
    # scales, triage systems and charts named for a town ("Edinburgh Postnatal Depression Scale",
    # "Manchester triage", "Bristol stool chart")
    " postnatal triage scale scales stool questionnaire staging"
)
# Equipment named for a place or a person ("Miller blade", "Da Vinci robot", "Mac 3 blade"):
# only the word right after, since "from Reno, bed 4" is a town before a bed
DEVICE_AFTER = wordset(
    "blade blades robot robotic laryngoscope scope pump pumps monitor monitors battery batteries "
    "mask masks bag bags stockings needle needles dressing dressings machine machines bed beds "
    "maneuver maneuvers manoeuvre procedure procedures reflex sign test forceps retractor clamp "
    "clamps stent stents valve valves port ports system console cart"
)
# A hospital's parts that are towns too ("Ward", Arkansas): before their own number or code
# ("from Ward 7", "to Wing 2", "Ward C3") they are the hospital's, not a town
HOSPITAL_PARTS = wordset("ward wing tower block pavilion level floor station")
_PART_CODE = re.compile(r"\d{1,2}[a-z]?|[a-z]\d{1,2}", re.IGNORECASE)
# The place cue that equipment and signs take as often as a town does ("we are out of
# Quinton", "a box of Foley", "sign of Babinski"): not enough for an eponym
WEAK_FOR_EPONYM = wordset("of")
# A vehicle's make before its model ("Chevy Malibu", "Dodge Durango", "Kia Sorento"), and the
# colours and words a make follows ("white Honda CR-V", "drives a Buick")
VEHICLE_MAKES = wordset(
    "chevy chevrolet ford toyota honda nissan hyundai subaru mazda kia volkswagen vw acura lexus "
    "infiniti mitsubishi dodge jeep gmc buick chrysler cadillac lincoln tesla bmw audi volvo ram"
)
VEHICLE_BEFORE = wordset(
    "white black silver grey gray red blue green maroon tan gold beige brown dark light vehicle "
    "car truck van drives drove driving a her his their"
)
_ZIP = re.compile(
    r"^(?:\d{5}(?:-\d{4})?|A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HK]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])$"
)
# "Eugene 97401", "Fargo, ND" ("OR" is left out: the operating room)
_ZIP_ONLY = re.compile(r"^\d{5}(?:-\d{4})?$")
_STATE = re.compile(
    r"Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia"
    r"|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts"
    r"|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey"
    r"|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania"
    r"|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington"
    r"|West Virginia|Wisconsin|Wyoming"
)


class CityGazetteerRecognizer(EntityRecognizer):
    """Finds listed city names among a document's tokens."""

    ENTITY = "LOCATION"

    def __init__(self) -> None:
        super().__init__(
            supported_entities=[self.ENTITY],
            name="CityGazetteerRecognizer",
            context=sorted(PLACE_CUES),
        )
        self.name: str = "CityGazetteerRecognizer"
        self.index = city_index()
        self.major = frozenset(fold(c) for c in load_words("cities.txt"))
        # towns the vocabulary knows as words that are rare as words ("Laramie", "Tupelo"),
        # less the clinical words the project lists ("Norco" is a town and a drug)
        self.rare = frozenset(fold(c) for c in load_words("rare_town_words.txt")) - frozenset(
            fold(c) for c in load_words("common_words.txt")
        )
        self.lex = lexicon()

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        doc: Doc | None = getattr(nlp_artifacts, "tokens", None)
        if doc is None:
            return []
        folded = [fold(t.text) for t in tokens(doc)]  # the doc's token table, read once
        casing = (casing_informative(text), any(c.isupper() for c in text))
        out: list[RecognizerResult] = []
        i = 0
        while i < len(doc):
            end = self._match(folded, i)
            if end and self._accept(doc, i, end, casing):
                out.append(self._result(doc, i, end))
                i = end
            else:
                i += 1
        return out

    def _match(self, folded: list[str], i: int) -> int:
        for cand in self.index.get(folded[i], ()):
            if tuple(folded[i : i + len(cand)]) == cand:
                return i + len(cand)
        return 0

    def _accept(self, doc: Doc, start: int, end: int, casing: tuple[bool, bool]) -> bool:
        informative, capitals = casing
        toks = doc[start:end]
        first = toks[0]
        if not first.text[:1].isalpha():
            return False
        if start > 0 and doc[start - 1].text in {"-", "/"} and not doc[start - 2].whitespace_:
            return False  # "HAS-BLED": part of a compound
        nxt = doc[end].lower_ if end < len(doc) else ""
        nxt2 = doc[end + 1].lower_ if end + 1 < len(doc) else ""
        if nxt in NOT_CITY_AFTER or nxt2 in NOT_CITY_AFTER or nxt in DEVICE_AFTER:
            return False  # "Ottawa ankle rules", "Salem sump", "Miller blade"
        if toks.text.lower() in HOSPITAL_PARTS and _PART_CODE.fullmatch(nxt):
            return False  # "transfer from Ward 7": the hospital's ward, not Ward, Arkansas
        if (
            nxt in {"-", "–"}
            and not doc[end - 1].whitespace_
            and end + 1 < len(doc)
            and self.lex.is_eponym(f"{toks.text}-{doc[end + 1].text}")
        ):
            return False  # "Jackson-Pratt": one half of an eponym's compound
        prev = doc[start - 1].lower_ if start > 0 else ""
        prev2 = doc[start - 2].lower_ if start > 1 else ""
        if prev in VEHICLE_MAKES or (
            fold(toks.text.lower()) in VEHICLE_MAKES and prev in VEHICLE_BEFORE
        ):
            return False  # "Chevy Malibu", "white Honda CR-V": a car, not a town
        if _STATE.fullmatch(toks.text) and end < len(doc) and _ZIP_ONLY.match(doc[end].text):
            return False  # "Peterborough, Montana 83010": the state, which Safe Harbor keeps
        k = end + 1 if end + 1 < len(doc) and doc[end].text == "," else end
        zip_next = k < len(doc) and bool(_ZIP.match(doc[k].text))
        if zip_next and _ZIP_ONLY.match(doc[k].text) and _runs_on(doc, k):
            zip_next = False  # "mobile 07700 900123": five digits that begin a phone number
        if zip_next and not informative and not doc[k].text[:1].isdigit() and k == end:
            # "JP DRAIN IN THE CORE": where case says nothing "IN" may be a word; a state
            # abbreviation without its comma counts there only before its ZIP or at the end
            # of its line ("Previous address: Dublin, IN" keeps its comma and is a town)
            after = doc[k + 1] if k + 1 < len(doc) else None
            zip_next = (
                after is None
                or "\n" in doc[k].whitespace_
                or bool(_ZIP_ONLY.match(after.text))
                or not after.text[:1].isalnum()
            )
        cued = prev in PLACE_CUES or nxt in {"ems", "traffic", "area", "county", "city"} or zip_next
        word = toks.text
        # the hand-kept major cities leave everyday words out, so one of them ("cardiff",
        # "guadalajara": in the vocabulary as proper nouns) is never read as the word
        plain_word = (
            len(toks) == 1 and self.lex.is_english(word) and fold(word.lower()) not in self.major
        )
        major = (
            fold(word.lower()) in self.major
            and word[:1].isupper()
            and not _sentence_initial(doc, start)
            and informative
        )
        rare = fold(word.lower()) in self.rare and word[:1].isupper() and informative
        if plain_word and first.text[:1].islower() and not zip_next:
            # "pt mobile", "in bath", "switched to mobile": a town that is an everyday word,
            # typed in lower case, is the word unless a state or ZIP follows it or the
            # sentence says someone lives or moved there ("lives in reading")
            cued = prev2 in _HOME_CUES
        plain = len(toks) == 1 and (
            (self.lex.is_english(word) and not major and not rare)
            or self.lex.is_name(word)
            or self.lex.is_eponym(word)
            or len(word) < 4
        )
        if plain and self.lex.is_eponym(word) and prev in WEAK_FOR_EPONYM and not zip_next:
            return False  # "we are out of Quinton again": a device, whatever the town
        if plain:
            return cued and (first.text[:1].isupper() or not capitals)
        return cued or first.text[:1].isupper() or not capitals

    def _result(self, doc: Doc, start: int, end: int) -> RecognizerResult:
        score = 0.7
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=doc[start].idx,
            end=doc[end - 1].idx + len(doc[end - 1].text),
            score=score,
            analysis_explanation=AnalysisExplanation(
                self.name, score, textual_explanation="listed city"
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                SUBTYPE_KEY: "CITY",
            },
        )


def _runs_on(doc: Doc, k: int) -> bool:
    """Whether the digits at token `k` run on into more digits ("07700 900123", "36602 555"):
    a phone number or an identifier, not a ZIP."""
    return k + 1 < len(doc) and doc[k].whitespace_ == " " and doc[k + 1].text.isdigit()


def _sentence_initial(doc: Doc, i: int) -> bool:
    return (
        i == 0
        or doc[i - 1].text in {".", "!", "?", ":", "\n"}
        or "\n" in doc[i - 1].whitespace_
        or doc[i - 1].is_space
    )
