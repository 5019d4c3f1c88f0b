"""Every Block Kit message the package builds fits Slack's limits and is plain data (each
builder's own tests are in tests/messages/, one module per `bot/messages/` module)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from bot import messages as m
from bot import rules
from bot.detect.types import Kind, Verdict
from bot.messages.limits import problems
from bot.policy import ActionKind, ChannelClass, Content, default_policy

KINDS = ["NAME", "DATE", "ID"]
ALL_KINDS = [str(k) for k in Kind]
CONFIRM_ID = "c0123456789abcdef01234567"


def _messages() -> dict[str, Callable[[], dict[str, Any]]]:
    clinical = default_policy(ChannelClass.CLINICAL)
    out: dict[str, Callable[[], dict[str, Any]]] = {
        "block": lambda: m.block_notice(KINDS, rule="identifiers"),
        "block_image_offer": lambda: m.block_notice(
            ["FACE"], rule="images", content=Content.IMAGE, offer_id="o1"
        ),
        "block_not_removed": lambda: m.block_notice(ALL_KINDS, rule="external", removed=False),
        "block_override": lambda: m.block_notice(KINDS, rule="identifiers", override_id="j1"),
        "block_image_offer_override": lambda: m.block_notice(
            ["FACE"], rule="images", content=Content.IMAGE, offer_id="o1", override_id="j1"
        ),
        "overridden": m.overridden_notice,
        "block_unknown_rule": lambda: m.block_notice([], rule="nope"),
        "redact_repost": lambda: m.redact_repost(
            "Pt [NAME] seen [DATE], stable", user_id="U1"
        ).messages[0],
        "attested_repost": lambda: m.attested_repost("restored text", user_id="U1").messages[0],
        "repost_failed": lambda: m.repost_failed_notice("msg_blocks_too_long"),
        "file_kept_alert": lambda: m.file_kept_alert(
            channel_id="C1", user_id="U1", file_id="F0123ABCD", refusal="cant_delete_file"
        ),
        "file_kept_alert_odd": lambda: m.file_kept_alert(
            channel_id="C1", user_id="U1", file_id="F0123ABCD", refusal="Weird Code!"
        ),
        "repost_attached": lambda: m.redact_repost("x " * 40_000, user_id="U1").messages[0],
        "repost_failed_attested": lambda: m.repost_failed_notice("is_archived", redacted=False),
        "confirm": lambda: m.confirm_prompt(KINDS, confirm_id=CONFIRM_ID, timeout_seconds=600),
        "confirm_unscannable": lambda: m.confirm_prompt(
            [],
            confirm_id=CONFIRM_ID,
            timeout_seconds=3600,
            content=Content.UNSCANNABLE,
            offer_redacted=False,
            removed=False,
            rule="checks",
        ),
        "confirm_failure": lambda: m.confirm_prompt(
            [],
            confirm_id=CONFIRM_ID,
            timeout_seconds=60,
            content=Content.FAILURE,
            on_timeout=ActionKind.REDACT,
            rule="checks",
        ),
        "restored": m.restored_notice,
        "restored_flagged": lambda: m.restored_notice(removed=False),
        "withdrawn": m.withdrawn_notice,
        "withdrawn_flagged": lambda: m.withdrawn_notice(removed=False),
        "redacted_posted": m.redacted_posted_notice,
        "redacted_notice": lambda: m.redacted_notice(KINDS),
        "timed_out_block": lambda: m.timed_out_notice(ActionKind.BLOCK),
        "timed_out_redact": lambda: m.timed_out_notice(ActionKind.REDACT),
        "timed_out_flagged": lambda: m.timed_out_notice(ActionKind.BLOCK, removed=False),
        "already_resolved": m.already_resolved_notice,
        "reminder": lambda: m.image_reminder(["NAME", "ID", "DATE"]),
        "unscannable": lambda: m.unscannable_notice(ActionKind.BLOCK),
        "unscannable_kept": lambda: m.unscannable_notice(ActionKind.NONE, removed=False),
        "failure": lambda: m.failure_notice(ActionKind.BLOCK),
        "failure_kept": lambda: m.failure_notice(ActionKind.NONE, removed=False),
        "failure_too_long": lambda: m.failure_notice(ActionKind.BLOCK, too_long=True),
        "failure_too_long_kept": lambda: m.failure_notice(
            ActionKind.NONE, removed=False, too_long=True
        ),
        "help": lambda: m.help_message(False),
        "help_admin": lambda: m.help_message(True),
        "rules_index": lambda: m.rules_message(None),
        "check_clean": lambda: m.check_result(Verdict.CLEAN, [], ""),
        "check_low": lambda: m.check_result("low", ["DATE"], "seen [DATE]"),
        "check_phi": lambda: m.check_result(Verdict.PHI, KINDS, "[NAME], [AGE], seen [DATE]"),
        "policy": lambda: m.policy_message(
            clinical, channel_id="C1", channel_class=ChannelClass.CLINICAL
        ),
        "policy_admin": lambda: m.policy_message(
            default_policy(ChannelClass.APPROVED),
            channel_id="C1",
            channel_class=ChannelClass.APPROVED,
            source=m.SOURCE_CHANNEL,
            is_admin=True,
        ),
        "policy_updated": lambda: m.policy_updated(
            clinical, channel_id="C1", channel_class=ChannelClass.CLINICAL, changed="text"
        ),
        "policy_reset": lambda: m.policy_updated(
            clinical, channel_id="C1", channel_class=ChannelClass.CLINICAL, changed=None
        ),
        "approved": lambda: m.approval_changed("C1", True),
        "unapproved": lambda: m.approval_changed("C1", False),
        "approval_refused_ext": lambda: m.approval_refused("external"),
        "approval_refused_dm": lambda: m.approval_refused("dm"),
        "refusal": m.admin_refusal,
        "error": lambda: m.command_error("Try again."),
    }
    for t in rules.all_topics():
        out[f"rules_{t.key}"] = lambda t=t: m.rules_message(t)  # type: ignore[misc]
    for reason in m.AlertReason:
        for action in ActionKind:
            out[f"alert_{reason}_{action}"] = lambda r=reason, a=action: m.admin_alert(  # type: ignore[misc]
                channel_id="C1", user_id="U1", kinds=KINDS, action=a, removed=False, reason=r
            )
    return out


MESSAGES = _messages()


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_every_message_fits_slack_limits(name: str) -> None:
    payload = MESSAGES[name]()
    assert problems(payload, "message") == []
    json.dumps(payload)  # plain data all the way down
