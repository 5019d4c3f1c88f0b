"""Letters and registration desks (issue 13, the `clinic_letters` and `intake_desk` dev voices):
headings that write the surname in capitals, and what the same letters write that is no PHI."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a letter's or a form's heading: a short surname in capitals, then the given name
        ("RE: KIM, Brandi DOB 4 Mar 2009\nWe write further", ["KIM, Brandi"]),
        ("RE: LEE, Sarah DOB 4 Mar 2009", ["LEE, Sarah"]),
        ("Patient: KIM, Sarah seen today", ["KIM, Sarah"]),
        ("KIM, Brandi DOB 4 Mar 2009", ["KIM, Brandi"]),
    ],
)
def test_when_a_heading_writes_the_surname_in_capitals_then_the_name_is_found_whole(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ED, Sarah called back", ["Sarah"]),  # a unit in capitals, then a colleague
        ("Plan: ICU, Sarah to follow", ["Sarah"]),
        ("Thanks to the team. KIM, Sarah and Joe helped", ["Sarah", "Joe"]),  # mid-text
    ],
)
def test_when_capitals_before_a_given_name_are_no_heading_then_they_stay_out(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an incident or a GP record system is named like a product, not a person
        ("Your complaint was logged; the Datix ID is 44182.", []),
        (
            "Helen Archer (DOB 21/11/33) was referred on 02-MAY-24. First seen 27th July.\n\n"
            "PALS case number CN-4144-X - Helen Archer, 07477 085 041. Incident report "
            "INC5397569 was raised on 12.8.24; the Datix ID is 398101.",
            ["Helen Archer", "Helen Archer"],
        ),
        ("Summary sent via EMIS to the practice.", []),
        # a title still makes the same word a person's name
        ("Mr Datix rang about his letter", ["Datix"]),
    ],
)
def test_when_a_record_system_is_named_then_it_is_no_name_unless_titled(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The desk opens at 07:30 on weekdays; the scanner on desk 2 is out of toner again.",
        "the printer is out of toner.",
    ],
)
def test_when_a_name_that_is_a_word_is_a_thing_after_of_then_no_name(
    engine: TextEngine, text: str
) -> None:
    assert spans(engine, text, Kind.NAME) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seen toner again today", ["toner"]),  # a cue that a person follows
        ("spoke to toner, she wants a call", ["toner"]),
        ("talked to patel today", ["patel"]),
        ("can you chase the ct for lin", ["lin"]),
        ("bed 25a is obi, febrile neutropenia", ["obi"]),
    ],
)
def test_when_a_name_that_is_a_word_has_a_person_s_cue_then_it_stays_a_name(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an identifier's label before its value names the number, not a person
        "Irena Horáková verified with číslo zákazníka 989 048 988. Claim denied",
        "old numer konta 56026482 merged into the new one",
    ],
)
def test_when_a_label_stands_before_its_value_then_it_is_no_name(
    engine: TextEngine, text: str
) -> None:
    found_names = spans(engine, text, Kind.NAME)
    assert not any(label in n for n in found_names for label in ("číslo", "numer"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("spoke with Bill Turner 4471 today", ["Bill Turner"]),  # a label that is also a name
        ("Mrs Referenz 4 kids at home", ["Referenz"]),  # a title makes it one
    ],
)
def test_when_a_label_word_is_a_listed_or_titled_name_then_it_stays_a_name(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected
