"""The engine never raises on odd input and its spans always index the original text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.detect.engine import TextEngine
from bot.detect.slack_markup import neutralise

_ENGINE: list[TextEngine] = []


def _engine() -> TextEngine:
    if not _ENGINE:
        _ENGINE.append(TextEngine())
    return _ENGINE[0]


_PIECES = st.sampled_from(
    [
        "pt",
        "John",
        "smith",
        "67M",
        "MRN",
        "12345678",
        "3/4",
        "bed 8",
        "<@U12AB>",
        "*",
        "_",
        "~",
        ":x:",
        "`",
        "\n",
        "Dr.",
        "'s",
        ",",
        "Nguyễn",
        "٣٤",
        "😀",
        "\u200b",
        "&lt;",
        "<https://a.b|c>",
        "-",
        "/",
        "yesterday",
        " ",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=25).map(" ".join))
def test_when_any_text_scanned_then_spans_are_valid(text: str) -> None:
    assert len(neutralise(text)) == len(text)
    result = _engine().scan(text)
    previous_end = 0
    for finding in result.findings:
        assert previous_end <= finding.start < finding.end <= len(text)
        previous_end = finding.end
    _engine().redact(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "O'" * 1000,  # issue 11 item 9: recursed once per "O'" and raised RecursionError
        "D'" * 5000 + "Angelo",
        "O'" * 20_000,
        "(" * 5000 + ")" * 5000,
        "\u0336" * 5000,
        "\u200b" * 5000,
        "\U0001f600\u200d" * 3000,
    ],
    ids=[
        "o-apostrophe-1000",
        "d-apostrophe-5000",
        "o-apostrophe-20000",
        "brackets",
        "marks",
        "zwsp",
        "emoji-zwj",
    ],
)
def test_when_input_is_degenerate_then_scan_and_redact_do_not_raise(text: str) -> None:
    result = _engine().scan(text)
    _engine().redact(text, result)
