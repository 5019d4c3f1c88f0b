"""A holiday's name in a post about no one is no date; beside a patient, a relative, a pronoun,
a room or a patient's word it is a date of service and stays (issue 13, `holiday_dates`)."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.holiday_dates import holiday_spans
from bot.detect.types import Finding, Kind, Verdict
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    "text",
    [
        "Outpatient clinic closed Christmas Day",
        "Boxing Day rota is on the board.",
        "pharmacy shuts early on Christmas Eve",
        "Easter Monday is a bank holiday, no elective lists",
        "New Year's Eve party in the staff room after handover",
        # the organisation's own line goes first, then the holiday
        "pharmacy closed Christmas Day, main line 617-555-0100",
    ],
)
def test_when_a_holiday_is_named_in_a_post_about_no_one_then_no_date(
    engine: TextEngine, text: str
) -> None:
    assert spans(engine, text, Kind.DATE) == []
    assert engine.scan(text).verdict is Verdict.CLEAN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pt admitted on Boxing Day, family aware", ["Boxing Day"]),
        ("Ana Ruiz came in on New Year's Day", ["New Year's Day"]),
        ("she fell on Christmas Eve", ["Christmas Eve"]),
        ("his daughter visits on Christmas Day", ["Christmas Day"]),
        ("Bed 4 discharged Good Friday", ["Good Friday"]),
        # with its year it is a full date, whoever's
        ("clinic closed Christmas Day 2026", ["Christmas Day 2026"]),
        # a number no desk owns stays, and the holiday beside it
        ("closed on Christmas Day; call 617-555-0142 re the refill", ["Christmas Day"]),
        # review F3: the US Fourth is an ordinary date, an arrival or a person's word keeps a
        # holiday, and one with no closure's word beside it stays
        ("Came in July 4th from Dover, CTPA booked", ["July 4th"]),
        ("Angio July 4, Dover team, cath lab 2", ["July 4"]),
        ("Hy-Vee Pharmacy closes at 6 pm on July 4th.", ["July 4th"]),
        ("Lady from Leeds presented Boxing Day with SOB", ["Boxing Day"]),
        ("Our lady from Dover, came in Christmas Day, for CTPA", ["Christmas Day"]),
        ("Seen in ED on Boxing Day, CTPA booked", ["Boxing Day"]),
        ("Christmas Day: CTPA, Dover team", ["Christmas Day"]),
    ],
)
def test_when_a_holiday_dates_a_person_then_still_a_date(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.DATE) == expected
    assert engine.scan(text).verdict is not Verdict.CLEAN


def test_when_another_date_is_a_holiday_by_no_name_then_it_is_not_claimed() -> None:
    text = "Clinic closed on 12/25 and Christmas Eve"
    dates = [
        Finding(17, 22, Kind.DATE, 0.7, subtype="SERVICE_DATE"),
        Finding(27, 40, Kind.DATE, 0.6, subtype="SERVICE_DATE"),
    ]

    assert holiday_spans(text, dates) == [(27, 40)]
