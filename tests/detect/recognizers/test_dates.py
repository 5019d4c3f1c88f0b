"""The date recognizers alone (no spaCy): dates of birth and of service, relative dates; and
the fractions of clinical chat (murmur grades, blood pressure) that are not dates."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from bot.detect.recognizers.dates import ClinicalDateRecognizer, RelativeDateRecognizer
from tests.detect.recognizers.tables import found

DATES, RELATIVE = ClinicalDateRecognizer(), RelativeDateRecognizer()


@pytest.mark.parametrize(
    ("case", "recognizer", "text", "expected"),
    [
        ("partial_after_cue", DATES, "seen on 3/6", {("3/6", "SERVICE_DATE")}),
        ("dob_numeric", DATES, "DOB 04/12/1956", {("04/12/1956", "DOB")}),
        (
            "dob_words",
            DATES,
            "born 12 March 1956",
            {("12 March 1956", "DOB"), ("March 1956", "DOB")},
        ),
        ("iso", DATES, "admitted 2026-11-30", {("2026-11-30", "FULL_DATE")}),
        ("yesterday", RELATIVE, "yesterday", {("yesterday", "SERVICE_DATE")}),
        ("last_weekday", RELATIVE, "last Tuesday", {("last Tuesday", "SERVICE_DATE")}),
        ("days_ago", RELATIVE, "3 days ago", {("3 days ago", "SERVICE_DATE")}),
        (
            "french",
            DATES,
            "vu le 3 mars 2026",
            {("3 mars 2026", "FULL_DATE"), ("mars 2026", "SERVICE_DATE")},
        ),
        (
            "german",
            DATES,
            "am 3. März 2026",
            {("3. März 2026", "FULL_DATE"), ("März 2026", "SERVICE_DATE")},
        ),
        (
            "spanish",
            DATES,
            "el 3 de marzo de 2026",
            {("3 de marzo de 2026", "FULL_DATE"), ("marzo de 2026", "SERVICE_DATE")},
        ),
        (
            "dutch",
            DATES,
            "gezien op 12 mei 1956",
            {("12 mei 1956", "FULL_DATE"), ("mei 1956", "SERVICE_DATE")},
        ),
        (
            "mail_header",
            DATES,
            "Date: Tue, 03 Mar 2026 09:14:00 +0100",
            {("Tue, 03 Mar 2026 09:14:00 +0100", "FULL_DATE"), ("Mar 2026", "SERVICE_DATE")},
        ),
        (
            "sent_line",
            DATES,
            "Sent: Tuesday, March 3, 2026 9:14 AM",
            {("Tuesday, March 3, 2026 9:14 AM", "FULL_DATE")},
        ),
        (
            "iso_timestamp",
            DATES,
            "at 2026-03-03T09:14:00Z",
            {("2026-03-03T09:14:00Z", "FULL_DATE")},
        ),
        ("spaced_dob", DATES, "date of birth 03 04 1961", {("03 04 1961", "DOB")}),
    ],
)
def test_when_a_date_is_written_then_it_is_found(
    case: str, recognizer: EntityRecognizer, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(recognizer, text) == expected


@pytest.mark.parametrize(
    ("case", "recognizer", "text"),
    [
        ("murmur_grade", DATES, "murmur 3/6"),
        ("blood_pressure", DATES, "BP 120/80"),
        ("future_interval", DATES, "in 2 weeks"),
        ("future_minutes", RELATIVE, "in 5 minutes"),
        ("mayo_clinic", DATES, "per the Mayo 2021 guidelines"),
        ("spaced_numbers_no_cue", DATES, "sets of 3 4 2020 reps"),
        ("mars_alone", DATES, "a mars bar at 2"),
    ],
)
def test_when_a_fraction_or_interval_is_not_a_date_then_it_is_left_alone(
    case: str, recognizer: EntityRecognizer, text: str
) -> None:
    assert found(recognizer, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("weekday_abbreviation_before", "Seen Sat 3/4 for a draw", "Sat 3/4"),
        ("weekday_upper_same_numbers", "drawn SAT 03/03 by the unit", "SAT 03/03"),
        ("month_day_colon", "Jul 16: K 6.4, repeated", "Jul 16"),
        ("entry_colon_same_numbers", "Lab called 10/10: critical K", "10/10"),
        ("time_after_partial", "Collected 09/09 17:00", "09/09 17:00"),
        ("military_time_at", "07-JUL-25 @ 0715", "07-JUL-25 @ 0715"),
        ("history_without_in", "Hx: CABG x 3 in 1/86, DVT 5/95.", "5/95"),
        ("spelled_no_of", "the bill for first March", "first March"),
        ("the_digit_ordinal_of", "on the 19th of January", "the 19th of January"),
        ("month_the_ordinal", "March the eleventh", "March the eleventh"),
        ("weekday_the_ordinal", "drawn Sunday the 4th by", "Sunday the 4th"),
        ("month_of_year", "in November of 1988, then", "November of 1988"),
        ("range_glued", "given 1/9/2026-1/13/2026 was", "1/9/2026-1/13/2026"),
        ("range_through", "given 8/1 through 8/7 daily", "8/1 through 8/7"),
        ("range_to_months", "Jan 3 to Jan 7, 2026", "Jan 3 to Jan 7, 2026"),
    ],
)
def test_when_a_date_is_written_in_another_voice_then_all_of_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(DATES, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("oxygen_saturation", "O2 sat 9/10 on RA"),
        ("modal_may_after_ordinal", "the second may be fine"),
        ("ratio_alone", "Ratio 3/80 alone"),
    ],
)
def test_when_a_weekday_or_ordinal_word_only_looks_like_a_date_then_it_is_left_alone(
    case: str, text: str
) -> None:
    assert found(DATES, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("hour_after", "Next visit on March 9 at 5pm.", "March 9 at 5pm"),
        ("week_of", "compliance 82% the week of 8/12.", "8/12"),
        ("hyphen_month_year_in_history", "Hx: hip fx 3-2013, CVA 1-2014.", "1-2014"),
        ("hyphen_month_year_after_in", "Moved here in 6-2004.", "6-2004"),
    ],
)
def test_when_a_home_visit_note_dates_something_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(DATES, text)}


def test_when_a_hyphen_joins_a_number_and_a_year_alone_then_it_is_a_range() -> None:
    assert found(DATES, "pages 1-2000 of the manual") == set()
