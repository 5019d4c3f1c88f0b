"""Channel policy and the pure decision of what to do with a scanned post.

Types here are fixed so the store, handlers and gateway agree; `decide()` is a pure function
(no I/O), table-tested over every verdict x channel class x policy action.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from bot.detect.types import Verdict
from bot.errors import InvalidPolicyError


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
    # What happens to a hidden post when the confirm times out: BLOCK (stays removed) or REDACT.
    timeout_action: PolicyAction = PolicyAction.BLOCK
    # A `low` verdict alone does nothing by default.
    act_on_low: bool = False
    # Let the poster put a blocked text or image back with a written justification (the
    # Microsoft Purview "override with justification" policy tip); off unless an admin turns it
    # on. Below block in a Slack Connect channel or DM, so there only with the accepted risk.
    allow_override: bool = False
    # `EXTERNAL_RISK` when an admin explicitly accepted that PHI may leave the organisation
    # (`/phi policy set ... accept-risk phi-leaves-organisation`, audited with the policy).
    # Without it a Slack Connect channel or DM never acts below block (`floor_policy`).
    accepted_risk: str | None = None


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
    offer_override: bool = False  # block, then let the poster override with a justification
    alert_admins: bool = False
    confirm_timeout_seconds: int = 0
    # Which rule explains the action (a `bot.rules` topic key), shown to the poster.
    rule: str = ""


# Bounds for `confirm_timeout_seconds`: long enough to find the consent form, short enough
# that a hidden post does not linger for days.
MIN_CONFIRM_TIMEOUT_SECONDS = 60
MAX_CONFIRM_TIMEOUT_SECONDS = 24 * 60 * 60

# Actions that need something the scanners produced: a redacted copy cannot be made of a file
# nobody could read, or of a post the detector failed on.
_NEEDS_FINDINGS = frozenset({PolicyAction.REDACT})

# `merge_policy` accepts the model's field names and the short names `/phi policy set` uses.
FIELD_ALIASES: dict[str, str] = {
    "text": "text_action",
    "images": "image_action",
    "image": "image_action",
    "unscannable": "unscannable_action",
    "files": "unscannable_action",
    "failure": "failure_action",
    "timeout": "confirm_timeout_seconds",
    "low": "act_on_low",
    "offer_redacted": "offer_redacted_image",
    "expiry": "timeout_action",
    "override": "allow_override",
}

_ACTION_FIELDS = ("text_action", "image_action", "unscannable_action", "failure_action")
_BOOL_FIELDS = ("offer_redacted_image", "act_on_low", "allow_override")


def default_policy(channel_class: ChannelClass) -> ChannelPolicy:
    """The policy a channel gets when no admin has set one, by channel class.

    - clinical: confirm text, block images then offer the redacted copy, block unscannable
      files, block on detector failure (fail closed);
    - external and dm: block everything, failures and unscannable files included;
    - approved: allow (the institution approved PHI here); `decide()` still sends a gentle
      reminder for an image showing an identifier banner. A detector failure is allowed too:
      nothing the detector could have found would have been acted on, except that reminder.
    """
    if channel_class is ChannelClass.APPROVED:
        return ChannelPolicy(
            text_action=PolicyAction.ALLOW,
            image_action=PolicyAction.ALLOW,
            offer_redacted_image=False,
            unscannable_action=PolicyAction.ALLOW,
            failure_action=PolicyAction.ALLOW,
        )
    if channel_class in (ChannelClass.EXTERNAL, ChannelClass.DM):
        return ChannelPolicy(
            text_action=PolicyAction.BLOCK,
            image_action=PolicyAction.BLOCK,
            offer_redacted_image=True,
            unscannable_action=PolicyAction.BLOCK,
            failure_action=PolicyAction.BLOCK,
        )
    return ChannelPolicy(
        text_action=PolicyAction.CONFIRM,
        image_action=PolicyAction.BLOCK,
        offer_redacted_image=True,
        unscannable_action=PolicyAction.BLOCK,
        failure_action=PolicyAction.BLOCK,
    )


# The risk an admin must name to relax a Slack Connect channel or a DM below block: whatever
# is allowed, redacted or confirmed there is seen by people outside the institution.
EXTERNAL_RISK = "phi-leaves-organisation"
_FLOOR_CLASSES = (ChannelClass.EXTERNAL, ChannelClass.DM)


def relaxed_fields(channel_class: ChannelClass, policy: ChannelPolicy) -> list[str]:
    """The settings below block in a channel where only block keeps PHI in house: an action
    other than block, or a poster's override of a block (it puts the post back)."""
    if channel_class not in _FLOOR_CLASSES:
        return []
    relaxed = [f for f in _ACTION_FIELDS if getattr(policy, f) is not PolicyAction.BLOCK]
    return [*relaxed, "allow_override"] if policy.allow_override else relaxed


