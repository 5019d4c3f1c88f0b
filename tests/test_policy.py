"""decide() over every verdict x channel class x policy action x content, plus the defaults."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import rules
from bot.detect.types import Verdict
from bot.policy import (
    Action,
    ActionKind,
    ChannelClass,
    ChannelPolicy,
    Content,
    InvalidPolicyError,
    PolicyAction,
    approval_blocker,
    decide,
    decide_timeout,
    default_policy,
    effective_policy,
    merge_policy,
    parse_duration,
    resolve_channel_class,
)

A, CC, PA, C, K = PolicyAction, ChannelClass, PolicyAction, Content, ActionKind

# What a `phi` post becomes, by content and policy action:
# (kind, remove_original, repost_redacted, notify_poster, offer_redacted when offer_redacted_image)
PHI_EXPECTED: dict[tuple[Content, PolicyAction], tuple[ActionKind, bool, bool, bool, bool]] = {
    (C.TEXT, A.ALLOW): (K.NONE, False, False, False, False),
    (C.TEXT, A.REDACT): (K.REDACT, True, True, True, False),
    (C.TEXT, A.BLOCK): (K.BLOCK, True, False, True, False),
    (C.TEXT, A.CONFIRM): (K.CONFIRM, True, False, True, False),
    (C.IMAGE, A.ALLOW): (K.NONE, False, False, False, False),  # REMIND in approved: below
    (C.IMAGE, A.REDACT): (K.REDACT, True, True, True, False),
    (C.IMAGE, A.BLOCK): (K.BLOCK, True, False, True, True),
    (C.IMAGE, A.CONFIRM): (K.CONFIRM, True, False, True, False),
    (C.UNSCANNABLE, A.ALLOW): (K.NONE, False, False, False, False),
    (C.UNSCANNABLE, A.REDACT): (K.BLOCK, True, False, True, False),  # nothing readable to redact
    (C.UNSCANNABLE, A.BLOCK): (K.BLOCK, True, False, True, False),
    (C.UNSCANNABLE, A.CONFIRM): (K.CONFIRM, True, False, True, False),
    (C.FAILURE, A.ALLOW): (K.NONE, False, False, False, False),
    (C.FAILURE, A.REDACT): (K.BLOCK, True, False, True, False),
    (C.FAILURE, A.BLOCK): (K.BLOCK, True, False, True, False),
    (C.FAILURE, A.CONFIRM): (K.CONFIRM, True, False, True, False),
}

# Which rules topic explains an action, by content and channel class (text also by action).
RULE_BY_CONTENT = {C.IMAGE: "images", C.UNSCANNABLE: "checks", C.FAILURE: "checks"}
TEXT_RULE = {
    (CC.EXTERNAL, A.REDACT): "external",
    (CC.EXTERNAL, A.BLOCK): "external",
    (CC.EXTERNAL, A.CONFIRM): "external",
    (CC.DM, A.REDACT): "external",
    (CC.DM, A.BLOCK): "external",
    (CC.DM, A.CONFIRM): "external",
    (CC.CLINICAL, A.REDACT): "identifiers",
    (CC.CLINICAL, A.BLOCK): "identifiers",
    (CC.CLINICAL, A.CONFIRM): "consent",
    (CC.APPROVED, A.REDACT): "identifiers",
    (CC.APPROVED, A.BLOCK): "identifiers",
    (CC.APPROVED, A.CONFIRM): "consent",
}


def policy_with(
    action: PolicyAction, *, act_on_low: bool = False, offer: bool = True
) -> ChannelPolicy:
    return ChannelPolicy(
        text_action=action,
        image_action=action,
        unscannable_action=action,
        failure_action=action,
        confirm_timeout_seconds=900,
        act_on_low=act_on_low,
        offer_redacted_image=offer,
    )


def expected(
    verdict: Verdict,
    cls: ChannelClass,
    action: PolicyAction,
    content: Content,
    act_on_low: bool,
    offer: bool,
) -> Action:
    acts = verdict is Verdict.PHI or (verdict is Verdict.LOW and act_on_low)
    if content in (C.TEXT, C.IMAGE) and not acts:
        return Action(kind=K.NONE)
    if content is C.IMAGE and action is A.ALLOW and cls is CC.APPROVED:
        return Action(kind=K.REMIND, notify_poster=True, rule="images")
    kind, remove, repost, notify, offer_redacted = PHI_EXPECTED[(content, action)]
    alert = content is C.FAILURE or (cls is CC.EXTERNAL and action is not A.ALLOW)
    if kind is K.NONE:
        return Action(kind=K.NONE, alert_admins=content is C.FAILURE)
    rule = RULE_BY_CONTENT.get(content) or TEXT_RULE[(cls, action)]
    return Action(
        kind=kind,
        remove_original=remove,
        repost_redacted=repost,
        notify_poster=notify,
        offer_redacted=offer_redacted and offer,
        alert_admins=alert,
        confirm_timeout_seconds=900 if kind is K.CONFIRM else 0,
        rule=rule,
    )


ALL = list(
    itertools.product(Verdict, ChannelClass, PolicyAction, Content, (False, True), (False, True))
)


def test_table_covers_every_combination() -> None:
    assert len(ALL) == 3 * 4 * 4 * 4 * 2 * 2
    assert set(PHI_EXPECTED) == set(itertools.product(Content, PolicyAction))


@pytest.mark.parametrize(("verdict", "cls", "action", "content", "act_on_low", "offer"), ALL)
def test_decide_table(
    verdict: Verdict,
    cls: ChannelClass,
    action: PolicyAction,
    content: Content,
    act_on_low: bool,
    offer: bool,
) -> None:
    policy = policy_with(action, act_on_low=act_on_low, offer=offer)
    got = decide(verdict, cls, policy, content)
    assert got == expected(verdict, cls, action, content, act_on_low, offer)


@pytest.mark.parametrize(
    ("verdict", "cls", "action", "content"),
    list(itertools.product(Verdict, ChannelClass, PolicyAction, Content)),
)
def test_decide_invariants(
    verdict: Verdict, cls: ChannelClass, action: PolicyAction, content: Content
) -> None:
    got = decide(verdict, cls, policy_with(action), content)
    if got.kind in (K.NONE, K.REMIND):
        assert not got.remove_original and not got.repost_redacted
    else:
        assert got.remove_original and got.notify_poster, "a removed post is always explained"
    assert got.repost_redacted == (got.kind is K.REDACT)
    assert (got.confirm_timeout_seconds > 0) == (got.kind is K.CONFIRM)
    if got.kind is not K.NONE:
        assert rules.topic(got.rule) is not None and rules.topic(got.rule).key == got.rule  # type: ignore[union-attr]


def test_verdict_may_be_a_string() -> None:
    assert decide("phi", CC.CLINICAL, default_policy(CC.CLINICAL)).kind is K.CONFIRM
    with pytest.raises(ValueError):
        decide("maybe", CC.CLINICAL, default_policy(CC.CLINICAL))


# The defaults, read as stories ---------------------------------------------------


def test_clinical_default_confirms_text_and_blocks_images_offering_a_redacted_copy() -> None:
    p = default_policy(CC.CLINICAL)
    text = decide(Verdict.PHI, CC.CLINICAL, p, C.TEXT)
    assert (text.kind, text.rule, text.confirm_timeout_seconds) == (K.CONFIRM, "consent", 600)
    image = decide(Verdict.PHI, CC.CLINICAL, p, C.IMAGE)
    assert image.kind is K.BLOCK and image.offer_redacted and image.rule == "images"
    assert decide(Verdict.LOW, CC.CLINICAL, p, C.TEXT).kind is K.NONE
    assert decide(Verdict.CLEAN, CC.CLINICAL, p, C.IMAGE).kind is K.NONE


@pytest.mark.parametrize("cls", [CC.EXTERNAL, CC.DM])
@pytest.mark.parametrize("content", list(Content))
def test_external_and_dm_default_block_everything(cls: ChannelClass, content: Content) -> None:
    got = decide(Verdict.PHI, cls, default_policy(cls), content)
    assert got.kind is K.BLOCK and got.remove_original


def test_external_phi_alerts_admins_but_dm_does_not() -> None:
    assert decide(Verdict.PHI, CC.EXTERNAL, default_policy(CC.EXTERNAL)).alert_admins
    assert not decide(Verdict.PHI, CC.DM, default_policy(CC.DM)).alert_admins


def test_approved_default_allows_text_and_reminds_only_for_identifying_images() -> None:
    p = default_policy(CC.APPROVED)
    assert decide(Verdict.PHI, CC.APPROVED, p, C.TEXT) == Action(kind=K.NONE)
    remind = decide(Verdict.PHI, CC.APPROVED, p, C.IMAGE)
    assert remind.kind is K.REMIND and not remind.remove_original and remind.rule == "images"
    assert decide(Verdict.LOW, CC.APPROVED, p, C.IMAGE).kind is K.NONE
    assert decide(Verdict.CLEAN, CC.APPROVED, p, C.IMAGE).kind is K.NONE
    assert decide(Verdict.CLEAN, CC.APPROVED, p, C.UNSCANNABLE).kind is K.NONE


@pytest.mark.parametrize("cls", [CC.CLINICAL, CC.EXTERNAL, CC.DM])
def test_detector_failure_fails_closed_outside_approved_channels(cls: ChannelClass) -> None:
    # The verdict of a failed scan is unknown: even "clean" must not let the post through.
    got = decide(Verdict.CLEAN, cls, default_policy(cls), C.FAILURE)
    assert got.kind is K.BLOCK and got.remove_original and got.alert_admins


def test_detector_failure_in_approved_channel_is_logged_and_alerted_not_removed() -> None:
    got = decide(Verdict.CLEAN, CC.APPROVED, default_policy(CC.APPROVED), C.FAILURE)
    assert got.kind is K.NONE and got.alert_admins and not got.remove_original


def test_unscannable_file_in_clinical_channel_follows_its_policy() -> None:
    p = default_policy(CC.CLINICAL)
    assert decide(Verdict.CLEAN, CC.CLINICAL, p, C.UNSCANNABLE).kind is K.BLOCK
    relaxed = merge_policy(p, {"unscannable": "confirm"})
    got = decide(Verdict.CLEAN, CC.CLINICAL, relaxed, C.UNSCANNABLE)
    assert got.kind is K.CONFIRM and got.rule == "checks" and not got.offer_redacted


def test_act_on_low_treats_low_like_phi() -> None:
    p = default_policy(CC.CLINICAL).model_copy(update={"act_on_low": True})
    assert decide(Verdict.LOW, CC.CLINICAL, p).kind is K.CONFIRM
    assert decide(Verdict.CLEAN, CC.CLINICAL, p).kind is K.NONE


def test_decide_is_pure() -> None:
    p = default_policy(CC.CLINICAL)
    before = p.model_dump()
    first = decide(Verdict.PHI, CC.CLINICAL, p, C.IMAGE)
    assert decide(Verdict.PHI, CC.CLINICAL, p, C.IMAGE) == first
    assert p.model_dump() == before


@given(
    verdict=st.sampled_from(Verdict),
    cls=st.sampled_from(ChannelClass),
    content=st.sampled_from(Content),
    actions=st.tuples(*[st.sampled_from(PolicyAction)] * 4),
    timeout=st.integers(60, 86400),
    low=st.booleans(),
)
def test_decide_never_lets_a_removed_post_go_unexplained(
    verdict: Verdict,
    cls: ChannelClass,
    content: Content,
    actions: tuple[PolicyAction, ...],
    timeout: int,
    low: bool,
) -> None:
    p = ChannelPolicy(
        text_action=actions[0],
        image_action=actions[1],
        unscannable_action=actions[2],
        failure_action=actions[3],
        confirm_timeout_seconds=timeout,
        act_on_low=low,
    )
    got = decide(verdict, cls, p, content)
    assert not got.remove_original or got.notify_poster
    assert got.kind is not K.CONFIRM or got.confirm_timeout_seconds == timeout


# Timeouts ---------------------------------------------------------------------------


def test_decide_timeout_keeps_post_removed_by_default() -> None:
    got = decide_timeout(CC.CLINICAL, default_policy(CC.CLINICAL))
    assert got.kind is K.BLOCK and got.remove_original and got.rule == "consent"


def test_decide_timeout_can_post_the_redacted_copy_but_not_for_unreadable_files() -> None:
    p = merge_policy(default_policy(CC.CLINICAL), {"expiry": "redact"})
    assert decide_timeout(CC.CLINICAL, p, C.TEXT).repost_redacted
    assert decide_timeout(CC.CLINICAL, p, C.UNSCANNABLE).kind is K.BLOCK


# Channel classes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("is_im", "is_mpim", "is_ext", "override", "want"),
    [
        (False, False, False, None, CC.CLINICAL),
        (False, False, False, False, CC.CLINICAL),
        (False, False, False, True, CC.APPROVED),
        (False, False, False, CC.APPROVED, CC.APPROVED),
        (False, False, False, CC.CLINICAL, CC.CLINICAL),
        (False, False, False, CC.EXTERNAL, CC.EXTERNAL),
        (False, False, True, None, CC.EXTERNAL),
        (False, False, True, True, CC.EXTERNAL),  # Slack Connect is never approved
        (True, False, False, None, CC.DM),
        (False, True, False, None, CC.DM),
        (True, False, False, True, CC.DM),  # nor is a DM
        (False, True, True, None, CC.EXTERNAL),  # a shared group DM is external
    ],
)
def test_resolve_channel_class(
    is_im: bool,
    is_mpim: bool,
    is_ext: bool,
    override: bool | ChannelClass | None,
    want: ChannelClass,
) -> None:
    assert resolve_channel_class(is_im, is_mpim, is_ext, override) is want


def test_approval_blocker() -> None:
    assert approval_blocker(False, False, False) is None
    assert approval_blocker(False, False, True) == "external"
    assert approval_blocker(True, False, False) == "dm"
    assert approval_blocker(False, True, False) == "dm"


def test_effective_policy_precedence() -> None:
    own = ChannelPolicy(text_action=A.REDACT)
    workspace = ChannelPolicy(text_action=A.ALLOW)
    assert effective_policy(CC.CLINICAL, own, workspace) is own
    assert effective_policy(CC.CLINICAL, None, workspace) is workspace
    # A relaxed workspace default must not open external channels or DMs.
    assert effective_policy(CC.EXTERNAL, None, workspace) == default_policy(CC.EXTERNAL)
    assert effective_policy(CC.DM, None, workspace) == default_policy(CC.DM)
    assert effective_policy(CC.APPROVED, None, workspace) == default_policy(CC.APPROVED)
    assert effective_policy(CC.CLINICAL) == default_policy(CC.CLINICAL)


# merge_policy -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "value"),
    [
        ({"text": "redact"}, "text_action", A.REDACT),
        ({"TEXT": " Block "}, "text_action", A.BLOCK),
        ({"images": A.CONFIRM}, "image_action", A.CONFIRM),
        ({"image_action": "allow"}, "image_action", A.ALLOW),
        ({"unscannable": "confirm"}, "unscannable_action", A.CONFIRM),
        ({"failure": "allow"}, "failure_action", A.ALLOW),
        ({"timeout": "10m"}, "confirm_timeout_seconds", 600),
        ({"timeout": "1h"}, "confirm_timeout_seconds", 3600),
        ({"timeout": "600s"}, "confirm_timeout_seconds", 600),
        ({"timeout": 60}, "confirm_timeout_seconds", 60),
        ({"timeout": "24h"}, "confirm_timeout_seconds", 86400),
        ({"low": "on"}, "act_on_low", True),
        ({"act_on_low": False}, "act_on_low", False),
        ({"offer_redacted": "off"}, "offer_redacted_image", False),
        ({"expiry": "redact"}, "timeout_action", A.REDACT),
    ],
)
def test_merge_policy_accepts(overrides: dict[str, object], field: str, value: object) -> None:
    base = default_policy(CC.CLINICAL)
    merged = merge_policy(base, overrides)
    assert getattr(merged, field) == value
    untouched = {k for k in ChannelPolicy.model_fields if k != field}
    assert {k: getattr(merged, k) for k in untouched} == {k: getattr(base, k) for k in untouched}


@pytest.mark.parametrize(
    "overrides",
    [
        {"text": "delete"},
        {"text": 3},
        {"unscannable": "redact"},
        {"failure": "redact"},
        {"timeout": "59s"},
        {"timeout": "25h"},
        {"timeout": 0},
        {"timeout": True},
        {"timeout": "soon"},
        {"low": "maybe"},
        {"expiry": "confirm"},
        {"colour": "blue"},
    ],
)
def test_merge_policy_rejects(overrides: dict[str, object]) -> None:
    with pytest.raises(InvalidPolicyError):
        merge_policy(default_policy(CC.CLINICAL), overrides)


def test_merge_policy_errors_never_echo_the_value() -> None:
    secret = "Maria Gonzalez MRN 4471923"
    for overrides in ({"text": secret}, {"timeout": secret}, {"low": secret}, {secret: "block"}):
        with pytest.raises(InvalidPolicyError) as info:
            merge_policy(default_policy(CC.CLINICAL), overrides)
        assert "Maria" not in str(info.value) and "4471923" not in str(info.value)


def test_parse_duration() -> None:
    assert parse_duration("90") == 90
    assert parse_duration("2 min") == 120
    assert parse_duration("1 hour") == 3600
    assert parse_duration("ten minutes") is None
    assert parse_duration("-5m") is None


# --- the floor in external channels and DMs (issue 11, item 12) ------------------------------


def test_a_stored_relaxation_in_an_external_channel_is_raised_to_block() -> None:
    from bot.policy import (
        EXTERNAL_RISK,
        ChannelClass,
        ChannelPolicy,
        PolicyAction,
        effective_policy,
    )

    relaxed = ChannelPolicy(text_action=PolicyAction.ALLOW, image_action=PolicyAction.REDACT)
    for cls in (ChannelClass.EXTERNAL, ChannelClass.DM):
        floored = effective_policy(cls, relaxed)
        assert floored.text_action is PolicyAction.BLOCK
        assert floored.image_action is PolicyAction.BLOCK
        accepted = relaxed.model_copy(update={"accepted_risk": EXTERNAL_RISK})
        assert effective_policy(cls, accepted).text_action is PolicyAction.ALLOW
    assert effective_policy(ChannelClass.CLINICAL, relaxed).text_action is PolicyAction.ALLOW


@pytest.mark.parametrize("content", list(Content))
@pytest.mark.parametrize("allow_override", [True, False])
def test_when_a_block_may_be_overridden_then_only_read_posts_offer_it(
    content: Content, allow_override: bool
) -> None:
    policy = ChannelPolicy(
        text_action=A.BLOCK,
        image_action=A.BLOCK,
        unscannable_action=A.BLOCK,
        failure_action=A.BLOCK,
        allow_override=allow_override,
    )
    action = decide(Verdict.PHI, CC.CLINICAL, policy, content)
    assert action.kind is K.BLOCK
    assert action.offer_override is (allow_override and content in (C.TEXT, C.IMAGE))


def test_when_the_policy_confirms_or_redacts_then_no_override_is_offered() -> None:
    for act in (A.CONFIRM, A.REDACT):
        policy = ChannelPolicy(text_action=act, allow_override=True)
        assert not decide(Verdict.PHI, CC.CLINICAL, policy).offer_override


@pytest.mark.parametrize("channel_class", [CC.EXTERNAL, CC.DM])
def test_when_external_without_the_accepted_risk_then_override_is_floored_off(
    channel_class: ChannelClass,
) -> None:
    from bot.policy import EXTERNAL_RISK, floor_policy, relaxed_fields

    policy = ChannelPolicy(text_action=A.BLOCK, allow_override=True)
    assert relaxed_fields(channel_class, policy) == ["allow_override"]
    floored = effective_policy(channel_class, policy)
    assert floored.allow_override is False and floored.text_action is A.BLOCK
    assert not decide(Verdict.PHI, channel_class, floored).offer_override
    accepted = policy.model_copy(update={"accepted_risk": EXTERNAL_RISK})
    assert floor_policy(channel_class, accepted).allow_override is True
    assert relaxed_fields(CC.CLINICAL, policy) == []


def test_override_is_off_by_default_in_every_class() -> None:
    assert all(not default_policy(cc).allow_override for cc in CC)
    assert merge_policy(default_policy(CC.CLINICAL), {"override": "on"}).allow_override
