"""Slack's Block Kit limits, checked on our own payloads so a message is never rejected live.

`problems(payload, surface)` lists every limit a payload breaks; tests run it over each builder.
Limits from api.slack.com/reference/block-kit (blocks, composition objects, surfaces), and
the whole-message ones of https://docs.slack.dev/reference/methods/chat.postMessage: a `text`
over 40,000 characters is `msg_too_long`; text over all blocks past about 12,000 characters is
`msg_blocks_too_long` (the docs give no figure: slackapi/bolt-js#2509 measured it near 13,200
and varying with the blocks, so 12,000 is kept).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MAX_BLOCKS = {"message": 50, "modal": 100, "home": 100}
SECTION_TEXT = 3000
SECTION_FIELDS = 10
FIELD_TEXT = 2000
HEADER_TEXT = 150
CONTEXT_ELEMENTS = 10
ACTIONS_ELEMENTS = 25
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
ACTION_ID = 255
BLOCK_ID = 255
OPTION_TEXT = 75
OPTION_VALUE = 150
OPTIONS = 100  # static_select
FEW_OPTIONS = 10  # checkboxes, radio_buttons
INPUT_LABEL = 2000
VIEW_TITLE = 24
VIEW_BUTTON = 24
PRIVATE_METADATA = 3000
CALLBACK_ID = 255
FALLBACK_TEXT = 40000
BLOCKS_TEXT_MAX = 12_000  # messages only: text over every block together


def _text(obj: Any, path: str, limit: int, out: list[str], kind: str | None = None) -> None:
    if not isinstance(obj, Mapping) or not isinstance(obj.get("text"), str):
        out.append(f"{path}: missing text object")
        return
    if kind and obj.get("type") != kind:
        out.append(f"{path}: must be {kind}")
    text = obj["text"]
    if not text.strip():
        out.append(f"{path}: empty text")
    if len(text) > limit:
        out.append(f"{path}: {len(text)} > {limit} characters")


def _element(el: Mapping[str, Any], path: str, out: list[str]) -> None:
    action_id = el.get("action_id")
    if el.get("type") != "image" and (
        not isinstance(action_id, str) or not 0 < len(action_id) <= ACTION_ID
    ):
        out.append(f"{path}: action_id missing or over {ACTION_ID}")
    if el.get("type") == "button":
        _text(el.get("text"), f"{path}.text", BUTTON_TEXT, out, "plain_text")
        if len(str(el.get("value", ""))) > BUTTON_VALUE:
            out.append(f"{path}: value over {BUTTON_VALUE}")
        if el.get("style") not in (None, "primary", "danger"):
            out.append(f"{path}: bad style")
    options = el.get("options")
    if options is not None:
        most = FEW_OPTIONS if el.get("type") in ("checkboxes", "radio_buttons") else OPTIONS
        if not isinstance(options, list) or not 0 < len(options) <= most:
            out.append(f"{path}: 1..{most} options")
        else:
            for j, opt in enumerate(options):
                _text(opt.get("text"), f"{path}.options[{j}].text", OPTION_TEXT, out)
                if "description" in opt:
                    _text(opt["description"], f"{path}.options[{j}].description", OPTION_TEXT, out)
                if not 0 < len(str(opt.get("value", ""))) <= OPTION_VALUE:
                    out.append(f"{path}.options[{j}]: value 1..{OPTION_VALUE}")
    if el.get("type") == "static_select" and el.get("placeholder") is not None:
        _text(el.get("placeholder"), f"{path}.placeholder", 150, out, "plain_text")


def _block(block: Mapping[str, Any], path: str, surface: str, out: list[str]) -> None:
    kind = block.get("type")
    block_id = block.get("block_id")
    if block_id is not None and not 0 < len(str(block_id)) <= BLOCK_ID:
        out.append(f"{path}: block_id over {BLOCK_ID}")
    if kind == "section":
        if "text" not in block and "fields" not in block:
            out.append(f"{path}: section needs text or fields")
        if "text" in block:
            _text(block["text"], f"{path}.text", SECTION_TEXT, out)
        fields = block.get("fields", [])
        if len(fields) > SECTION_FIELDS:
            out.append(f"{path}: more than {SECTION_FIELDS} fields")
        for j, f in enumerate(fields):
            _text(f, f"{path}.fields[{j}]", FIELD_TEXT, out)
        if "accessory" in block:
            _element(block["accessory"], f"{path}.accessory", out)
    elif kind == "header":
        _text(block.get("text"), f"{path}.text", HEADER_TEXT, out, "plain_text")
    elif kind == "context":
        elements = block.get("elements", [])
        if not 0 < len(elements) <= CONTEXT_ELEMENTS:
            out.append(f"{path}: 1..{CONTEXT_ELEMENTS} context elements")
        for j, e in enumerate(elements):
            _text(e, f"{path}.elements[{j}]", SECTION_TEXT, out)
    elif kind == "actions":
        elements = block.get("elements", [])
        if not 0 < len(elements) <= ACTIONS_ELEMENTS:
            out.append(f"{path}: 1..{ACTIONS_ELEMENTS} action elements")
        for j, e in enumerate(elements):
            _element(e, f"{path}.elements[{j}]", out)
    elif kind == "input":
        if surface == "message":
            out.append(f"{path}: input blocks only in modals")
        _text(block.get("label"), f"{path}.label", INPUT_LABEL, out, "plain_text")
        if not isinstance(block.get("element"), Mapping):
            out.append(f"{path}: input needs an element")
        else:
            _element(block["element"], f"{path}.element", out)
    elif kind != "divider":
        out.append(f"{path}: unexpected block type {kind!r}")


def blocks_text(obj: Any) -> int:
    """Characters of text in every text object under `obj` (what `msg_blocks_too_long` counts)."""
    if isinstance(obj, Mapping):
        own = len(obj["text"]) if isinstance(obj.get("text"), str) else 0
        return own + sum(blocks_text(v) for k, v in obj.items() if k != "text" or own == 0)
    if isinstance(obj, list):
        return sum(blocks_text(v) for v in obj)
    return 0


def problems(payload: Mapping[str, Any], surface: str = "message") -> list[str]:
    """Every Slack limit `payload` breaks (empty list: Slack will accept it)."""
    out: list[str] = []
    blocks = payload.get("blocks")
    if not isinstance(blocks, list) or not blocks:
        return ["blocks: missing or empty"]
    if len(blocks) > MAX_BLOCKS[surface]:
        out.append(f"blocks: {len(blocks)} > {MAX_BLOCKS[surface]}")
    ids = [b["block_id"] for b in blocks if "block_id" in b]
    if len(ids) != len(set(ids)):
        out.append("blocks: duplicate block_id")
    for i, block in enumerate(blocks):
        _block(block, f"blocks[{i}]", surface, out)
    if surface == "message":
        total = blocks_text(blocks)
        if total > BLOCKS_TEXT_MAX:
            out.append(
                f"blocks: {total} characters of text > {BLOCKS_TEXT_MAX} (msg_blocks_too_long)"
            )
        text = payload.get("text")
        if not isinstance(text, str) or not text.strip() or len(text) > FALLBACK_TEXT:
            out.append("text: fallback text missing or too long")
    if surface == "modal":
        if payload.get("type") != "modal":
            out.append("type: must be modal")
        _text(payload.get("title"), "title", VIEW_TITLE, out, "plain_text")
        for key in ("submit", "close"):
            if key in payload:
                _text(payload[key], key, VIEW_BUTTON, out, "plain_text")
        if len(str(payload.get("private_metadata", ""))) > PRIVATE_METADATA:
            out.append("private_metadata too long")
        if len(str(payload.get("callback_id", ""))) > CALLBACK_ID:
            out.append("callback_id too long")
    if surface == "home" and payload.get("type") != "home":
        out.append("type: must be home")
    return out
