"""The shapes of the events Slack sends for what happens in a workspace.

A mixin of `Workspace`, kept apart so the model stays small; each method renders one event
type exactly as the Events API delivers it (inner event, without the envelope).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from bot.standin.model import Channel, File, Message, View

if TYPE_CHECKING:
    from bot.standin.workspace import Workspace

JSON = dict[str, Any]


class EventShapes:
    """Event builders; `Workspace` provides the state they read."""

    channels: dict[str, Channel]
    files: dict[str, File]

    @property
    def _ws(self) -> Workspace:
        return cast("Workspace", self)

    def next_ts(self) -> str:
        raise NotImplementedError

    def find_message(self, channel_id: str, ts: str) -> Message | None:
        raise NotImplementedError

    def home_view(self, user_id: str) -> View | None:
        raise NotImplementedError

    def add_im(self, user_id: str) -> Channel:
        raise NotImplementedError

    def message_event(self, message: Message) -> JSON:
        """The `message` event for a stored message (bots' posts included, for loop tests)."""
        event = message.to_api(self._ws)
        event["channel"] = message.channel
        event["event_ts"] = message.ts
        event["channel_type"] = self.channels[message.channel].channel_type
        if message.subtype == "thread_broadcast" and message.thread_ts:
            root = self.find_message(message.channel, message.thread_ts)
            if root is not None:
                event["root"] = root.to_api(self._ws)
        return event

    def message_changed_event(self, message: Message, previous: JSON) -> JSON:
        event_ts = self.next_ts()
        return {
            "type": "message",
            "subtype": "message_changed",
            "hidden": True,
            "channel": message.channel,
            "channel_type": self.channels[message.channel].channel_type,
            "ts": event_ts,
            "event_ts": event_ts,
            "message": message.to_api(self._ws),
            "previous_message": previous,
        }

    def message_deleted_event(self, message: Message) -> JSON:
        event_ts = self.next_ts()
        return {
            "type": "message",
            "subtype": "message_deleted",
            "hidden": True,
            "channel": message.channel,
            "channel_type": self.channels[message.channel].channel_type,
            "ts": event_ts,
            "event_ts": event_ts,
            "deleted_ts": message.ts,
            "previous_message": message.to_api(self._ws),
        }

    def file_shared_event(self, file_id: str, channel_id: str) -> JSON:
        file = self.files[file_id]
        return {
            "type": "file_shared",
            "file_id": file.id,
            "user_id": file.user,
            "file": {"id": file.id},
            "channel_id": channel_id,
            "event_ts": self.next_ts(),
        }

    def app_home_opened_event(self, user_id: str, tab: str = "home") -> JSON:
        event: JSON = {
            "type": "app_home_opened",
            "user": user_id,
            "channel": self.add_im(user_id).id,
            "tab": tab,
            "event_ts": self.next_ts(),
        }
        home = self.home_view(user_id)
        if home is not None and tab == "home":
            event["view"] = home.to_api()
        return event
