"""Modals need a fresh single-use trigger id; App Home views are published per user; OAuth."""

from __future__ import annotations

import copy
from typing import Any

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import StandIn
from tests.standin.conftest import Ward

MODAL: dict[str, Any] = {
    "type": "modal",
    "callback_id": "consent",
    "title": {"type": "plain_text", "text": "Patient consent"},
    "close": {"type": "plain_text", "text": "Cancel"},
    "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "Six points"}}],
}
HOME: dict[str, Any] = {
    "type": "home",
    "blocks": [{"type": "header", "text": {"type": "plain_text", "text": "Sharing rules"}}],
}


async def _error(call: object) -> str:
    with pytest.raises(SlackApiError) as caught:
        await call  # type: ignore[misc]
    return str(caught.value.response["error"])


async def test_when_a_trigger_id_is_reused_or_old_then_views_open_refuses(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    ws = slack.workspace
    trigger = ws.new_trigger_id(ward.nurse.id)
    opened = await bot.views_open(trigger_id=trigger, view=MODAL)
    assert opened["view"]["callback_id"] == "consent"
    assert ws.open_modals(ward.nurse.id)[0].id == opened["view"]["id"]
    assert await _error(bot.views_open(trigger_id=trigger, view=MODAL)) == "exchanged_trigger_id"
    assert await _error(bot.views_open(trigger_id="1.2.bogus", view=MODAL)) == "invalid_trigger_id"
    ws.trigger_ttl = 0.0
    assert (
        await _error(bot.views_open(trigger_id=ws.new_trigger_id(ward.nurse.id), view=MODAL))
        == "expired_trigger_id"
    )


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"title": {"type": "plain_text", "text": "A title much longer than 24"}}, "invalid_arguments"),
        ({"type": "dialog"}, "invalid_arguments"),
        ({"blocks": [{"type": "input", "label": {"type": "plain_text", "text": "Use"}, "element": {"type": "plain_text_input", "action_id": "use"}}]}, "invalid_arguments"),
        ({"blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": ""}}]}, "invalid_blocks"),
    ],
)  # fmt: skip
async def test_when_a_modal_breaks_slacks_rules_then_it_is_rejected(
    slack: StandIn, ward: Ward, bot: AsyncWebClient, change: dict[str, Any], error: str
) -> None:
    view = {**copy.deepcopy(MODAL), **change}
    trigger = slack.workspace.new_trigger_id(ward.nurse.id)
    assert await _error(bot.views_open(trigger_id=trigger, view=view)) == error


