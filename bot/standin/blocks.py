"""Block Kit checks Slack applies before accepting a message or a view.

Not the whole Block Kit schema: the structural rules a bot most often breaks (unknown block
or element types, missing text, over-long text, too many blocks, duplicate ids), each reported
as Slack does with `invalid_blocks` and a pointer in `response_metadata.messages`.
"""

from __future__ import annotations

from typing import Any, NoReturn

from bot.standin.context import SlackError

BLOCK_TYPES = frozenset(
    {
        "actions", "context", "divider", "file", "header", "image", "input",
        "rich_text", "section", "video", "markdown",
    }
)  # fmt: skip
ELEMENT_TYPES = frozenset(
    {
        "button", "checkboxes", "datepicker", "datetimepicker", "email_text_input", "image",
        "multi_static_select", "multi_users_select", "multi_conversations_select",
        "multi_channels_select", "multi_external_select", "number_input", "overflow",
        "plain_text_input", "radio_buttons", "rich_text_input", "static_select",
        "external_select", "timepicker", "url_text_input", "users_select",
        "conversations_select", "channels_select", "file_input",
    }
)  # fmt: skip
TEXT_TYPES = frozenset({"plain_text", "mrkdwn"})
# Option object: `text` at most 75 characters, `value` at most 150
# (docs.slack.dev/reference/block-kit/composition-objects/option-object). Options per element:
# static_select and multi_static_select 100, checkboxes and radio_buttons 10, overflow 5
# (docs.slack.dev/reference/block-kit/block-elements/select-menu-element,
# .../checkboxes-element, .../radio-button-group-element, .../overflow-menu-element).
OPTION_TEXT_MAX = 75
OPTION_LIMITS = {
    "static_select": 100,
    "multi_static_select": 100,
    "checkboxes": 10,
    "radio_buttons": 10,
    "overflow": 5,
}
MESSAGE_BLOCK_LIMIT = 50
VIEW_BLOCK_LIMIT = 100
# Text over every block of a message: Slack answers `msg_blocks_too_long`. The docs give no
# figure; slackapi/bolt-js#2509 measured rejections from about 13,200 characters, varying with
# the blocks, so the stand-in refuses past 12,000 (`bot.messages.limits.BLOCKS_TEXT_MAX`).
MESSAGE_BLOCKS_TEXT_LIMIT = 12_000


def validate_blocks(
    blocks: Any, *, limit: int = MESSAGE_BLOCK_LIMIT, in_view: bool = False
) -> None:
    """Raise `SlackError('invalid_blocks')` when Slack would reject these blocks."""
    if not isinstance(blocks, list):
        _fail("blocks must be an array")
    if len(blocks) > limit:
        _fail(f"no more than {limit} items allowed")
    if not in_view and _text_length(blocks) > MESSAGE_BLOCKS_TEXT_LIMIT:
        raise SlackError("msg_blocks_too_long")
    block_ids: set[str] = set()
    for index, block in enumerate(blocks):
        where = f"/{index}"
        if not isinstance(block, dict) or block.get("type") not in BLOCK_TYPES:
            _fail(f"unknown or missing block type [json-pointer:{where}/type]")
        block_id = block.get("block_id")
        if block_id is not None:
            if not isinstance(block_id, str) or not 0 < len(block_id) <= 255:
                _fail(f"invalid block_id [json-pointer:{where}/block_id]")
            if block_id in block_ids:
                _fail(f"duplicate block_id [json-pointer:{where}/block_id]")
            block_ids.add(block_id)
        _validate_block(block, where, in_view)


