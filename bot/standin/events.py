"""The shapes of the events Slack sends for what happens in a workspace.

Each function renders one event type exactly as the Events API delivers it (inner event,
without the envelope) from the workspace's state; `Workspace` exposes them as methods.
"""

from __future__ import annotations

from typing import Any, Protocol

from bot.standin.model import Channel, Message, View
from bot.standin.model import Workspace as Values

JSON = dict[str, Any]


class State(Values, Protocol):
    """What the event shapes read and mint: the workspace's values, timestamps, DMs, views."""

    def next_ts(self) -> str: ...

    def home_view(self, user_id: str) -> View | None: ...

    def add_im(self, user_id: str) -> Channel: ...


def message_event(ws: State, message: Message) -> JSON:
    """The `message` event for a stored message (bots' posts included, for loop tests)."""
    event = message.to_api(ws)
    event["channel"] = message.channel
    event["event_ts"] = message.ts
    event["channel_type"] = ws.channels[message.channel].channel_type
    if message.subtype == "thread_broadcast" and message.thread_ts:
        root = ws.find_message(message.channel, message.thread_ts)
        if root is not None:
            event["root"] = root.to_api(ws)
    return event


def message_changed_event(ws: State, message: Message, previous: JSON) -> JSON:
    event_ts = ws.next_ts()
    return {
        "type": "message",
        "subtype": "message_changed",
        "hidden": True,
        "channel": message.channel,
        "channel_type": ws.channels[message.channel].channel_type,
        "ts": event_ts,
        "event_ts": event_ts,
        "message": message.to_api(ws),
        "previous_message": previous,
    }


def message_deleted_event(ws: State, message: Message) -> JSON:
    event_ts = ws.next_ts()
    return {
        "type": "message",
        "subtype": "message_deleted",
        "hidden": True,
        "channel": message.channel,
        "channel_type": ws.channels[message.channel].channel_type,
        "ts": event_ts,
        "event_ts": event_ts,
        "deleted_ts": message.ts,
        "previous_message": message.to_api(ws),
    }


def file_shared_event(ws: State, file_id: str, channel_id: str) -> JSON:
    file = ws.files[file_id]
    return {
        "type": "file_shared",
        "file_id": file.id,
        "user_id": file.user,
        "file": {"id": file.id},
        "channel_id": channel_id,
        "event_ts": ws.next_ts(),
    }


def app_home_opened_event(ws: State, user_id: str, tab: str = "home") -> JSON:
    event: JSON = {
        "type": "app_home_opened",
        "user": user_id,
        "channel": ws.add_im(user_id).id,
        "tab": tab,
        "event_ts": ws.next_ts(),
    }
    home = ws.home_view(user_id)
    if home is not None and tab == "home":
        event["view"] = home.to_api()
    return event


def member_joined_channel_event(
    ws: State, user_id: str, channel_id: str, inviter: str | None = None
) -> JSON:
    """Someone (the bot too) joined a channel: the example on
    docs.slack.dev/reference/events/member_joined_channel (`channel_type` C or G)."""
    channel = ws.channels[channel_id]
    if user_id not in channel.members:
        channel.members.append(user_id)
    event: JSON = {
        "type": "member_joined_channel",
        "user": user_id,
        "channel": channel_id,
        "channel_type": "G" if channel.kind == "private" else "C",
        "team": ws.team_id,
        "event_ts": ws.next_ts(),
    }
    if inviter:
        event["inviter"] = inviter
    return event
