"""The stand-in's payload builders: the Events API envelope carries what Slack's does (bolt-python's
fixture, `tests/payloads/message.json`), a slash command hands out a working `response_url` and a
trigger, and `state_values` fills a real modal so that our own validator accepts it."""

from __future__ import annotations

import pytest

from bot.messages import ids
from bot.messages.consent import (
    CHANNEL_YES,
    consent_modal,
    validate_consent_submission,
)
from bot.standin import Workspace
from bot.standin.payloads import envelope, find_element, slash_command, state_values
from bot.standin.recorder import Recorder
from bot.standin.responses import ResponseUrls
from tests import payloads


def _ws() -> Workspace:
    ws = Workspace()
    maria = ws.add_user("maria", user_id="U0MARIA")
    ws.add_channel("partner", members=[maria.id], is_ext_shared=True, channel_id="C0PARTNER")
    return ws


def test_the_envelope_has_every_top_level_field_of_slacks_and_says_when_shared() -> None:
    ws = _ws()
    event = ws.post_as_user("U0MARIA", "C0PARTNER", "hello")
    body = envelope(ws, event, event_id="Ev1", event_time=1700000000)
    real = payloads.body("message")
    assert set(real) - {"authed_users"} <= set(body)  # authed_users is deprecated by Slack
    assert (body["type"], body["event_id"], body["team_id"]) == (
        "event_callback",
        "Ev1",
        ws.team_id,
    )
    assert body["is_ext_shared_channel"] is True
    assert body["authorizations"][0]["user_id"] == ws.bot_user_id


def test_a_slash_command_carries_a_response_url_and_names_a_dm_as_slack_does() -> None:
    ws = _ws()
    urls = ResponseUrls(ws, Recorder())
    fields = slash_command(ws, urls, "U0MARIA", "D0NOWHERE", "help")
    assert fields["channel_name"] == "directmessage"
    assert fields["command"] == "/phi" and fields["text"] == "help"
    rid = fields["response_url"].rsplit("/", 1)[1]
    assert urls.targets[rid].user_id == "U0MARIA"
    assert fields["trigger_id"]


def test_state_values_of_a_filled_consent_modal_pass_our_validator() -> None:
    view = consent_modal("CF1")
    answers = {
        ids.ACTION_CONSENT_POINT: ["yes"],
        ids.ACTION_INTENDED_USE: "teaching",
        ids.ACTION_CHANNEL_APPROVED: CHANNEL_YES,
    }
    values = state_values(view["blocks"], answers)
    assert validate_consent_submission(values) == {}
    with pytest.raises(LookupError):
        state_values(view["blocks"], {"no_such_input": "x"})
    with pytest.raises(LookupError):
        state_values(view["blocks"], {ids.ACTION_INTENDED_USE: "not an option"})


def test_find_element_finds_buttons_and_inputs_or_says_it_cannot() -> None:
    view = consent_modal("CF1")
    block_id, element = find_element(view["blocks"], ids.ACTION_INTENDED_USE)
    assert block_id == ids.BLOCK_INTENDED_USE and element["type"] == "static_select"
    with pytest.raises(LookupError):
        find_element(view["blocks"], "missing")