def _validate_block(block: dict[str, Any], where: str, in_view: bool) -> None:
    kind = block["type"]
    if kind == "section":
        if "text" not in block and "fields" not in block:
            _fail(f"section needs text or fields [json-pointer:{where}]")
        if "text" in block:
            _text(block["text"], f"{where}/text", 3000)
        for i, item in enumerate(block.get("fields", [])):
            _text(item, f"{where}/fields/{i}", 2000)
        if "accessory" in block:
            _element(block["accessory"], f"{where}/accessory")
    elif kind == "header":
        _text(block.get("text"), f"{where}/text", 150, plain_only=True)
    elif kind == "context":
        elements = block.get("elements")
        if not isinstance(elements, list) or not 0 < len(elements) <= 10:
            _fail(f"context needs 1-10 elements [json-pointer:{where}/elements]")
        for i, item in enumerate(elements):
            if isinstance(item, dict) and item.get("type") == "image":
                continue
            _text(item, f"{where}/elements/{i}", 3000)
    elif kind == "actions":
        elements = block.get("elements")
        if not isinstance(elements, list) or not 0 < len(elements) <= 25:
            _fail(f"actions needs 1-25 elements [json-pointer:{where}/elements]")
        action_ids: set[str] = set()
        for i, item in enumerate(elements):
            _element(item, f"{where}/elements/{i}")
            action_id = item.get("action_id")
            if action_id is not None and action_id in action_ids:
                _fail(f"duplicate action_id [json-pointer:{where}/elements/{i}/action_id]")
            if action_id is not None:
                action_ids.add(action_id)
    elif kind == "input":
        if not in_view:
            _fail(f"input blocks are only allowed in views [json-pointer:{where}]")
        _text(block.get("label"), f"{where}/label", 2000, plain_only=True)
        _element(block.get("element"), f"{where}/element")
    elif kind == "image":
        if not block.get("image_url") and not block.get("slack_file"):
            _fail(f"image needs image_url [json-pointer:{where}/image_url]")
        if not isinstance(block.get("alt_text"), str):
            _fail(f"image needs alt_text [json-pointer:{where}/alt_text]")


def _text(obj: Any, where: str, max_len: int, *, plain_only: bool = False) -> None:
    if not isinstance(obj, dict) or obj.get("type") not in TEXT_TYPES:
        _fail(f"must be a text object [json-pointer:{where}]")
    if plain_only and obj["type"] != "plain_text":
        _fail(f"must be plain_text [json-pointer:{where}/type]")
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        _fail(f"text must be a non-empty string [json-pointer:{where}/text]")
    if len(text) > max_len:
        _fail(f"must be less than {max_len + 1} characters [json-pointer:{where}/text]")


def _element(obj: Any, where: str) -> None:
    if not isinstance(obj, dict) or obj.get("type") not in ELEMENT_TYPES:
        _fail(f"unknown or missing element type [json-pointer:{where}/type]")
    action_id = obj.get("action_id")
    if action_id is not None and (not isinstance(action_id, str) or len(action_id) > 255):
        _fail(f"invalid action_id [json-pointer:{where}/action_id]")
    if obj["type"] == "button":
        _text(obj.get("text"), f"{where}/text", 75, plain_only=True)
        value = obj.get("value")
        if value is not None and (not isinstance(value, str) or len(value) > 2000):
            _fail(
                f"button value must be a string under 2001 characters [json-pointer:{where}/value]"
            )
        if obj.get("style") not in (None, "primary", "danger"):
            _fail(f"invalid button style [json-pointer:{where}/style]")
    if obj["type"] in OPTION_LIMITS:
        options = obj.get("options", obj.get("option_groups"))
        if not isinstance(options, list) or not options:
            _fail(f"options required [json-pointer:{where}/options]")
        if len(options) > OPTION_LIMITS[obj["type"]]:
            _fail(
                f"no more than {OPTION_LIMITS[obj['type']]} items allowed "
                f"[json-pointer:{where}/options]"
            )
        for i, option in enumerate(obj.get("options", [])):
            if not isinstance(option, dict) or not isinstance(option.get("value"), str):
                _fail(f"option needs a value [json-pointer:{where}/options/{i}]")
            if len(option["value"]) > 150:
                _fail(f"must be less than 151 characters [json-pointer:{where}/options/{i}/value]")
            _text(option.get("text"), f"{where}/options/{i}/text", OPTION_TEXT_MAX)
            if "description" in option:
                _text(option["description"], f"{where}/options/{i}/description", OPTION_TEXT_MAX)


def _text_length(obj: Any) -> int:
    """Characters in every text object's `text` under `obj` (what the total limit counts)."""
    if isinstance(obj, dict):
        if isinstance(obj.get("text"), str):  # text objects and rich_text's text elements
            return len(obj["text"])
        return sum(_text_length(v) for v in obj.values())
    if isinstance(obj, list):
        return sum(_text_length(v) for v in obj)
    return 0


def _fail(message: str) -> NoReturn:
    raise SlackError("invalid_blocks", response_metadata={"messages": [f"[ERROR] {message}"]})
