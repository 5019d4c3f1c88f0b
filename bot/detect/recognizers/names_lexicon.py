"""What the name recognizer knows about words: gazetteer, English vocabulary, eponyms, cues.

Kept apart from the recognizer so the word lists and cue sets can be read (and reviewed by a
deployment) without reading the matching logic.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from bot.detect.data import load_words

_SPECIAL = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ß": "ss", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"})

TITLES_PRACTITIONER = frozenset(
    ["dr", "dr.", "doctor", "prof", "prof.", "professor", "drs", "drs.", "dra", "dra."]
)
TITLES_PERSON = frozenset(["sgt", "sgt.", "capt", "capt.", "lt", "lt.", "col", "col.", "maj", "maj.", "cpl", "pvt", "rev", "rev.", "pastor", "rabbi", "imam", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "sr", "sr.", "sra", "sra.", "mme", "mme.", "herr"])
# Words before a single name that say it is a person.
CUE_BEFORE = frozenset(
    ["pt", "pt.", "patient", "pts", "pt's", "patients", "see", "saw", "seen", "seeing", "visit", "visited", "visiting", "mr", "mrs", "ms", "miss", "family", "husband", "wife", "son", "daughter", "mother", "mom", "mum", "father", "dad", "sister", "brother", "grandson", "granddaughter", "niece", "nephew", "aunt", "uncle", "cousin", "partner", "fiance", "fiancee", "girlfriend", "boyfriend", "caregiver", "guardian", "named", "name", "called", "re:", "re", "regarding", "about", "for", "call", "page", "paged", "text", "texted", "tell", "told", "ask", "asked", "with", "w/", "and", "attending", "resident", "fellow", "intern", "np", "pa", "rn", "nurse", "cna", "md", "hospitalist", "pcp", "surgeon", "cardiologist", "by", "per", "from", "cc:", "cc", "consult", "consulted", "admit", "admitted", "discharge", "discharged", "d/c", "dc", "transfer", "transferred", "room", "bed", "check", "checked", "on", "to", "of", "is"]
)
STRONG_CUE_BEFORE = frozenset(
    ["parents", "parent", "guardians", "hcp", "poa", "sbar", "pt", "pt.", "patient", "mr", "mrs", "ms", "miss", "husband", "wife", "son", "daughter", "mother", "mom", "mum", "father", "dad", "sister", "brother", "grandson", "granddaughter", "niece", "nephew", "aunt", "uncle", "partner", "named", "name", "family", "caregiver", "guardian"]
)
CUE_AFTER = frozenset(
    ["keeps", "kept", "asking", "asked", "wants", "needs", "'s", "’s", "'", "in", "needs", "need", "wants", "want", "says", "said", "states", "stated", "refuses", "refused", "refusing", "is", "was", "has", "had", "c/o", "complains", "complaining", "reports", "reported", "denies", "denied", "presents", "presented", "came", "went", "fell", "called", "calls", "family", "wife", "husband", "daughter", "son", "mom", "dad", "mother", "father", "("]
)
RELATIONS = frozenset(
    ["dob", "mrn", "pcp", "insurance", "address", "phone", "wife", "husband", "daughter", "son", "mother", "mom", "mum", "father", "dad", "sister", "brother", "kids", "children", "child", "parents", "family", "partner", "caregiver", "grandson", "granddaughter", "grandmother", "grandfather", "niece", "nephew", "aunt", "uncle", "cousin", "friend", "fiance", "fiancee", "boyfriend", "girlfriend", "spouse", "son-in-law", "daughter-in-law", "guardian", "poa", "hcp", "labs", "room", "bed", "chart", "meds", "case", "note", "notes", "ct", "mri", "cxr", "results", "discharge", "surgery"]
)
PRACTITIONER_BEFORE = frozenset(
    ["attending", "resident", "fellow", "intern", "np", "pa", "rn", "nurse", "cna", "md", "hospitalist", "pcp", "surgeon", "cardiologist", "oncologist", "intensivist", "anesthesiologist", "radiologist", "pathologist", "neurologist", "nephrologist", "consultant", "dr", "dr.", "doctor", "prof", "per", "paged", "page", "call"]
)
PRACTITIONER_AFTER = frozenset(["md", "m.d.", "do", "rn", "np", "pa", "pa-c", "dnp", "phd", "mbbs", "frcp", "facs", "crna", "lpn", "cnm"])
CLINICAL_AFTER = frozenset(
    ["disease", "syndrome", "sign", "signs", "score", "scores", "criteria", "catheter", "cath", "drain", "tube", "procedure", "fracture", "palsy", "test", "maneuver", "manoeuvre", "triad", "reflex", "node", "nodes", "lymphoma", "sarcoma", "tumor", "tumour", "phenomenon", "classification", "scale", "stage", "grade", "ulcer", "esophagus", "cyst", "diverticulum", "angina", "dementia", "line", "lines", "repair", "operation", "fundoplication", "anastomosis", "position", "bag", "suction", "lesion", "lesions", "spots", "nodules", "law", "point", "incision", "hernia", "contracture", "deformity", "arthritis", "encephalopathy", "aneurysm", "malformation", "anomaly", "block", "stain", "wave", "waves", "rhythm", "murmur", "pouch", "procedure's", "rule", "rules", "equation", "formula", "method", "technique", "disorder's", "disorder", "cells", "cell", "body", "bodies", "bundle", "fibers", "fibres", "area", "nerve", "duct", "gland", "canal", "tubes", "drains", "valve", "shunt", "balloon", "approach", "needle", "airway", "mask", "forceps", "blade", "sheath", "monitor", "monitoring"]
)
CLINICAL_AFTER = CLINICAL_AFTER | frozenset(
    ["splint", "splints", "sump", "tray", "kit", "lift", "stedy", "collar", "brace", "frame", "traction", "sim", "lecture", "talk", "slides", "pump", "retractor", "clamp", "scale", "criterion", "protocol", "pathway", "method", "sizes", "size", "hose", "stockings", "boot", "boots", "mattress"]
)
CLINICAL_AFTER = CLINICAL_AFTER | frozenset(
    ["index", "practice", "scissors", "pin", "pins", "fixator", "wire", "wires", "stent", "suture", "stitch", "knot", "view", "workshop", "station", "skills"]
)
ROOM_WORDS = frozenset(["bed", "room", "rm", "bay", "bd", "cubicle", "pod", "stretcher", "crib"])
STAFF_BEFORE = frozenset(
    ["thanks", "thank", "thx", "ty", "ask", "tell", "ping", "hey", "hi", "hello", "cc", "@", "covering", "per",
     "birthday", "bday", "congrats", "congratulations", "welcome", "kudos", "shout-out", "shoutout", "props", "go"]
)
STAFF_AFTER_PAIRS = frozenset([("can", "you"), ("could", "you"), ("can", "u"), ("pls", ""), ("please", ""), ("are", "you"),
                               ("is", "covering"), ("covering", "for"), ("swapped", "with"), ("swapped", "w/"),
                               ("has", "clinic"), ("is", "precepting"), ("on", "call"), ("is", "presenting")])
# "covering for Luis", "swapped with Amara": the person after these is a colleague
STAFF_BEFORE_PAIRS = frozenset([("covering", "for"), ("cover", "for"), ("covers", "for"), ("swapped", "with"),
                                ("swapped", "w/"), ("switched", "with"), ("trade", "with"), ("traded", "with")])
STAFF_AFTER = frozenset(["covering", "covers", "is", "can", "could", "will", "from", "on", "at"])
MONTHS = frozenset(
    ["jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug",
     "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
     "mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu", "thur", "thurs", "thursday",
     "fri", "friday", "sat", "saturday", "sun", "sunday"]
)
US_STATES = frozenset(
    ["alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "ohio", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia", "washington", "wisconsin", "wyoming", "dakota", "carolina"]
)
FACILITY_WORDS = frozenset(
    ["street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "boulevard", "blvd", "highway", "route", "general", "memorial", "hospital", "clinic", "health", "medical", "center", "centre", "rehab", "hospice",
     "regional", "infirmary", "healthcare", "nursing", "gen", "hosp", "university", "children's", "community"]
)
CLINICAL_SUFFIXES = ("ectomy", "otomy", "ostomy", "plasty", "pexy", "rrhaphy", "scopy")
# Words that make a message about patient care: a lone first name in such a message may be a
# patient; elsewhere ("Mehmet is precepting the new grads") it is a colleague.
CLINICAL_TERMS = frozenset(
    ["pt", "pts", "patient", "patients", "bed", "room", "rm", "bay", "npo", "meds", "med", "labs", "lab", "bp", "hr", "rr", "sat", "sats", "spo2", "temp", "fever", "febrile", "pain", "dx", "hx", "sx", "tx", "rx", "iv", "po", "prn", "bid", "tid", "qid", "mg", "mcg", "ml", "dose", "doses", "code", "dnr", "dni", "admit", "admitted", "admission", "discharge", "discharged", "dc", "d/c", "consult", "icu", "micu", "sicu", "ccu", "er", "ed", "pacu", "surgery", "post-op", "postop", "preop", "pre-op", "sepsis", "septic", "pneumonia", "uti", "aki", "ckd", "copd", "chf", "afib", "stroke", "seizure", "mrn", "dob", "yo", "y/o", "diagnosis", "allergy", "allergies", "nkda", "vitals", "vital", "bmp", "cbc", "cmp", "lactate", "troponin", "trop", "ekg", "ecg", "ct", "mri", "xray", "x-ray", "cxr", "us", "echo", "biopsy", "culture", "cultures", "abx", "antibiotics", "insulin", "heparin", "lasix", "morphine", "dilaudid", "tylenol", "oxy", "oxycodone", "refusing", "refused", "refuses", "family", "wife", "husband", "daughter", "son", "mom", "dad", "mother", "father", "nurse", "dr", "doctor", "md", "np", "rn", "fall", "fell", "falls", "bleeding", "bleed", "hypotensive", "hypoxic", "tachy", "tachycardic", "brady", "intubated", "extubated", "vent", "sedated", "confused", "delirious", "agitated", "sitter", "restraints", "isolation", "contact", "droplet", "covid", "flu", "positive", "negative"]
)
CLINICAL_TERMS = CLINICAL_TERMS | frozenset(
    ["bedside", "baby", "infant", "newborn", "parents", "nicu", "picu", "picc", "foley", "wound", "dressing", "transfer", "transferred", "hospice"]
)
FORM_LABELS = frozenset(
    ["name", "age", "room", "bed", "dx", "dob", "mrn", "sex", "gender", "attending", "pcp", "allergies", "address",
     "phone", "notes", "plan", "hpi", "code", "status", "unit", "diagnosis", "reason", "date", "time", "location",
     "contact", "insurance", "weight", "height", "admit", "admitted", "dispo", "consult", "service"]
)
# Endings that mark a word as a surname in many languages ("Kuznetsova", "Papadopoulos",
# "Łągiewka" is in the gazetteer; these catch the ones that are not).
SURNAME_SUFFIXES = (
    "ova", "eva", "ovich", "evich", "ovna", "evna", "ski", "ska", "sky", "skaya", "wicz", "czyk", "czak", "poulos",
    "opoulou", "akis", "idis", "iadis", "escu", "eanu", "yan", "enko", "chuk", "shvili", "dze", "oglu", "oğlu",
    "sson", "ssen", "stein", "mann", "elli", "etti", "ucci", "accio", "inho", "aev", "iev", "ovic", "ović", "evic",
    "ević", "ová", "nen", "inen", "lainen", "berg", "gaard",
    "strom", "ström", "quist", "qvist", "ieri", "atti", "otti", "allah", "ullah",
    "uddin", "abadi", "zadeh", "pour", "nejad", "wala", "walla", "appa", "amma", "anan", "aran", "ayya",
)
PARTICLES = frozenset(["van", "von", "de", "del", "della", "der", "den", "di", "da", "dos", "das", "du", "la", "le", "st", "bin", "binti", "ibn", "al", "el", "ben", "ap", "mac", "mc"])


def fold(word: str) -> str:
    """Lower-case ASCII spelling, so "Nguyễn" and "nguyen" look up alike."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_INFLECTIONS = (
    ("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
    ("d", ""), ("n", ""), ("en", ""), ("er", ""), ("est", ""), ("ly", ""), ("'s", ""), ("ness", ""),
)


