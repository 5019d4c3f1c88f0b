"""`names_reach` (issue 13, Safe Harbor "names", the `name_stress` dev voice): a found name is
grown over what forms write beside it, so the whole name is covered: initials, hyphened halves,
particles, a middle initial, a generational suffix. Sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every initial before the surname, not the last one only
        ("Caller: V. O. Ngubeni", ["V. O. Ngubeni"]),
        ("Signature of guardian G. van der Schilt", ["G. van der Schilt"]),
        # a hyphened half on either side of the part found
        ("Re: NISTOR-POP, Codrina C. (DOB 01 Dec 1935)", ["NISTOR-POP, Codrina C."]),
        ("Full name (last, first): Park, Jung-su", ["Park, Jung-su"]),
        # an Irish particle, capitalised, before the surname
        ("Next of kin: Abina Ó Fiaich, niece", ["Abina Ó Fiaich"]),
        (
            "Caller: S. Ó Caoinigh-Ó Maoilearca (mum of F. Bodin).",
            ["S. Ó Caoinigh-Ó Maoilearca", "F. Bodin"],
        ),
        # "LAST, First M.": the capitals before, the middle initial after
        ("Emergency contact: VOVK, Zakhar O. (nephew)", ["VOVK, Zakhar O."]),
        ("Transferred WAHYUNI, Luthfi K. to billing.", ["WAHYUNI, Luthfi K."]),
        ("Guarantor: YUAN, Li J.", ["YUAN, Li J."]),
        # a generational suffix in a form's capitals
        ("Subscriber name: TIMOTHY TURNER JR", ["TIMOTHY TURNER JR"]),
    ],
)
def test_when_a_form_writes_more_of_a_name_then_the_whole_name_is_covered(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected
