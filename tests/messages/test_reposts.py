"""Reposts: every message Slack would take, the whole copy kept, long ones split or attached."""

from __future__ import annotations

import json

import pytest

from bot import messages as m
from bot.messages import reposts
from bot.messages.kit import message, section
from bot.messages.limits import BLOCKS_TEXT_MAX, blocks_text, problems


def _sections(msg: dict[str, object]) -> str:
    blocks = msg["blocks"]
    assert isinstance(blocks, list)
    return "".join(b["text"]["text"] for b in blocks if b["type"] == "section")


def _words(n: int) -> str:
    return " ".join(f"w{i % 97}" for i in range(n))


@pytest.mark.parametrize("size", [10, 2_900, 8_700, 12_001, 20_000, 45_000, 69_000])
@pytest.mark.parametrize("kind", ["redacted", "attested"])
def test_when_a_copy_is_long_then_every_part_fits_and_nothing_is_lost(size: int, kind: str) -> None:
    text = _words(size)[:size].strip()
    plan = (
        reposts.redact_repost(text, user_id="U1")
        if kind == "redacted"
        else reposts.attested_repost(text, user_id="U1")
    )
    assert plan.attachment is None
    assert reposts.fits(plan)
    for msg in plan.messages:
        assert problems(msg) == []
        assert blocks_text(msg["blocks"]) <= BLOCKS_TEXT_MAX
        assert len(msg["text"]) <= reposts.FALLBACK_CHARS
    assert "".join(_sections(msg) for msg in plan.messages) == text.strip()
    if len(plan.messages) > 1:
        assert all(f"of {len(plan.messages)}" in str(msg["blocks"][-1]) for msg in plan.messages)


def test_when_one_message_holds_over_12000_characters_then_limits_flag_it() -> None:
    """What the old repost did (45 sections of 3,000 in one message): Slack says
    msg_blocks_too_long, so `problems` must say so too."""
    text = "x" * 2_900
    msg = message("fallback", [section(text) for _ in range(5)])
    assert any("msg_blocks_too_long" in p for p in problems(msg))


def test_when_a_copy_is_longer_than_the_parts_allow_then_it_is_attached() -> None:
    text = _words(reposts.PART_CHARS * reposts.MAX_PARTS // 2)  # ~4 chars a word: > 8 parts
    plan = reposts.redact_repost(text, user_id="U1")
    assert plan.attachment == reposts.readable(text)
    assert len(plan.messages) == 1 and problems(plan.messages[0]) == []
    assert "attached as a file" in plan.messages[0]["text"]


@pytest.mark.parametrize(
    "token", ["<@U0123ABCD>", "<#C0123ABCD|ward-4>", "<https://example.org/a|a link>", "&amp;"]
)
def test_when_text_is_cut_then_never_inside_a_mention_link_or_entity(token: str) -> None:
    for offset in range(0, 30):
        text = "a" * (100 - offset) + token + "b" * 100
        pieces = reposts.split_text(text, 110)
        assert "".join(pieces) == text
        assert any(token in piece for piece in pieces)


def test_when_the_text_has_lines_then_cuts_fall_at_line_breaks() -> None:
    text = "\n".join(["line of notes"] * 2_000)
    pieces = reposts.split_text(text, reposts.SECTION_CHARS)
    assert all(p.endswith("\n") for p in pieces[:-1])


def test_when_placeholders_are_left_then_they_read_as_brackets() -> None:
    plan = reposts.redact_repost("Seen <NAME> on <DATE>", user_id="U1")
    assert _sections(plan.messages[0]) == "Seen [NAME] on [DATE]"


def test_when_a_file_post_has_short_text_then_it_rides_in_the_comment() -> None:
    plan = reposts.file_repost("U9", "see <NAME> scan", redacted=True)
    assert plan.comment == "Posted by <@U9>, identifiers removed by phiwarden\nsee [NAME] scan"
    assert plan.rest is None and reposts.fits(plan)
    bare = reposts.file_repost("U9", "  ", redacted=False)
    assert bare.comment == "Posted by <@U9> · patient consent attested to phiwarden"


def test_when_a_file_post_has_long_text_then_the_text_follows_as_messages() -> None:
    text = _words(5_000)
    plan = reposts.file_repost("U9", text, redacted=True)
    assert plan.comment == reposts.redacted_image_comment("U9")
    assert plan.rest is not None and reposts.fits(plan)
    assert "".join(_sections(m) for m in plan.rest.messages) == text


@pytest.mark.parametrize(
    ("text", "redacted", "expected"),
    [
        ("", True, "Posted by <@U1>, identifiers removed by phiwarden"),
        ("  ", False, "Posted by <@U1> · patient consent attested to phiwarden"),
        ("see [NAME]", True, "Posted by <@U1>, identifiers removed by phiwarden\nsee [NAME]"),
    ],
)
def test_when_a_file_is_reposted_then_its_comment_says_who_and_why(
    text: str, redacted: bool, expected: str
) -> None:
    assert reposts.file_repost("U1", text, redacted=redacted).comment == expected


def test_redact_repost_is_attributed_and_keeps_placeholders_readable() -> None:
    msg = m.redact_repost(
        "Seen <NAME> on <DATE> with <@U2> in <#C9|ward>", user_id="U123"
    ).messages[0]
    text = json.dumps(msg)
    assert "[NAME]" in text and "[DATE]" in text and "<NAME>" not in text
    assert "<@U2>" in text and "<#C9|ward>" in text  # Slack mentions survive
    assert "Posted by <@U123>, identifiers removed by phiwarden" in text
    assert msg["blocks"][-1]["type"] == "context"
    assert m.redacted_image_comment("U9") == "Posted by <@U9>, identifiers removed by phiwarden"
