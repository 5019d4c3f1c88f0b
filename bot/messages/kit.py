"""Small Block Kit primitives shared by every builder, so limits and escaping live in one place.

Builders return plain dicts ready for `chat.postMessage`/`chat.postEphemeral` (`{"text",
"blocks"}`) or `views.open`/`views.publish` (a view dict). Nothing here talks to Slack.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

Block = dict[str, Any]
Message = dict[str, Any]  # {"text": fallback, "blocks": [...]}
View = dict[str, Any]

# Slack limits (api.slack.com/reference/block-kit): checked again by `bot.messages.limits`.
SECTION_TEXT_MAX = 3000
CONTEXT_ELEMENTS_MAX = 10
FALLBACK_TEXT_MAX = 3000

# How each finding kind reads to a clinician; values never appear in messages, only these.
KIND_LABELS: dict[str, str] = {
    "NAME": "a name",
    "DATE": "a date",
    "AGE": "an exact age",
    "ID": "an ID number (MRN, account, SSN...)",
    "CONTACT": "contact details",
    "LOCATION": "a place or institution",
    "ROOM": "a room or bed number",
    "FACE": "a face",
    "METADATA": "identifying file metadata",
}


def escape(text: str) -> str:
    """Escape the three characters Slack mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def truncate(text: str, limit: int) -> str:
    """Cut `text` to `limit` characters, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_kinds(kinds: Iterable[str]) -> str:
    """ "a name, a date and an exact age": kinds in a fixed order, never values."""
    order = list(KIND_LABELS)
    known = sorted({k.upper() for k in kinds}, key=lambda k: order.index(k) if k in order else 99)
    labels = [KIND_LABELS.get(k, "an identifier") for k in known]
    labels = list(dict.fromkeys(labels))
    if not labels:
        return "identifying details"
    if len(labels) == 1:
        return labels[0]
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text}


def plain(text: str, limit: int = 150) -> dict[str, Any]:
    return {"type": "plain_text", "text": truncate(text, limit), "emoji": True}


def section(text: str, block_id: str | None = None) -> Block:
    block: Block = {"type": "section", "text": mrkdwn(truncate(text, SECTION_TEXT_MAX))}
    if block_id:
        block["block_id"] = block_id
    return block


def header(text: str) -> Block:
    return {"type": "header", "text": plain(text, 150)}


def context(*texts: str) -> Block:
    return {
        "type": "context",
        "elements": [mrkdwn(truncate(t, 3000)) for t in texts[:CONTEXT_ELEMENTS_MAX]],
    }


def divider() -> Block:
    return {"type": "divider"}


def button(text: str, action_id: str, value: str, style: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "button",
        "text": plain(text, 75),
        "action_id": action_id,
        "value": value,
    }
    if style:
        element["style"] = style
    return element


def actions(block_id: str, elements: Sequence[dict[str, Any]]) -> Block:
    return {"type": "actions", "block_id": block_id, "elements": list(elements)}


def bullets(points: Iterable[str]) -> str:
    return "\n".join(f"• {p}" for p in points)


def link(url: str, label: str) -> str:
    return f"<{url}|{label}>"


def message(fallback: str, blocks: Sequence[Block]) -> Message:
    """A message payload: `text` is the notification/accessibility fallback."""
    return {"text": truncate(fallback, FALLBACK_TEXT_MAX), "blocks": list(blocks)}


def poster(user_id: str) -> str:
    """Who posted, for a notice or footer: a person as a mention; an app's post with no `user`
    is recorded by its `bot_id` (`B…`, `bot.flow.intake`), which no mention renders, so it is
    named as an app by that id."""
    return f"an app (bot id `{user_id}`)" if user_id.startswith("B") else f"<@{user_id}>"
