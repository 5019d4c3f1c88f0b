"""Where a facility's own name starts before its facility word ("Eastfield Memorial
Hospital" of "o at Eastfield Memorial Hospital"), and the words before a facility word that
name a service, a unit or a sentence rather than a place ("the wound clinic", "Cath Lab")."""

from __future__ import annotations

import regex as re

from bot.detect.recognizers.base import words_before, wordset
from bot.detect.recognizers.city_index import listed_town
from bot.detect.recognizers.names_lexicon import lexicon

# Bounded: unbounded, every word boundary inside a long hyphenated word re-read the rest of it.
CAP = r"(?:[A-Z][\w'’.-]{0,40}|[a-z][a-z'’-]{2,40})"
FACILITY = (
    r"(?:general(?:\s+(?:hospital|hosp\b\.?))?|memorial(?:\s+(?:hospital|hosp\b\.?))?|medical\s+center|med\s+center|medical\s+centre"
    r"|hospital(?:\s+(?:center|centre|medical\s+center))?"
    r"|regional(?:\s+(?:medical\s+center|hospital|hosp\b\.?))?|children'?s(?:\s+(?:hospital|hosp\b\.?))?|infirmary|health\s+system"
    r"|health\s+center|cancer\s+center|rehab(?:ilitation)?\s+(?:center|hospital)|nursing\s+home|clinic"
    r"|university\s+hospital|va\s+medical\s+center|vamc|community\s+(?:hospital|hosp\b\.?)|health\s+care(?:\s+system)?|healthcare|health|med\.?\s+ctr\.?"
    r"|medical\s+ctr|gen|hosp|hospice|rehab|rehabilitation|care\s+center|surgery\s+center|surgical\s+center"
    r"|nursing\s+(?:and|&)\s+rehab|snf|ltac|ltach|urgent\s+care|manor|village|gardens|house|home"
    r"|assisted\s+living|senior\s+living|care\s+home|nursing\s+facility|skilled\s+nursing(?:\s+facility)?"
    # outpatient services a specimen or a claim comes from
    r"|(?:outpatient\s+|clinical\s+|reference\s+)?lab(?:oratory|oratories|s)?|diagnostic\s+imaging|diagnostics?"
    r"|imaging(?:\s+center)?|draw\s+station|family\s+(?:practice|medicine|health)|medical\s+group|dialysis\s+center"
    r"|va\s+clinic"
    # a practice named for its specialty by a place, a person or the hospital's initials
    # ("AGMC Sports Medicine" burned into a real ultrasound cine, "Summit Orthopedics"); the
    # specialty alone is a service ("referred to sports medicine")
    r"|sports\s+medicine|orthop(?:a)?edics|orthop(?:a)?edic\s+(?:associates|group|specialists)"
    # a specialty's own centre, named by a place or a person ("Brookmere Diabetes Center",
    # "Eastgate Hearing Centre"); the specialty and its centre alone name no place
    r"|(?:diabetes|hearing|eye|heart|vascular|sleep|wound|pain|breast|spine|fertility|kidney|renal"
    r"|endoscopy|audiology|cardiac|memory|allergy|vision|foot|hand|women'?s|maternity|birth)\s+(?:center|centre|institute)"
    # a hospital's outpatient department by the hospital's name ("St. Olave's Outpatients")
    r"|outpatients)"
)
_NOT_INSTITUTION_BEFORE = wordset(
    "the a an in at of to for from and or with our my your his her their this that surgery medicine internal "
    "general peds pediatric paediatric paediatrics family emergency mental public primary urgent home va outside other another local "
    "nearest same different any teaching psych psychiatric state county private is was be back go going went "
    "sent send transfer transferred d/c dc discharged discharge admitted admit see u you me him them it "
    "group assisted living skilled day night new old big main vaccine flu travel wound diabetes heart cancer eye "
    "infusion dialysis pain sleep fertility anticoagulation coumadin lipid hiv ortho cardiology neurology "
    "oncology surgical medical pediatrics women's womens children's employee student staff outpatient inpatient "
    "resident research memory weight obesity smoking transplant liver kidney renal lung breast skin derm dental "
    "walk-in free our their has have had does did will would can could should needs need got gets on off vax "
    "vaccination immunization covid prenatal antenatal postnatal well-baby travel ob gyn obgyn gi ent uro urology "
    "anticoag hep hepatology rheum allergy asthma chest foot podiatry hand spine sports breastfeeding lactation "
    # the outpatient clinics British and Irish letters name by what they treat ("the Fracture
    # Clinic", "Colposcopy Clinic", "Pre-assessment Clinic"; issue 13, `clinic_letters` dev
    # voice); not words a hospital's own name holds as often ("Cardiac", "Maternity")
    "fracture continence epilepsy headache glaucoma cataract audiology colposcopy haematology "
    "hematology diabetic menopause pre-assessment preassessment pre-op preop plaster "
    "musculoskeletal msk physiotherapy physio dermatology rheumatology gynaecology gynecology "
    "gastroenterology "
    # what else a clinic is named by: its condition's last word ("Heart Failure Clinic", "Sickle
    # Cell Clinic", "Movement Disorders Clinic"), its organ system or its kind of visit
    "failure stroke tia syncope arrhythmia pacemaker device inr warfarin thyroid endocrine "
    "endocrinology nephrology pulmonary pulmonology respiratory copd ibd osteoporosis density "
    "bone stoma lymphoedema lymphedema concussion disorders disorder addiction methadone "
    "suboxone detox std sti genetics genetic neonatal follow-up followup post-op postop "
    "rapid-access access triage ambulatory hypertension cell fibrosis hepatitis tb vascular "
    "assessment"
)
# A hospital's own units and services before a facility word: alone they name a room or an
# office, not a place ("Cath Lab", "Echo Lab", "Occupational Health", "School Health Office";
# issue 13 precision pass), but a name before them is one ("Cotter Flats Occupational Health")
_UNIT_WORDS = wordset(
    "cath catheterization ep echo endoscopy endo pathology path micro microbiology hematology heme "
    "chemistry histology cytology core stat satellite sim simulation skills vascular interventional "
    "radiology pft motility occupational occ school"
)
_TITLE_ONLY_SUFFIX = wordset("gen home house manor village gardens")
_TITLE_ABBREVIATIONS = wordset("st. ste. mt. ft. pt. dr. n. s. e. w.")
# The facility words the dates/places/identifiers pass added (labs, imaging, practices): they
# also name a room or a test ("CBC labs", "Morning Labs"), so they need Title Case and a name
# that is no abbreviation. The facility words before it keep their own rules.
_SERVICE_FACILITY = re.compile(
    r"(?:(?:outpatient|clinical|reference)\s+)?lab(?:oratory|oratories|s)?|diagnostic\s+imaging|diagnostics?"
    r"|imaging(?:\s+center)?|draw\s+station|family\s+(?:practice|medicine|health)|medical\s+group"
    r"|dialysis\s+center|va\s+clinic",
    re.IGNORECASE,
)
_DISTINCTIVE_SUFFIX = wordset("ctr infirmary vamc ltach ltac regional memorial")
_FACILITY_END = re.compile(rf"{FACILITY}$", re.IGNORECASE)
PLACE_CUES = wordset("from at to in transferred transfer sent back")
_SENTENCE_END = re.compile(r"[.!?]\s+")


