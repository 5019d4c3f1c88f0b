"""The consent modal: the six consent points, the intended use and the channel question.

Each consent point is its own required input block holding one checkbox, so Slack refuses to
submit until every point is ticked; `validate_consent_submission` checks again on our side
(a payload can be forged) and rejects "this channel is not approved" with an explanation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.messages.ids import (
    ACTION_CHANNEL_APPROVED,
    ACTION_CONSENT_POINT,
    ACTION_INTENDED_USE,
    BLOCK_CHANNEL_APPROVED,
    BLOCK_CONSENT_CARE,
    BLOCK_CONSENT_PERMANENCE,
    BLOCK_CONSENT_SEPARATE,
    BLOCK_CONSENT_SHOWN,
    BLOCK_CONSENT_USES,
    BLOCK_CONSENT_WRITTEN,
    BLOCK_INTENDED_USE,
    CONSENT_POINT_VALUE,
    VIEW_CONSENT,
)
from bot.messages.kit import Block, View, context, plain, section


@dataclass(frozen=True, slots=True)
class ConsentPoint:
    """One of the six things the patient's written consent must cover."""

    key: str  # stored in the audit trail (`ConsentAttestation.points`)
    block_id: str
    label: str  # the question, shown as the input label


CONSENT_POINTS: tuple[ConsentPoint, ...] = (
    ConsentPoint(
        "uses",
        BLOCK_CONSENT_USES,
        "1. Every intended use was discussed with the patient (record only, teaching, publication, external consult).",
    ),
    ConsentPoint(
        "shown",
        BLOCK_CONSENT_SHOWN,
        "2. The patient was shown the actual image or text being shared.",
    ),
    ConsentPoint(
        "permanence",
        BLOCK_CONSENT_PERMANENCE,
        "3. The patient was told that once shared electronically it can never be fully removed.",
    ),
    ConsentPoint(
        "written",
        BLOCK_CONSENT_WRITTEN,
        "4. The patient has it in writing, with contact details for withdrawing consent.",
    ),
    ConsentPoint(
        "separate",
        BLOCK_CONSENT_SEPARATE,
        "5. This consent was taken separately from surgical or treatment consent.",
    ),
    ConsentPoint(
        "care",
        BLOCK_CONSENT_CARE,
        "6. It is documented that refusing would not affect the patient's care.",
    ),
)
CONSENT_POINT_KEYS = tuple(p.key for p in CONSENT_POINTS)

# Intended use codes (stored) and their labels (Slack option text: 75 characters at most).
INTENDED_USES: tuple[tuple[str, str], ...] = (
    ("record_only", "The medical record only"),
    ("care_team", "Discussion with the care team"),
    ("teaching", "Teaching"),
    ("publication", "Publication"),
    ("external_consult", "An external consult"),
)
INTENDED_USE_CODES = tuple(code for code, _ in INTENDED_USES)

CHANNEL_YES = "yes"
CHANNEL_NO = "no"

ERROR_POINT = (
    "Please confirm this point. If you can't, cancel and post a de-identified version instead."
)
ERROR_INTENDED_USE = "Choose what the patient agreed this will be used for."
ERROR_CHANNEL_MISSING = "Please answer this question."
ERROR_CHANNEL_NO = (
    "Consent is not enough on its own: identifiable details may only go in a channel your "
    'institution approved for PHI. Cancel and choose "Post a de-identified version instead".'
)


@dataclass(frozen=True, slots=True)
class ConsentSubmission:
    """What the poster ticked: point keys, intended use code, channel answer. No free text."""

    points: tuple[str, ...]
    intended_use: str | None
    channel_approved: bool | None

    @property
    def complete(self) -> bool:
        """All six points, a known intended use, and "yes, this channel is approved"."""
        return (
            set(self.points) == set(CONSENT_POINT_KEYS)
            and self.intended_use in INTENDED_USE_CODES
            and self.channel_approved is True
        )


def _option(value: str, text: str) -> dict[str, Any]:
    return {"text": plain(text, 75), "value": value}


