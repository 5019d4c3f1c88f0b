"""The header's text: the search terms taken from header values, cleaned descriptions, and
the identifying groups named (never their values)."""

from __future__ import annotations

from pydicom.dataset import Dataset

from bot.detect.dicom_text import CLEANED_MARK, burned_in_terms, cleaned_text, present_groups
from bot.detect.types import Kind


def test_a_phi_span_is_replaced_and_the_rest_kept() -> None:
    value = "CT chest for Jane Doe follow-up"
    assert cleaned_text(value, [(13, 21)]) == f"CT chest for {CLEANED_MARK} follow-up"
    assert cleaned_text(value, [(13, 21), (15, 18)]) == f"CT chest for {CLEANED_MARK} follow-up"


def test_header_values_and_their_parts_become_terms_but_never_one_or_two_characters() -> None:
    ds = Dataset()
    ds.PatientName = "DOE^JANE"
    ds.PatientBirthDate = "19570314"
    ds.StudyID = "1"
    terms = dict(burned_in_terms(ds))
    assert {"DOE^JANE", "DOE", "JANE", "03/14/1957", "14.03.1957"} <= set(terms)
    assert "1" not in terms and terms["JANE"] is not Kind.DATE


def test_present_groups_names_groups_only() -> None:
    ds = Dataset()
    ds.PatientName = "DOE^JANE"
    ds.StudyDate = "20240112"
    assert present_groups(ds) == ["DICOM_IDENTIFIERS", "DICOM_DATES"]
