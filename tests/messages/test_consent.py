"""The consent modal: its shape within Slack's limits, and a submission that is validated
(every point required, the channel approved, no forged values) and parsed."""

from __future__ import annotations

from typing import Any

import pytest

from bot import messages as m
from bot.messages import ids
from bot.messages.consent import CHANNEL_NO, CHANNEL_YES, CONSENT_POINT_KEYS, INTENDED_USE_CODES
from bot.messages.limits import problems

CONFIRM_ID = "c0123456789abcdef01234567"


def _state(
    points: tuple[str, ...] = CONSENT_POINT_KEYS,
    use: str | None = "teaching",
    channel: str | None = CHANNEL_YES,
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for p in m.CONSENT_POINTS:
        chosen = [{"value": "yes"}] if p.key in points else []
        values[p.block_id] = {
            ids.ACTION_CONSENT_POINT: {"type": "checkboxes", "selected_options": chosen}
        }
    values[ids.BLOCK_INTENDED_USE] = {
        ids.ACTION_INTENDED_USE: {
            "type": "static_select",
            "selected_option": {"value": use} if use else None,
        }
    }
    values[ids.BLOCK_CHANNEL_APPROVED] = {
        ids.ACTION_CHANNEL_APPROVED: {
            "type": "radio_buttons",
            "selected_option": {"value": channel} if channel else None,
        }
    }
    return values


def test_consent_modal_shape() -> None:
    view = m.consent_modal(CONFIRM_ID)
    assert problems(view, "modal") == []
    assert view["callback_id"] == ids.VIEW_CONSENT and view["private_metadata"] == CONFIRM_ID
    inputs = [b for b in view["blocks"] if b["type"] == "input"]
    assert [b["block_id"] for b in inputs] == [
        *ids.CONSENT_POINT_BLOCKS,
        ids.BLOCK_INTENDED_USE,
        ids.BLOCK_CHANNEL_APPROVED,
    ]
    assert all(not b.get("optional", False) for b in inputs), "every input is required"
    assert [b["element"]["type"] for b in inputs[6:]] == ["static_select", "radio_buttons"]
    uses = [o["value"] for o in inputs[6]["element"]["options"]]
    assert uses == list(INTENDED_USE_CODES)
    assert "approved by your institution for PHI" in inputs[7]["label"]["text"]


def test_complete_submission_validates_and_parses() -> None:
    state = _state()
    assert m.validate_consent_submission(state) == {}
    got = m.parse_consent_submission(state)
    assert got == m.ConsentSubmission(CONSENT_POINT_KEYS, "teaching", True) and got.complete


@pytest.mark.parametrize("missing", CONSENT_POINT_KEYS)
def test_each_consent_point_is_required(missing: str) -> None:
    state = _state(points=tuple(k for k in CONSENT_POINT_KEYS if k != missing))
    errors = m.validate_consent_submission(state)
    (block_id,) = errors
    assert block_id == next(p.block_id for p in m.CONSENT_POINTS if p.key == missing)
    assert not m.parse_consent_submission(state).complete


def test_channel_not_approved_is_rejected_with_an_explanation() -> None:
    errors = m.validate_consent_submission(_state(channel=CHANNEL_NO))
    assert set(errors) == {ids.BLOCK_CHANNEL_APPROVED}
    assert (
        "approved" in errors[ids.BLOCK_CHANNEL_APPROVED]
        and "de-identified" in errors[ids.BLOCK_CHANNEL_APPROVED]
    )
    assert m.parse_consent_submission(_state(channel=CHANNEL_NO)).channel_approved is False


def test_missing_answers_and_forged_values_are_errors() -> None:
    errors = m.validate_consent_submission(_state(use="sell_to_press", channel=None))
    assert set(errors) == {ids.BLOCK_INTENDED_USE, ids.BLOCK_CHANNEL_APPROVED}
    forged = _state()
    forged[ids.BLOCK_CONSENT_USES] = {
        ids.ACTION_CONSENT_POINT: {"selected_options": [{"value": "no"}]}
    }
    assert ids.BLOCK_CONSENT_USES in m.validate_consent_submission(forged)
    empty = m.validate_consent_submission({})
    assert len(empty) == 8
    junk: dict[str, Any] = {
        ids.BLOCK_INTENDED_USE: "x",
        ids.BLOCK_CHANNEL_APPROVED: {ids.ACTION_CHANNEL_APPROVED: 3},
    }
    assert len(m.validate_consent_submission(junk)) == 8


def test_error_strings_fit_slack() -> None:
    for error in m.validate_consent_submission(
        _state(points=(), use=None, channel=CHANNEL_NO)
    ).values():
        assert 0 < len(error) <= 250
