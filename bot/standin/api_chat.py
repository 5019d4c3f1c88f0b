"""`auth.*`, `chat.*`, `users.*` and `team.*` methods with Slack's checks and error codes."""

from __future__ import annotations

from bot.standin.api_conversations import cursor_page
from bot.standin.blocks import validate_blocks
from bot.standin.context import JSON, CallContext, Handler, SlackError
from bot.standin.model import Channel, Ephemeral, Message

MAX_TEXT = 40_000


def auth_test(ctx: CallContext) -> JSON:
    token = ctx.auth
    user = ctx.ws.users.get(token.user_id or "")
    result: JSON = {
        "url": f"https://{ctx.ws.domain}.slack.com/",
        "team": ctx.ws.team_name,
        "user": user.name if user else None,
        "team_id": ctx.ws.team_id,
        "user_id": token.user_id,
        "is_enterprise_install": False,
    }
    if token.kind == "bot":
        result["bot_id"] = token.bot_id
        result["app_id"] = ctx.ws.app_id
    return result


def _target_channel(ctx: CallContext) -> Channel:
    """`channel` may be an id, a `#name`, or (for a bot) a user id meaning the DM with them."""
    channel_id = ctx.str_arg("channel", missing="channel_not_found")
    if ctx.is_bot and channel_id in ctx.ws.users:
        return ctx.ws.add_im(channel_id)
    if channel_id not in ctx.ws.channels:  # chat.* also accept a channel name
        name = channel_id.removeprefix("#")
        for channel in ctx.ws.channels.values():
            if channel.kind in ("public", "private") and channel.name == name:
                ctx.args["channel"] = channel.id
                break
    return ctx.channel()


def _content(
    ctx: CallContext, *, required: bool = True
) -> tuple[str, list[JSON] | None, list[JSON] | None]:
    text = ctx.opt_str("text") or ""
    blocks = ctx.json_arg("blocks", invalid="invalid_blocks")
    attachments = ctx.json_arg("attachments", invalid="invalid_attachments")
    if blocks is not None:
        validate_blocks(blocks)
    if attachments is not None and not isinstance(attachments, list):
        raise SlackError("invalid_attachments")
    if required and not text and not blocks and not attachments:
        raise SlackError("no_text")
    if len(text) > MAX_TEXT:
        raise SlackError("msg_too_long")
    return text, blocks, attachments


def _metadata(ctx: CallContext) -> JSON | None:
    metadata = ctx.json_arg("metadata", invalid="invalid_metadata_format")
    if metadata is None:
        return None
    if (
        not isinstance(metadata, dict)
        or not isinstance(metadata.get("event_type"), str)
        or not isinstance(metadata.get("event_payload"), dict)
    ):
        raise SlackError("invalid_metadata_format")
    return metadata


def _may_post(ctx: CallContext, channel: Channel) -> None:
    ctx.require_not_archived(channel)
    public_ok = channel.kind == "public" and "chat:write.public" in ctx.auth.scopes
    if not public_ok:
        ctx.require_member(channel)


def chat_post_message(ctx: CallContext) -> JSON:
    ctx.require_scope("chat:write")
    channel = _target_channel(ctx)
    _may_post(ctx, channel)
    text, blocks, attachments = _content(ctx)
    thread_ts = ctx.opt_str("thread_ts")
    broadcast = ctx.bool_arg("reply_broadcast") and thread_ts is not None
    customize = "chat:write.customize" in ctx.auth.scopes and ctx.is_bot
    icon: JSON | None = None
    if customize and (ctx.opt_str("icon_url") or ctx.opt_str("icon_emoji")):
        icon = {k: v for k in ("icon_url", "icon_emoji") if (v := ctx.opt_str(k))}
    message = Message(
        ts=ctx.ws.next_ts(),
        channel=channel.id,
        text=text,
        user=ctx.actor_id,
        bot_id=ctx.auth.bot_id,
        app_id=ctx.ws.app_id if ctx.is_bot else None,
        blocks=blocks,
        attachments=attachments,
        thread_ts=thread_ts,
        subtype="thread_broadcast" if broadcast else None,
        metadata=_metadata(ctx),
        username=ctx.opt_str("username") if customize else None,
        icon=icon,
    )
    ctx.ws.store_message(message)
    ctx.ws.emit(ctx.ws.message_event(message))
    return {"channel": channel.id, "ts": message.ts, "message": message.to_api(ctx.ws)}


