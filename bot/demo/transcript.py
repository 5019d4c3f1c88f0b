"""Turn the stand-in's recorded Web API calls into lines a person can read."""

from __future__ import annotations

import re
from typing import Any

from bot.standin import Call, Workspace

_MENTION = re.compile(r"<([@#])([A-Z0-9]+)(?:\|[^>]*)?>")
_LINK = re.compile(r"<(https?://[^|>]+)\|([^>]+)>")


def readable(ws: Workspace, text: str, limit: int = 160) -> str:
    """Slack markup to plain text: `<@U1>` -> @maria, `<#C1>` -> #ward-4, links to their labels."""

    def mention(match: re.Match[str]) -> str:
        sigil, ident = match.groups()
        if sigil == "@":
            user = ws.users.get(ident)
            return f"@{user.name}" if user else "@someone"
        channel = ws.channels.get(ident)
        return f"#{channel.name}" if channel else "#channel"

    flat = _LINK.sub(r"\2", _MENTION.sub(mention, text)).replace("*", "").replace("\n", " ")
    flat = re.sub(r":[a-z_]+: ?", "", flat).strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _where(ws: Workspace, channel_id: Any) -> str:
    channel = ws.channels.get(str(channel_id))
    if channel is not None:
        return f"#{channel.name}" if channel.kind != "im" else "a DM"
    user = ws.users.get(str(channel_id))
    return f"a DM to @{user.name}" if user else "a conversation"


def _user(ws: Workspace, user_id: Any) -> str:
    user = ws.users.get(str(user_id))
    return f"@{user.name}" if user else "someone"


def describe(ws: Workspace, call: Call) -> str | None:
    """One line for one call, or None for look-ups that change nothing (auth.test, *.info)."""
    a = call.args
    if not call.ok:
        return f"Slack refused {call.method} ({call.error})"
    if call.method == "chat.delete":
        who = "with the admin token" if call.token_kind == "user" else "with the bot token"
        return f"bot deleted the message in {_where(ws, a.get('channel'))} ({who})"
    if call.method == "chat.postEphemeral":
        buttons = _buttons(a.get("blocks"))
        extra = f" [buttons: {', '.join(buttons)}]" if buttons else ""
        first = _sections(a.get("blocks"))[:1] or [str(a.get("text", ""))]
        return f"ephemeral to {_user(ws, a.get('user'))}: {readable(ws, first[0])}{extra}"
    if call.method == "chat.postMessage":
        where = _where(ws, a.get("channel"))
        thread = " (in the thread)" if a.get("thread_ts") else ""
        body = _post_text(a)
        return f"bot posted in {where}{thread}: {readable(ws, body, 220)}"
    if call.method == "views.open":
        title = (a.get("view") or {}).get("title", {}).get("text", "a modal")
        return f"bot opened the '{title}' dialog"
    if call.method == "views.publish":
        return f"bot published the App Home for {_user(ws, a.get('user_id'))}"
    return None


def _buttons(blocks: Any) -> list[str]:
    labels: list[str] = []
    for block in blocks or []:
        if isinstance(block, dict) and block.get("type") == "actions":
            labels += [str(e.get("text", {}).get("text", "")) for e in block.get("elements", [])]
    return labels


def _sections(blocks: Any) -> list[str]:
    """Text of section and context blocks (and section fields), in order."""
    parts: list[str] = []
    for block in blocks or []:
        if not isinstance(block, dict):
            continue
        if block.get("type") == "section":
            if block.get("text"):
                parts.append(str(block["text"].get("text", "")))
            parts += [
                str(f.get("text", "")).replace("\n", ": ", 1) for f in block.get("fields") or []
            ]
        elif block.get("type") == "context":
            parts += [str(e.get("text", "")) for e in block.get("elements", [])]
    return [p for p in parts if p.strip()]


def _post_text(args: dict[str, Any]) -> str:
    return " · ".join(_sections(args.get("blocks"))) or str(args.get("text", ""))
