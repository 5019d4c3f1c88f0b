"""Reading conversations as Slack answers an app: which ones it is in, and history in pages."""

from __future__ import annotations

from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import StandIn
from tests.standin.conftest import Ward


async def test_history_pages_hold_at_most_15_messages_as_for_apps_outside_the_marketplace(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    for i in range(20):
        slack.workspace.post_as_user(ward.nurse.id, ward.public.id, f"note {i}")
    first = await bot.conversations_history(channel=ward.public.id, limit=200)
    assert len(first["messages"]) == 15 and first["has_more"]
    cursor = first["response_metadata"]["next_cursor"]
    second = await bot.conversations_history(channel=ward.public.id, limit=200, cursor=cursor)
    assert len(second["messages"]) == 5
    slack.workspace.history_page_cap = None  # a Marketplace app
    assert len((await bot.conversations_history(channel=ward.public.id))["messages"]) == 20


async def test_when_the_hospital_is_seeded_then_each_channel_class_is_present(
    slack: StandIn, bot: AsyncWebClient
) -> None:
    from bot.standin import seed_hospital

    hospital = seed_hospital(slack.workspace)
    listed = await bot.users_conversations(types="public_channel,private_channel,mpim,im")
    assert {c["id"] for c in listed["channels"]} == {c.id for c in hospital.channels}
    external = await bot.conversations_info(channel=hospital.external.id)
    assert external["channel"]["is_ext_shared"] is True
    group = await bot.conversations_info(channel=hospital.group_dm.id)
    assert group["channel"]["is_mpim"] is True
    assert (await bot.users_info(user=hospital.admin.id))["user"]["is_admin"] is True