@dataclass(frozen=True)
class Lexicon:
    """Word lists loaded once per process."""

    first: frozenset[str]
    last: frozenset[str]
    ambiguous: frozenset[str]
    english: frozenset[str]
    eponyms: frozenset[str]
    eponym_phrases: frozenset[tuple[str, ...]]

    def key(self, word: str) -> str:
        w = word.lower().strip("'’").replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        return w

    def is_name(self, word: str) -> bool:
        k = self.key(word)
        if len(k) < 2:
            return False
        if k in self.first or k in self.last or fold(k) in self.first or fold(k) in self.last:
            return True
        # "D'Angelo", "O'Neill": look the name up without its elided prefix.
        return len(k) > 4 and k[1] == "'" and self.is_name(k[2:])

    def is_last(self, word: str) -> bool:
        k = self.key(word)
        return k in self.last or fold(k) in self.last

    def is_first(self, word: str) -> bool:
        k = self.key(word)
        if k in self.first or fold(k) in self.first:
            return True
        return len(k) > 4 and k[1] == "'" and self.is_first(k[2:])

    def is_ambiguous(self, word: str) -> bool:
        """A name that is also an ordinary English or clinical word ("will", "grace", "ward")."""
        return self.key(word) in self.ambiguous

    def is_english(self, word: str) -> bool:
        """A known English word, inflected forms included ("wants", "called", "seen")."""
        k = self.key(word)
        if k in self.english:
            return True
        for suffix, repl in _INFLECTIONS:
            if k.endswith(suffix) and len(k) - len(suffix) >= 2 and k[: len(k) - len(suffix)] + repl in self.english:
                return True
        return False

    def is_eponym(self, word: str) -> bool:
        k = self.key(word)
        if k in self.eponyms or fold(k) in self.eponyms:
            return True
        return "-" in k and any(p in self.eponyms or fold(p) in self.eponyms for p in k.split("-"))


@cache
def lexicon() -> Lexicon:
    ambiguous = load_words("ambiguous_names.txt") | load_words("common_words.txt")
    return Lexicon(
        first=load_words("first_names.txt"),
        last=load_words("last_names.txt"),
        ambiguous=ambiguous,
        english=load_words("english_words.txt") | ambiguous,
        eponyms=frozenset(e for e in load_words("eponyms.txt") if " " not in e),
        eponym_phrases=frozenset(tuple(fold(w) for w in e.split()) for e in load_words("eponyms.txt") if " " in e),
    )
