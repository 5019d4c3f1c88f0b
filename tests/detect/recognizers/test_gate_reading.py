"""How the gates read a text (`gate_reading`): digits of any script, the longest run of them,
and whether a text may hold one of a gate's strings."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.gate_reading import has_digit, longest_digit_run, may_hold


def test_a_digit_counts_in_any_script() -> None:
    assert has_digit("bed \u0663") and has_digit("MRN 7")  # Arabic-Indic three
    assert not has_digit("no numbers here")


@pytest.mark.parametrize(
    ("text", "run"),
    [("bed 4, 12 mg", 2), ("no digits", 0), ("MRN 0012345 ok", 7), ("٣٤٥ and 1", 3)],
)
def test_the_longest_digit_run_of_a_text(text: str, run: int) -> None:
    assert longest_digit_run(text) == run


def test_a_text_may_hold_a_gate_only_with_one_of_its_strings() -> None:
    assert may_hold(None, "anything")
    assert may_hold(("county", "parish"), "Lives in Polk COUNTY")
    assert not may_hold(("county", "parish"), "lives in town")
    # a string another script spells is taken as present in a text that is not ASCII
    assert may_hold(("年",), "2025年3月") and not may_hold(("年",), "2025-03")
    assert may_hold(("istanbul",), "İstanbul")  # the dotted capital I reads as i
