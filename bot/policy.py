"""Channel policy and the pure decision of what to do with a scanned post.

Types here are fixed so the store, handlers and gateway agree; `decide()` is a pure function
(no I/O), table-tested over every verdict x channel class x policy action.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class ChannelClass(StrEnum):
    """How sensitive a conversation is (DESIGN.md vocabulary)."""

    APPROVED = "approved"
    CLINICAL = "clinical"
    EXTERNAL = "external"
    DM = "dm"


class PolicyAction(StrEnum):
    """What a policy says to do with a post whose verdict is `phi`."""

    ALLOW = "allow"
    REDACT = "redact"
    BLOCK = "block"
    CONFIRM = "confirm"


class ChannelPolicy(BaseModel):
    """A channel's policy; the workspace default has the same shape (stored as JSON)."""

    model_config = ConfigDict(frozen=True)

    text_action: PolicyAction = PolicyAction.CONFIRM
    image_action: PolicyAction = PolicyAction.BLOCK
    # Images: after a block, offer the poster the redacted copy.
    offer_redacted_image: bool = True
    unscannable_action: PolicyAction = PolicyAction.BLOCK
    failure_action: PolicyAction = PolicyAction.BLOCK
    confirm_timeout_seconds: int = 600
    # A `low` verdict alone does nothing by default.
    act_on_low: bool = False
