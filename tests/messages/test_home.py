"""The App Home: rules for everyone, policies and counts for admins, within limits however
many channels there are."""

from __future__ import annotations

import json

from faker import Faker

from bot import messages as m
from bot import rules
from bot.messages.limits import problems
from bot.policy import ActionKind, ChannelClass, ChannelPolicy, default_policy


def test_home_for_everyone_shows_rules_only() -> None:
    view = m.home_view(False, {"C1": default_policy(ChannelClass.CLINICAL)}, {"block": 3})
    assert problems(view, "home") == []
    text = json.dumps(view)
    assert all(t.title in text for t in rules.all_topics())
    assert "C1" not in text and "Blocked" not in text


def test_home_for_admins_shows_policies_and_counts() -> None:
    policies = {"C1": default_policy(ChannelClass.CLINICAL), "C2": ChannelPolicy()}
    view = m.home_view(
        True,
        policies,
        {"block": 3, "consent": 1, "custom_thing": 2},
        approved={"C3"},
        workspace_default=ChannelPolicy(),
    )
    assert problems(view, "home") == []
    text = json.dumps(view)
    assert "<#C1>" in text and "<#C3> (approved)" in text
    assert "*Blocked:* 3" in text and "*Consent attested:* 1" in text and "Custom thing" in text


def test_home_with_many_channels_stays_within_limits() -> None:
    fake = Faker()
    Faker.seed(1)
    policies = {f"C{fake.unique.random_number(digits=9)}": ChannelPolicy() for _ in range(1000)}
    view = m.home_view(True, policies, {k.value: 10 for k in ActionKind})
    assert problems(view, "home") == []
    assert "more" in json.dumps(view)
