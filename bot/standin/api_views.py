"""`views.*`: modals (opened with a fresh, single-use trigger id) and App Home."""

from __future__ import annotations

import secrets
import time

from bot.standin.blocks import VIEW_BLOCK_LIMIT, validate_blocks
from bot.standin.context import JSON, CallContext, Handler, SlackError
from bot.standin.model import View

MAX_MODAL_STACK = 3


def _text_ok(obj: object, max_len: int) -> bool:
    return (
        isinstance(obj, dict)
        and obj.get("type") == "plain_text"
        and isinstance(obj.get("text"), str)
        and 0 < len(obj["text"]) <= max_len
    )


def _view_body(ctx: CallContext, want: str | None) -> JSON:
    body = ctx.json_arg("view")
    if not isinstance(body, dict):
        raise SlackError("invalid_arguments")
    kind = body.get("type")
    if kind not in ("modal", "home") or (want is not None and kind != want):
        raise SlackError("invalid_arguments")
    blocks = body.get("blocks")
    validate_blocks(blocks, limit=VIEW_BLOCK_LIMIT, in_view=True)
    assert isinstance(blocks, list)
    if kind == "modal":
        if not _text_ok(body.get("title"), 24):
            raise SlackError("invalid_arguments", response_metadata={"messages": ["[ERROR] title"]})
        for key in ("submit", "close"):
            if key in body and not _text_ok(body[key], 24):
                raise SlackError(
                    "invalid_arguments", response_metadata={"messages": [f"[ERROR] {key}"]}
                )
        if any(b.get("type") == "input" for b in blocks) and "submit" not in body:
            raise SlackError(
                "invalid_arguments",
                response_metadata={"messages": ["[ERROR] submit is required with input blocks"]},
            )
    if len(str(body.get("private_metadata", ""))) > 3000:
        raise SlackError("invalid_arguments")
    if len(str(body.get("callback_id", ""))) > 255:
        raise SlackError("invalid_arguments")
    return body


def _take_trigger(ctx: CallContext) -> str:
    trigger_id = ctx.str_arg("trigger_id")
    trigger = ctx.ws.triggers.get(trigger_id)
    if trigger is None:
        raise SlackError("invalid_trigger_id")
    if trigger.used:
        raise SlackError("exchanged_trigger_id")
    if time.monotonic() - trigger.issued_at > ctx.ws.trigger_ttl:
        raise SlackError("expired_trigger_id")
    trigger.used = True
    return trigger.user_id


def _new_view(ctx: CallContext, body: JSON, user_id: str, **links: str | None) -> View:
    view = View(
        id="V" + ctx.ws.new_id(),
        team_id=ctx.ws.team_id,
        type=str(body["type"]),
        user_id=user_id,
        app_id=ctx.ws.app_id,
        bot_id=ctx.ws.bot_id,
        body=body,
        hash=f"{time.time():.6f}.{secrets.token_hex(4)}",
        external_id=body.get("external_id"),
        root_view_id=links.get("root_view_id"),
        previous_view_id=links.get("previous_view_id"),
    )
    ctx.ws.views[view.id] = view
    return view


def views_open(ctx: CallContext) -> JSON:
    body = _view_body(ctx, "modal")
    user_id = _take_trigger(ctx)
    for old in ctx.ws.open_modals(user_id):
        old.closed = True  # a new views.open replaces the user's modal stack
    return {"view": _new_view(ctx, body, user_id).to_api()}


def views_push(ctx: CallContext) -> JSON:
    body = _view_body(ctx, "modal")
    user_id = _take_trigger(ctx)
    stack = [v for v in ctx.ws.open_modals(user_id) if not v.closed]
    if not stack:
        raise SlackError("not_found")
    if len(stack) >= MAX_MODAL_STACK:
        raise SlackError("push_limit_reached")
    top = stack[-1]
    view = _new_view(
        ctx, body, user_id, root_view_id=top.root_view_id or top.id, previous_view_id=top.id
    )
    return {"view": view.to_api()}


def views_update(ctx: CallContext) -> JSON:
    view_id = ctx.opt_str("view_id")
    external_id = ctx.opt_str("external_id")
    if not view_id and not external_id:
        raise SlackError("invalid_arguments")
    found = (
        ctx.ws.views.get(view_id or "")
        if view_id
        else next((v for v in ctx.ws.views.values() if v.external_id == external_id), None)
    )
    if found is None or found.closed:
        raise SlackError("not_found")
    body = _view_body(ctx, found.type)
    wanted_hash = ctx.opt_str("hash")
    if wanted_hash and wanted_hash != found.hash:
        raise SlackError("hash_conflict")
    found.body = body
    found.hash = f"{time.time():.6f}.{secrets.token_hex(4)}"
    return {"view": found.to_api()}


def views_publish(ctx: CallContext) -> JSON:
    user = ctx.user("user_id")
    body = _view_body(ctx, "home")
    current = ctx.ws.home_view(user.id)
    wanted_hash = ctx.opt_str("hash")
    if current is not None:
        if wanted_hash and wanted_hash != current.hash:
            raise SlackError("hash_conflict")
        current.body = body
        current.hash = f"{time.time():.6f}.{secrets.token_hex(4)}"
        return {"view": current.to_api()}
    return {"view": _new_view(ctx, body, user.id).to_api()}


METHODS: dict[str, Handler] = {
    "views.open": views_open,
    "views.push": views_push,
    "views.update": views_update,
    "views.publish": views_publish,
}
