"""The sender signs like Slack, and a real Bolt app round-trips through the stand-in."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs

import pytest
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import EventSender, StandIn, sign
from bot.standin.context import SlackError
from tests.standin.conftest import Ward

CONSENT_VIEW: dict[str, Any] = {
    "type": "modal",
    "callback_id": "consent",
    "title": {"type": "plain_text", "text": "Patient consent"},
    "submit": {"type": "plain_text", "text": "Attest"},
    "blocks": [
        {
            "type": "input",
            "block_id": "points",
            "label": {"type": "plain_text", "text": "Consent covers"},
            "element": {
                "type": "checkboxes",
                "action_id": "points",
                "options": [
                    {"text": {"type": "plain_text", "text": "Purpose"}, "value": "purpose"},
                    {"text": {"type": "plain_text", "text": "Audience"}, "value": "audience"},
                ],
            },
        },
        {
            "type": "input",
            "block_id": "use",
            "label": {"type": "plain_text", "text": "Intended use"},
            "element": {"type": "plain_text_input", "action_id": "use"},
        },
    ],
}
ATTEST_BLOCKS = [
    {"type": "section", "block_id": "why", "text": {"type": "mrkdwn", "text": "This post may contain PHI."}},
    {
        "type": "actions",
        "block_id": "choices",
        "elements": [
            {"type": "button", "action_id": "attest", "value": "job-1", "text": {"type": "plain_text", "text": "Consent documented"}},
            {"type": "button", "action_id": "withdraw", "value": "job-1", "text": {"type": "plain_text", "text": "Withdraw"}},
        ],
    },
]  # fmt: skip


class Receiver:
    """A bare endpoint that keeps what the sender posted."""

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []

    async def handle(self, request: web.Request) -> web.Response:
        self.requests.append((dict(request.headers), await request.read()))
        return web.Response(text="")


async def _serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    return runner, f"http://127.0.0.1:{port}/slack/events"


@pytest.fixture
async def receiver(slack: StandIn) -> AsyncIterator[tuple[Receiver, EventSender]]:
    target = Receiver()
    app = web.Application()
    app.router.add_post("/slack/events", target.handle)
    runner, url = await _serve(app)
    yield target, slack.sender(url)
    await runner.cleanup()


async def test_when_an_event_is_sent_then_slacks_verifier_accepts_the_signature(
    slack: StandIn, ward: Ward, receiver: tuple[Receiver, EventSender]
) -> None:
    target, sender = receiver
    event = slack.workspace.post_as_user(ward.nurse.id, ward.public.id, "hello")
    await sender.event(event, event_id="Ev0001", retry_num=1, retry_reason="http_timeout")
    headers, body = target.requests[0]
    verifier = SignatureVerifier(slack.signing_secret)
    assert verifier.is_valid_request(body, headers)
    assert headers["X-Slack-Retry-Num"] == "1" and headers["X-Slack-Retry-Reason"] == "http_timeout"
    envelope = json.loads(body)
    assert envelope["type"] == "event_callback" and envelope["event_id"] == "Ev0001"
    assert envelope["authorizations"][0]["user_id"] == slack.workspace.bot_user_id
    assert envelope["event"]["channel_type"] == "channel" and envelope["event"]["text"] == "hello"


@pytest.mark.parametrize(
    "options",
    [
        {"signature": "bad"},
        {"signature": "missing"},
        {"timestamp_offset": -301},
        {"omit_timestamp": True},
    ],
)
async def test_when_the_request_is_broken_on_purpose_then_verification_fails(
    slack: StandIn, receiver: tuple[Receiver, EventSender], options: dict[str, Any]
) -> None:
    target, sender = receiver
    await sender.url_verification("abc", **options)
    headers, body = target.requests[0]
    assert not SignatureVerifier(slack.signing_secret).is_valid_request(body, headers)


def test_when_signing_then_the_basestring_is_v0_timestamp_body() -> None:
    ts = str(int(time.time()))
    signature = sign("secret", ts, b"payload")
    assert SignatureVerifier("secret").is_valid(b"payload", ts, signature)


async def test_when_events_are_edits_and_deletes_then_their_shapes_match_slack(
    slack: StandIn, ward: Ward, receiver: tuple[Receiver, EventSender]
) -> None:
    target, sender = receiver
    ws = slack.workspace
    posted = ws.post_as_user(ward.nurse.id, ward.private.id, "see you at 7")
    reply = ws.post_as_user(
        ward.nurse.id, ward.private.id, "and bring notes", thread_ts=posted["ts"], broadcast=True
    )
    changed = ws.edit_as_user(ward.private.id, posted["ts"], "see you at 8")
    deleted = ws.delete_as_user(ward.private.id, posted["ts"])
    for event in (reply, changed, deleted):
        await sender.event(event)
    bodies = [json.loads(body)["event"] for _, body in target.requests]
    assert bodies[0]["subtype"] == "thread_broadcast" and bodies[0]["thread_ts"] == posted["ts"]
    assert bodies[0]["channel_type"] == "group"
    assert bodies[1]["subtype"] == "message_changed"
    assert (
        bodies[1]["message"]["text"] == "see you at 8"
        and bodies[1]["previous_message"]["text"] == "see you at 7"
    )
    assert bodies[2]["subtype"] == "message_deleted" and bodies[2]["deleted_ts"] == posted["ts"]


async def test_when_a_command_is_sent_then_it_is_form_encoded_like_slack(
    slack: StandIn, ward: Ward, receiver: tuple[Receiver, EventSender]
) -> None:
    target, sender = receiver
    delivery = await sender.command(ward.nurse.id, ward.public.id, "rules images")
    headers, body = target.requests[0]
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    fields = {k: v[0] for k, v in parse_qs(body.decode()).items()}
    assert fields["command"] == "/phi" and fields["text"] == "rules images"
    assert fields["user_id"] == ward.nurse.id and fields["channel_id"] == ward.public.id
    assert fields["response_url"].startswith(slack.base_url) and fields["trigger_id"]
    assert delivery.sent == fields


async def test_when_a_bolt_app_runs_against_the_standin_then_the_whole_loop_works(
    slack: StandIn, ward: Ward
) -> None:
    """Events, a slash command, a button on an ephemeral message and a modal, through Bolt."""
    client = AsyncWebClient(base_url=slack.api_url, token=slack.bot_token)
    bolt = AsyncApp(signing_secret=slack.signing_secret, client=client)
    submitted: list[dict[str, Any]] = []

    @bolt.event("message")
    async def on_message(event: dict[str, Any], client: AsyncWebClient) -> None:
        if event.get("bot_id"):
            return
        await client.chat_postEphemeral(
            channel=event["channel"],
            user=event["user"],
            text="Please confirm",
            blocks=ATTEST_BLOCKS,
        )

    @bolt.command("/phi")
    async def on_phi(ack: Any, respond: Any) -> None:
        await ack()
        await respond("Rules for images: ...")

    @bolt.action("attest")
    async def on_attest(ack: Any, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        await client.views_open(trigger_id=body["trigger_id"], view=CONSENT_VIEW)

    @bolt.view("consent")
    async def on_consent(ack: Any, view: dict[str, Any]) -> None:
        await ack()
        submitted.append(view["state"]["values"])

    runner, url = await _serve(bolt.web_app())
    try:
        sender = slack.sender(url)
        assert (await sender.url_verification("chal-1")).json() == {"challenge": "chal-1"}
        assert (
            await sender.event(
                slack.workspace.post_as_user(ward.nurse.id, ward.public.id, "x"), signature="bad"
            )
        ).status == 401

        delivery = await sender.event(
            slack.workspace.post_as_user(ward.nurse.id, ward.public.id, "bed 4")
        )
        assert delivery.status == 200
        await slack.wait_for("chat.postEphemeral")
        [notice] = slack.workspace.ephemerals_for(ward.nurse.id, ward.public.id)

        await sender.command(ward.nurse.id, ward.public.id, "rules images")
        await slack.wait_for("response_url")
        assert slack.workspace.ephemerals_for(ward.nurse.id)[-1].text == "Rules for images: ..."

        assert (await sender.click(ward.nurse.id, notice, "attest")).status == 200
        [opened] = await slack.wait_for("views.open", ok=True)
        view_id = opened.response["view"]["id"]
        assert (
            await sender.submit_view(
                ward.nurse.id, view_id, {"points": ["purpose", "audience"], "use": "teaching"}
            )
        ).status == 200
        assert submitted == [
            {
                "points": {"points": {"type": "checkboxes", "selected_options": [
                    {"text": {"type": "plain_text", "text": "Purpose"}, "value": "purpose"},
                    {"text": {"type": "plain_text", "text": "Audience"}, "value": "audience"},
                ]}},
                "use": {"use": {"type": "plain_text_input", "value": "teaching"}},
            }
        ]  # fmt: skip
        assert slack.workspace.views[view_id].closed
    finally:
        await runner.cleanup()


async def test_when_echo_is_on_then_the_bots_own_actions_come_back_as_events(
    slack: StandIn, ward: Ward, receiver: tuple[Receiver, EventSender]
) -> None:
    target, sender = receiver
    slack.echo_events(sender)
    bot = AsyncWebClient(base_url=slack.api_url, token=slack.bot_token)
    posted = await bot.chat_postMessage(channel=ward.public.id, text="identifiers removed")
    await bot.chat_update(channel=ward.public.id, ts=posted["ts"], text="identifiers removed.")
    await bot.chat_delete(channel=ward.public.id, ts=posted["ts"])
    await bot.chat_postEphemeral(channel=ward.public.id, user=ward.nurse.id, text="only you")
    lounge = slack.workspace.add_channel("lounge", members=[ward.nurse.id], bot_member=False)
    admin = AsyncWebClient(base_url=slack.api_url, token=slack.admin_token)
    post = slack.workspace.post_as_user(ward.nurse.id, lounge.id, "not seen by the bot")
    await admin.chat_delete(channel=lounge.id, ts=post["ts"])
    await slack.drain_echoes()
    events = sorted(
        (json.loads(body)["event"] for _, body in target.requests), key=lambda e: e["event_ts"]
    )
    assert [(e.get("subtype"), e["channel"]) for e in events] == [
        (None, ward.public.id),
        ("message_changed", ward.public.id),
        ("message_deleted", ward.public.id),
    ]
    assert events[0]["bot_id"] == slack.workspace.bot_id
    assert all(d is not None and d.status == 200 for _, d in slack.echoed)


async def test_when_the_app_is_slow_then_slack_style_delivery_retries_with_the_same_event_id(
    slack: StandIn, ward: Ward
) -> None:
    seen: list[tuple[str, str | None]] = []

    async def slow_then_fine(request: web.Request) -> web.Response:
        body = await request.json()
        seen.append((body["event_id"], request.headers.get("X-Slack-Retry-Reason")))
        if len(seen) == 1:
            await asyncio.sleep(0.5)  # misses the ack deadline
        if len(seen) == 2:
            return web.Response(status=503)
        return web.Response(text="")

    app = web.Application()
    app.router.add_post("/slack/events", slow_then_fine)
    runner, url = await _serve(app)
    try:
        sender = slack.sender(url)
        event = slack.workspace.post_as_user(ward.nurse.id, ward.public.id, "hello")
        deliveries = await sender.event_like_slack(event, ack_timeout=0.2)
    finally:
        await runner.cleanup()
    assert [d.status for d in deliveries] == [0, 503, 200]
    assert len({event_id for event_id, _ in seen}) == 1
    assert [reason for _, reason in seen] == [None, "http_timeout", "http_error"]


async def test_when_a_channel_name_is_given_then_chat_resolves_it(
    slack: StandIn, ward: Ward
) -> None:
    bot = AsyncWebClient(base_url=slack.api_url, token=slack.bot_token)
    posted = await bot.chat_postMessage(channel="#ward-4", text="by name")
    assert posted["channel"] == ward.public.id


def test_when_a_slack_connect_guest_replies_in_a_thread_then_the_event_names_both_teams(
    slack: StandIn, ward: Ward
) -> None:
    ws = slack.workspace
    guest = ws.add_user("partner.nurse", team_id="T0PARTNER")
    shared = ws.add_channel("partner-clinic", members=[ward.nurse.id, guest.id], is_ext_shared=True)
    root = ws.post_as_user(ward.nurse.id, shared.id, "handover at 7")
    reply = ws.post_as_user(guest.id, shared.id, "thanks", thread_ts=root["ts"])
    assert reply["user_team"] == reply["source_team"] == "T0PARTNER"
    assert reply["parent_user_id"] == ward.nurse.id
    assert "user_team" not in root


async def test_when_a_submission_is_answered_with_update_then_the_modal_is_replaced(
    slack: StandIn, ward: Ward
) -> None:
    """`response_action: update` swaps the modal's content; a view Slack would refuse fails."""
    client = AsyncWebClient(base_url=slack.api_url, token=slack.bot_token)
    bolt = AsyncApp(signing_secret=slack.signing_secret, client=client)
    second = {
        "type": "modal",
        "callback_id": "step-two",
        "title": {"type": "plain_text", "text": "Step two"},
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "Now the policy"}}],
    }
    broken = {**second, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": ""}}]}
    answers = iter([second, broken])

    async def on_submit(ack: Any) -> None:
        await ack(response_action="update", view=next(answers))

    bolt.view("consent")(on_submit)
    bolt.view("step-two")(on_submit)

    runner, url = await _serve(bolt.web_app())
    try:
        sender = slack.sender(url)
        opened = await client.views_open(
            trigger_id=slack.workspace.new_trigger_id(ward.nurse.id), view=CONSENT_VIEW
        )
        view_id = opened["view"]["id"]
        answered = await sender.submit_view(ward.nurse.id, view_id, {"points": ["purpose"]})
        assert answered.status == 200
        modal = slack.workspace.views[view_id]
        assert modal.body["callback_id"] == "step-two" and not modal.closed
        with pytest.raises(SlackError):
            await sender.submit_view(ward.nurse.id, view_id, {})
    finally:
        await runner.cleanup()
