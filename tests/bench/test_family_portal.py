"""The family_portal generator: its planted values and near misses are what its docstring says."""

from __future__ import annotations

from bench.corpus import family_portal


def test_when_an_age_is_planted_then_over_89_is_direct_and_its_day_is_a_date() -> None:
    for ex in family_portal.generate(120, 5):
        for start, end, kind, role in ex["spans"]:
            value = ex["text"][start:end]
            if kind == "AGE" and value.isdigit():
                assert role == ("direct" if int(value) > 89 else "quasi"), value


def test_when_an_account_name_is_planted_then_it_is_safe_harbor_item_18() -> None:
    planted = [
        (ex["text"][s:e], cat)
        for ex in family_portal.generate(120, 6)
        for s, e, cat in ex["planted"]
    ]

    assert any(cat == family_portal.R for _, cat in planted)
    assert all(" " not in value for value, cat in planted if cat == family_portal.R)


def test_when_a_near_miss_is_written_then_it_holds_no_gold_span() -> None:
    for ex in family_portal.generate(200, 7):
        for near in family_portal._NEAR:
            at = ex["text"].find(near)
            if at >= 0:
                assert not any(s < at + len(near) and at < e for s, e, *_ in ex["spans"]), near
