"""The staff directory: workspace members' names are practitioners, anyone else is the patient."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.detect.engine import TextEngine
from bot.detect.staff import EMPTY, StaffDirectory
from bot.detect.types import Kind, Verdict


@pytest.fixture
def staffed(engine: TextEngine) -> Iterator[TextEngine]:
    engine.use_staff(
        StaffDirectory(["Kaja Nowak", "mehmet.y", "Dr. Graham Ellis (he/him)", "Priya R"])
    )
    try:
        yield engine
    finally:
        engine.use_staff(EMPTY)


def _subtypes(engine: TextEngine, text: str) -> list[str]:
    return [f.subtype for f in engine.findings(text) if f.kind is Kind.NAME]


def test_when_directory_has_words_then_knows_spans_made_of_them() -> None:
    staff = StaffDirectory(["Priya Raman", "José Ñúñez", "ken_o"])
    assert staff.knows(["Priya"]) and staff.knows(["priya", "RAMAN"])
    assert staff.knows(["Jose"]) and staff.knows(["nunez"])  # folded like typed chat
    assert staff.knows(["Ken"])
    assert not staff.knows(["Priya", "Lopez"])  # every word must be a member's
    assert not staff.knows([]) and not staff.knows(["x"])


def test_when_directory_built_then_no_name_is_kept_in_clear() -> None:
    staff = StaffDirectory(["Priya Raman"])
    dumped = repr(vars(staff)).lower()
    assert "priya" not in dumped and "raman" not in dumped


@pytest.mark.parametrize(
    "text",
    ["thanks Kaja for the coffee", "Mehmet is precepting the new grads"],
)
def test_when_name_is_a_member_then_practitioner(staffed: TextEngine, text: str) -> None:
    assert _subtypes(staffed, text) == ["PRACTITIONER"]
    assert staffed.scan(text).verdict is not Verdict.PHI


def test_when_patient_name_typed_like_a_colleague_then_phi(engine: TextEngine) -> None:
    # the fail-open of issue 13: no title, not a member, so a direct identifier
    text = "Path came back on Valentim: adenocarcinoma. Discussed with Dr. Lee tonight"
    assert engine.scan(text).verdict is Verdict.PHI
    assert "PATIENT" in _subtypes(engine, text)


def test_when_member_is_also_named_then_patient_still_found(staffed: TextEngine) -> None:
    text = "Can IR do a drain on Graham over the weekend? Kaja Lopez in bed 4 first"
    assert staffed.scan(text).verdict is Verdict.PHI  # "Kaja Lopez": Lopez is no member


def test_when_member_on_call_then_staff_scheduling_is_low(staffed: TextEngine) -> None:
    assert staffed.scan("Priya is on call this weekend").verdict is Verdict.LOW