def floor_policy(channel_class: ChannelClass, policy: ChannelPolicy) -> ChannelPolicy:
    """`policy` with every setting below block raised to block in an external channel or DM,
    unless an admin accepted `EXTERNAL_RISK` for it. A clinical channel's relaxed policy
    thus stops applying the moment the channel is shared with another organisation."""
    relaxed = relaxed_fields(channel_class, policy)
    if not relaxed or policy.accepted_risk == EXTERNAL_RISK:
        return policy
    floor: dict[str, object] = {
        f: False if f == "allow_override" else PolicyAction.BLOCK for f in relaxed
    }
    return policy.model_copy(update=floor)


def effective_policy(
    channel_class: ChannelClass,
    channel_policy: ChannelPolicy | None = None,
    workspace_default: ChannelPolicy | None = None,
) -> ChannelPolicy:
    """Which policy applies: the channel's own, else the workspace default, else the class default.

    The workspace default only stands in for *clinical* channels: external channels, DMs and
    approved channels keep their class defaults unless an admin set a policy on that channel,
    so one relaxed workspace default can never open Slack Connect channels to PHI; and in
    those channels nothing acts below block without an accepted risk (`floor_policy`).
    """
    if channel_policy is not None:
        return floor_policy(channel_class, channel_policy)
    if workspace_default is not None and channel_class is ChannelClass.CLINICAL:
        return workspace_default
    return default_policy(channel_class)


def resolve_channel_class(
    is_im: bool,
    is_mpim: bool,
    is_ext_shared: bool,
    approved_override: bool | ChannelClass | None = None,
) -> ChannelClass:
    """Classify a conversation from `conversations.info` flags and the admin's override.

    Facts from Slack win over the override where they are stricter: a Slack Connect channel is
    always external and a DM always a DM, whatever an admin marked. The override can make a
    channel approved (`True` or `APPROVED`), or stricter (`EXTERNAL`); `False`/`None` mean clinical.
    """
    if is_ext_shared:
        return ChannelClass.EXTERNAL
    if is_im or is_mpim:
        return ChannelClass.DM
    if approved_override is True or approved_override is ChannelClass.APPROVED:
        return ChannelClass.APPROVED
    if approved_override is ChannelClass.EXTERNAL:
        return ChannelClass.EXTERNAL
    return ChannelClass.CLINICAL


def approval_blocker(is_im: bool, is_mpim: bool, is_ext_shared: bool) -> str | None:
    """Why this conversation cannot be marked approved, or None when it can.

    `/phi approve` calls this first: approving a Slack Connect channel or a DM would have no
    effect (see `resolve_channel_class`), so the admin is told instead of silently ignored.
    """
    if is_ext_shared:
        return "external"
    if is_im or is_mpim:
        return "dm"
    return None


