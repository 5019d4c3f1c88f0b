"""Slack markup is blanked without moving any character."""

from __future__ import annotations

import pytest

from bot.detect.slack_markup import neutralise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<@U0123ABCD> hi", " " * 12 + " hi"),
        ("see <#C0123|icu-team>", "see " + " " * 17),
        ("*John Smith*", " John Smith "),
        ("_Maria_ ~x~ `code`", " Maria   x   code "),
        ("go :hospital: now", "go            now"),
        ("<https://x.org/a|label>", " https://x.org/a label "),
        ("<mailto:a@b.org|a@b.org>", "        a@b.org a@b.org "),
        ("a &lt; b &amp; c", "a <    b &     c"),
        ("at 10:30:45 sharp", "at 10:30:45 sharp"),
        ("snake_case stays", "snake_case stays"),
    ],
)
def test_when_markup_neutralised_then_same_length_and_clean(text: str, expected: str) -> None:
    out = neutralise(text)
    assert out == expected
    assert len(out) == len(text)
