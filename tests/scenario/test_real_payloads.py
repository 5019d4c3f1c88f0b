"""Every real payload in tests/payloads/ through the running app over signed HTTP.

Bolt's request parsing, our listeners and the fallbacks all see Slack's own shapes; none of
them may answer 5xx (Slack would retry a payload we can never handle) or stop the app from
guarding the next post.
"""

from __future__ import annotations

import json

import pytest

from tests import payloads
from tests.scenario.conftest import PHI_TEXT, Harness


@pytest.mark.parametrize("name", payloads.names())
async def test_when_slack_sends_a_real_payload_then_it_is_answered_and_guarding_goes_on(
    name: str, h: Harness
) -> None:
    body = payloads.body(name)
    if payloads.kind(name) == "event":
        delivery = await h.sender.post(json.dumps(body), "application/json")
    else:
        delivery = await h.sender._form({"payload": json.dumps(body)})
    assert delivery.status == 200, (name, delivery.status)
    await h.settle()
    await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.delete")
