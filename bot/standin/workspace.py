"""The in-memory Slack workspace behind the stand-in.

Tests seed it (`add_user`, `add_channel`, `post_as_user`, ...) and read it back after the app
acted (`messages`, `ephemerals_for`, `views`). The Web API handlers in `webapi` mutate it exactly
as Slack would, so a scenario test can assert on the resulting state, not only on the calls.
"""

from __future__ import annotations

import itertools
import secrets
import time
import uuid
from typing import Any, Literal

from bot.standin import events
from bot.standin.model import (
    Channel,
    Ephemeral,
    File,
    Message,
    OAuthCode,
    Token,
    TokenKind,
    Trigger,
    UploadSlot,
    User,
    View,
    rich_text_blocks,
)
from bot.standin.scopes import DEFAULT_BOT_SCOPES, DEFAULT_USER_SCOPES

JSON = dict[str, Any]


ChannelKind = Literal["public", "private", "im", "mpim"]


class Workspace:
    """One Slack team with its users, conversations, messages, files, views and tokens."""

    def __init__(
        self,
        *,
        team_id: str = "T0PHIWRDN",
        team_name: str = "Phiwarden General Hospital",
        domain: str = "phiwarden-general",
        app_id: str = "A0PHIWARDN",
        bot_scopes: tuple[str, ...] = DEFAULT_BOT_SCOPES,
        admin_token: bool = True,
        trigger_ttl: float = 3.0,
        signing_secret: str | None = None,
        enterprise_id: str | None = None,
    ) -> None:
        self.team_id = team_id
        # The Enterprise Grid organisation this workspace belongs to (None: not Grid).
        self.enterprise_id = enterprise_id
        self.team_name = team_name
        self.domain = domain
        self.app_id = app_id
        self.trigger_ttl = trigger_ttl
        self.signing_secret = signing_secret or secrets.token_hex(16)
        self.client_id = f"{secrets.randbelow(10**12):012d}.{secrets.randbelow(10**12):012d}"
        self.client_secret = secrets.token_hex(16)
        self.verification_token = secrets.token_hex(12)
        # Base of file and response URLs; the server sets it when it knows its port.
        self.base_url = "http://127.0.0.1/"
        self._seq = itertools.count(1)
        self._last_us = 0  # integer microseconds: a float near 1.8e9 cannot hold 1e-6 steps

        self.users: dict[str, User] = {}
        self.channels: dict[str, Channel] = {}
        self.messages: dict[str, list[Message]] = {}
        self.ephemerals: list[Ephemeral] = []
        self.files: dict[str, File] = {}
        self.views: dict[str, View] = {}
        self.tokens: dict[str, Token] = {}
        self.triggers: dict[str, Trigger] = {}
        self.uploads: dict[str, UploadSlot] = {}
        self.oauth_codes: dict[str, OAuthCode] = {}
        # The consent page approves installs unless this is False; where it redirects when the
        # app sends no redirect_uri (the app's configured redirect URL).
        self.oauth_consent = True
        self.oauth_redirect_url: str | None = None
        # What chat.delete answers a user token that would otherwise delete someone else's
        # post, as a workspace with compliance exports on does (`compliance_exports_prevent_
        # deletion`), or an EKM or Grid policy (`ekm_access_denied`, `enterprise_is_restricted`);
        # https://docs.slack.dev/reference/methods/chat.delete lists them. None: no refusal.
        self.delete_refusal: str | None = None
        # `limit` of conversations.history / replies is capped here: "limit ... maximum and
        # default ... 15" for commercially distributed apps outside the Marketplace since
        # 2025-05-29 (api.slack.com/changelog/2025-05-terms-rate-limit-update-and-faq). None: the
        # Marketplace app's 1,000 (the methods' own maximum).
        self.history_page_cap: int | None = 15
        # files.completeUploadExternal "asynchronously completes the sharing of uploaded files"
        # (slackapi/bolt-js#2115; python-slack-sdk#1277: "a visible delay until the shares in a
        # file's metadata is properly updated", poll files.info): for this many seconds
        # files.info shows the file without shares and no file_share message exists yet.
        self.share_delay: float = 0.0
        # Events Slack would send the app because of Web API calls (the bot's own posts, edits,
        # deletions); the server drains it after each call and delivers it if echo is on.
        self.outbox: list[JSON] = []

        bot_user = self.add_user("phiwarden", real_name="phiwarden", is_bot=True)
        self.bot_user_id = bot_user.id
        self.bot_id = "B" + self.new_id()
        bot_user.bot_id = self.bot_id
        self.bot_token = self.add_token("bot", bot_user.id, bot_scopes).token
        self.app_token = self.add_token("app", None, ("connections:write",)).token
        self.admin_user_id: str | None = None
        self.admin_token: str | None = None
        if admin_token:
            admin = self.add_user("it.admin", real_name="Workspace Admin", is_admin=True)
            self.admin_user_id = admin.id
            self.admin_token = self.add_token("user", admin.id, DEFAULT_USER_SCOPES).token

    # ids and timestamps -------------------------------------------------------------------

    def new_id(self) -> str:
        """The unique tail of a Slack id; callers add the type letter (U, C, F, V...)."""
        return f"{next(self._seq):08d}X"

    def next_ts(self) -> str:
        """A unique, increasing message timestamp in Slack's `seconds.micros` form."""
        now = max(time.time_ns() // 1_000, self._last_us + 1)
        self._last_us = now
        return f"{now // 1_000_000}.{now % 1_000_000:06d}"

    # seeding ------------------------------------------------------------------------------

    def add_token(
        self, kind: TokenKind, user_id: str | None, scopes: tuple[str, ...] | list[str]
    ) -> Token:
        """Issue a token; tests use extra tokens to check scope and permission errors."""
        prefix = {"bot": "xoxb", "user": "xoxp", "app": "xapp"}[kind]
        value = f"{prefix}-{secrets.token_hex(6)}-{secrets.token_hex(12)}"
        token = Token(
            token=value,
            kind=kind,
            user_id=user_id,
            scopes=frozenset(scopes),
            bot_id=self.bot_id if kind == "bot" else None,
        )
        self.tokens[value] = token
        return token

    def add_user(
        self,
        name: str,
        *,
        real_name: str | None = None,
        is_admin: bool = False,
        is_owner: bool = False,
        is_bot: bool = False,
        deleted: bool = False,
        user_id: str | None = None,
        team_id: str | None = None,
    ) -> User:
        """Add a person; a `team_id` other than ours makes them a Slack Connect guest."""
        user = User(
            id=user_id or "U" + self.new_id(),
            team_id=team_id or self.team_id,
            name=name,
            real_name=real_name or name,
            is_admin=is_admin or is_owner,
            is_owner=is_owner,
            is_bot=is_bot,
            deleted=deleted,
        )
        self.users[user.id] = user
        return user

    def add_channel(
        self,
        name: str,
        *,
        kind: ChannelKind = "public",
        members: list[str] | None = None,
        bot_member: bool = True,
        is_ext_shared: bool = False,
        is_archived: bool = False,
        channel_id: str | None = None,
    ) -> Channel:
        """Add a conversation; the bot is a member unless `bot_member=False`."""
        prefix = {"public": "C", "private": "G", "im": "D", "mpim": "G"}[kind]
        ids = list(members or [])
        if bot_member and self.bot_user_id not in ids:
            ids.append(self.bot_user_id)
        for member in ids:
            if member not in self.users:
                raise ValueError(f"unknown user id {member}")
        channel = Channel(
            id=channel_id or prefix + self.new_id(),
            name=name,
            kind=kind,
            members=ids,
            is_ext_shared=is_ext_shared,
            is_archived=is_archived,
            created=int(time.time()),
            creator=ids[0] if ids else self.bot_user_id,
        )
        self.channels[channel.id] = channel
        self.messages[channel.id] = []
        return channel

    def add_im(self, user_id: str) -> Channel:
        """The DM between a user and the bot (the App Home messages tab)."""
        for channel in self.channels.values():
            if channel.kind == "im" and channel.members == [user_id, self.bot_user_id]:
                return channel
        return self.add_channel(f"im-{user_id}", kind="im", members=[user_id])

    def add_file(
        self,
        user_id: str,
        name: str,
        content: bytes,
        *,
        mimetype: str = "application/octet-stream",
        title: str | None = None,
        channels: list[str] | None = None,
    ) -> File:
        """Store a file (not yet shared anywhere unless `channels`)."""
        file = File(
            id="F" + self.new_id(),
            name=name,
            title=title or name,
            mimetype=mimetype,
            content=content,
            user=user_id,
            created=int(time.time()),
            channels=list(channels or []),
        )
        self.files[file.id] = file
        return file

    # reading ------------------------------------------------------------------------------

    def channel_messages(self, channel_id: str) -> list[Message]:
        return list(self.messages.get(channel_id, []))

    def find_message(self, channel_id: str, ts: str) -> Message | None:
        for message in self.messages.get(channel_id, []):
            if message.ts == ts:
                return message
        return None

    def ephemerals_for(self, user_id: str, channel_id: str | None = None) -> list[Ephemeral]:
        return [
            e
            for e in self.ephemerals
            if e.user == user_id and (channel_id is None or e.channel == channel_id)
        ]

    def home_view(self, user_id: str) -> View | None:
        for view in self.views.values():
            if view.type == "home" and view.user_id == user_id:
                return view
        return None

    def open_modals(self, user_id: str) -> list[View]:
        return [v for v in self.views.values() if v.type == "modal" and v.user_id == user_id]

    # actions by people (return the event Slack would send) ------------------------------

    def post_as_user(
        self,
        user_id: str,
        channel_id: str,
        text: str,
        *,
        thread_ts: str | None = None,
        broadcast: bool = False,
        files: list[File] | None = None,
        blocks: list[JSON] | None = None,
        attachments: list[JSON] | None = None,
    ) -> JSON:
        """Store a person's message and return the `message` event Slack would deliver."""
        channel = self.channels[channel_id]
        if user_id not in channel.members:
            raise ValueError(f"user {user_id} is not a member of {channel_id}")
        subtype: str | None = None
        if files:
            subtype = "file_share"
            for f in files:
                if channel_id not in f.channels:
                    f.channels.append(channel_id)
        elif thread_ts and broadcast:
            subtype = "thread_broadcast"
        message = Message(
            ts=self.next_ts(),
            channel=channel_id,
            user=user_id,
            text=text,
            blocks=blocks if blocks is not None else rich_text_blocks(text),
            attachments=attachments,
            thread_ts=thread_ts,
            subtype=subtype,
            files=[f.id for f in files or []],
            client_msg_id=str(uuid.uuid4()),
        )
        self.store_message(message)
        return self.message_event(message)

    def forward_as_user(
        self, user_id: str, channel_id: str, source: Message, comment: str = ""
    ) -> JSON:
        """Forward `source` with "Share message" (optionally with a comment).

        Slack puts the forwarded post in an attachment (`is_share`, `is_msg_unfurl`,
        `message_blocks`) and leaves `text` empty unless a comment was added: payloads captured
        by slack-web (tests/payloads/forwarded_message.json, share_with_message.json).
        """
        author = self.users.get(source.user or "")
        name = author.name if author is not None else ""
        permalink = f"https://{self.domain}.slack.com/archives/{source.channel}/p" + (
            source.ts.replace(".", "")
        )
        attachment: JSON = {
            "ts": source.ts,
            "author_id": source.user,
            "channel_id": source.channel,
            "channel_team": self.team_id,
            "is_msg_unfurl": True,
            "message_blocks": [
                {
                    "team": self.team_id,
                    "channel": source.channel,
                    "ts": source.ts,
                    "message": {"blocks": source.blocks or rich_text_blocks(source.text)},
                }
            ],
            "color": "D0D0D0",
            "from_url": permalink,
            "is_share": True,
            "fallback": f"[{source.ts}] {name}: {source.text}",
            "text": source.text,
            "author_name": name,
            "author_link": f"https://{self.domain}.slack.com/team/{source.user}",
            "author_subname": name,
            "mrkdwn_in": ["text"],
            "footer": "Slack Conversation",
        }
        if source.files:
            attachment["files"] = [self.files[f].to_api(self) for f in source.files]
        return self.post_as_user(
            user_id,
            channel_id,
            comment,
            blocks=rich_text_blocks(comment) if comment else [],
            attachments=[attachment],
        )

    def edit_as_user(self, channel_id: str, ts: str, text: str) -> JSON:
        """Edit a stored message and return the `message_changed` event."""
        message = self._require(channel_id, ts)
        previous = message.to_api(self)
        message.text = text
        message.blocks = rich_text_blocks(text)
        message.edited = {"user": message.user, "ts": self.next_ts()}
        return self.message_changed_event(message, previous)

    def delete_as_user(self, channel_id: str, ts: str) -> JSON:
        """Delete a stored message and return the `message_deleted` event."""
        message = self._require(channel_id, ts)
        self.messages[channel_id].remove(message)
        return self.message_deleted_event(message)

    def share_channel(self, channel_id: str, other_team: str = "E0OTHERORG") -> JSON:
        """Connect another organisation to a channel; returns the `channel_shared` event.

        Shape: https://docs.slack.dev/reference/events/channel_shared (tests/payloads/).
        """
        self.channels[channel_id].is_ext_shared = True
        return {
            "type": "channel_shared",
            "connected_team_id": other_team,
            "channel": channel_id,
            "event_ts": self.next_ts(),
        }

    def join(self, name: str, *, real_name: str) -> JSON:
        """A new member joins; returns the `team_join` event, which carries the user object
        (https://docs.slack.dev/reference/events/team_join)."""
        user = self.add_user(name, real_name=real_name)
        return {"type": "team_join", "user": user.to_api(), "event_ts": self.next_ts()}

    def unshare_channel(self, channel_id: str, other_team: str = "E0OTHERORG") -> JSON:
        """The other organisation leaves; returns the `channel_unshared` event (docs' shape)."""
        self.channels[channel_id].is_ext_shared = False
        return {
            "type": "channel_unshared",
            "previously_connected_team_id": other_team,
            "channel": channel_id,
            "is_ext_shared": False,
            "event_ts": self.next_ts(),
        }

    def share_file(
        self,
        user_id: str,
        channel_id: str,
        name: str,
        content: bytes,
        *,
        mimetype: str = "image/png",
        text: str = "",
        thread_ts: str | None = None,
    ) -> JSON:
        """Upload and share a file as a person; returns the `file_share` message event."""
        file = self.add_file(user_id, name, content, mimetype=mimetype)
        return self.post_as_user(user_id, channel_id, text, thread_ts=thread_ts, files=[file])

    def issue_oauth_code(
        self,
        scopes: tuple[str, ...] = DEFAULT_BOT_SCOPES,
        user_scopes: tuple[str, ...] = (),
        *,
        installer_id: str | None = None,
        redirect_uri: str | None = None,
    ) -> str:
        """The code Slack's consent screen would hand the app's OAuth redirect."""
        installer = installer_id or self.admin_user_id or self.bot_user_id
        code = f"{next(self._seq)}.{secrets.token_hex(20)}"
        self.oauth_codes[code] = OAuthCode(code, installer, scopes, user_scopes, redirect_uri)
        return code

    def new_trigger_id(self, user_id: str) -> str:
        """A trigger id as Slack puts in commands and actions: valid `trigger_ttl` s, once."""
        trigger_id = f"{next(self._seq)}.{secrets.randbelow(10**12)}.{secrets.token_hex(16)}"
        self.triggers[trigger_id] = Trigger(trigger_id, user_id, time.monotonic())
        return trigger_id

    def emit(self, event: JSON) -> None:
        """Queue an event caused by an API call, if the bot would receive it."""
        channel = self.channels.get(str(event.get("channel") or event.get("channel_id") or ""))
        if channel is None or self.bot_user_id in channel.members:
            self.outbox.append(event)

    # events Slack would send (shapes in `bot.standin.events`) ---------------------------

    def message_event(self, message: Message) -> JSON:
        return events.message_event(self, message)

    def message_changed_event(self, message: Message, previous: JSON) -> JSON:
        return events.message_changed_event(self, message, previous)

    def message_deleted_event(self, message: Message) -> JSON:
        return events.message_deleted_event(self, message)

    def file_shared_event(self, file_id: str, channel_id: str) -> JSON:
        return events.file_shared_event(self, file_id, channel_id)

    def app_home_opened_event(self, user_id: str, tab: str = "home") -> JSON:
        return events.app_home_opened_event(self, user_id, tab)

    def member_joined_channel_event(
        self, user_id: str, channel_id: str, inviter: str | None = None
    ) -> JSON:
        return events.member_joined_channel_event(self, user_id, channel_id, inviter)

    # internals -----------------------------------------------------------------------------

    def store_message(self, message: Message) -> None:
        """Add a message to its conversation, keeping the thread parent's reply counts."""
        self.messages.setdefault(message.channel, []).append(message)
        if message.thread_ts and message.thread_ts != message.ts:
            root = self.find_message(message.channel, message.thread_ts)
            if root is not None:
                # A parent carries its own ts as `thread_ts` once it has replies (the example
                # response of docs.slack.dev/reference/methods/conversations.replies).
                root.thread_ts = root.thread_ts or root.ts
                root.reply_count += 1
                if message.user and message.user not in root.reply_users:
                    root.reply_users.append(message.user)
                root.latest_reply = message.ts

    def _require(self, channel_id: str, ts: str) -> Message:
        message = self.find_message(channel_id, ts)
        if message is None:
            raise ValueError(f"no message {ts} in {channel_id}")
        return message


__all__ = [
    "DEFAULT_BOT_SCOPES",
    "DEFAULT_USER_SCOPES",
    "ChannelKind",
    "OAuthCode",
    "UploadSlot",
    "Workspace",
]
