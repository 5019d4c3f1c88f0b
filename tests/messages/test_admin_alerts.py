"""Alerts to admins (`bot.messages.admin_alerts`): where, who, what kinds and why the post or
file is still in Slack, never its content."""

from __future__ import annotations

import json

from bot import messages as m
from bot.messages.admin_alerts import refusal_text
from bot.policy import ActionKind


def test_admin_alert_has_where_who_what_but_no_content() -> None:
    msg = m.admin_alert(
        channel_id="C42",
        user_id="U7",
        kinds=["ID"],
        action=ActionKind.BLOCK,
        removed=False,
        reason=m.AlertReason.CANNOT_REMOVE,
    )
    text = json.dumps(msg)
    assert "<#C42>" in text and "<@U7>" in text and "an ID number" in text
    assert "Still visible" in text and "SLACK_ADMIN_USER_TOKEN" in text


def test_a_known_refusal_is_explained_and_an_unknown_code_is_shown_only_when_safe() -> None:
    assert "compliance exports" in refusal_text("compliance_exports_prevent_deletion")
    assert refusal_text("some_new_error") == "Slack refused to delete the post (`some_new_error`)."
    assert "`unknown`" in refusal_text("Jane Doe <script>")  # never echoes anything but a code
    assert "SLACK_ADMIN_USER_TOKEN" in refusal_text(None)


def test_a_kept_file_is_named_by_id_only() -> None:
    msg = m.file_kept_alert(
        channel_id="C1", user_id="U1", file_id="F0123ABC", refusal="file_deleting_disabled"
    )
    text = json.dumps(msg)
    assert "F0123ABC" in text and "file deletion is disabled" in text
    odd = json.dumps(
        m.file_kept_alert(channel_id="C1", user_id="U1", file_id="jane.png", refusal="x y")
    )
    assert "jane.png" not in odd and "`unknown`" in odd
