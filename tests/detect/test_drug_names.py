"""Drug names are vocabulary, not unknown names (scripts/gen_drug_names.py, issue 13): "Dupixent
PA denied" read "Dupixent" as a patient's name."""

from __future__ import annotations

import pytest

from bot.detect.data import load_words
from bot.detect.engine import TextEngine
from bot.detect.types import Kind
from tests.detect.conftest import load_script, spans


def test_when_the_drug_list_is_regenerated_then_it_is_the_shipped_file() -> None:
    gen = load_script("gen_drug_names")
    assert set(gen.drug_names()) == load_words("drug_names.txt")


@pytest.mark.parametrize(
    "text",
    ["Dupixent PA denied, appeal sent", "Xeljanz approved through March", "Keppra levels pending"],
)
def test_when_a_brand_drug_opens_a_post_then_it_is_no_name(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.NAME) == []


def test_when_a_listed_name_is_also_a_drug_then_it_stays_a_name(engine: TextEngine) -> None:
    assert "allegra" not in load_words("drug_names.txt")
    assert "Allegra Okafor" in spans(engine, "pt Allegra Okafor on Dupixent", Kind.NAME)
