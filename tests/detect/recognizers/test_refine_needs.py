"""`REFINE_NEEDS`: a pattern whose matches `refine` keeps only where the text shows something
cheap to find is not run on a text without it, and that changes no finding (issue 13's speed
work)."""

from __future__ import annotations

import pytest

from bench.text_bench import corpus
from bot.detect.recognizers import default_recognizers
from bot.detect.recognizers.base import ClinicalPatternRecognizer
from bot.detect.recognizers.labelled_ids import LetteredCodeRecognizer
from bot.detect.recognizers.postcodes import PostcodeRecognizer
from bot.detect.recognizers.streets import ForeignAddressRecognizer


def _spans(recognizer: ClinicalPatternRecognizer, text: str) -> set[tuple[int, int, float]]:
    return {
        (r.start, r.end, r.score) for r in recognizer.analyze(text, recognizer.supported_entities)
    }


def _without_needs() -> LetteredCodeRecognizer:
    recognizer = LetteredCodeRecognizer()
    recognizer._refine_needs = {}
    return recognizer


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("generated_letters", "customer ID xVwGHuLaJMbsPSeqxrhY for", "xVwGHuLaJMbsPSeqxrhY"),
        ("generated_letters_capital_first", "member QwErTyUiOp today", "QwErTyUiOp"),
        ("secret_mark_first", "case ID +r2U_8y!y@, callback", "+r2U_8y!y@"),
        ("secret_digit_first", "loyalty no. 9cEjekJa@k ok", "9cEjekJa@k"),
    ],
)
def test_when_a_generated_code_follows_a_label_then_the_needs_let_it_through(
    case: str, text: str, value: str
) -> None:
    recognizer = LetteredCodeRecognizer()
    assert value in {text[r.start : r.end] for r in recognizer.analyze(text, ["ID"])}
    assert _spans(recognizer, text) == _spans(_without_needs(), text)


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("name_capitals", "ticket McDonald called about the account"),
        ("product_capitals", "patient MyChartPortal login reset"),
        ("reading_marks", "patient HbA1c>7.5% again, case (2 of 3)"),
        ("mark_and_digit_apart", "case ID Password? then 4 weeks"),
        ("plain_words", "member services called back about the plan"),
    ],
)
def test_when_a_text_lacks_what_refine_needs_then_the_pattern_is_skipped(
    case: str, text: str
) -> None:
    recognizer = LetteredCodeRecognizer()
    letters, secret = (
        recognizer._refine_needs[n] for n in ("generated_letters_medium", "generated_secret_medium")
    )
    assert letters.search(text) is None or secret.search(text) is None
    assert _spans(recognizer, text) == _spans(_without_needs(), text)


def test_every_match_refine_keeps_holds_what_its_pattern_needs() -> None:
    """On dev chat and a dev voice that writes generated codes after labels, every match of a
    pattern with a need that `refine` keeps is in a text where the need is found (a wrong need
    would drop findings)."""
    texts = [e["text"] for e in corpus("dev", 300, 5)[0]]
    texts += [e["text"] for e in corpus("intake_desk", 600, 5)[0]]
    checked = 0
    for recognizer in default_recognizers(("Alder Bay Clinic",)):
        if not isinstance(recognizer, ClinicalPatternRecognizer) or not recognizer._refine_needs:
            continue
        needs, recognizer._refine_needs = recognizer._refine_needs, {}
        for text in texts:
            for result in recognizer._matches(text):
                name = result.recognition_metadata["pattern"]
                if name in needs and recognizer.refine(text, result) is not None:
                    checked += 1
                    assert needs[name].search(text) is not None, name
    assert checked >= 8


@pytest.mark.parametrize(
    ("recognizer", "text", "value"),
    [
        (ForeignAddressRecognizer, "Masarykova 12,\n112 04 Rožmitál pod Třemšínem", "Rožmitál"),
        (ForeignAddressRecognizer, "Rua Direita 5, 9606-682 Seia, Portugal", "Seia"),
        (ForeignAddressRecognizer, "Via Roma 3; 60121 Ancona (AN)", "Ancona"),
        (PostcodeRecognizer, "lives in Wellington 6011? no, Toronto M5V 2T6 now", "M5V 2T6"),
        (PostcodeRecognizer, "moved to Halifax B3H4R2 last year", "B3H4R2"),
    ],
)
def test_when_a_text_holds_what_every_match_needs_then_the_postcodes_are_found(
    recognizer: type[ClinicalPatternRecognizer], text: str, value: str
) -> None:
    with_needs, without = recognizer(), recognizer()
    without._refine_needs = {
        k: v for k, v in without._refine_needs.items() if k in without.BACKWARDS_FIRST
    }
    found = _spans(with_needs, text)
    assert any(value in text[a:b] for a, b, _ in found)
    assert found == _spans(without, text)


@pytest.mark.parametrize(
    ("recognizer", "name", "text"),
    [
        (ForeignAddressRecognizer, "postcode_city_medium", "bed 12 Mr Cole, 40 mg Lasix given"),
        (ForeignAddressRecognizer, "postcode_city_medium", "seen 12/04, 2 units PRBC"),
        (PostcodeRecognizer, "postcode_after_town_medium", "Toronto team, call 416 555 0199"),
    ],
)
def test_when_a_text_lacks_what_every_match_needs_then_that_pattern_is_skipped(
    recognizer: type[ClinicalPatternRecognizer], name: str, text: str
) -> None:
    assert recognizer()._refine_needs[name].search(text) is None
