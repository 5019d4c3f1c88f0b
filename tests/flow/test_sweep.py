"""`/phi sweep [window]`: the window in days, and clear errors for anything else."""

from __future__ import annotations

import pytest

from bot.flow.sweep import parse_window


@pytest.mark.parametrize(
    ("text", "days"), [(None, 30), ("", 30), ("30d", 30), ("7", 7), ("4w", 28), ("365d", 365)]
)
def test_when_a_window_is_given_then_it_reads_as_days(text: str | None, days: int) -> None:
    assert parse_window(text) == days


@pytest.mark.parametrize("text", ["0d", "366d", "53w", "yesterday", "-3d", "3m", "1000d"])
def test_when_a_window_is_out_of_range_or_malformed_then_it_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="365d"):
        parse_window(text)
