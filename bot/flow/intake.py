"""From a Slack event envelope to a `ScanJob`, or None when the event needs no scan.

Deciding what to scan lives here, not in the listener: bots (ours included) are never
scanned, so the bot cannot loop on its own reposts; every text a reader sees is scanned, not
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
    {None, "", "thread_broadcast", "file_share", "me_message", *SETTING_SUBTYPES}
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


def _from_bot(message: dict[str, Any], bot_user_id: str | None) -> bool:
    return bool(
        message.get("bot_id")
        or message.get("subtype") == "bot_message"
        or message.get("bot_profile")
        or (bot_user_id and message.get("user") == bot_user_id)
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


def job_from_event(body: dict[str, Any], bot_user_id: str | None = None) -> ScanJob | Skip:
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
    if _from_bot(message, bot_user_id) or _from_bot(event, bot_user_id):
        return Skip("bot")
    user = message.get("user")
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
