"""The request bodies Slack sends an app: event envelopes, commands, interactivity payloads.

Shapes follow Slack's documentation field for field, so Bolt parses them exactly as in
production. The builders are pure apart from issuing trigger ids and `response_url`s.
"""

from __future__ import annotations

import secrets
import string
import time
from typing import Any

from bot.standin.model import Ephemeral, Message, User, View
from bot.standin.responses import ResponseUrls
from bot.standin.workspace import Workspace

JSON = dict[str, Any]


def new_event_id() -> str:
    alphabet = string.ascii_uppercase + string.digits
    return "Ev" + "".join(secrets.choice(alphabet) for _ in range(9))


def envelope(
    ws: Workspace, event: JSON, *, event_id: str | None = None, event_time: int | None = None
) -> JSON:
    """Wrap an inner event in the `event_callback` envelope of the Events API."""
    channel = ws.channels.get(str(event.get("channel") or event.get("channel_id") or ""))
    return {
        "token": ws.verification_token,
        "team_id": ws.team_id,
        "enterprise_id": ws.enterprise_id,
        "context_team_id": ws.team_id,
        "context_enterprise_id": ws.enterprise_id,
        "api_app_id": ws.app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or new_event_id(),
        "event_time": event_time or int(time.time()),
        "authorizations": [
            {
                "enterprise_id": ws.enterprise_id,
                "team_id": ws.team_id,
                "user_id": ws.bot_user_id,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": bool(channel and channel.is_ext_shared),
        "event_context": "4-" + secrets.token_urlsafe(24),
    }


def url_verification(ws: Workspace, challenge: str) -> JSON:
    return {"token": ws.verification_token, "challenge": challenge, "type": "url_verification"}


def _user_ref(ws: Workspace, user_id: str) -> JSON:
    user: User | None = ws.users.get(user_id)
    name = user.name if user else user_id
    return {"id": user_id, "username": name, "name": name, "team_id": ws.team_id}


def slash_command(
    ws: Workspace,
    responses: ResponseUrls,
    user_id: str,
    channel_id: str,
    text: str,
    command: str = "/phi",
) -> dict[str, str]:
    """The form fields of a slash command invocation."""
    channel = ws.channels.get(channel_id)
    user = ws.users.get(user_id)
    return {
        "token": ws.verification_token,
        "team_id": ws.team_id,
        "team_domain": ws.domain,
        "channel_id": channel_id,
        "channel_name": channel.name if channel else "directmessage",
        "user_id": user_id,
        "user_name": user.name if user else user_id,
        "command": command,
        "text": text,
        "api_app_id": ws.app_id,
        "is_enterprise_install": "false",
        "response_url": responses.new_url(channel_id, user_id),
        "trigger_id": ws.new_trigger_id(user_id),
    }


def find_element(blocks: list[JSON] | None, action_id: str) -> tuple[str, JSON]:
    """(block_id, element) of the interactive element with `action_id` in these blocks."""
    for block in blocks or []:
        candidates = list(block.get("elements", [])) if block.get("type") == "actions" else []
        if "accessory" in block:
            candidates.append(block["accessory"])
        if block.get("type") == "input" and "element" in block:
            candidates.append(block["element"])
        for element in candidates:
            if isinstance(element, dict) and element.get("action_id") == action_id:
                return str(block.get("block_id", "")), element
    raise LookupError(f"no element with action_id {action_id!r} in these blocks")


def _action(block_id: str, element: JSON, value: Any) -> JSON:
    action: JSON = {
        "action_id": element["action_id"],
        "block_id": block_id,
        "type": element["type"],
        "action_ts": f"{time.time():.6f}",
    }
    if element["type"] == "button":
        action["text"] = element.get("text")
        action["value"] = value if value is not None else element.get("value", "")
        if "style" in element:
            action["style"] = element["style"]
    elif element["type"] in ("static_select", "radio_buttons", "overflow"):
        action["selected_option"] = _option(element, value)
    else:
        action["value"] = value
    return action


def block_actions(
    ws: Workspace,
    responses: ResponseUrls,
    user_id: str,
    source: Message | Ephemeral | View,
    action_id: str,
    value: Any = None,
) -> JSON:
    """A click on `action_id` in a message, an ephemeral message or a view."""
    payload: JSON = {
        "type": "block_actions",
        "user": _user_ref(ws, user_id),
        "api_app_id": ws.app_id,
        "token": ws.verification_token,
        "trigger_id": ws.new_trigger_id(user_id),
        "team": {"id": ws.team_id, "domain": ws.domain},
        "enterprise": None,
        "is_enterprise_install": False,
        "state": {"values": {}},
    }
    if isinstance(source, View):
        block_id, element = find_element(source.body.get("blocks"), action_id)
        payload["container"] = {"type": "view", "view_id": source.id}
        payload["view"] = source.to_api()
    else:
        block_id, element = find_element(source.blocks, action_id)
        channel = ws.channels.get(source.channel)
        ephemeral = isinstance(source, Ephemeral)
        payload["container"] = {
            "type": "message",
            "message_ts": source.ts,
            "channel_id": source.channel,
            "is_ephemeral": ephemeral,
        }
        payload["channel"] = {"id": source.channel, "name": channel.name if channel else ""}
        if isinstance(source, Message):
            payload["message"] = source.to_api(ws)
        payload["response_url"] = responses.new_url(
            source.channel, user_id, message_ts=source.ts, ephemeral=ephemeral
        )
    payload["actions"] = [_action(block_id, element, value)]
    return payload


def view_submission(ws: Workspace, user_id: str, view: View, answers: dict[str, Any]) -> JSON:
    """Submitting a modal; `answers` maps action_id to a value, option value(s) or date."""
    data = view.to_api()
    data["state"] = {"values": state_values(view.body.get("blocks", []), answers)}
    return {
        "type": "view_submission",
        "team": {"id": ws.team_id, "domain": ws.domain},
        "user": _user_ref(ws, user_id),
        "api_app_id": ws.app_id,
        "token": ws.verification_token,
        "trigger_id": ws.new_trigger_id(user_id),
        "view": data,
        "response_urls": [],
        "enterprise": None,
        "is_enterprise_install": False,
    }


def view_closed(ws: Workspace, user_id: str, view: View) -> JSON:
    return {
        "type": "view_closed",
        "team": {"id": ws.team_id, "domain": ws.domain},
        "user": _user_ref(ws, user_id),
        "api_app_id": ws.app_id,
        "token": ws.verification_token,
        "view": view.to_api(),
        "is_cleared": False,
        "is_enterprise_install": False,
    }


def state_values(blocks: list[JSON], answers: dict[str, Any]) -> JSON:
    """`view.state.values`: {block_id: {action_id: {type, value | selected_*}}}."""
    unknown = set(answers)
    values: JSON = {}
    for block in blocks:
        element = block.get("element") if block.get("type") == "input" else None
        if not isinstance(element, dict) or "action_id" not in element:
            continue
        action_id = element["action_id"]
        unknown.discard(action_id)
        values.setdefault(block.get("block_id", ""), {})[action_id] = _state(
            element, answers.get(action_id)
        )
    if unknown:
        raise LookupError(f"no input with action_id(s) {sorted(unknown)} in this view")
    return values


def _option(element: JSON, value: Any) -> JSON | None:
    if value is None:
        return None
    for option in element.get("options", []):
        if option.get("value") == value:
            return {"text": option.get("text"), "value": value}
    raise LookupError(f"no option {value!r} in element {element.get('action_id')!r}")


def _state(element: JSON, value: Any) -> JSON:
    kind = element["type"]
    state: JSON = {"type": kind}
    if kind in ("checkboxes", "multi_static_select"):
        state["selected_options"] = [_option(element, v) for v in value or []]
    elif kind in ("radio_buttons", "static_select"):
        state["selected_option"] = _option(element, value)
    elif kind == "datepicker":
        state["selected_date"] = value
    elif kind == "timepicker":
        state["selected_time"] = value
    elif kind == "users_select":
        state["selected_user"] = value
    elif kind == "conversations_select":
        state["selected_conversation"] = value
    elif kind == "channels_select":
        state["selected_channel"] = value
    elif kind.startswith("multi_"):
        state[
            {
                "multi_users_select": "selected_users",
                "multi_conversations_select": "selected_conversations",
                "multi_channels_select": "selected_channels",
            }.get(kind, "selected_options")
        ] = list(value or [])
    else:
        state["value"] = value
    return state
