"""`Notifier` with a fake `FlowDeps`: where each word goes, and which Slack refusals it survives."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot import metrics
from bot.errors import SlackGatewayError
from bot.flow.notify import Notifier
from bot.messages.admin_alerts import AlertReason
from bot.messages.feedback import BLOCK_FEEDBACK
from bot.messages.kit import message, section
from bot.policy import Action, ActionKind
from bot.store.api import PendingConfirm
from tests.flow.fakes import NOW, RecordingGateway, fake_deps, post_job

MSG = message("A word from phiwarden", [section("A word from phiwarden")])


def _notifier() -> tuple[Notifier, RecordingGateway]:
    deps = fake_deps()
    gateway = deps.gateway
    assert isinstance(gateway, RecordingGateway)
    return Notifier(deps), gateway


async def test_when_a_post_is_reposted_then_it_goes_to_the_original_s_channel_and_thread() -> None:
    notifier, gateway = _notifier()
    ts = await notifier.repost("Ev1:repost", "T1", "C1", MSG, "1.0", broadcast=True)
    assert ts == "9.9"
    (call,) = gateway.of("chat.postMessage")
    assert call["key"] == "Ev1:repost" and call["channel"] == "C1"
    assert call["thread_ts"] == "1.0" and call["team_id"] == "T1" and call["reply_broadcast"]
    assert call["text"] == MSG["text"] and call["blocks"] == MSG["blocks"]


async def test_when_the_poster_is_told_then_the_notice_carries_the_report_button_once() -> None:
    notifier, gateway = _notifier()
    job = post_job("x", thread_ts="1.5")
    await notifier.tell("Ev1:tell", job, MSG)
    await notifier.tell(
        "Ev1:tell", job, {**MSG, "blocks": gateway.of("chat.postEphemeral")[0]["blocks"]}
    )
    first, again = gateway.of("chat.postEphemeral")
    assert (first["user"], first["channel"], first["thread_ts"]) == ("U1", "C1", "1.5")
    buttons = [b for b in first["blocks"] if b.get("block_id") == BLOCK_FEEDBACK]
    assert len(buttons) == 1 and buttons[0]["elements"][0]["value"] == "Ev1"
    assert [b.get("block_id") for b in again["blocks"]].count(BLOCK_FEEDBACK) == 1


@pytest.mark.parametrize("error", ["user_not_in_channel", "channel_not_found", "is_archived"])
async def test_when_slack_refuses_the_notice_for_good_then_the_job_goes_on(error: str) -> None:
    notifier, gateway = _notifier()
    gateway.refuse["chat.postEphemeral"] = error
    await notifier.tell("Ev1:tell", post_job("x"), MSG)  # no raise: a retry cannot help
    assert gateway.methods() == ["chat.postEphemeral"]


@pytest.mark.parametrize("error", ["ratelimited after 3 attempts", "http_503"])
async def test_when_the_notice_fails_for_now_then_the_job_is_retried(error: str) -> None:
    notifier, gateway = _notifier()
    gateway.refuse["chat.postEphemeral"] = error
    with pytest.raises(SlackGatewayError):
        await notifier.tell("Ev1:tell", post_job("x"), MSG)


async def test_when_a_held_post_s_poster_is_told_then_it_is_in_the_held_post_s_thread() -> None:
    notifier, gateway = _notifier()
    pending = PendingConfirm(
        "cf1", "T1", "C2", "U7", "1.1", "0.9", NOW + timedelta(minutes=5), payload={}
    )
    await notifier.tell_pending("cf1:told", pending, MSG)
    (call,) = gateway.of("chat.postEphemeral")
    assert (call["channel"], call["user"], call["thread_ts"], call["team_id"]) == (
        "C2", "U7", "0.9", "T1",
    )  # fmt: skip
    assert call["blocks"] == MSG["blocks"]  # a held post's notice has its own buttons


async def test_when_admins_are_alerted_then_the_alert_names_kinds_and_not_the_text() -> None:
    notifier, gateway = _notifier()
    job = post_job("Jane Synthetic MRN 12345678")
    block = Action(kind=ActionKind.BLOCK, remove_original=True)
    await notifier.alert(job, block, ["ID", "NAME"], removed=False,
                         reason=AlertReason.CANNOT_REMOVE, refusal="no_admin_token")  # fmt: skip
    (call,) = gateway.of("alert")
    assert call["key"] == "Ev1:alert" and call["team_id"] == "T1"
    assert "<#C1>" in call["text"] and "<@U1>" in str(call["blocks"])
    assert "12345678" not in str(call) and "Jane" not in str(call)


async def test_when_the_alert_fails_then_it_is_counted_and_not_raised() -> None:
    notifier, gateway = _notifier()
    gateway.refuse["alert"] = "channel_not_found"
    before = metrics.FAILURES.labels(stage="gateway")._value.get()
    block = Action(kind=ActionKind.BLOCK, remove_original=True)
    await notifier.alert(post_job("x"), block, ["ID"], removed=True, reason=AlertReason.EXTERNAL)
    assert metrics.FAILURES.labels(stage="gateway")._value.get() == before + 1
