"""NAME by verb frame, case-list slot and quoted nickname (issue 13, `periop_dev` dev voice)."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname alone as the object of a scheduling verb, in any case
        ("can we bump tavolenko to the 2nd case, Dr. Osei is late", ["tavolenko", "Osei"]),
        ("Can We Bump Tavolenko To The 2nd Case", ["Tavolenko"]),
        (
            "swap mirandola and Pekuviro, dr Ansah wants the hip first",
            ["mirandola", "Pekuviro", "Ansah"],
        ),
        # a listed name that is also a word, where a pronoun says it is a person
        ("give hazel her oxy when she wakes up", ["hazel"]),
        # a question or a report about a person
        ("is kuvamire still on the board for 3/4?", ["kuvamire"]),
        ("PACU says tiravelu is ready for the floor", ["tiravelu"]),
        # the word after an identifier's value
        ("case mrn 0517588 tolumbe moved to OR 6", ["tolumbe"]),
        # a case list's slots read like beds, also glued and at the text start
        ("OR 4 ravasku, OR 5 melindop both NPO since midnight", ["ravasku", "melindop"]),
        ("or9 nantsera, or10 dufalito both npo since midnight", ["nantsera", "dufalito"]),
        ("holding 4 jelivuma, holding 5 Paimeshu, both ready", ["jelivuma", "Paimeshu"]),
        # a quoted nickname inside or before the name
        ('Robert "Bobby" Okafor keeps asking for his wife', ['Robert "Bobby" Okafor']),
        ("pt 'Lucky' Thandavaraj needs a warming blanket", ["'Lucky' Thandavaraj"]),
        # a titled surname with two halves
        ("dr Okafor-Adeyemi is running late", ["Okafor-Adeyemi"]),
        # a colleague asked to do something
        ("Mary pls restock the Mayo stands", ["Mary"]),
    ],
)
def test_when_a_name_sits_in_a_persons_frame_then_found(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected


@pytest.mark.parametrize(
    "text",
    [
        "give zofran when she wakes up",
        "bump it to the 2nd case",
        "Patience please, the EHR is slow",
        "is everything still on the board?",
        "2 or 3 tablets a day",
        "swap the trays and the drapes",
    ],
)
def test_when_a_frame_holds_no_person_then_no_name(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.NAME) == []


def test_when_a_pronoun_follows_a_report_verb_then_it_is_no_name(engine: TextEngine) -> None:
    assert spans(engine, "Misra's wife says she had a fall", Kind.NAME) == ["Misra"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("张艳的化验结果出来了", ["张艳"]),  # her lab results are back
        ("李建国 的麻醉同意书已签", ["李建国"]),  # his anaesthesia consent is signed
        ("陳大文的報告", ["陳大文"]),  # a traditional-script surname
    ],
)
def test_when_a_han_name_opens_a_message_before_something_of_theirs_then_found(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected


@pytest.mark.parametrize("text", ["高血压的检查要做", "黄色的痰很多", "今天很忙的检查"])
def test_when_a_han_term_opens_a_message_then_no_name(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.NAME) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an identifier's label glued to its mark or value after the name
        ("ray young (mrn#33223123) paperwork is in the box", ["ray young"]),
        ("roomed kazhaim thapinappan in Rm. 83, vitals done", ["kazhaim thapinappan"]),
        ("CASE MRN#9039401657 TOLUMBE MOVED TO OR 6", ["TOLUMBE"]),  # the label is no surname
    ],
)
def test_when_a_label_or_a_scheduling_verb_is_beside_the_name_then_found(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a given name opening a clause before what a patient does, even a name that is a word
        ("family is in the waiting room, hunter asking for an update", ["hunter"]),
        ("Marc Pulled Her IV In PACU", ["Marc"]),
        ("Sam keeps asking for his wife", ["Sam"]),
        # an anaesthesia role before the clinician's name
        ("CRNA Adebayo is in OR 3", ["Adebayo"]),
    ],
)
def test_when_a_clause_opens_with_a_persons_name_then_found(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It keeps asking for a password",
        "Printer keeps jamming, call IT",
        "The patient keeps asking for water",  # the surname Water is a thing asked for here
    ],
)
def test_when_a_clause_opens_with_a_thing_then_no_name(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.NAME) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Last, First" after a word a patient follows and before a break, in lower case
        ("difficult airway alert on adeyemi, mary, Mallampati 4", ["adeyemi, mary"]),
        # a birth-date label after the name, as a word or spelled out
        ("pre-op: Fopina Gaanafaga bday 1930/08/05, PE", ["Fopina Gaanafaga"]),
        # a capitalised unknown word after "and" beside a name in lower case
        ("swap tavolenko and Pekuviro before the hip", ["tavolenko", "Pekuviro"]),
    ],
)
def test_when_a_second_name_or_a_label_is_beside_the_name_then_found(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected


def test_when_two_words_follow_a_cue_in_lower_case_then_no_name(engine: TextEngine) -> None:
    assert spans(engine, "call for rose, grace", Kind.NAME) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whom a blood-bank order is for
        ("Dr. Mohamed wants Yayatenang type and screened first", ["Mohamed", "Yayatenang"]),
        ("dr pundel wants hull type and screened before we roll back", ["pundel", "hull"]),
        ("Hull T&S before we roll back", ["Hull"]),
        # whom a round reviews with a colleague
        (
            "reviewed kotsaopruemmam with dr ruganeshvili, plan ctpa",
            ["kotsaopruemmam", "ruganeshvili"],
        ),
        # a patient who opens a clause and goes somewhere
        ("Taufa going to St Catherine's for PCI, transport booked", ["Taufa", "St Catherine's"]),
        ("LUBOLSIYADA GOING TO THE CATH LAB", ["LUBOLSIYADA"]),
    ],
)
def test_when_an_order_a_review_or_a_move_names_its_patient_then_it_is_found(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) + spans(engine, text, Kind.LOCATION) == expected


@pytest.mark.parametrize(
    "text",
    [
        "needs a type and screen before theatre",
        "Repeat type and screen sent at 0600",
        "reviewed labs with the team",
        "Ortho going to see him after clinic",
        "Pharmacy going to call back",
        "ICU going to call when a bed is free",
        "Everyone going to the huddle at 2",
    ],
)
def test_when_an_order_a_review_or_a_move_names_no_patient_then_no_name(
    engine: TextEngine, text: str
) -> None:
    assert spans(engine, text, Kind.NAME) == []
