"""`names_letters` (issue 13, Safe Harbor "names", the `name_stress` dev voice): the slots
correspondence gives a name (a display name, a sign-off, a bracketed kinship, a slip's caller)
are read; a team or an office in the same slot is no name. Sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an address's display name, also a word the address spells ("Hun", "Ha")
        ("From: SANG HUN KIM <sanghun.kim@gmail.com>", ["SANG HUN KIM"]),
        ("On 05/08/2026, Ha Eun Kim <haeun.kim@gmail.com> wrote:", ["Ha Eun Kim"]),
        # the line under a closing
        ("Thank you for your letter.\nBest wishes,\nIda", ["Ida"]),
        ("I authorise him.\n\nSigned,\nHordiy Oberemko", ["Hordiy Oberemko"]),
        # a name before a bracketed kinship, also a name that is a word
        ("Left message with Faith (daughter) for Ms Kahinu to call us.", ["Faith", "Kahinu"]),
        # a slip's caller in lower case
        ("holly hawkins called re a refill", ["holly hawkins"]),
        # a form label whose value is a person, the name's words also English words
        ("Signed: Hope Baker", ["Hope Baker"]),
        ("Contact person: Mark Brown", ["Mark Brown"]),
        ("Policy holder: Sunny Day", ["Sunny Day"]),
        ("Insured: CHASE, Hunter", ["CHASE, Hunter"]),
        ("Account holder: Rich Cash", ["Rich Cash"]),
        # the label's value ends at the next field, "LAST, First" aside
        ("Next of kin: Nicola Holl, son, tel 555-0101", ["Nicola Holl"]),
        # a name set off by commas after a kinship
        ("spoke with her son, Jack, about the bill", ["Jack"]),
    ],
)
def test_when_correspondence_gives_a_person_a_slot_then_the_name_in_it_is_found(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected


@pytest.mark.parametrize(
    "text",
    [
        "From: Customer Service <help@example.org>",
        "From: Billing <billing@example.org>",
        "From: Scheduling <noreply@example.org>\nSubject: Your appointment reminder",
        "Kind regards,\nCustomer Service\nMon-Fri 8-5",
        "Dear colleagues,\nthe forms are in the drawer.\nBest wishes,\nThe Front Desk Team",
        "Regards,\nPatient Accounts",
        "Thanks,\nBilling Office",
        "Spoke with pharmacy (daughter's request) about the refill.",
        "call back (mother) if no answer",
        "lab called re the results",
        "Konto-Nr. 44712 gesperrt",
        # a person's label with no person after it
        "Signed: Yes",
        "Contact: Front Desk",
        "Recipient: Pharmacy",
        "Interpreter: Spanish",
        "Member: Gold Plan",
        "Policy holder: Same as patient",
        "Attn: Billing Department",
        "Employee: Part Time",
        "Patient: Will call back",
        "my son, Frequently Asked Questions, page 2",
    ],
)
def test_when_the_slot_holds_a_team_an_office_or_a_label_then_no_name_is_found(
    engine: TextEngine, text: str
) -> None:
    assert spans(engine, text, Kind.NAME) == []


def test_every_person_label_is_in_a_text_its_gate_lets_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a label needs one of its words and a colon or dash: texts without them are not scanned
    import regex

    from bench.text_bench import corpus
    from bot.detect.recognizers import names_letters

    texts = [
        e["text"]
        for split in ("name_stress", "intake_desk", "clinic_letters", "dev")
        for e in corpus(split, 150, 4)[0]
    ]
    whole = regex.compile(names_letters._PERSON_LABEL.pattern)
    labelled = [t for t in texts if whole.search(t)]
    assert len(labelled) > 20
    for text in labelled:
        assert list(names_letters._label_values(text)), text

    def refuse(text: str) -> None:
        raise AssertionError("scanned")

    monkeypatch.setattr(
        names_letters, "_PERSON_LABEL", type("P", (), {"finditer": staticmethod(refuse)})()
    )
    assert list(names_letters._label_values("bed 4: pt resting, call family at 3")) == []
    assert list(names_letters._label_values("pt name unknown, see chart thx")) == []
    with pytest.raises(AssertionError):
        list(names_letters._label_values("Name: unknown, see chart"))
