"""`bot.web.shape.problem`: a signed request shaped like Slack's reaches Bolt; anything else is
named in one word (the guard answers 400). Shapes from Slack's Events API and interactivity
docs and the payloads under tests/payloads/."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from bot.web.shape import MAX_DEPTH, problem
from tests.payloads import body

JSON, FORM = "application/json", "application/x-www-form-urlencoded"


def _form(payload: object) -> bytes:
    return urlencode({"payload": json.dumps(payload)}).encode()


def _nested(depth: int) -> object:
    value: object = "leaf"
    for _ in range(depth):
        value = {"k": value}
    return value


@pytest.mark.parametrize(
    ("case", "raw", "content_type"),
    [
        ("event", json.dumps(body("message")).encode(), JSON),
        ("challenge", b'{"type": "url_verification", "challenge": "abc"}', JSON),
        ("slash_command", b"command=%2Fphi&text=help&team_id=T1", FORM),
        ("block_actions", _form(body("block_actions")), FORM),
        ("view_submission", _form(body("view_submission")), FORM),
        ("deep_but_slack_deep", json.dumps({"type": "x", "v": _nested(30)}).encode(), JSON),
    ],
)
def test_when_a_request_is_shaped_like_slack_s_then_it_passes(
    case: str, raw: bytes, content_type: str
) -> None:
    assert problem(raw, content_type) is None


@pytest.mark.parametrize(
    ("case", "raw", "content_type", "reason"),
    [
        ("latin1", "café".encode("latin-1"), JSON, "not_utf8"),
        ("not_json", b"{nope", JSON, "bad_json"),
        ("array", b"[]", JSON, "not_an_object"),
        ("no_type", b"{}", JSON, "no_type"),
        ("no_challenge", b'{"type": "url_verification"}', JSON, "no_challenge"),
        ("event_string", b'{"type": "event_callback", "event": "x"}', JSON, "event_not_an_object"),
        ("event_untyped", b'{"type": "event_callback", "event": {}}', JSON, "event_without_type"),
        (
            "numeric_team",
            b'{"type": "event_callback", "event": {"type": "message"}, "team_id": 7}',
            JSON,
            "team_id_not_a_string",
        ),
        ("too_deep", json.dumps(_nested(MAX_DEPTH + 1)).encode(), JSON, "too_deep"),
        ("two_payloads", b"payload=%7B%7D&payload=%7B%7D", FORM, "several_payloads"),
        ("payload_list", _form([]), FORM, "payload_not_an_object"),
        ("no_actions", _form({"type": "block_actions", "actions": []}), FORM, "no_actions"),
        (
            "action_without_id",
            _form({"type": "block_actions", "actions": [{"value": "x"}]}),
            FORM,
            "action_without_id",
        ),
        ("view_missing", _form({"type": "view_submission"}), FORM, "view_not_an_object"),
        ("user_string", _form({"type": "shortcut", "user": "U1"}), FORM, "user_not_an_object"),
    ],
)
def test_when_a_signed_request_is_not_shaped_like_slack_s_then_one_word_says_why(
    case: str, raw: bytes, content_type: str, reason: str
) -> None:
    assert problem(raw, content_type) == reason
