"""Overriding a block with a written justification: the button, the modal, the digest kept.

Microsoft Purview's policy tips let a sender override a block and say why; phiwarden does the
same where a channel's policy has `allow_override` on. The justification is what the poster
writes in their own words, so it may itself name the patient: it is never stored, logged or
sent anywhere. What the audit trail keeps is its length and a keyed hash (HMAC-SHA256 with the
install's audit salt), enough to show a justification was given and, in an investigation, to
check that a copy the poster produces is the one they wrote; not enough to read it.

The input's `min_length`/`max_length` follow Slack's plain-text input element (both 0..3000,
docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element); Slack enforces
them in the client, and `validate_justification` checks again because a payload can be forged.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.messages.ids import (
    ACTION_OVERRIDE,
    ACTION_OVERRIDE_JUSTIFICATION,
    BLOCK_OVERRIDE_ACTIONS,
    BLOCK_OVERRIDE_JUSTIFICATION,
    VIEW_OVERRIDE,
)
from bot.messages.kit import Block, View, actions, button, context, plain, section

OVERRIDE_LABEL = "Share anyway, with a justification"
MIN_JUSTIFICATION_CHARS = 20
MAX_JUSTIFICATION_CHARS = 500
# How the restored post is attributed in the channel (beside "patient consent attested").
OVERRIDE_ATTRIBUTION = "block overridden with a justification recorded by phiwarden"

ERROR_TOO_SHORT = (
    f"Please say in at least {MIN_JUSTIFICATION_CHARS} characters why this must be shared "
    "here. If you can't, cancel: the post stays removed."
)
ERROR_TOO_LONG = f"Please keep it to {MAX_JUSTIFICATION_CHARS} characters."


@dataclass(frozen=True, slots=True)
class JustificationDigest:
    """What the audit trail keeps of a justification: its length and a keyed hash."""

    chars: int
    hmac_sha256: str

    def as_payload(self) -> dict[str, Any]:
        """For the choice job (`Confirms.choose(..., justification=)`): no text in the job row."""
        return {"chars": self.chars, "hmac": self.hmac_sha256}


def override_block(override_id: str) -> Block:
    """The block notice's button; its value is the opaque override id, nothing else."""
    return actions(BLOCK_OVERRIDE_ACTIONS, [button(OVERRIDE_LABEL, ACTION_OVERRIDE, override_id)])


def override_modal(override_id: str) -> View:
    """The `views.open` view for the override button; `private_metadata` is the override id."""
    blocks: list[Block] = [
        section(
            "Your channel's policy lets you put this post back if it truly must be shared here. "
            "Say why: for example, the care it is needed for and why a de-identified version "
            "will not do."
        ),
        {
            "type": "input",
            "block_id": BLOCK_OVERRIDE_JUSTIFICATION,
            "label": plain("Why must this be shared here?", 2000),
            "element": {
                "type": "plain_text_input",
                "action_id": ACTION_OVERRIDE_JUSTIFICATION,
                "multiline": True,
                "min_length": MIN_JUSTIFICATION_CHARS,
                "max_length": MAX_JUSTIFICATION_CHARS,
            },
        },
        context(
            "Your name, the time and that you gave a justification go into the audit trail, and "
            "the override is counted in the compliance report. Your words are not stored."
        ),
    ]
    return {
        "type": "modal",
        "callback_id": VIEW_OVERRIDE,
        "private_metadata": override_id,
        "title": plain("Override the block", 24),
        "submit": plain("Put my post back", 24),
        "close": plain("Cancel", 24),
        "blocks": blocks,
    }


def justification_text(state_values: Mapping[str, Any]) -> str:
    """The typed justification from `view.state.values`; "" if absent or malformed."""
    block = state_values.get(BLOCK_OVERRIDE_JUSTIFICATION)
    element = block.get(ACTION_OVERRIDE_JUSTIFICATION) if isinstance(block, Mapping) else None
    value = element.get("value") if isinstance(element, Mapping) else None
    return value.strip() if isinstance(value, str) else ""


def validate_justification(text: str) -> dict[str, str]:
    """block_id -> error for `response_action: errors`; empty when the justification will do."""
    if len(text) < MIN_JUSTIFICATION_CHARS or not any(ch.isalpha() for ch in text):
        return {BLOCK_OVERRIDE_JUSTIFICATION: ERROR_TOO_SHORT}
    if len(text) > MAX_JUSTIFICATION_CHARS:
        return {BLOCK_OVERRIDE_JUSTIFICATION: ERROR_TOO_LONG}
    return {}


def digest(text: str, salt: str) -> JustificationDigest:
    """Length and HMAC-SHA256 (keyed with the audit salt) of a justification, never the text."""
    mac = hmac.new(salt.encode(), text.encode(), hashlib.sha256).hexdigest()
    return JustificationDigest(len(text), mac)
