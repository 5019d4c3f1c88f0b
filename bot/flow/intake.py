"""From a Slack event envelope to a `ScanJob`, or None when the event needs no scan.

Deciding what to scan lives here, not in the listener: our own posts (reposts, notices, sweep
reports) are never scanned, so the bot cannot loop on them; other apps' posts (a Workflow Builder
form, an integration relaying what a person typed) are scanned like people's; every text a reader sees is scanned, not
only `text` (`bot.slack.content`: blocks, forwarded attachments, file names and titles, topic
and purpose changes); an edit is scanned when any of those texts changed (an edit of the
blocks alone too); a post with files becomes a `file` job.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from bot.flow.kinds import JobKind
from bot.slack.content import SETTING_SUBTYPES, Document, Part, message_files, message_parts
from bot.store.api import ScanJob

# Message subtypes that carry a person's words (topic and purpose changes included: the new
# value stays on show in the channel's header).
_SCANNED_SUBTYPES = frozenset(
    {None, "", "thread_broadcast", "file_share", "me_message", "bot_message", *SETTING_SUBTYPES}
)


@dataclass(frozen=True, slots=True)
class Skip:
    """Why an event was not turned into a job (for a log line: an enum-like word, no content)."""

    reason: str


def _file_meta(f: dict[str, Any]) -> dict[str, Any]:
    keep = (
        "id",
        "name",
        "mimetype",
        "filetype",
        "pretty_type",  # "Canvas": a canvas shared in the channel (`bot.flow.files.is_canvas`)
        "size",
        "url_private",
        "url_private_download",
        "file_access",  # "check_file_info": a Slack Connect file without URLs (bot.flow.files)
    )
    return {k: f.get(k) for k in keep if f.get(k) is not None}


def _from_app(message: dict[str, Any]) -> bool:
    """Posted by an app, not typed by a person in Slack's composer.

    A `bot_message` carries `bot_id` and often no `user`
    (https://docs.slack.dev/reference/events/message/bot_message); a modern app's post carries
    its bot user's `user` beside `bot_id` and `bot_profile` (bolt-python
    tests/scenario_tests/test_message_bot.py, tests/payloads/bot_message*.json).
    """
    return bool(
        message.get("bot_id")
        or message.get("subtype") == "bot_message"
        or message.get("bot_profile")
    )


@dataclass(frozen=True, slots=True)
class OwnIdentity:
    """Who phiwarden is in the installation that received the event (any field may be unknown).

    Each installation has its own bot user and bot id (OAuth mode: Bolt's context has them from
    the installation store); the app id is the same in every workspace, so our posts in a
    channel shared with another organisation that also installed phiwarden are known too.
    """

    bot_user_id: str | None = None
    bot_id: str | None = None
    app_id: str | None = None

    @property
    def known(self) -> bool:
        return bool(self.bot_user_id or self.bot_id or self.app_id)


def _self_of(body: dict[str, Any], bot_user_id: str | None, bot_id: str | None) -> OwnIdentity:
    """Our identity: the caller's (Bolt context), else the envelope's `authorizations[0]`
    (`user_id` is our bot user when `is_bot`, https://docs.slack.dev/apis/events-api/) and
    `api_app_id`."""
    if not bot_user_id:
        authorizations = body.get("authorizations")
        first = authorizations[0] if isinstance(authorizations, list) and authorizations else None
        if isinstance(first, dict) and first.get("is_bot") is True:
            user_id = first.get("user_id")
            bot_user_id = user_id if isinstance(user_id, str) and user_id else None
    app_id = body.get("api_app_id")
    return OwnIdentity(
        bot_user_id or None, bot_id or None, app_id if isinstance(app_id, str) else None
    )


def _own_post(message: dict[str, Any], me: OwnIdentity) -> bool:
    """Posted by phiwarden itself (any installation of it)."""
    profile = message.get("bot_profile") if isinstance(message.get("bot_profile"), dict) else {}
    app_ids = {message.get("app_id"), (profile or {}).get("app_id")} - {None, ""}
    return bool(
        (me.bot_user_id and message.get("user") == me.bot_user_id)
        or (me.bot_id and message.get("bot_id") == me.bot_id)
        or (me.app_id and me.app_id in app_ids)
    )


def installation_team(body: dict[str, Any]) -> str:
    """The team whose installation received the event: tokens, policies and audit rows are its.

    In a Slack Connect channel the envelope's `team_id` can be the other organisation's; Bolt
    takes `authorizations[0].team_id` instead ("To make Events API handling functioning also
    for shared channels, we should use .authorizations[0].team_id over .team_id",
    slack_bolt/request/internals.py `extract_team_id`), and so do we.
    """
    authorizations = body.get("authorizations")
    if isinstance(authorizations, list) and authorizations:
        first = authorizations[0]
        if isinstance(first, dict) and isinstance(first.get("team_id"), str) and first["team_id"]:
            return str(first["team_id"])
    event = body.get("event") if isinstance(body.get("event"), dict) else {}
    return str(body.get("team_id") or (event or {}).get("team") or "")


def _ext_shared(body: dict[str, Any]) -> bool | None:
    """The envelope's `is_ext_shared_channel` (https://docs.slack.dev/apis/events-api/#callback-field)."""
    flag = body.get("is_ext_shared_channel")
    return flag if isinstance(flag, bool) else None


def _subtype(message: dict[str, Any]) -> str | None:
    """The message's subtype; one that is not a string is unknown (skipped, never raised on)."""
    subtype = message.get("subtype")
    return subtype if isinstance(subtype, str) or subtype is None else "unknown"


def job_from_event(
    body: dict[str, Any], bot_user_id: str | None = None, bot_id: str | None = None
) -> ScanJob | Skip:
    """The scan job for an Events API envelope (`event_callback`), or why there is none."""
    event = body.get("event")
    if not isinstance(event, dict):
        return Skip("no_event")
    if event.get("type") != "message":
        return Skip("not_message")
    event_id = str(body.get("event_id") or "")
    team_id = installation_team(body)
    channel = str(event.get("channel") or "")
    if not event_id or not channel:
        return Skip("missing_ids")
    subtype = _subtype(event)
    edited = subtype == "message_changed"
    if edited:
        message = event.get("message")
        if not isinstance(message, dict):
            return Skip("edit_without_message")
        previous = event.get("previous_message") or {}
        if isinstance(previous, dict) and message_parts(previous) == message_parts(message):
            return Skip("edit_text_unchanged")  # web unfurls and reactions also arrive as edits
        inner_subtype = _subtype(message)
        if inner_subtype not in _SCANNED_SUBTYPES:
            return Skip("edit_subtype")
    elif subtype not in _SCANNED_SUBTYPES:
        return Skip("subtype")
    else:
        message = event
    me = _self_of(body, bot_user_id, bot_id)
    if _own_post(message, me) or _own_post(event, me):
        return Skip("own_post")
    from_app = _from_app(message) or _from_app(event)
    if from_app and not me.known:
        # Not knowing who we are, an app's post may be our own notice: skipping it (not
        # scanning it) is what keeps the bot from answering itself in a loop.
        return Skip("bot_self_unknown")
    # An app's post with no `user` is recorded by its `bot_id` (ids only, never a name).
    user = message.get("user") or (message.get("bot_id") if from_app else None)
    ts = message.get("ts")
    if not user or not ts:
        return Skip("missing_ids")
    parts = message_parts(message)
    files = [_file_meta(f) for f in message_files(message)]
    if not parts and not files:
        return Skip("empty")
    payload: dict[str, Any] = {
        "event_id": event_id,
        "team_id": team_id,
        "channel": channel,
        "channel_type": event.get("channel_type"),
        # Slack Connect, as the envelope says at the time of the post (None: not told).
        "ext_shared": _ext_shared(body),
        "user": user,
        # An app posted it: no one can read an ephemeral or answer a consent prompt for it.
        "from_app": from_app,
        "ts": ts,
        "thread_ts": message.get("thread_ts") if message.get("thread_ts") != ts else None,
        # The joined text (what a pre-screen scans) and its parts with their origins.
        "text": Document.of(parts).text,
        "parts": [p.to_json() for p in parts],
        "setting": SETTING_SUBTYPES.get(str(message.get("subtype") or "")),
        "edited": edited,
        "broadcast": message.get("subtype") == "thread_broadcast",
        "files": files,
        "event_time": body.get("event_time"),
    }
    return ScanJob(
        job_id=event_id,
        team_id=team_id,
        channel_id=channel,
        kind=JobKind.FILE if files else JobKind.MESSAGE,
        payload=payload,
    )


def message_hash(team_id: str, channel: str, ts: str, salt: str = "") -> str:
    """A salted, stable id for one post that reveals nothing (audit rows use it, never text)."""
    return hmac.new(
        salt.encode(), f"{team_id}:{channel}:{ts}".encode(), hashlib.sha256
    ).hexdigest()[:32]


def job_parts(payload: dict[str, Any]) -> list[Part]:
    """The job's texts with their origins (`bot.slack.content`); a job recorded before parts
    existed has its `text` only."""
    raw = payload.get("parts")
    if isinstance(raw, list):
        return [part for part in map(Part.from_json, raw) if part is not None]
    text = payload.get("text")
    return [Part("text", text)] if isinstance(text, str) and text else []
