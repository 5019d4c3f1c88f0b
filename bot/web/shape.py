"""What a signed request to `POST /slack/events` must look like before Bolt sees it.

Slack sends UTF-8 JSON (events) or a UTF-8 form (slash commands; interactivity as a form
with one JSON `payload` field), shallow and with the fields its docs list. A request that
is signed but not shaped like that (a bug in a proxy, a replay with a changed body that
still verifies, someone holding the signing secret) must not reach Bolt's parser and our
listeners, where it ends as a 500 with a traceback and a Slack retry of the same bytes.
`problem()` names what is wrong in one word for the log line; the guard answers 400.

Sources for the shapes: Slack's Events API docs (the `event_callback` wrapper: `event` is an
object with a string `type`), the interactivity docs (`block_actions` carries a non-empty
`actions` array of objects with `action_id`), and the payloads under tests/payloads/.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

# Deepest nesting accepted; Slack's deepest payloads (an edited forward's message_blocks, a
# rich text input in view.state) stay under 20 levels.
MAX_DEPTH = 64


def _depth_exceeds(value: Any, limit: int) -> bool:
    """True when `value` nests deeper than `limit` (iterative: no recursion to exhaust)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node if isinstance(v, dict | list))
    return False


def _json(text: str) -> tuple[Any, str | None]:
    try:
        return json.loads(text), None
    except RecursionError:
        return None, "too_deep"
    except ValueError:
        return None, "bad_json"


def _str(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _event_problem(body: Any) -> str | None:
    if not isinstance(body, dict):
        return "not_an_object"
    if not _str(body.get("type")):
        return "no_type"
    if body["type"] == "url_verification":
        return None if isinstance(body.get("challenge"), str) else "no_challenge"
    if body["type"] == "event_callback":
        event = body.get("event")
        if not isinstance(event, dict):
            return "event_not_an_object"
        if not _str(event.get("type")):
            return "event_without_type"
        for key in ("event_id", "team_id", "api_app_id"):
            if key in body and not isinstance(body[key], str):
                return f"{key}_not_a_string"
        if "authorizations" in body and not isinstance(body["authorizations"], list):
            return "authorizations_not_a_list"
    return None


def _interaction_problem(payload: Any) -> str | None:
    if not isinstance(payload, dict):
        return "payload_not_an_object"
    kind = payload.get("type")
    if not _str(kind):
        return "payload_without_type"
    user = payload.get("user")
    if user is not None and not isinstance(user, dict):
        return "user_not_an_object"
    if kind == "block_actions":
        actions = payload.get("actions")
        if not isinstance(actions, list) or not actions:
            return "no_actions"
        if not all(isinstance(a, dict) and _str(a.get("action_id")) for a in actions):
            return "action_without_id"
    elif kind in ("view_submission", "view_closed") and not isinstance(payload.get("view"), dict):
        return "view_not_an_object"
    return None


def problem(raw: bytes, content_type: str) -> str | None:
    """None when `raw` is shaped like a Slack request of `content_type`, else a reason word."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "not_utf8"
    if content_type == "application/json":
        body, error = _json(text)
        if error:
            return error
        if _depth_exceeds(body, MAX_DEPTH):
            return "too_deep"
        return _event_problem(body)
    try:
        form = parse_qs(text, keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        return "bad_form"
    if "payload" not in form:
        return None  # a slash command or an ssl_check: flat strings, Bolt reads them as such
    if len(form["payload"]) != 1:
        return "several_payloads"
    payload, error = _json(form["payload"][0])
    if error:
        return error
    if _depth_exceeds(payload, MAX_DEPTH):
        return "too_deep"
    return _interaction_problem(payload)