def _cued_in_sentence(text: str, at: int) -> bool:
    """A place cue ("at", "from") among the two words before `at`, in the same sentence:
    "Repeat lab at 6. Phlebotomy home draw" has none before "Phlebotomy"."""
    window = text[max(0, at - 40) : at]
    ends = list(_SENTENCE_END.finditer(window))
    start = max(0, at - 40) + (ends[-1].end() if ends else 0)
    return any(w in PLACE_CUES for w in words_before(text[start:at], at - start, 2))


# compiled once: a module-level `regex` call costs a cache look-up through flag enums
_WORDS = re.compile(r"\S+")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)


def name_start(text: str, start: int, end: int) -> int | None:
    """Start of the facility's own name within a "<words> <facility word>" match.

    "o at Eastfield Memorial Hospital" -> "Eastfield Memorial Hospital"; "the wound clinic"
    and "outside hospital" -> None. Lower-case names need a place cue or a non-English word.
    """
    value = text[start:end]
    facility = _FACILITY_END.search(value)
    if facility is None:
        return None
    words = [(m.start(), m.group()) for m in _WORDS.finditer(value[: facility.start()])]
    lex = lexicon()
    suffix = facility.group().split()[-1].lower().strip(".")
    for k in range(len(words)):
        if "\n" in value[words[k][0] : facility.start()]:
            continue  # "Abby Thorsen, LCSW\n\nHome visit": a name never runs over a line
        name = [w for _, w in words[k:]]
        own = list(name)
        while own and own[-1].lower() in _UNIT_WORDS:
            own.pop()
        if not own:
            continue  # "Cath Lab", "Occupational Health": a unit, no name before it
        if any(
            w.lower() in _NOT_INSTITUTION_BEFORE
            or len(w) < 2
            or not w[:1].isalpha()
            or (w.endswith(".") and w.lower() not in _TITLE_ABBREVIATIONS)
            for w in name
        ):
            continue  # "Wed. the twelfth too. Lab": a sentence ended inside the name
        titled = all(w[:1].isupper() for w in name)
        if not titled and any(w[:1].isupper() for w in name):
            continue
        at = start + words[k][0]
        cued = _cued_in_sentence(text, at) or text[max(0, at - 4) : at].rstrip().endswith(
            ("->", "→")
        )
        distinctive = len(facility.group().split()) >= 2 or suffix in _DISTINCTIVE_SUFFIX
        if (
            not titled
            and not facility.group()[:1].isupper()
            and not (cued or distinctive or any(not lex.is_english(w) for w in name))
        ):
            return None
        if suffix in _TITLE_ONLY_SUFFIX and not titled and not cued:
            return None
        if (
            suffix == "clinic"
            and len(own) == 1
            and _ARTICLE_BEFORE.search(text[max(0, at - 5) : at])
            and lex.is_english(own[0])
            and not lex.is_name(own[0])
            and not listed_town(own[0])
        ):
            return None  # "the Falls Clinic", "the Wound Clinic": what it treats, no name
        capital = facility.group()[:1].isupper()
        if suffix in _TITLE_ONLY_SUFFIX and not capital and not cued:
            return None  # "Phlebotomy home draw": a sentence's first word, then a noun
        if _SERVICE_FACILITY.fullmatch(facility.group()) and not (
            capital
            and not any(w.isupper() and len(w) > 1 for w in name)
            and (cued or len(name) > 1 or distinctive or not lex.is_english(name[0]))
        ):
            return None  # "CBC labs", "Morning Labs"; "Quinton Valley Labs" is a place
        return start + int(words[k][0])
    return None
