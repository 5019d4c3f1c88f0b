"""Posting, editing, deleting and reading messages behave as Slack does for each token."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import StandIn
from tests.standin.conftest import Ward


async def _error(call: object) -> str:
    with pytest.raises(SlackApiError) as caught:
        await call  # type: ignore[misc]
    return str(caught.value.response["error"])


async def test_when_the_bot_posts_in_a_thread_then_the_reply_is_threaded(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    root = slack.workspace.post_as_user(ward.nurse.id, ward.public.id, "bed 4 needs a review")
    reply = await bot.chat_postMessage(
        channel=ward.public.id, thread_ts=root["ts"], text="noted", reply_broadcast=True
    )
    stored = slack.workspace.find_message(ward.public.id, reply["ts"])
    assert stored is not None and stored.thread_ts == root["ts"]
    assert stored.subtype == "thread_broadcast" and stored.bot_id == slack.workspace.bot_id
    parent = slack.workspace.find_message(ward.public.id, root["ts"])
    assert parent is not None and parent.reply_count == 1
    replies = await bot.conversations_replies(channel=ward.public.id, ts=root["ts"])
    assert [m["ts"] for m in replies["messages"]] == [root["ts"], reply["ts"]]


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"channel": "C0NOPE"}, "channel_not_found"),
        ({"text": ""}, "no_text"),
        ({"text": "x" * 40_001}, "msg_too_long"),
        (
            {"blocks": [{"type": "sectionn", "text": {"type": "mrkdwn", "text": "hi"}}]},
            "invalid_blocks",
        ),
        ({"blocks": [{"type": "section"}]}, "invalid_blocks"),
        (
            {"blocks": [{"type": "header", "text": {"type": "mrkdwn", "text": "hi"}}]},
            "invalid_blocks",
        ),
        ({"blocks": [{"type": "divider"}] * 51}, "invalid_blocks"),
        ({"metadata": {"event_type": "phi"}}, "invalid_metadata_format"),
    ],
)
async def test_when_post_arguments_are_wrong_then_slacks_error_comes_back(
    slack: StandIn, ward: Ward, bot: AsyncWebClient, kwargs: dict[str, object], error: str
) -> None:
    args: dict[str, object] = {"channel": ward.public.id, "text": "hello", **kwargs}
    assert await _error(bot.chat_postMessage(**args)) == error
    assert slack.workspace.channel_messages(ward.public.id) == []


async def test_when_the_bot_is_not_a_member_then_it_cannot_post(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    lounge = slack.workspace.add_channel("lounge", members=[ward.nurse.id], bot_member=False)
    archived = slack.workspace.add_channel("old-ward", members=[ward.nurse.id], is_archived=True)
    hidden = slack.workspace.add_channel(
        "hr", kind="private", members=[ward.nurse.id], bot_member=False
    )
    assert await _error(bot.chat_postMessage(channel=lounge.id, text="hi")) == "not_in_channel"
    assert await _error(bot.chat_postMessage(channel=archived.id, text="hi")) == "is_archived"
    assert await _error(bot.chat_postMessage(channel=hidden.id, text="hi")) == "channel_not_found"
    assert await _error(bot.conversations_info(channel=hidden.id)) == "channel_not_found"
    assert await _error(bot.conversations_join(channel=lounge.id)) == "missing_scope"
    joiner = slack.workspace.add_token(
        "bot", slack.workspace.bot_user_id, ["channels:join", "chat:write"]
    )
    client = AsyncWebClient(base_url=slack.api_url, token=joiner.token)
    await client.conversations_join(channel=lounge.id)
    assert (await client.chat_postMessage(channel=lounge.id, text="hi"))["ok"]


async def test_when_metadata_and_username_are_sent_then_only_allowed_fields_stick(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    posted = await bot.chat_postMessage(
        channel=ward.public.id,
        text="redacted copy",
        username="Maria (via phiwarden)",
        metadata={"event_type": "phiwarden_repost", "event_payload": {"job": "j1"}},
    )
    stored = slack.workspace.find_message(ward.public.id, posted["ts"])
    assert stored is not None
    assert stored.metadata == {"event_type": "phiwarden_repost", "event_payload": {"job": "j1"}}
    assert stored.username is None  # needs chat:write.customize, which the manifest omits


async def test_when_an_ephemeral_targets_a_non_member_then_it_is_refused(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    assert (
        await _error(
            bot.chat_postEphemeral(channel=ward.private.id, user=ward.doctor.id, text="hi")
        )
        == "user_not_in_channel"
    )
    assert (
        await _error(bot.chat_postEphemeral(channel=ward.public.id, user="U0NOPE", text="hi"))
        == "user_not_found"
    )
    sent = await bot.chat_postEphemeral(
        channel=ward.private.id, user=ward.nurse.id, text="only you"
    )
    [notice] = slack.workspace.ephemerals_for(ward.nurse.id, ward.private.id)
    assert notice.ts == sent["message_ts"] and notice.text == "only you"


async def test_when_the_bot_deletes_a_users_post_then_slack_refuses_but_the_admin_token_may(
    slack: StandIn, ward: Ward, bot: AsyncWebClient, admin: AsyncWebClient
) -> None:
    event = slack.workspace.post_as_user(ward.nurse.id, ward.public.id, "room 12 patient")
    assert (
        await _error(bot.chat_delete(channel=ward.public.id, ts=event["ts"]))
        == "cant_delete_message"
    )
    assert slack.workspace.find_message(ward.public.id, event["ts"]) is not None
    await admin.chat_delete(channel=ward.public.id, ts=event["ts"])
    assert slack.workspace.find_message(ward.public.id, event["ts"]) is None
    assert (
        await _error(admin.chat_delete(channel=ward.public.id, ts=event["ts"]))
        == "message_not_found"
    )
    kinds = [(c.token_kind, c.ok, c.error) for c in slack.calls("chat.delete")]
    assert kinds == [
        ("bot", False, "cant_delete_message"),
        ("user", True, None),
        ("user", False, "message_not_found"),
    ]


async def test_when_the_admin_is_not_in_a_private_channel_then_it_cannot_see_the_post(
    slack: StandIn, ward: Ward, admin: AsyncWebClient
) -> None:
    event = slack.workspace.post_as_user(ward.nurse.id, ward.private.id, "handover")
    assert (
        await _error(admin.chat_delete(channel=ward.private.id, ts=event["ts"]))
        == "channel_not_found"
    )


async def test_when_a_plain_user_token_deletes_someone_elses_post_then_it_is_refused(
    slack: StandIn, ward: Ward
) -> None:
    token = slack.workspace.add_token("user", ward.doctor.id, ["chat:write"])
    client = AsyncWebClient(base_url=slack.api_url, token=token.token)
    nurse_post = slack.workspace.post_as_user(ward.nurse.id, ward.public.id, "hello")
    own_post = slack.workspace.post_as_user(ward.doctor.id, ward.public.id, "hello")
    assert (
        await _error(client.chat_delete(channel=ward.public.id, ts=nurse_post["ts"]))
        == "cant_delete_message"
    )
    assert (await client.chat_delete(channel=ward.public.id, ts=own_post["ts"]))["ok"]


async def test_when_the_bot_edits_posts_then_only_its_own_change(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    mine = await bot.chat_postMessage(channel=ward.public.id, text="pending review")
    theirs = slack.workspace.post_as_user(ward.nurse.id, ward.public.id, "hello")
    updated = await bot.chat_update(channel=ward.public.id, ts=mine["ts"], text="reviewed")
    assert updated["message"]["edited"]["user"] == slack.workspace.bot_user_id
    assert (
        await _error(bot.chat_update(channel=ward.public.id, ts=theirs["ts"], text="x"))
        == "cant_update_message"
    )
    assert (
        await _error(bot.chat_update(channel=ward.public.id, ts="1.000001", text="x"))
        == "message_not_found"
    )
    link = await bot.chat_getPermalink(channel=ward.public.id, message_ts=mine["ts"])
    assert link["permalink"].endswith(f"/archives/{ward.public.id}/p{mine['ts'].replace('.', '')}")


async def test_when_users_and_channels_are_looked_up_then_flags_match_the_workspace(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    ws = slack.workspace
    partner = ws.add_channel("partner-clinic", members=[ward.nurse.id], is_ext_shared=True)
    info = await bot.conversations_info(channel=partner.id)
    assert info["channel"]["is_ext_shared"] is True and info["channel"]["is_member"] is True
    dm = await bot.conversations_info(channel=ws.add_im(ward.doctor.id).id)
    assert dm["channel"]["is_im"] is True and dm["channel"]["user"] == ward.doctor.id
    admin_user = await bot.users_info(user=ws.admin_user_id)
    assert admin_user["user"]["is_admin"] is True
    assert await _error(bot.users_info(user="U0GHOST")) == "user_not_found"
    members = await bot.conversations_members(channel=ward.public.id, limit=2)
    assert len(members["members"]) == 2 and members["response_metadata"]["next_cursor"]
    rest = await bot.conversations_members(
        channel=ward.public.id, cursor=members["response_metadata"]["next_cursor"]
    )
    assert set(members["members"] + rest["members"]) == set(ward.public.members)


async def test_when_an_argument_has_the_wrong_shape_then_slack_refuses_it(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    with pytest.raises(SlackApiError) as caught:
        await bot.conversations_history(channel=ward.public.id, latest="soon")
    assert caught.value.response["error"] == "invalid_ts_latest"
    with pytest.raises(SlackApiError) as caught:
        await bot.conversations_members(channel=ward.public.id, limit="many")
    assert caught.value.response["error"] == "invalid_arguments"
    await bot.chat_postMessage(channel="#ward-4", text="by name")
    assert slack.last("chat.postMessage").args["channel"] == "#ward-4"  # recorded as sent


async def test_when_users_are_listed_then_they_page_by_cursor_as_slack_does(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    # https://docs.slack.dev/reference/methods/users.list: cursor pagination, deleted users
    # listed too; no limit means the whole set.
    ws = slack.workspace
    gone = ws.add_user("gone", real_name="Former Member", deleted=True)
    everyone = {u.id for u in ws.users.values()}
    first = await bot.users_list(limit=2)
    assert len(first["members"]) == 2 and first["response_metadata"]["next_cursor"]
    seen = [m["id"] for m in first["members"]]
    cursor = first["response_metadata"]["next_cursor"]
    while cursor:
        page = await bot.users_list(limit=2, cursor=cursor)
        seen += [m["id"] for m in page["members"]]
        cursor = page["response_metadata"]["next_cursor"]
    assert sorted(seen) == sorted(everyone) and gone.id in seen
    whole = await bot.users_list()
    assert {m["id"] for m in whole["members"]} == everyone
    assert not whole["response_metadata"]["next_cursor"]
    assert await _error(bot.users_list(cursor="bogus")) == "invalid_cursor"
