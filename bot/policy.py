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


class Content(StrEnum):
    """What was scanned, because policy treats text, images and failures differently."""

    TEXT = "text"
    IMAGE = "image"
    UNSCANNABLE = "unscannable"  # a file type or size the scanners cannot read
    FAILURE = "failure"  # the detector raised: fail closed


class ActionKind(StrEnum):
    """What the gateway will do; `NONE` means log only."""

    NONE = "none"
    REMIND = "remind"  # leave the post, send the poster a gentle ephemeral reminder
    REDACT = "redact"  # remove the original, repost a de-identified copy
    BLOCK = "block"  # remove the original, explain ephemerally
    CONFIRM = "confirm"  # hide the post, ask the poster to attest consent


class Action(BaseModel):
    """The outcome of `decide()`: everything the gateway needs, nothing it must work out."""

    model_config = ConfigDict(frozen=True)

    kind: ActionKind
    remove_original: bool = False
    repost_redacted: bool = False
    notify_poster: bool = False
    offer_redacted: bool = False  # block, then offer a redacted copy (images)
    alert_admins: bool = False
    confirm_timeout_seconds: int = 0
    # Which rule explains the action (a `bot.rules` topic key), shown to the poster.
    rule: str = ""