def consent_modal(confirm_id: str) -> View:
    """The `views.open` view for the attest button; `private_metadata` is the confirm_id only."""
    blocks: list[Block] = [
        section(
            "Before your post goes back up, confirm that the patient's written consent covers "
            "each point below. All are required."
        )
    ]
    for point in CONSENT_POINTS:
        blocks.append(
            {
                "type": "input",
                "block_id": point.block_id,
                "label": plain(point.label, 2000),
                "element": {
                    "type": "checkboxes",
                    "action_id": ACTION_CONSENT_POINT,
                    "options": [_option(CONSENT_POINT_VALUE, "Yes, and it is documented")],
                },
            }
        )
    blocks.append(
        {
            "type": "input",
            "block_id": BLOCK_INTENDED_USE,
            "label": plain("What did the patient agree this will be used for?", 2000),
            "element": {
                "type": "static_select",
                "action_id": ACTION_INTENDED_USE,
                "placeholder": plain("Choose the intended use"),
                "options": [_option(code, label) for code, label in INTENDED_USES],
            },
        }
    )
    blocks.append(
        {
            "type": "input",
            "block_id": BLOCK_CHANNEL_APPROVED,
            "label": plain("Is this channel approved by your institution for PHI?", 2000),
            "element": {
                "type": "radio_buttons",
                "action_id": ACTION_CHANNEL_APPROVED,
                "options": [
                    _option(CHANNEL_YES, "Yes, it is approved for PHI"),
                    _option(CHANNEL_NO, "No, or I'm not sure"),
                ],
            },
        }
    )
    blocks.append(
        context("Your answers are recorded in the audit trail with your name and the time.")
    )
    return {
        "type": "modal",
        "callback_id": VIEW_CONSENT,
        "private_metadata": confirm_id,
        "title": plain("Confirm consent", 24),
        "submit": plain("Restore my post", 24),
        "close": plain("Cancel", 24),
        "blocks": blocks,
    }


def _selected(state_values: Mapping[str, Any], block_id: str, action_id: str) -> list[str]:
    """Values chosen in one input, whatever its element type; [] if absent or malformed."""
    block = state_values.get(block_id)
    if not isinstance(block, Mapping):
        return []
    element = block.get(action_id)
    if not isinstance(element, Mapping):
        return []
    options = element.get("selected_options")
    if isinstance(options, list):
        return [str(o.get("value")) for o in options if isinstance(o, Mapping)]
    option = element.get("selected_option")
    if isinstance(option, Mapping) and option.get("value") is not None:
        return [str(option["value"])]
    return []


def parse_consent_submission(state_values: Mapping[str, Any]) -> ConsentSubmission:
    """Read `view.state.values` into codes; anything not one of our option values is ignored."""
    points = tuple(
        p.key
        for p in CONSENT_POINTS
        if CONSENT_POINT_VALUE in _selected(state_values, p.block_id, ACTION_CONSENT_POINT)
    )
    uses = [
        u
        for u in _selected(state_values, BLOCK_INTENDED_USE, ACTION_INTENDED_USE)
        if u in INTENDED_USE_CODES
    ]
    channel = _selected(state_values, BLOCK_CHANNEL_APPROVED, ACTION_CHANNEL_APPROVED)
    approved: bool | None = None
    if CHANNEL_YES in channel:
        approved = True
    elif CHANNEL_NO in channel:
        approved = False
    return ConsentSubmission(
        points=points, intended_use=uses[0] if uses else None, channel_approved=approved
    )


def validate_consent_submission(state_values: Mapping[str, Any]) -> dict[str, str]:
    """block_id -> error for `response_action: errors`; empty when the attestation is complete."""
    submission = parse_consent_submission(state_values)
    errors = {p.block_id: ERROR_POINT for p in CONSENT_POINTS if p.key not in submission.points}
    if submission.intended_use is None:
        errors[BLOCK_INTENDED_USE] = ERROR_INTENDED_USE
    if submission.channel_approved is None:
        errors[BLOCK_CHANNEL_APPROVED] = ERROR_CHANNEL_MISSING
    elif submission.channel_approved is False:
        errors[BLOCK_CHANNEL_APPROVED] = ERROR_CHANNEL_NO
    return errors
