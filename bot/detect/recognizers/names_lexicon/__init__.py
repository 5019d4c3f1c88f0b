"""What the name recognizer knows about words: gazetteer, English vocabulary, eponyms, cues.

Kept apart from the recognizer so the word lists and cue sets can be read (and reviewed by a
deployment) without reading the matching logic; one module per kind of word, re-exported here
so callers import from `names_lexicon` alone.
"""

from __future__ import annotations

from bot.detect.recognizers.names_lexicon.clinical_words import (
    CLINICAL_SUFFIXES,
    CLINICAL_TERMS,
    FORM_LABELS,
    MEDICAL_SUFFIXES,
)
from bot.detect.recognizers.names_lexicon.lookup import Lexicon, fold, lexicon
from bot.detect.recognizers.names_lexicon.name_shapes import (
    PARTICLES,
    SURNAME_SUFFIXES,
    VIETNAMESE_SURNAMES,
)
from bot.detect.recognizers.names_lexicon.named_things import CLINICAL_AFTER
from bot.detect.recognizers.names_lexicon.person_cues import (
    BED_WORDS,
    CUE_AFTER,
    CUE_BEFORE,
    RELATIONS,
    ROOM_WORDS,
    SEAT_WORDS,
    STRONG_CUE_BEFORE,
    TITLES_PERSON,
    TITLES_PRACTITIONER,
)
from bot.detect.recognizers.names_lexicon.staff_cues import (
    PRACTITIONER_AFTER,
    PRACTITIONER_BEFORE,
    STAFF_AFTER,
    STAFF_AFTER_PAIRS,
    STAFF_BEFORE,
    STAFF_BEFORE_PAIRS,
)
from bot.detect.recognizers.names_lexicon.times_and_places import (
    DAYS,
    FACILITY_WORDS,
    MONTHS,
    PLACE_NOUNS,
    US_STATES,
)

__all__ = [
    "BED_WORDS",
    "CLINICAL_AFTER",
    "CLINICAL_SUFFIXES",
    "CLINICAL_TERMS",
    "CUE_AFTER",
    "CUE_BEFORE",
    "DAYS",
    "FACILITY_WORDS",
    "FORM_LABELS",
    "MEDICAL_SUFFIXES",
    "MONTHS",
    "PARTICLES",
    "PLACE_NOUNS",
    "PRACTITIONER_AFTER",
    "PRACTITIONER_BEFORE",
    "RELATIONS",
    "ROOM_WORDS",
    "SEAT_WORDS",
    "STAFF_AFTER",
    "STAFF_AFTER_PAIRS",
    "STAFF_BEFORE",
    "STAFF_BEFORE_PAIRS",
    "STRONG_CUE_BEFORE",
    "SURNAME_SUFFIXES",
    "TITLES_PERSON",
    "TITLES_PRACTITIONER",
    "US_STATES",
    "VIETNAMESE_SURNAMES",
    "Lexicon",
    "fold",
    "lexicon",
]
