"""Signed requests Slack would never send get a 400 and one log line, never a 500 and a trace
(issue 11, item 10); the app keeps guarding afterwards."""

from __future__ import annotations

import json
import logging
from urllib.parse import quote

import pytest

from tests.scenario.conftest import PHI_TEXT, Harness


def _nested(depth: int) -> str:
    return '{"type": "event_callback", "event": ' + "[" * depth + "]" * depth + "}"


BAD_BODIES: list[tuple[str, bytes, str]] = [
    ("non_utf8_json", b'{"type": "event_callback", "text": "\xff\xfe\xfa"}', "application/json"),
    ("non_utf8_form", b"payload=%7B%7D&x=\xff\xfe", "application/x-www-form-urlencoded"),
    ("deeply_nested", _nested(100_000).encode(), "application/json"),
    (
        "event_is_a_string",
        b'{"type": "event_callback", "event_id": "Ev1", "event": "x"}',
        "application/json",
    ),
    (
        "event_type_not_a_string",
        b'{"type": "event_callback", "event_id": "Ev2", '
        b'"event": {"type": ["message"], "channel": "C1"}}',
        "application/json",
    ),
    ("body_is_a_list", b"[1, 2, 3]", "application/json"),
    (
        "block_actions_without_actions",
        (
            "payload="
            + quote(
                json.dumps({"type": "block_actions", "user": {"id": "U1"}, "team": {"id": "T1"}})
            )
        ).encode(),
        "application/x-www-form-urlencoded",
    ),
    (
        "block_actions_actions_not_a_list",
        (
            "payload="
            + quote(json.dumps({"type": "block_actions", "user": {"id": "U1"}, "actions": "x"}))
        ).encode(),
        "application/x-www-form-urlencoded",
    ),
    ("payload_not_json", b"payload=%7Bnot-json", "application/x-www-form-urlencoded"),
    ("payload_is_a_number", b"payload=42", "application/x-www-form-urlencoded"),
]


@pytest.mark.parametrize(
    ("body", "content_type"), [(b, c) for _, b, c in BAD_BODIES], ids=[n for n, _, _ in BAD_BODIES]
)
async def test_a_malformed_signed_request_gets_400_and_one_line(
    h: Harness, body: bytes, content_type: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.clear()
    delivery = await h.sender.post(body, content_type)
    assert delivery.status == 400, delivery.text
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(errors) == 1, [r.getMessage() for r in errors]
    assert errors[0].exc_info is None and not errors[0].exc_text  # no traceback
    assert "Traceback" not in caplog.text
    # The app still guards: the next post with PHI is removed.
    event, _ = await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.delete")
    await h.settle()
    assert h.ws.find_message(h.partner.id, event["ts"]) is None
