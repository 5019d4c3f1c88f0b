"""The Block Kit primitives: escaping, cuts at Slack's limits (the limits checker agrees), and
kinds described in a fixed order, each once, unknown ones never echoed."""

from __future__ import annotations

from bot.messages.kit import (
    FALLBACK_TEXT_MAX,
    SECTION_TEXT_MAX,
    actions,
    button,
    context,
    describe_kinds,
    escape,
    header,
    message,
    poster,
    section,
    truncate,
)
from bot.messages.limits import problems


def test_escape_covers_slacks_three_control_characters_ampersand_first() -> None:
    assert escape("a & <b> &amp;") == "a &amp; &lt;b&gt; &amp;amp;"


def test_truncate_marks_the_cut_and_keeps_the_limit() -> None:
    assert truncate("short", 10) == "short"
    assert truncate("x" * 11, 10) == "x" * 9 + "…" and len(truncate("x" * 11, 10)) == 10


def test_kinds_read_in_a_fixed_order_each_once() -> None:
    assert describe_kinds(["AGE", "name", "DATE", "NAME"]) == "a name, a date and an exact age"
    assert describe_kinds(["ROOM"]) == "a room or bed number"
    assert describe_kinds([]) == "identifying details"
    # Unknown kinds share one neutral label, so a value passed by mistake is never echoed.
    assert describe_kinds(["Jane Roe", "4829173"]) == "an identifier"


def test_blocks_are_cut_to_slacks_limits() -> None:
    long = "y" * 5000
    msg = message(
        long,
        [
            header(long),
            section(long, block_id="b1"),
            context(*["z"] * 12),
            actions("a1", [button(long, "act", "v", style="danger")]),
        ],
    )
    assert len(msg["text"]) == FALLBACK_TEXT_MAX
    assert len(msg["blocks"][1]["text"]["text"]) == SECTION_TEXT_MAX
    assert msg["blocks"][1]["block_id"] == "b1"
    assert len(msg["blocks"][2]["elements"]) == 10
    assert msg["blocks"][3]["elements"][0]["style"] == "danger"
    assert problems(msg, "message") == []


def test_a_poster_is_a_mention_and_an_app_recorded_by_its_bot_id_is_named_as_an_app() -> None:
    assert poster("U123") == "<@U123>"
    assert poster("B0WORKFLOW") == "an app (bot id `B0WORKFLOW`)"
