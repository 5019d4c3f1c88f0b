"""The combination rule: what a post's findings add up to.

A direct identifier (a patient's or relative's name, an ID, a DOB, a full date, contact
details, a street address, an age over 89) makes a post `phi`. So do two or more distinct
kinds of quasi-identifier together (date of service, institution or geography, practitioner
name, exact age, room). One quasi-identifier kind alone is `low` ("grand rounds today").

A practitioner's name combines with another quasi-identifier only when the post is about a
patient (`about_patient`): "Priya is on call this weekend" is staff scheduling, `low`, while
"Dr. Okafor saw the pt yesterday at St Mary's" stays `phi`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from bot.detect.types import Finding, ImageFinding, Kind, Verdict

# Subtypes that are quasi-identifiers; everything else of these kinds is direct.
QUASI_SUBTYPES: dict[Kind, frozenset[str]] = {
    Kind.NAME: frozenset({"PRACTITIONER"}),
    Kind.DATE: frozenset({"SERVICE_DATE", ""}),
    Kind.AGE: frozenset({"AGE", ""}),
    Kind.LOCATION: frozenset({"INSTITUTION", "CITY", "ZIP", "GEO", ""}),
    Kind.ROOM: frozenset({"ROOM", ""}),
}
# The quasi-identifier family each kind belongs to ("institution or geography" is one family).
FAMILY: dict[Kind, str] = {
    Kind.NAME: "practitioner",
    Kind.DATE: "date",
    Kind.AGE: "age",
    Kind.LOCATION: "place",
    Kind.ROOM: "room",
}


def is_direct(finding: Finding) -> bool:
    """True when this finding alone identifies a patient."""
    quasi = QUASI_SUBTYPES.get(finding.kind)
    return quasi is None or finding.subtype not in quasi


# Words that put a patient in the post: patient nouns, care events, clinical findings, relatives.
# Staff words ("nurse", "dr", "call", "shift") are deliberately absent.
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PATIENT_WORDS = _words(
    """pt pts pt's patient patients patient's admit admits admitted admission readmit readmitted discharge
    discharged d/c dc'd consult consulted saw seen examined rounded bed beds room rm bay npo meds med labs
    vitals bp hr rr sats spo2 fever febrile afebrile pain dx hx sx tx rx iv po prn mg mcg ml dose dosed dnr dni
    sepsis septic pneumonia uti aki ckd copd chf afib stroke seizure mrn dob yo y/o diagnosis allergy allergies
    nkda cbc bmp cmp lactate troponin trop ekg ecg ct mri cxr x-ray xray echo biopsy culture cultures abx
    antibiotics insulin heparin intubated extubated sedated confused delirious agitated sitter restraints fell
    bleeding hypotensive hypoxic tachy brady family wife husband daughter son mom dad mother father parents baby
    infant newborn picc foley wound dressing transfer transferred hospice ambulance post-op postop pre-op preop
    bedside chart imaging symptoms complains c/o s/p hpi pmh"""
)
_WORD = re.compile(r"[\w/'’-]+")
# A person the patient words miss: pronouns and possessives ("she was at Lakeside on Monday").
_PRONOUN = re.compile(r"\b(?:she|he|her|hers|his|him|herself|himself|i|i'm|my|me|mine)\b", re.I)
_DIGIT = re.compile(r"\d")


def about_patient(
    text: str, findings: Iterable[Finding] = (), words: frozenset[str] = PATIENT_WORDS
) -> bool:
    """Whether a post concerns a patient: a patient or clinical word, or a finding only a
    patient has (an age, a room, a direct identifier)."""
    if any(f.kind in (Kind.AGE, Kind.ROOM) or is_direct(f) for f in findings):
        return True
    return any(w in words for w in _WORD.findall(text.lower().replace("’", "'")))


# A drug's strength, form and route ("160/4.5 mcg", "Rx", "IV") are on a shortage notice, a
# recall or a payer sheet as much as in a patient's chart: no patient by themselves.
DRUG_WORDS = _words("rx iv po prn mg mcg ml dose dosed meds med insulin heparin abx antibiotics")
PERSON_WORDS = PATIENT_WORDS - DRUG_WORDS


def decide_verdict(
    findings: Iterable[Finding], patient: bool = True, apart: frozenset[str] = frozenset()
) -> Verdict:
    """Apply the combination rule to one post's findings; `patient=False` (see `about_patient`)
    stops a practitioner's name from combining with the other quasi-identifiers, and the
    families in `apart` combine with none (see `post_verdict`)."""
    families: set[str] = set()
    for finding in findings:
        if is_direct(finding):
            return Verdict.PHI
        families.add(FAMILY[finding.kind])
    if not patient and len(families) >= 2:
        families.discard("practitioner")
    if len(families - apart) >= 2:
        return Verdict.PHI
    return Verdict.LOW if families else Verdict.CLEAN


def post_verdict(text: str, findings: Iterable[Finding]) -> Verdict:
    """The verdict of one post: `decide_verdict` with `about_patient` read off the post.

    A full date is direct because it may be a birth or a service date; in a post with no
    patient in it (no patient word, no other direct identifier) it is a policy's, a form's, a
    recall's or a shipment's date ("eff. 01/01/2026", "back-ordered until 4/9/2025"), one
    quasi-identifier like a day of service (issue 13).

    A day in words ("Monday", "next week", "tomorrow") in a post with no patient in it (no
    patient word, no age, room or direct identifier, no "she", "his", "my") is a schedule's:
    a formulary change, a pick-up window, a clinic's hours. It combines with no place or name
    there ("Effective Monday, the Lakeside Clinic pharmacy hours change" is `low`, one
    quasi-identifier's worth); "Admitted last night to Lakeside Clinic" stays `phi` (issue 13).
    """
    findings = list(findings)
    dated = [f for f in findings if f.kind is Kind.DATE and f.subtype == "FULL_DATE"]
    others = [f for f in findings if f not in dated]
    if dated and not about_patient(text, others, PERSON_WORDS):
        findings = [replace(f, subtype="SERVICE_DATE") if f in dated else f for f in findings]
    patient = about_patient(text, others)
    days = [text[f.start : f.end] for f in findings if f.kind is Kind.DATE]
    apart: frozenset[str] = frozenset()
    if days and not patient and not _PRONOUN.search(text) and not any(map(_DIGIT.search, days)):
        apart = frozenset({"date"})  # "Lakeside Clinic closes early on Friday": a schedule's day
    return decide_verdict(findings, patient, apart)


DIRECT_IMAGE_KINDS = frozenset({Kind.NAME, Kind.ID, Kind.CONTACT, Kind.FACE})


def combine_verdict(findings: Sequence[ImageFinding]) -> Verdict:
    """Combination rule over image findings: a direct identifier or two quasi-identifier kinds.

    Metadata is stripped from every copy we post, so on its own it is only `low`, and it does
    not count towards the two quasi-identifiers; a DICOM header naming the patient is `phi`.
    """
    if any(f.subtype == "DICOM_IDENTIFIERS" for f in findings):
        return Verdict.PHI
    kinds = {f.kind for f in findings}
    if kinds & DIRECT_IMAGE_KINDS:
        return Verdict.PHI
    quasi = kinds - {Kind.METADATA}
    if len(quasi) >= 2:
        return Verdict.PHI
    return Verdict.LOW if kinds else Verdict.CLEAN