def merge_policy(default: ChannelPolicy, overrides: Mapping[str, object]) -> ChannelPolicy:
    """Apply `overrides` (field or short name -> value) to `default`, validating each one.

    Raises `InvalidPolicyError` naming the field and the accepted values (never echoing a value
    that is not one of ours). Values may be enums, their string values, "on"/"off", or for the
    timeout seconds (int) or a duration string ("10m", "600s", "1h").
    """
    changes: dict[str, object] = {}
    for raw_name, raw_value in overrides.items():
        name = FIELD_ALIASES.get(raw_name.strip().lower(), raw_name.strip().lower())
        if name in _ACTION_FIELDS:
            action = _coerce_action(name, raw_value)
            if name in ("unscannable_action", "failure_action") and action in _NEEDS_FINDINGS:
                raise InvalidPolicyError(
                    f"{_SHORT_NAMES[name]} cannot be 'redact': there is nothing to redact in a "
                    "file or post that could not be read. Use allow, block or confirm."
                )
            changes[name] = action
        elif name == "timeout_action":
            action = _coerce_action(name, raw_value)
            if action not in (PolicyAction.BLOCK, PolicyAction.REDACT):
                raise InvalidPolicyError("expiry must be block or redact.")
            changes[name] = action
        elif name in _BOOL_FIELDS:
            changes[name] = _coerce_bool(name, raw_value)
        elif name == "confirm_timeout_seconds":
            changes[name] = _coerce_timeout(raw_value)
        else:
            known = ", ".join(sorted(set(FIELD_ALIASES) - {"image", "files"}))
            raise InvalidPolicyError(f"Unknown policy setting. Settings are: {known}.")
    return default.model_copy(update=changes)


_SHORT_NAMES = {
    "text_action": "text",
    "image_action": "images",
    "unscannable_action": "unscannable",
    "failure_action": "failure",
    "confirm_timeout_seconds": "timeout",
    "act_on_low": "low",
    "offer_redacted_image": "offer_redacted",
    "timeout_action": "expiry",
    "allow_override": "override",
}


def _coerce_action(name: str, value: object) -> PolicyAction:
    if isinstance(value, PolicyAction):
        return value
    if isinstance(value, str):
        try:
            return PolicyAction(value.strip().lower())
        except ValueError:
            pass
    choices = ", ".join(a.value for a in PolicyAction)
    raise InvalidPolicyError(f"{_SHORT_NAMES[name]} must be one of: {choices}.")


def _coerce_bool(name: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("on", "true", "yes", "1"):
            return True
        if lowered in ("off", "false", "no", "0"):
            return False
    raise InvalidPolicyError(f"{_SHORT_NAMES[name]} must be on or off.")


_DURATION = re.compile(
    r"^\s*(\d{1,6})\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?)?\s*$"
)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600}


def parse_duration(value: str) -> int | None:
    """Seconds in "10m", "600s", "1h", "90" (seconds), or None if it is not a duration."""
    match = _DURATION.match(value.lower())
    if match is None:
        return None
    unit = (match.group(2) or "s")[0]
    return int(match.group(1)) * _UNIT_SECONDS[unit]


def _coerce_timeout(value: object) -> int:
    seconds: int | None
    if isinstance(value, bool):
        seconds = None
    elif isinstance(value, int):
        seconds = value
    elif isinstance(value, str):
        seconds = parse_duration(value)
    else:
        seconds = None
    if seconds is None or not MIN_CONFIRM_TIMEOUT_SECONDS <= seconds <= MAX_CONFIRM_TIMEOUT_SECONDS:
        raise InvalidPolicyError(
            "timeout must be a duration between 1 minute and 24 hours, like 10m, 600s or 1h."
        )
    return seconds


def rule_for(content: Content, channel_class: ChannelClass, action: PolicyAction) -> str:
    """The `bot.rules` topic key that explains an action to the poster."""
    if content in (Content.UNSCANNABLE, Content.FAILURE):
        return "checks"
    if content is Content.IMAGE:
        return "images"
    if channel_class in (ChannelClass.EXTERNAL, ChannelClass.DM):
        return "external"
    if action is PolicyAction.CONFIRM:
        return "consent"
    return "identifiers"


def policy_action_for(policy: ChannelPolicy, content: Content) -> PolicyAction:
    """The policy's action for a post of this content whose verdict calls for one."""
    return {
        Content.TEXT: policy.text_action,
        Content.IMAGE: policy.image_action,
        Content.UNSCANNABLE: policy.unscannable_action,
        Content.FAILURE: policy.failure_action,
    }[content]


