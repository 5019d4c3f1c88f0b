"""The Census surnames Faker's lists lack (scripts/gen_surnames.py, issue 13): "Layla Nasser,
67F" kept its surname, since the model's WordNet vocabulary holds "nasser" as a noun."""

from __future__ import annotations

import pytest

from bot.detect.data import load_words
from bot.detect.engine import TextEngine
from bot.detect.types import Kind
from tests.detect.conftest import load_script, spans


def test_when_the_census_list_is_regenerated_then_it_is_the_shipped_file() -> None:
    gen = load_script("gen_surnames")
    assert set(gen.surnames()) == load_words("census_surnames.txt")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Layla Nasser, 67F, chest pain", "Layla Nasser"),
        ("LAYLA NASSER DOB 1944/08/21 WAITING ON A PSYCH BED", "LAYLA NASSER"),
        ("pt Ehrlich, 54M, for a CT", "Ehrlich"),
        ("Layla Telfer, 67F", "Layla Telfer"),
    ],
)
def test_when_a_census_surname_has_a_names_evidence_then_it_is_found(
    engine: TextEngine, text: str, name: str
) -> None:
    assert name in spans(engine, text, Kind.NAME)


@pytest.mark.parametrize(
    "text",
    ["oral thrush noted, nystatin started", "castor oil given", "need a stapler for the wound"],
)
def test_when_a_census_surname_is_used_as_a_word_then_it_is_no_name(
    engine: TextEngine, text: str
) -> None:
    assert spans(engine, text, Kind.NAME) == []
