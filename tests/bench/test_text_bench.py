"""The figures issue 13's targets name, as `bench.text_bench` computes them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bench.text_bench import keep_examples, leaks, score
from bench.text_targets import checks, summary


def _example(text: str, spans: list[list[Any]], category: str = "phi") -> dict[str, Any]:
    planted = [[s, e, "names"] for s, e, _k, _r in spans]
    return {
        "text": text,
        "spans": spans,
        "planted": planted,
        "verdict": category,
        "category": category,
        "template": "t",
    }


def _pred(spans: list[list[Any]], verdict: str = "phi") -> dict[str, Any]:
    return {"verdict": verdict, "spans": spans}


def test_when_every_gold_token_is_covered_then_the_message_counts_as_fully_scrubbed() -> None:
    ex = [
        _example("Ann Lee is here", [[0, 7, "NAME", "direct"]]),
        _example("Bob Ray is here", [[0, 7, "NAME", "direct"]]),
    ]
    # the first message loses every token of the name, the second keeps "Ray"
    pred = [_pred([[0, 7, "NAME", 1.0, "r"]]), _pred([[0, 3, "NAME", 1.0, "r"]])]

    assert score(ex, pred)["fully_scrubbed"] == 0.5


def test_when_clean_messages_only_then_fully_scrubbed_is_vacuously_one() -> None:
    ex = [_example("all quiet", [], "clean")]

    assert score(ex, [_pred([], "clean")])["fully_scrubbed"] == 1.0


def test_when_a_direct_value_keeps_a_token_then_it_is_a_direct_leak_and_a_quasi_one_is_not() -> (
    None
):
    ex = [_example("Ann Lee of Denver", [[0, 7, "NAME", "direct"], [11, 17, "LOCATION", "quasi"]])]
    pred = [_pred([[0, 3, "NAME", 1.0, "r"]])]

    lk = leaks(ex, pred)

    assert (lk["leaked"], lk["planted"]) == (2, 2)
    assert (lk["direct_leaked"], lk["direct_planted"]) == (1, 1)


def _engine(recall: float, leaked: int, cpu: float, clean: float = 0.0) -> dict[str, Any]:
    return {
        "score": {
            "token_recall": recall,
            "token_precision": 0.99,
            "flagged": {"clean": clean},
            "fully_scrubbed": 0.99,
        },
        "leaks": {"leaked": leaked, "planted": 9, "direct_leaked": leaked, "direct_planted": 9},
        "msgs_per_cpu_s": cpu,
        "peak_rss_mb": 200.0,
    }


def test_when_an_other_voice_recall_is_below_vanillas_then_recall_is_missed() -> None:
    ours, vanilla = _engine(0.92, 0, 300.0), _engine(0.95, 3, 100.0)

    assert checks("pii_after", ours, vanilla) == ["recall"]


def test_when_a_direct_identifier_leaks_or_throughput_is_short_then_both_are_named() -> None:
    ours, vanilla = _engine(0.99, 1, 250.0), _engine(0.80, 3, 100.0)

    assert checks("harbor", ours, vanilla) == ["leaks", "throughput"]


def test_when_chat_clean_chatter_is_flagged_over_two_percent_then_that_target_is_missed() -> None:
    ours, vanilla = _engine(0.995, 0, 400.0, clean=0.03), _engine(0.6, 0, 100.0)

    assert checks("fresh", ours, vanilla) == ["clean flagged"]


def test_when_summarised_then_each_split_has_a_row_with_ours_beside_vanilla() -> None:
    rep = {
        "split": "harbor",
        "engines": {"ours": _engine(0.95, 0, 300.0), "vanilla": _engine(0.8, 4, 100.0)},
    }

    table = summary([rep])

    row = next(line for line in table.splitlines() if line.startswith("| harbor"))
    assert "0.950 / 0.800" in row and "0/9 / 4/9" in row and "3.00x" in row and "none" in row


def test_when_front_desk_generated_then_spans_are_trimmed_and_every_category_is_planted() -> None:
    from bench.corpus import front_desk

    examples = front_desk.generate(300, 1)

    for ex in examples:
        for start, end, _kind, _role in ex["spans"]:
            value = ex["text"][start:end]
            assert value and value == value.strip()
    planted = {category for ex in examples for _s, _e, category in ex["planted"]}
    assert planted == set(front_desk.CATEGORY.values())


def test_when_only_a_planted_names_honorific_or_degree_survives_then_it_is_no_leak() -> None:
    text = "for Mr Stewart Bell MBA. and Ann Lee"
    first = (text.index("Mr"), text.index(" and"))
    second = (text.index("Ann"), len(text))
    ex = [
        {
            "text": text,
            "spans": [[*first, "NAME", "direct"], [*second, "NAME", "direct"]],
            "planted": [[*first, "names"], [*second, "names"]],
        }
    ]
    # "Stewart Bell" covered, "Mr" and "MBA" not; "Ann Lee" only half covered
    bell = text.index("Stewart"), text.index(" MBA")
    pred = [{"spans": [[*bell, "NAME", 1.0, "r"], [second[0], second[0] + 3, "NAME", 1.0, "r"]]}]

    assert leaks(ex, pred)["leaked"] == 1


def test_when_referral_mail_generated_then_spans_are_trimmed_and_every_category_is_planted() -> (
    None
):
    from bench.corpus import referral_mail

    examples = referral_mail.generate(300, 1)

    for ex in examples:
        for start, end, _kind, _role in ex["spans"]:
            value = ex["text"][start:end]
            assert value and value == value.strip()
    planted = {category for ex in examples for _s, _e, category in ex["planted"]}
    assert planted == set(referral_mail.CATEGORY.values())


def test_when_call_centre_generated_then_spans_are_trimmed_and_every_category_is_planted() -> None:
    from bench.corpus import call_centre

    examples = call_centre.generate(300, 1)

    for ex in examples:
        for start, end, _kind, _role in ex["spans"]:
            value = ex["text"][start:end]
            assert value and value == value.strip()
    planted = {category for ex in examples for _s, _e, category in ex["planted"]}
    assert planted == set(call_centre.CATEGORY.values())


def test_when_pharmacy_fax_generated_then_spans_are_trimmed_and_every_category_is_planted() -> None:
    from bench.corpus import pharmacy_fax

    examples = pharmacy_fax.generate(300, 1)

    for ex in examples:
        for start, end, _kind, _role in ex["spans"]:
            value = ex["text"][start:end]
            assert value and value == value.strip()
    planted = {category for ex in examples for _s, _e, category in ex["planted"]}
    assert planted == set(pharmacy_fax.CATEGORY.values())
    assert {ex["category"] for ex in examples} >= {"phi", "clean"}


def test_when_lab_eob_generated_then_spans_are_trimmed_and_every_category_is_planted() -> None:
    from bench.corpus import lab_eob

    examples = lab_eob.generate(300, 1)

    for ex in examples:
        for start, end, _kind, _role in ex["spans"]:
            value = ex["text"][start:end]
            assert value and value == value.strip()
    planted = {category for ex in examples for _s, _e, category in ex["planted"]}
    assert planted == set(lab_eob.CATEGORY.values())
    assert {ex["category"] for ex in examples} >= {"phi", "clean"}


def test_when_home_visit_generated_then_spans_are_trimmed_and_every_category_is_planted() -> None:
    from bench.corpus import home_visit

    examples = home_visit.generate(300, 1)

    for ex in examples:
        for start, end, _kind, _role in ex["spans"]:
            value = ex["text"][start:end]
            assert value and value == value.strip()
    planted = {category for ex in examples for _s, _e, category in ex["planted"]}
    assert planted == set(home_visit.CATEGORY.values())
    assert {ex["category"] for ex in examples} >= {"phi", "clean"}


def test_when_occ_health_generated_then_spans_are_trimmed_and_every_category_is_planted() -> None:
    from bench.corpus import occ_health

    examples = occ_health.generate(300, 1)

    for ex in examples:
        for start, end, _kind, _role in ex["spans"]:
            value = ex["text"][start:end]
            assert value and value == value.strip()
    planted = {category for ex in examples for _s, _e, category in ex["planted"]}
    assert planted == set(occ_health.CATEGORY.values())
    assert len(planted) == 18  # every Safe Harbor category
    assert {ex["category"] for ex in examples} >= {"phi", "clean"}


def test_when_patient_relations_generated_then_spans_are_trimmed_and_every_category_is_planted() -> (
    None
):
    from bench.corpus import patient_relations

    examples = patient_relations.generate(300, 1)

    for ex in examples:
        for start, end, _kind, _role in ex["spans"]:
            value = ex["text"][start:end]
            assert value and value == value.strip()
    planted = {category for ex in examples for _s, _e, category in ex["planted"]}
    assert planted == set(patient_relations.CATEGORY.values())
    assert len(planted) == 18  # every Safe Harbor category
    assert {ex["category"] for ex in examples} >= {"phi", "clean"}


def test_the_targets_know_every_chat_split_the_bench_runs() -> None:
    from bench import text_bench, text_targets

    assert set(text_bench.CHAT_SPLITS) == text_targets.CHAT_SPLITS


def test_when_run_with_show_zero_then_the_json_report_quotes_no_text_of_the_corpus() -> None:
    ex = [_example("Pt Jane Roe in bed 4", [[3, 11, "NAME", "direct"]])]
    pred = [_pred([[15, 20, "ROOM", 1.0, "r"]])]
    report = {"engines": {"ours": {"score": score(ex, pred), "leaks": leaks(ex, pred)}}}
    assert "Jane" in json.dumps(report)

    keep_examples(report, 0)

    assert "Jane" not in json.dumps(report)


def test_when_a_mrs_names_surname_is_covered_then_its_honorific_is_no_leak() -> None:
    text = "Dear Mrs Lee, and Mrs Ann Potter"
    lee = (text.index("Mrs"), text.index(","))
    potter = (text.index("Mrs Ann"), len(text))
    ex = [
        {
            "text": text,
            "spans": [[*lee, "NAME", "direct"], [*potter, "NAME", "direct"]],
            "planted": [[*lee, "names"], [*potter, "names"]],
        }
    ]
    pred = [
        {
            "spans": [
                [text.index("Lee"), text.index(","), "NAME", 1.0, "r"],
                [text.index("Ann"), len(text), "NAME", 1.0, "r"],
            ]
        }
    ]

    # "Mr" once took the front of "Mrs", so the "s" left over was scored a leaked name token
    assert leaks(ex, pred)["leaked"] == 0


@pytest.mark.parametrize(
    ("value", "leaked"),
    [
        ("ID:922692", 0),  # the label glued by a mark identifies nobody
        ("No.60859", 0),
        ("n°105628", 0),
        ("case#12-99", 0),
        ("Az.024/25", 0),
        ("RTR-016491", 1),  # letters joined by a dash are the value's own
        ("T-405679", 1),
    ],
)
def test_when_only_a_glued_label_of_a_planted_number_survives_then_it_is_no_leak(
    value: str, leaked: int
) -> None:
    text = f"Walk-ins: Ann Lee {value}, waiting."
    span = (text.index(value), text.index(value) + len(value))
    ex = [
        {
            "text": text,
            "spans": [[*span, "ID", "direct"]],
            "planted": [[*span, "any other unique number"]],
        }
    ]
    # only the digits after the label (or after the value's letters) are covered
    digits_at = span[0] + next(i for i, c in enumerate(value) if c.isdigit())
    pred = [{"spans": [[digits_at, span[1], "ID", 1.0, "r"]]}]

    assert leaks(ex, pred)["leaked"] == leaked
