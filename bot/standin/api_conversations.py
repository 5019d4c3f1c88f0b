"""`conversations.*` methods: the scope each needs depends on the conversation's type."""

from __future__ import annotations

from bot.standin.context import JSON, CallContext, Handler, SlackError
from bot.standin.model import Message

TYPE_FOR_KIND = {
    "public": "public_channel",
    "private": "private_channel",
    "im": "im",
    "mpim": "mpim",
}


def cursor_page(
    ctx: CallContext, items: list[JSON] | list[str], *, default_limit: int = 100
) -> tuple[list[JSON] | list[str], str]:
    """Cursor pagination as Slack does it: an opaque `next_cursor`, empty on the last page."""
    limit = ctx.int_arg("limit", default=default_limit) or default_limit
    cursor = ctx.opt_str("cursor") or ""
    try:
        start = int(cursor.removeprefix("dXNlcjo")) if cursor else 0
    except ValueError:
        raise SlackError("invalid_cursor") from None
    end = start + limit
    next_cursor = f"dXNlcjo{end}" if end < len(items) else ""
    return items[start:end], next_cursor


def conversations_info(ctx: CallContext) -> JSON:
    channel = ctx.channel()
    ctx.require_conversation_scope(channel, "read")
    data = channel.to_api()
    data["is_member"] = ctx.actor_id in channel.members
    if not ctx.bool_arg("include_num_members") and channel.kind != "im":
        data.pop("num_members", None)
    return {"channel": data}


def conversations_members(ctx: CallContext) -> JSON:
    channel = ctx.channel()
    ctx.require_conversation_scope(channel, "read")
    members, next_cursor = cursor_page(ctx, list(channel.members))
    return {"members": members, "response_metadata": {"next_cursor": next_cursor}}


def conversations_join(ctx: CallContext) -> JSON:
    ctx.require_scope("channels:join")
    channel = ctx.channel()
    if channel.kind != "public":
        raise SlackError("method_not_supported_for_channel_type")
    ctx.require_not_archived(channel)
    already = ctx.actor_id in channel.members
    if not already:
        channel.members.append(ctx.actor_id)
    result: JSON = {"channel": channel.to_api()}
    if already:
        result["warning"] = "already_in_channel"
    return result


def _set_header(ctx: CallContext, field: str) -> JSON:
    """`conversations.setTopic` / `setPurpose`: `*:write.topic` by conversation type, a member
    only, 250 characters at most (docs.slack.dev/reference/methods/conversations.setTopic)."""
    channel = ctx.channel()
    ctx.require_conversation_scope(channel, "write.topic")
    ctx.require_not_archived(channel)
    if channel.kind == "im":
        raise SlackError("method_not_supported_for_channel_type")
    if ctx.actor_id not in channel.members:
        raise SlackError("not_in_channel")
    value = ctx.opt_str(field) or ""
    if len(value) > 250:
        raise SlackError("too_long")
    setattr(channel, field, value)
    return {"channel": channel.to_api()}


def conversations_set_topic(ctx: CallContext) -> JSON:
    return _set_header(ctx, "topic")


def conversations_set_purpose(ctx: CallContext) -> JSON:
    return _set_header(ctx, "purpose")


def _requested_kinds(ctx: CallContext) -> list[str]:
    """The channel kinds named by `types`, each checked against its `*:read` scope, as Slack does."""
    wanted = set((ctx.opt_str("types") or "public_channel").split(","))
    if wanted - set(TYPE_FOR_KIND.values()):
        raise SlackError("invalid_types")
    kinds = [k for k, v in TYPE_FOR_KIND.items() if v in wanted]
    for kind in kinds:
        prefix = {"public": "channels", "private": "groups", "im": "im", "mpim": "mpim"}[kind]
        ctx.require_scope(f"{prefix}:read")
    return kinds


def conversations_list(ctx: CallContext) -> JSON:
    kinds = _requested_kinds(ctx)
    exclude_archived = ctx.bool_arg("exclude_archived")
    channels = [
        c.to_api()
        for c in ctx.ws.channels.values()
        if c.kind in kinds and ctx.visible(c) and not (exclude_archived and c.is_archived)
    ]
    page, next_cursor = cursor_page(ctx, channels)
    return {"channels": page, "response_metadata": {"next_cursor": next_cursor}}


