"""Value types of the stand-in workspace, each rendering itself as the Web API does."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

JSON = dict[str, Any]
TokenKind = Literal["bot", "user", "app"]

# A canvas as a file object: `filetype` "quip", this mimetype, `pretty_type` "Canvas" (as Slack's
# files.list and file_share messages show canvases; e.g. slackdump's and exporters' fixtures).
CANVAS_MIMETYPE = "application/vnd.slack-docs"


class Workspace(Protocol):
    """What a value needs of its workspace to render itself (`bot.standin.workspace` has it).

    A protocol, not an import, so the values and the workspace holding them import one way.
    """

    team_id: str
    domain: str
    base_url: str
    users: dict[str, User]
    channels: dict[str, Channel]
    files: dict[str, File]

    def find_message(self, channel_id: str, ts: str) -> Message | None: ...


@dataclass
class Token:
    """A token Slack issued; `kind` decides what the token may do (bot, user or app-level)."""

    token: str
    kind: TokenKind
    user_id: str | None
    scopes: frozenset[str]
    bot_id: str | None = None
    revoked: bool = False


@dataclass
class User:
    id: str
    team_id: str
    name: str
    real_name: str
    is_admin: bool = False
    is_owner: bool = False
    is_bot: bool = False
    deleted: bool = False
    bot_id: str | None = None

    def to_api(self) -> JSON:
        data: JSON = {
            "id": self.id,
            "team_id": self.team_id,
            "name": self.name,
            "real_name": self.real_name,
            "deleted": self.deleted,
            "is_admin": self.is_admin,
            "is_owner": self.is_owner,
            "is_primary_owner": False,
            "is_restricted": False,
            "is_ultra_restricted": False,
            "is_bot": self.is_bot,
            "is_app_user": False,
            "tz": "America/New_York",
            "profile": {
                "real_name": self.real_name,
                "display_name": self.name,
                "team": self.team_id,
            },
        }
        if self.bot_id:
            data["profile"]["bot_id"] = self.bot_id
        return data


@dataclass
class Channel:
    id: str
    name: str
    kind: Literal["public", "private", "im", "mpim"]
    members: list[str]
    is_ext_shared: bool = False
    is_archived: bool = False
    created: int = 0
    creator: str = ""
    topic: str = ""
    purpose: str = ""

    @property
    def is_private(self) -> bool:
        return self.kind != "public"

    @property
    def channel_type(self) -> str:
        """The `channel_type` Slack puts in message events."""
        return {"public": "channel", "private": "group", "im": "im", "mpim": "mpim"}[self.kind]

    def to_api(self) -> JSON:
        data: JSON = {
            "id": self.id,
            "created": self.created,
            "is_archived": self.is_archived,
            "is_im": self.kind == "im",
            "is_mpim": self.kind == "mpim",
            "is_private": self.is_private,
            "is_ext_shared": self.is_ext_shared,
            "is_shared": self.is_ext_shared,
            "is_org_shared": False,
            "is_pending_ext_shared": False,
        }
        if self.kind == "im":
            data["user"] = self.members[0] if self.members else None
            data["is_user_deleted"] = False
            return data
        data.update(
            {
                "name": self.name,
                "name_normalized": self.name,
                "is_channel": self.kind == "public",
                "is_group": self.kind == "private",
                "is_general": False,
                "creator": self.creator,
                "num_members": len(self.members),
                "topic": {"value": self.topic, "creator": "", "last_set": 0},
                "purpose": {"value": self.purpose, "creator": "", "last_set": 0},
            }
        )
        return data


@dataclass
class File:
    id: str
    name: str
    title: str
    mimetype: str
    content: bytes
    user: str
    created: int
    channels: list[str] = field(default_factory=list)

    @property
    def is_canvas(self) -> bool:
        return self.mimetype == CANVAS_MIMETYPE

    @property
    def filetype(self) -> str:
        if self.is_canvas:
            return "quip"
        return self.name.rsplit(".", 1)[-1].lower() if "." in self.name else "binary"

    def url_private(self, ws: Workspace) -> str:
        return f"{ws.base_url}files-pri/{ws.team_id}-{self.id}/{self.name}"

    def url_private_download(self, ws: Workspace) -> str:
        return f"{ws.base_url}files-pri/{ws.team_id}-{self.id}/download/{self.name}"

    def to_api(self, ws: Workspace) -> JSON:
        public = [c for c in self.channels if ws.channels[c].kind == "public"]
        private = [c for c in self.channels if ws.channels[c].kind in ("private", "mpim")]
        ims = [c for c in self.channels if ws.channels[c].kind == "im"]
        return {
            "id": self.id,
            "created": self.created,
            "timestamp": self.created,
            "name": self.name,
            "title": self.title,
            "mimetype": self.mimetype,
            "filetype": self.filetype,
            "pretty_type": "Canvas" if self.is_canvas else self.filetype.upper(),
            "user": self.user,
            "user_team": ws.team_id,
            "mode": "canvas" if self.is_canvas else "hosted",
            "editable": False,
            "is_external": False,
            "external_type": "",
            "size": len(self.content),
            "url_private": self.url_private(ws),
            "url_private_download": self.url_private_download(ws),
            "permalink": f"https://{ws.domain}.slack.com/files/{self.user}/{self.id}/{self.name}",
            "is_public": bool(public),
            "channels": public,
            "groups": private,
            "ims": ims,
        }


@dataclass
class Message:
    ts: str
    channel: str
    text: str
    user: str | None = None
    bot_id: str | None = None
    app_id: str | None = None
    blocks: list[JSON] | None = None
    attachments: list[JSON] | None = None
    files: list[str] = field(default_factory=list)
    thread_ts: str | None = None
    subtype: str | None = None
    metadata: JSON | None = None
    username: str | None = None
    icon: JSON | None = None
    edited: JSON | None = None
    client_msg_id: str | None = None
    reply_count: int = 0
    reply_users: list[str] = field(default_factory=list)
    latest_reply: str | None = None

    def to_api(self, ws: Workspace) -> JSON:
        data: JSON = {"type": "message", "ts": self.ts, "text": self.text}
        optional: JSON = {
            "user": self.user,
            "bot_id": self.bot_id,
            "app_id": self.app_id,
            "subtype": self.subtype,
            "blocks": self.blocks,
            "attachments": self.attachments,
            "thread_ts": self.thread_ts,
            "metadata": self.metadata,
            "username": self.username,
            "edited": self.edited,
            "client_msg_id": self.client_msg_id,
            "team": ws.team_id,
        }
        data.update({k: v for k, v in optional.items() if v is not None})
        author = ws.users.get(self.user or "")
        if author is not None and author.team_id != ws.team_id:  # a Slack Connect guest
            data["team"] = data["user_team"] = data["source_team"] = author.team_id
        if self.thread_ts and self.thread_ts != self.ts:
            parent = ws.find_message(self.channel, self.thread_ts)
            if parent is not None and parent.user:
                data["parent_user_id"] = parent.user
        if self.icon:
            data["icons"] = self.icon
        if self.files:
            data["files"] = [ws.files[f].to_api(ws) for f in self.files if f in ws.files]
            data["upload"] = False
            data["display_as_bot"] = False
        if self.bot_id:
            data["bot_profile"] = {
                "id": self.bot_id,
                "app_id": self.app_id,
                "name": "phiwarden",
                "team_id": ws.team_id,
                "deleted": False,
            }
        if self.thread_ts and self.thread_ts == self.ts:
            data["reply_count"] = self.reply_count
            data["reply_users"] = list(self.reply_users)
            data["latest_reply"] = self.latest_reply
        return data


@dataclass
class Ephemeral:
    """An ephemeral message: only its recipient sees it, Slack does not keep it."""

    ts: str
    channel: str
    user: str
    text: str
    blocks: list[JSON] | None
    thread_ts: str | None
    bot_id: str | None
    posted_at: float = field(default_factory=time.time)


@dataclass
class Trigger:
    trigger_id: str
    user_id: str
    issued_at: float
    used: bool = False


@dataclass
class View:
    id: str
    team_id: str
    type: str
    user_id: str
    app_id: str
    bot_id: str
    body: JSON
    hash: str
    external_id: str | None = None
    root_view_id: str | None = None
    previous_view_id: str | None = None
    closed: bool = False

    def to_api(self) -> JSON:
        data: JSON = {
            "id": self.id,
            "team_id": self.team_id,
            "type": self.type,
            "blocks": self.body.get("blocks", []),
            "private_metadata": self.body.get("private_metadata", ""),
            "callback_id": self.body.get("callback_id", ""),
            "state": {"values": {}},
            "hash": self.hash,
            "title": self.body.get("title"),
            "clear_on_close": bool(self.body.get("clear_on_close", False)),
            "notify_on_close": bool(self.body.get("notify_on_close", False)),
            "close": self.body.get("close"),
            "submit": self.body.get("submit"),
            "previous_view_id": self.previous_view_id,
            "root_view_id": self.root_view_id or self.id,
            "app_id": self.app_id,
            "external_id": self.external_id or "",
            "app_installed_team_id": self.team_id,
            "bot_id": self.bot_id,
        }
        return data


@dataclass
class UploadSlot:
    """A pending upload from `files.getUploadURLExternal`, filled by the upload URL."""

    file_id: str
    filename: str
    length: int
    token: str
    content: bytes | None = None


@dataclass
class OAuthCode:
    """A one-time code the OAuth redirect hands the app for `oauth.v2.access`."""

    code: str
    installer_id: str
    scopes: tuple[str, ...]
    user_scopes: tuple[str, ...]
    redirect_uri: str | None
    used: bool = False


def rich_text_blocks(text: str) -> list[JSON]:
    """The `rich_text` block Slack clients attach to a typed message."""
    return [
        {
            "type": "rich_text",
            "block_id": secrets.token_hex(3),
            "elements": [
                {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
            ],
        }
    ]
