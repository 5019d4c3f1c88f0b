"""DATE: absolute and relative dates of service, DOBs; grades, doses and vitals left alone."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("text", "expected", "subtype"),
    [
        ("seen on 3/4 for f/u", "3/4", "SERVICE_DATE"),
        ("DOB 03/04/1957", "03/04/1957", "DOB"),
        ("born 3/4/57", "3/4/57", "DOB"),
        ("admitted March 4", "March 4", "SERVICE_DATE"),
        ("admitted 4 Mar 2024", "4 Mar 2024", "FULL_DATE"),
        ("CT done 2024-03-04", "2024-03-04", "FULL_DATE"),
        ("dob: 23.08.1976.", "23.08.1976", "DOB"),
        ("b. Apr-08-1927", "Apr-08-1927", "DOB"),
        ("moved to 13-Jul, same room", "13-Jul", "SERVICE_DATE"),
        ("follow up 9-19 with cards", "9-19", "SERVICE_DATE"),
    ],
)
def test_when_absolute_date_then_found_with_subtype(
    engine: TextEngine, text: str, expected: str, subtype: str
) -> None:
    found = [f for f in engine.findings(text) if f.kind is Kind.DATE]
    assert [(text[f.start : f.end], f.subtype) for f in found] == [(expected, subtype)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fell last night", "last night"),
        ("seen this morning by ortho", "this morning"),
        ("came in yesterday", "yesterday"),
        ("plan CT tonight", "tonight"),
        ("admitted on Tuesday", "Tuesday"),
        ("discharged last Friday", "last Friday"),
        ("fell over the weekend", "over the weekend"),
        ("started two days ago", "two days ago"),
        ("labs drawn this AM", "this AM"),
        ("symptoms began 3d ago", "3d ago"),
        ("seen early this morning", "early this morning"),
        ("febrile the other day", "the other day"),
    ],
)
def test_when_relative_date_then_found(engine: TextEngine, text: str, expected: str) -> None:
    assert spans(engine, text, Kind.DATE) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Norco 5/325 q6h prn",
        "BP 120/80, HR 72",
        "3/6 systolic murmur at RUSB",
        "5/5 strength in all extremities",
        "pain 4/10, improved",
        "2/2 blood cultures positive",
        "Gleason 3+4, PSA 6.2",
        "day 10/14 abx",
        "d5 1/2ns at 75/hr",
        "remember to document 6/6 vision",
        "2-3 days of fever, 5-10 mg",
    ],
)
def test_when_fraction_is_not_a_date_then_ignored(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.DATE) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("DOB 03/14/1958: post-op day 2", "03/14/1958"),
        ("DOB:03/14/1958 pt stable", "03/14/1958"),
        ("dob:3/4/57", "3/4/57"),
    ],
)
def test_when_date_touches_a_colon_then_found(engine: TextEngine, text: str, value: str) -> None:
    # A DOB glued to a label or followed by a colon leaked into a redacted repost once.
    assert value in [text[f.start : f.end] for f in engine.findings(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("came in last eve w/ CP", "last eve"),
        ("d/c planned mon am", "mon am"),
        ("spiked fri pm, cultures sent", "fri pm"),
        ("fell over the wknd? no, last wknd", "last wknd"),
        ("family visiting this wknd", "this wknd"),
        ("desatted tues night", "tues night"),
    ],
)
def test_when_relative_date_in_chat_shorthand_then_found(
    engine: TextEngine, text: str, expected: str
) -> None:
    assert expected in spans(engine, text, Kind.DATE)


@pytest.mark.parametrize("text", ["sats 92% on RA", "sat up in chair", "mon q4h neuro checks"])
def test_when_day_abbreviation_is_a_word_then_not_a_date(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.DATE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day and month written alike ("4/4") is a score unless a stay's word dates it
        ("side room 7, HAS-BLED 3. admitted 4/4.", ["4/4"]),
        ("discharged 2/2; MRN to follow", ["2/2"]),
        ("readmitted 3/3 with a UTI", ["3/3"]),
        ("discharged 1/2 tab bd", []),
        ("admitted with 4/4 power in both arms", []),
        ("strength 4/4 after admission", []),
    ],
)
def test_when_a_stay_word_precedes_a_day_and_month_written_alike_then_it_is_a_date(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.DATE) == expected