def users_conversations(ctx: CallContext) -> JSON:
    """Conversations a user (the caller by default) is a member of."""
    user_id = ctx.opt_str("user") or ctx.actor_id
    if user_id not in ctx.ws.users:
        raise SlackError("user_not_found")
    kinds = _requested_kinds(ctx)
    exclude_archived = ctx.bool_arg("exclude_archived")
    channels = [
        c.to_api()
        for c in ctx.ws.channels.values()
        if c.kind in kinds
        and user_id in c.members
        and ctx.visible(c)
        and not (exclude_archived and c.is_archived)
    ]
    page, next_cursor = cursor_page(ctx, channels)
    return {"channels": page, "response_metadata": {"next_cursor": next_cursor}}


def _history_filter(ctx: CallContext, messages: list[Message]) -> list[Message]:
    latest = _ts_arg(ctx, "latest")
    oldest = _ts_arg(ctx, "oldest")
    inclusive = ctx.bool_arg("inclusive")
    kept = []
    for m in messages:
        ts = float(m.ts)
        if latest is not None and (ts > latest or (ts == latest and not inclusive)):
            continue
        if oldest is not None and (ts < oldest or (ts == oldest and not inclusive)):
            continue
        kept.append(m)
    return kept


def _ts_arg(ctx: CallContext, name: str) -> float | None:
    value = ctx.opt_str(name)
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise SlackError("invalid_ts_" + name) from None


def _api_messages(ctx: CallContext, messages: list[Message]) -> list[JSON]:
    """Messages as the API shows them; metadata only with `include_all_metadata` (default off)."""
    shown = [m.to_api(ctx.ws) for m in messages]
    if not ctx.bool_arg("include_all_metadata"):
        for m in shown:
            m.pop("metadata", None)
    return shown


def _history_limit(ctx: CallContext) -> None:
    """Apply `Workspace.history_page_cap` to `limit` (absent: Slack's default, 100, capped too)."""
    cap = ctx.ws.history_page_cap
    if cap is not None:
        asked = ctx.int_arg("limit", default=100) or 100
        ctx.args["limit"] = str(min(asked, cap))


def conversations_history(ctx: CallContext) -> JSON:
    channel = ctx.channel()
    ctx.require_conversation_scope(channel, "history")
    ctx.require_member(channel)
    _history_limit(ctx)
    top_level = [
        m
        for m in ctx.ws.channel_messages(channel.id)
        if not m.thread_ts or m.thread_ts == m.ts or m.subtype == "thread_broadcast"
    ]
    messages = _history_filter(ctx, top_level)[::-1]
    page, next_cursor = cursor_page(ctx, _api_messages(ctx, messages))
    return {
        "messages": page,
        "has_more": bool(next_cursor),
        "response_metadata": {"next_cursor": next_cursor},
    }


def conversations_replies(ctx: CallContext) -> JSON:
    channel = ctx.channel()
    ctx.require_conversation_scope(channel, "history")
    ctx.require_member(channel)
    ts = ctx.str_arg("ts", missing="thread_not_found")
    _history_limit(ctx)
    root = ctx.ws.find_message(channel.id, ts)
    if root is None:
        raise SlackError("thread_not_found")
    thread_ts = root.thread_ts or root.ts
    thread = [
        m
        for m in ctx.ws.channel_messages(channel.id)
        if m.ts == thread_ts or m.thread_ts == thread_ts
    ]
    page, next_cursor = cursor_page(ctx, _api_messages(ctx, _history_filter(ctx, thread)))
    return {
        "messages": page,
        "has_more": bool(next_cursor),
        "response_metadata": {"next_cursor": next_cursor},
    }


METHODS: dict[str, Handler] = {
    "conversations.info": conversations_info,
    "conversations.setTopic": conversations_set_topic,
    "conversations.setPurpose": conversations_set_purpose,
    "conversations.members": conversations_members,
    "conversations.join": conversations_join,
    "conversations.list": conversations_list,
    "conversations.history": conversations_history,
    "conversations.replies": conversations_replies,
    "users.conversations": users_conversations,
}