async def test_when_views_are_pushed_and_updated_then_the_stack_and_hash_are_kept(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    ws = slack.workspace
    root = (await bot.views_open(trigger_id=ws.new_trigger_id(ward.nurse.id), view=MODAL))["view"]
    pushed = (await bot.views_push(trigger_id=ws.new_trigger_id(ward.nurse.id), view=MODAL))["view"]
    assert pushed["root_view_id"] == root["id"] and pushed["previous_view_id"] == root["id"]
    updated = await bot.views_update(view_id=root["id"], hash=root["hash"], view=MODAL)
    assert updated["view"]["hash"] != root["hash"]
    assert (
        await _error(bot.views_update(view_id=root["id"], hash=root["hash"], view=MODAL))
        == "hash_conflict"
    )
    assert await _error(bot.views_update(view_id="V0NOPE", view=MODAL)) == "not_found"


async def test_when_home_is_published_then_app_home_opened_carries_it(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    first = await bot.views_publish(user_id=ward.nurse.id, view=HOME)
    again = await bot.views_publish(user_id=ward.nurse.id, view=HOME)
    assert first["view"]["id"] == again["view"]["id"]
    assert await _error(bot.views_publish(user_id="U0GHOST", view=HOME)) == "user_not_found"
    assert await _error(bot.views_publish(user_id=ward.nurse.id, view=MODAL)) == "invalid_arguments"
    event = slack.workspace.app_home_opened_event(ward.nurse.id)
    assert event["view"]["id"] == first["view"]["id"] and event["channel"].startswith("D")


async def test_when_the_install_code_is_exchanged_then_a_working_bot_token_comes_back(
    slack: StandIn, ward: Ward
) -> None:
    ws = slack.workspace
    code = ws.issue_oauth_code(("chat:write", "users:read"), ("chat:write",))
    client = AsyncWebClient(base_url=slack.api_url)
    assert (
        await _error(
            client.oauth_v2_access(client_id=ws.client_id, client_secret="wrong", code=code)
        )
        == "bad_client_secret"
    )
    result = await client.oauth_v2_access(
        client_id=ws.client_id, client_secret=ws.client_secret, code=code
    )
    assert result["token_type"] == "bot" and result["access_token"].startswith("xoxb-")
    assert result["team"]["id"] == ws.team_id and result["bot_user_id"] == ws.bot_user_id
    assert result["authed_user"]["access_token"].startswith("xoxp-")
    installed = AsyncWebClient(base_url=slack.api_url, token=result["access_token"])
    assert (await installed.chat_postMessage(channel=ward.public.id, text="installed"))["ok"]
    assert (
        await _error(
            client.oauth_v2_access(
                client_id=ws.client_id, client_secret=ws.client_secret, code=code
            )
        )
        == "invalid_code"
    )


async def test_when_the_app_posts_to_a_response_url_then_slack_applies_it(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    ws = slack.workspace
    await bot.chat_postEphemeral(channel=ward.public.id, user=ward.nurse.id, text="confirm?")
    [notice] = ws.ephemerals_for(ward.nurse.id)
    replace_url = slack.responses.new_url(
        ward.public.id, ward.nurse.id, message_ts=notice.ts, ephemeral=True
    )
    command_url = slack.responses.new_url(ward.public.id, ward.nurse.id)
    async with aiohttp.ClientSession() as session:
        await session.post(
            replace_url, json={"replace_original": True, "text": "Thanks, restored."}
        )
        await session.post(command_url, json={"response_type": "in_channel", "text": "Rules: ..."})
        async with session.post(command_url, json={"blocks": [{"type": "nope"}]}) as response:
            assert response.status == 400
        async with session.post(
            slack.base_url + "response/unknown", json={"text": "x"}
        ) as response:
            assert response.status == 404
    assert [e.text for e in ws.ephemerals_for(ward.nurse.id)] == ["Thanks, restored."]
    assert ws.channel_messages(ward.public.id)[-1].text == "Rules: ..."
    assert [(c.ok, c.error) for c in slack.calls("response_url")] == [
        (True, None), (True, None), (False, "invalid_blocks"), (False, "invalid_response_url"),
    ]  # fmt: skip


def _select(kind: str, count: int, text: str = "Option") -> dict[str, Any]:
    options = [
        {"text": {"type": "plain_text", "text": text}, "value": f"v{i}"} for i in range(count)
    ]
    return {
        "type": "modal",
        "callback_id": "limits",
        "title": {"type": "plain_text", "text": "Limits"},
        "submit": {"type": "plain_text", "text": "Save"},
        "blocks": [
            {
                "type": "input",
                "label": {"type": "plain_text", "text": "Pick"},
                "element": {"type": kind, "action_id": "pick", "options": options},
            }
        ],
    }


@pytest.mark.parametrize(
    ("kind", "most"),
    [("static_select", 100), ("checkboxes", 10), ("radio_buttons", 10)],
)
async def test_when_an_element_has_too_many_options_then_the_modal_is_rejected(
    slack: StandIn, ward: Ward, bot: AsyncWebClient, kind: str, most: int
) -> None:
    ws = slack.workspace
    ok = await bot.views_open(trigger_id=ws.new_trigger_id(ward.nurse.id), view=_select(kind, most))
    assert ok["ok"]
    too_many = bot.views_open(
        trigger_id=ws.new_trigger_id(ward.nurse.id), view=_select(kind, most + 1)
    )
    assert await _error(too_many) == "invalid_blocks"


async def test_when_an_option_text_is_over_75_characters_then_the_modal_is_rejected(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    ws = slack.workspace
    fits = _select("static_select", 2, "x" * 75)
    assert (await bot.views_open(trigger_id=ws.new_trigger_id(ward.nurse.id), view=fits))["ok"]
    over = _select("static_select", 2, "x" * 76)
    error = await _error(bot.views_open(trigger_id=ws.new_trigger_id(ward.nurse.id), view=over))
    assert error == "invalid_blocks"
