"""What a Web API method handler sees: parsed arguments, the calling token, Slack's checks.

The checks raise `SlackError` with Slack's own error codes, so the stand-in answers a bad call
the way Slack does (`ok: false`, HTTP 200) and the app's error handling is exercised for real.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.standin.model import Channel, Message, Token, User
from bot.standin.workspace import Workspace

JSON = dict[str, Any]


class SlackError(Exception):
    """A Web API error: `code` is Slack's `error` string, `extra` more response fields."""

    def __init__(self, code: str, *, status: int = 200, **extra: Any) -> None:
        super().__init__(code)
        self.code = code
        self.status = status
        self.extra = extra


@dataclass
class CallContext:
    ws: Workspace
    method: str
    token: Token | None
    args: JSON
    basic_auth: tuple[str, str] | None = None

    # tokens and scopes ------------------------------------------------------------------

    @property
    def auth(self) -> Token:
        if self.token is None:
            raise SlackError("not_authed")
        return self.token

    @property
    def actor_id(self) -> str:
        """The user the token acts as (the bot user for a bot token)."""
        user_id = self.auth.user_id
        if user_id is None:
            raise SlackError("not_allowed_token_type")
        return user_id

    @property
    def is_bot(self) -> bool:
        return self.auth.kind == "bot"

    def require_scope(self, *any_of: str) -> None:
        """Pass when the token holds at least one of `any_of` (Slack's accepted scopes)."""
        if any_of and not self.auth.scopes.intersection(any_of):
            raise SlackError(
                "missing_scope",
                needed=",".join(any_of),
                provided=",".join(sorted(self.auth.scopes)),
            )

    def require_conversation_scope(self, channel: Channel, family: str) -> None:
        """`family` is read or history; the scope depends on the conversation type."""
        prefix = {"public": "channels", "private": "groups", "im": "im", "mpim": "mpim"}
        self.require_scope(f"{prefix[channel.kind]}:{family}")

    # arguments ----------------------------------------------------------------------------

    def str_arg(self, name: str, *, missing: str = "invalid_arguments") -> str:
        """A required string argument; `missing` is the error when absent or empty."""
        value = self.opt_str(name)
        if not value:
            raise SlackError(missing, **_arg_hint(name))
        return value

    def opt_str(self, name: str) -> str | None:
        value = self.args.get(name)
        if value is None:
            return None
        if isinstance(value, (bool, dict, list)):
            raise SlackError("invalid_arguments", **_arg_hint(name))
        return str(value)

    def bool_arg(self, name: str, default: bool = False) -> bool:
        value = self.args.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("true", "1"):
            return True
        if str(value).lower() in ("false", "0"):
            return False
        raise SlackError("invalid_arguments", **_arg_hint(name))

    def int_arg(self, name: str, *, required: bool = False, default: int = 0) -> int:
        value = self.args.get(name)
        if value is None or value == "":
            if required:
                raise SlackError("invalid_arguments", **_arg_hint(name))
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise SlackError("invalid_arguments", **_arg_hint(name)) from None

    def json_arg(self, name: str, *, invalid: str = "invalid_arguments") -> Any:
        """An argument that form bodies carry as a JSON string and JSON bodies carry as-is."""
        value = self.args.get(name)
        if isinstance(value, str):
            if value == "":
                return None
            try:
                return json.loads(value)
            except ValueError:
                raise SlackError(invalid, **_arg_hint(name)) from None
        return value

    # workspace lookups --------------------------------------------------------------------

    def visible(self, channel: Channel) -> bool:
        """Public channels are visible to every token; others only to their members."""
        return channel.kind == "public" or self.actor_id in channel.members

    def channel(self, name: str = "channel") -> Channel:
        channel_id = self.str_arg(name, missing="channel_not_found")
        channel = self.ws.channels.get(channel_id)
        if channel is None or not self.visible(channel):
            raise SlackError("channel_not_found")
        return channel

    def require_member(self, channel: Channel) -> None:
        if self.actor_id not in channel.members:
            raise SlackError("not_in_channel")

    def require_not_archived(self, channel: Channel) -> None:
        if channel.is_archived:
            raise SlackError("is_archived")

    def user(self, name: str = "user") -> User:
        user_id = self.str_arg(name, missing="user_not_found")
        user = self.ws.users.get(user_id)
        if user is None:
            raise SlackError("user_not_found")
        return user

    def message(self, channel: Channel, name: str = "ts") -> Message:
        ts = self.str_arg(name, missing="message_not_found")
        message = self.ws.find_message(channel.id, ts)
        if message is None:
            raise SlackError("message_not_found")
        return message


def _arg_hint(name: str) -> JSON:
    return {"response_metadata": {"messages": [f"[ERROR] invalid or missing argument `{name}`"]}}


Handler = Callable[[CallContext], JSON]
