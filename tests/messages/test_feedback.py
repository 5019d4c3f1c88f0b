"""The "This isn't patient information" button: the scan job's id only, appended once; the admin
report says where, who, kinds and recognizers, never content."""

from __future__ import annotations

import json

from bot.messages.feedback import (
    ACTION_FALSE_POSITIVE,
    BLOCK_FEEDBACK,
    admin_report,
    thanks,
    with_report_button,
)
from bot.messages.limits import problems
from bot.messages.notices import block_notice


def test_the_button_is_appended_once_and_carries_only_the_job_id() -> None:
    notice = block_notice(["NAME"], rule="identifiers")
    once = with_report_button(notice, "Ev123")
    twice = with_report_button(once, "Ev456")
    feedback = [b for b in twice["blocks"] if b.get("block_id") == BLOCK_FEEDBACK]
    (block,) = feedback
    (button,) = block["elements"]
    assert (button["action_id"], button["value"]) == (ACTION_FALSE_POSITIVE, "Ev456")
    assert twice["blocks"][-1] is block  # last, after the notice's own blocks
    assert len(twice["blocks"]) == len(notice["blocks"]) + 1
    assert "blocks" in notice and not any(
        b.get("block_id") == BLOCK_FEEDBACK for b in notice["blocks"]
    )  # the notice itself is not changed
    assert problems(twice, "message") == []


def test_the_admin_report_names_kinds_and_recognizers_not_content() -> None:
    report = admin_report(
        channel_id="C42", user_id="U7", kinds=["NAME", "AGE"], recognizers=["NameRecognizer"]
    )
    text = json.dumps(report)
    assert "<#C42>" in text and "<@U7>" in text
    assert "a name and an exact age" in text and "`NameRecognizer`" in text
    unknown = json.dumps(admin_report(channel_id="C1", user_id="U1", kinds=[], recognizers=[]))
    assert "not recorded" in unknown
    assert problems(report, "message") == []


def test_the_thanks_says_the_message_was_not_sent() -> None:
    assert "not your message" in thanks()["text"]