def decide(
    verdict: Verdict | str,
    channel_class: ChannelClass,
    policy: ChannelPolicy,
    content: Content = Content.TEXT,
) -> Action:
    """What to do with one scanned post. Pure: same inputs, same `Action`.

    - `content` UNSCANNABLE or FAILURE: the verdict is unknown, so the policy's
      `unscannable_action` / `failure_action` applies whatever `verdict` says (fail closed).
      Detector failures always alert admins, because posts are going unchecked.
    - `clean` -> NONE; `low` -> NONE unless `policy.act_on_low`, then it counts as `phi`.
    - `phi` maps the policy action: REDACT removes and reposts a de-identified copy (BLOCK
      instead where nothing could be read); BLOCK removes and explains (offering the redacted
      copy of an image when `offer_redacted_image`, and the poster's override with a written
      justification of a text or image when `allow_override`); CONFIRM hides and asks for
      attestation;
      ALLOW does nothing, except a gentle REMIND for an identifying image in an approved channel.
    - PHI in an external channel also alerts admins: it may already have left the organisation.
    """
    verdict = Verdict(verdict)
    if content in (Content.TEXT, Content.IMAGE):
        acts = verdict is Verdict.PHI or (verdict is Verdict.LOW and policy.act_on_low)
        if not acts:
            return Action(kind=ActionKind.NONE)
    policy_action = policy_action_for(policy, content)
    rule = rule_for(content, channel_class, policy_action)
    alert = content is Content.FAILURE or (
        channel_class is ChannelClass.EXTERNAL and policy_action is not PolicyAction.ALLOW
    )
    if policy_action is PolicyAction.ALLOW:
        if content is Content.IMAGE and channel_class is ChannelClass.APPROVED:
            return Action(kind=ActionKind.REMIND, notify_poster=True, rule=rule)
        return Action(kind=ActionKind.NONE, alert_admins=content is Content.FAILURE, rule="")
    if policy_action is PolicyAction.REDACT and content in (Content.TEXT, Content.IMAGE):
        return Action(
            kind=ActionKind.REDACT,
            remove_original=True,
            repost_redacted=True,
            notify_poster=True,
            alert_admins=alert,
            rule=rule,
        )
    if policy_action is PolicyAction.CONFIRM:
        return Action(
            kind=ActionKind.CONFIRM,
            remove_original=True,
            notify_poster=True,
            alert_admins=alert,
            confirm_timeout_seconds=policy.confirm_timeout_seconds,
            rule=rule,
        )
    # BLOCK, or REDACT of something that could not be read.
    return Action(
        kind=ActionKind.BLOCK,
        remove_original=True,
        notify_poster=True,
        offer_redacted=content is Content.IMAGE and policy.offer_redacted_image,
        # Only where the detector read the post: an unreadable file or a failed scan is blocked
        # because nobody knows what it holds, and no justification can speak to that.
        offer_override=policy.allow_override and content in (Content.TEXT, Content.IMAGE),
        alert_admins=alert,
        rule=rule,
    )


def decide_timeout(
    channel_class: ChannelClass, policy: ChannelPolicy, content: Content = Content.TEXT
) -> Action:
    """What happens when a confirm expires unanswered: the policy's `timeout_action`.

    REDACT posts the de-identified copy (BLOCK where nothing could be read); anything else
    keeps the post removed. The original stays removed either way.
    """
    rule = rule_for(content, channel_class, PolicyAction.CONFIRM)
    if policy.timeout_action is PolicyAction.REDACT and content in (Content.TEXT, Content.IMAGE):
        return Action(
            kind=ActionKind.REDACT,
            remove_original=True,
            repost_redacted=True,
            notify_poster=True,
            rule=rule,
        )
    return Action(kind=ActionKind.BLOCK, remove_original=True, notify_poster=True, rule=rule)