def chat_post_ephemeral(ctx: CallContext) -> JSON:
    ctx.require_scope("chat:write")
    channel = _target_channel(ctx)
    user = ctx.user()
    _may_post(ctx, channel)
    if user.id not in channel.members:
        raise SlackError("user_not_in_channel")
    text, blocks, _ = _content(ctx)
    ephemeral = Ephemeral(
        ts=ctx.ws.next_ts(),
        channel=channel.id,
        user=user.id,
        text=text,
        blocks=blocks,
        thread_ts=ctx.opt_str("thread_ts"),
        bot_id=ctx.auth.bot_id,
    )
    ctx.ws.ephemerals.append(ephemeral)
    return {"message_ts": ephemeral.ts}


def _own(ctx: CallContext, message: Message) -> bool:
    if ctx.is_bot:
        return message.bot_id is not None and message.bot_id == ctx.auth.bot_id
    return message.user == ctx.actor_id and message.bot_id is None


def chat_update(ctx: CallContext) -> JSON:
    ctx.require_scope("chat:write")
    channel = ctx.channel()
    message = ctx.message(channel)
    if not _own(ctx, message):
        raise SlackError("cant_update_message")
    ctx.require_not_archived(channel)
    text, blocks, attachments = _content(ctx, required=False)
    if not text and blocks is None and attachments is None:
        raise SlackError("no_text")
    previous = message.to_api(ctx.ws)
    message.text = text
    if blocks is not None:
        message.blocks = blocks
    if attachments is not None:
        message.attachments = attachments
    message.edited = {"user": ctx.actor_id, "ts": ctx.ws.next_ts()}
    ctx.ws.emit(ctx.ws.message_changed_event(message, previous))
    return {
        "channel": channel.id,
        "ts": message.ts,
        "text": message.text,
        "message": message.to_api(ctx.ws),
    }


def chat_delete(ctx: CallContext) -> JSON:
    """A bot token deletes only the bot's posts; a user token its own, or any as an admin."""
    ctx.require_scope("chat:write")
    channel = ctx.channel()
    message = ctx.message(channel)
    if not _own(ctx, message):
        actor = ctx.ws.users.get(ctx.actor_id)
        admin = actor is not None and (actor.is_admin or actor.is_owner)
        if ctx.is_bot or not admin:
            raise SlackError("cant_delete_message")
        if ctx.ws.delete_refusal:
            raise SlackError(ctx.ws.delete_refusal)
    ctx.ws.messages[channel.id].remove(message)
    ctx.ws.emit(ctx.ws.message_deleted_event(message))
    return {"channel": channel.id, "ts": message.ts}


def chat_get_permalink(ctx: CallContext) -> JSON:
    channel = ctx.channel()
    message = ctx.message(channel, "message_ts")
    link = f"https://{ctx.ws.domain}.slack.com/archives/{channel.id}/p{message.ts.replace('.', '')}"
    if message.thread_ts and message.thread_ts != message.ts:
        link += f"?thread_ts={message.thread_ts}&cid={channel.id}"
    return {"channel": channel.id, "permalink": link}


def users_info(ctx: CallContext) -> JSON:
    ctx.require_scope("users:read")
    return {"user": ctx.user().to_api()}


def users_list(ctx: CallContext) -> JSON:
    """Members page by page, as https://docs.slack.dev/reference/methods/users.list does:
    `limit` (no limit: "Slack attempting to deliver you the entire result set"), an opaque
    `cursor`, `next_cursor` empty on the last page; "both invited users and
    deleted/deactivated users" are listed (callers skip them), bots too."""
    ctx.require_scope("users:read")
    members = [u.to_api() for u in ctx.ws.users.values()]
    page, next_cursor = cursor_page(ctx, members, default_limit=max(1, len(members)))
    return {
        "members": page,
        "cache_ts": 0,
        "response_metadata": {"next_cursor": next_cursor},
    }


def team_info(ctx: CallContext) -> JSON:
    ctx.require_scope("team:read")
    ws = ctx.ws
    return {
        "team": {
            "id": ws.team_id,
            "name": ws.team_name,
            "domain": ws.domain,
            "email_domain": f"{ws.domain}.example.org",
            "icon": {"image_default": True},
        }
    }


METHODS: dict[str, Handler] = {
    "auth.test": auth_test,
    "chat.postMessage": chat_post_message,
    "chat.postEphemeral": chat_post_ephemeral,
    "chat.update": chat_update,
    "chat.delete": chat_delete,
    "chat.getPermalink": chat_get_permalink,
    "users.info": users_info,
    "users.list": users_list,
    "team.info": team_info,
}
