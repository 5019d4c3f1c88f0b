"""Real Slack payloads (tests/payloads/, each naming its source) through intake and the listener.

The stand-in's events are our own idea of Slack; these are Slack's and Bolt's. Every message
payload must either become the scan job its shape calls for or be skipped for a stated reason,
and the listener must acknowledge each of them exactly once.
"""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock

import pytest

from bot.flow.intake import Skip, job_from_event
from handlers.messages import handle_message_event
from tests import payloads

# name -> ("job", kind) or ("skip", reason): what the payload's shape calls for.
EXPECTED: dict[str, tuple[str, str]] = {
    "message": ("job", "message"),
    "message_user": ("job", "message"),
    "message_slack_connect": ("job", "message"),
    "thread_broadcast": ("job", "message"),
    "message_changed_docs": ("job", "message"),
    # Bolt's trimmed fixture leaves `ts` out of the edited message; Slack's documented edit
    # (message_changed_docs) carries it. Without it the post cannot be removed or found.
    "message_changed": ("skip", "missing_ids"),
    "file_share": ("job", "file"),
    "file_share_docs": ("job", "file"),
    "file_share_slack_connect": ("job", "file"),
    # Another app's posts (ours is UBOT here) are scanned like people's (issue 11, bot/flow/intake.py).
    "bot_message": ("job", "message"),
    "bot_message_classic": ("job", "message"),  # no `user`: the poster is its bot_id
    "app_mention_grid_envelope": ("skip", "not_message"),
    "app_home_opened_org_install": ("skip", "not_message"),
    "app_uninstalled": ("skip", "not_message"),
    "tokens_revoked": ("skip", "not_message"),
    "channel_shared": ("skip", "not_message"),
    "channel_unshared": ("skip", "not_message"),
    # Issue 11: texts outside `text` (bot/slack/content.py).
    "forwarded_message": ("job", "message"),  # `text` empty, the post in an is_share attachment
    "share_with_message": ("job", "message"),
    "message_rich_text": ("job", "message"),
    "message_rich_text_containers": ("job", "message"),
    "file_share_snippet": ("job", "file"),
    # Slack's documented examples carry no `channel` (real events do: test_content adds it).
    "channel_topic": ("skip", "missing_ids"),
    "channel_purpose": ("skip", "missing_ids"),
}


def test_every_payload_names_its_source_and_has_an_expectation() -> None:
    for name in payloads.names():
        record = payloads.load(name)
        assert str(record["source"]).startswith("https://"), name
        assert record["description"], name
        if payloads.kind(name) == "event":
            assert name in EXPECTED, f"{name}: say in EXPECTED what intake must do with it"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_when_a_real_payload_arrives_then_intake_does_what_its_shape_calls_for(
    name: str,
) -> None:
    outcome, detail = EXPECTED[name]
    result = job_from_event(payloads.body(name), bot_user_id="UBOT")
    if outcome == "skip":
        assert result == Skip(detail)
        return
    assert not isinstance(result, Skip), result
    event = payloads.body(name)["event"]
    message = event.get("message") or event
    assert result.kind == detail
    assert result.channel_id == event["channel"]
    poster = message.get("user") or message["bot_id"]
    assert result.payload["ts"] == message["ts"] and result.payload["user"] == poster
    if detail == "file":
        assert [f["id"] for f in result.payload["files"]] == [f["id"] for f in message["files"]]


def _services() -> MagicMock:
    services = MagicMock()
    services.bot_user_id = "UBOT"
    services.queue.enqueue = AsyncMock(return_value=True)
    services.pipeline.prescreen_clean = AsyncMock(return_value=False)
    return services


@pytest.mark.parametrize("name", sorted(EXPECTED))
async def test_when_a_real_payload_reaches_the_listener_then_acked_once_and_kept_if_a_job(
    name: str,
) -> None:
    services, ack, context = _services(), AsyncMock(), MagicMock(bot_user_id="UBOT", bot_id=None)
    body: dict[str, Any] = payloads.body(name)
    await handle_message_event(ack, body, context, None, services)
    ack.assert_awaited_once()
    assert services.queue.enqueue.await_count == (1 if EXPECTED[name][0] == "job" else 0)


@pytest.mark.parametrize(
    ("name", "team"),
    [
        ("message", "T111"),
        ("message_changed_docs", "T123ABC456"),
        ("message_slack_connect", "INSTALLED_TEAM_ID"),
        # The other organisation's team_id in the envelope; our installation is T0G9PQBBK.
        ("file_share_slack_connect", "T0G9PQBBK"),
    ],
)
def test_a_job_belongs_to_the_installation_that_received_it(name: str, team: str) -> None:
    result = job_from_event(payloads.body(name), bot_user_id="UBOT")
    assert not isinstance(result, Skip)
    assert result.team_id == team and result.payload["team_id"] == team


def test_our_own_post_in_a_real_payload_is_never_scanned() -> None:
    """Bolt's fixture is the installation's own bot post: its `user` is `authorizations[0]`'s
    bot user (`is_bot`), so with no id from Bolt's context it is still known as ours."""
    body = payloads.body("bot_message")
    assert job_from_event(body) == Skip("own_post")
    assert job_from_event(body, bot_user_id="UB111") == Skip("own_post")
    assert job_from_event(body, bot_user_id="UBOT", bot_id="B999") == Skip("own_post")
    classic = payloads.body("bot_message_classic")
    assert job_from_event(classic, bot_id="B888") == Skip("own_post")
