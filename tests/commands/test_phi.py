"""`run_phi` over a real SQLite store and fake Slack-facing collaborators: who may, what is
changed (and audited), what is answered. No server, no Slack, no spaCy."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.commands.parse import InvalidCommand, parse_command
from bot.commands.phi import run_phi
from bot.config import Settings
from bot.detect.types import Verdict
from bot.errors import DetectionError, SlackGatewayError
from bot.messages import commands as replies
from bot.policy import EXTERNAL_RISK, ChannelClass, ChannelPolicy, PolicyAction, default_policy
from bot.scan_pool import TextOutcome
from bot.store import Store, open_store
from tests.flow.fakes import RegexScanner

ADMIN, MEMBER = "UADMIN", "UMEMBER"


@dataclass
class FakeChannels:
    kind: ChannelClass = ChannelClass.CLINICAL
    blocker: str | None = None
    forgotten: list[str] = field(default_factory=list)

    async def channel_class(self, team_id: str, channel_id: str, channel_type: Any = None) -> Any:
        return self.kind

    async def approval_blocker(self, team_id: str, channel_id: str, channel_type: Any) -> Any:
        return self.blocker

    def forget(self, team_id: str, channel_id: str) -> None:
        self.forgotten.append(channel_id)


@dataclass
class FakeGateway:
    info: dict[str, Any] = field(default_factory=dict)
    refuse: dict[str, str] = field(default_factory=dict)
    posts: list[str] = field(default_factory=list)

    async def conversation_info(self, channel: str, *, team_id: str | None = None) -> Any:
        if "conversations.info" in self.refuse:
            raise SlackGatewayError("conversations.info", self.refuse["conversations.info"])
        return self.info

    async def post(self, key: str, channel: str, text: str, blocks: Any, **kw: Any) -> str:
        if "chat.postMessage" in self.refuse:
            raise SlackGatewayError("chat.postMessage", self.refuse["chat.postMessage"])
        self.posts.append(channel)
        return "1.1"


@dataclass
class Invalidations:
    seen: list[tuple[str, ...]] = field(default_factory=list)

    def invalidate(self, *key: str) -> None:
        self.seen.append(key)


@dataclass
class FakeSweeps:
    started: list[dict[str, Any]] = field(default_factory=list)

    async def start(self, team_id: str, channel_id: str, actor: str, **kw: Any) -> Any:
        self.started.append({"channel": channel_id, "actor": actor, **kw})

        @dataclass
        class Sweep:
            mode: str
            state: dict[str, Any]

        return Sweep(kw["mode"], {"destination": actor}), len(self.started) == 1


class BrokenScanner(RegexScanner):
    async def scan_text(self, text: str, vocabulary: Any = None, staff: Any = None) -> TextOutcome:
        raise DetectionError("scan pool down (test)")


@dataclass
class PhiServices:
    """The parts of `bot.services.Services` that `/phi` uses."""

    store: Store
    scanner: RegexScanner = field(default_factory=RegexScanner)
    channels: FakeChannels = field(default_factory=FakeChannels)
    gateway: FakeGateway = field(default_factory=FakeGateway)
    policies: Invalidations = field(default_factory=Invalidations)
    vocabularies: Invalidations | None = field(default_factory=Invalidations)
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        @dataclass
        class Pipeline:
            sweeps: FakeSweeps = field(default_factory=FakeSweeps)

        @dataclass
        class Alerts:
            def fallback_label(self) -> str | None:
                return "the installer, by DM"

        self.pipeline = Pipeline()
        self.alerts = Alerts()

    async def is_admin(self, team_id: str, user_id: str) -> bool:
        return user_id == ADMIN

    async def vocabulary(self, team_id: str) -> None:
        return None

    async def staff(self, team_id: str) -> None:
        return None


@pytest.fixture
async def services(tmp_path: Path) -> AsyncIterator[PhiServices]:
    url = f"sqlite+aiosqlite:///{tmp_path}/phi.sqlite3"
    store = await open_store(Settings(database_url=url))
    try:
        yield PhiServices(store)
    finally:
        await store.close()


async def _phi(services: PhiServices, text: str, user: str = ADMIN, channel: str = "C1") -> Any:
    return await run_phi(
        services,  # type: ignore[arg-type]  # the parts of Services it uses
        team_id="T1",
        channel_id=channel,
        user_id=user,
        text=text,
    )


async def _audit_events(store: Store) -> list[str]:
    return [
        row["event"]
        for row in await store.audit_rows(datetime(2000, 1, 1, tzinfo=UTC), team_id="T1")
    ]


async def test_when_the_command_does_not_parse_then_the_error_says_so_and_nothing_changes(
    services: PhiServices,
) -> None:
    reply = await _phi(services, "policy set text nuke")
    parsed = parse_command("policy set text nuke")
    assert isinstance(parsed, InvalidCommand)
    assert reply == replies.command_error(parsed.message)
    assert await services.store.get_policy("T1", "C1") is None


@pytest.mark.parametrize(
    "text",
    [
        "policy set text block",
        "policy reset",
        "approve",
        "unapprove",
        "terms add not-a-name Rounds",
        "sweep",
    ],
)
async def test_when_a_member_runs_an_admin_command_then_it_is_refused(
    services: PhiServices, text: str
) -> None:
    reply = await _phi(services, text, user=MEMBER)
    assert reply == replies.admin_refusal()
    assert await services.store.get_policy("T1", "C1") is None
    assert await services.store.list_approved("T1") == []
    assert services.policies.seen == []


@pytest.mark.parametrize(("user", "is_admin"), [(ADMIN, True), (MEMBER, False)])
async def test_when_anyone_asks_for_help_then_the_help_fits_who_they_are(
    services: PhiServices, user: str, is_admin: bool
) -> None:
    assert await _phi(services, "help", user=user) == replies.help_message(is_admin)


async def test_when_a_member_checks_a_text_then_the_answer_is_the_redacted_text_and_nothing_is_stored(
    services: PhiServices,
) -> None:
    reply = await _phi(services, "check Pt MRN 12345678 seen", user=MEMBER)
    outcome = await RegexScanner().scan_text("Pt MRN 12345678 seen")
    expected = replies.check_result(
        outcome.result.verdict, outcome.result.kinds, outcome.redacted or ""
    )
    assert outcome.result.verdict is not Verdict.CLEAN  # the fake finds the MRN
    assert reply == expected and "12345678" not in str(reply)
    assert await _audit_events(services.store) == []


async def test_when_the_checker_is_down_then_the_member_hears_so(services: PhiServices) -> None:
    services.scanner = BrokenScanner()
    reply = await _phi(services, "check anything", user=MEMBER)
    assert "not available" in reply["text"]


async def test_when_an_admin_sets_a_policy_then_it_is_stored_audited_and_the_cache_dropped(
    services: PhiServices,
) -> None:
    reply = await _phi(services, "policy set timeout 10m")
    stored = await services.store.get_policy("T1", "C1")
    assert stored is not None and stored.confirm_timeout_seconds == 600
    assert "policy_change" in await _audit_events(services.store)
    assert services.policies.seen == [("T1", "C1")]
    assert reply == replies.policy_updated(
        stored, channel_id="C1", channel_class=ChannelClass.CLINICAL, changed="timeout"
    )


async def test_when_an_external_channel_is_relaxed_without_the_risk_then_it_is_refused(
    services: PhiServices,
) -> None:
    services.channels.kind = ChannelClass.EXTERNAL
    reply = await _phi(services, "policy set text allow")
    assert reply == replies.relaxation_refused(ChannelClass.EXTERNAL, "text")
    assert await services.store.get_policy("T1", "C1") is None


async def test_when_an_external_channel_is_relaxed_with_the_risk_named_then_the_risk_is_kept(
    services: PhiServices,
) -> None:
    services.channels.kind = ChannelClass.EXTERNAL
    await _phi(services, f"policy set text allow accept-risk {EXTERNAL_RISK}")
    stored = await services.store.get_policy("T1", "C1")
    assert stored is not None and stored.text_action is PolicyAction.ALLOW
    assert stored.accepted_risk == EXTERNAL_RISK


async def test_when_an_admin_resets_then_the_channel_class_default_is_stored(
    services: PhiServices,
) -> None:
    await services.store.set_policy("T1", "C1", ChannelPolicy(act_on_low=True), ADMIN)
    await _phi(services, "policy reset")
    assert await services.store.get_policy("T1", "C1") == default_policy(ChannelClass.CLINICAL)


@pytest.mark.parametrize(
    ("own", "expected"),
    [(None, replies.SOURCE_DEFAULT), (ChannelPolicy(act_on_low=True), replies.SOURCE_CHANNEL)],
)
async def test_when_anyone_shows_the_policy_then_it_says_where_it_comes_from(
    services: PhiServices, own: ChannelPolicy | None, expected: str
) -> None:
    if own is not None:
        await services.store.set_policy("T1", "C1", own, ADMIN)
    reply = await _phi(services, "policy", user=MEMBER)
    current = own or default_policy(ChannelClass.CLINICAL)
    assert reply == replies.policy_message(
        current, channel_id="C1", channel_class=ChannelClass.CLINICAL, source=expected,
        is_admin=False,
    )  # fmt: skip


async def test_when_approval_would_be_meaningless_then_it_is_refused(
    services: PhiServices,
) -> None:
    services.channels.blocker = "external"
    assert await _phi(services, "approve") == replies.approval_refused("external")
    assert await services.store.list_approved("T1") == []


async def test_when_an_admin_approves_and_unapproves_then_the_store_follows(
    services: PhiServices,
) -> None:
    assert await _phi(services, "approve") == replies.approval_changed("C1", True)
    assert await services.store.list_approved("T1") == ["C1"]
    await _phi(services, "unapprove")
    assert await services.store.list_approved("T1") == []
    assert services.policies.seen == [("T1", "C1"), ("T1", "C1")]


async def test_when_an_admin_adds_a_term_then_the_vocabulary_is_reloaded(
    services: PhiServices,
) -> None:
    await _phi(services, "terms add not-a-name Rounds")
    assert await services.store.list_terms("T1") != []
    assert services.vocabularies is not None and services.vocabularies.seen == [("T1",)]
    listed = await _phi(services, "terms list")
    assert listed == replies.terms_list(await services.store.list_terms("T1"))


async def test_when_a_sweep_is_asked_twice_then_the_second_says_one_is_running(
    services: PhiServices,
) -> None:
    first = await _phi(services, "sweep 7d")
    again = await _phi(services, "sweep 7d")
    assert services.pipeline.sweeps.started[0] == {
        "channel": "C1", "actor": ADMIN, "days": 7, "mode": "report",
    }  # fmt: skip
    assert first != again


@pytest.mark.parametrize(
    ("info", "refuse", "reason"),
    [
        ({"is_ext_shared": True}, {}, "external"),
        ({"is_im": True}, {}, "dm"),
        ({"is_mpim": True}, {}, "dm"),
        ({}, {"conversations.info": "channel_not_found"}, "cannot_post"),
        ({}, {"chat.postMessage": "not_in_channel"}, "cannot_post"),
    ],
)
async def test_when_an_alert_channel_cannot_take_alerts_then_it_is_refused(
    services: PhiServices, info: dict[str, Any], refuse: dict[str, str], reason: str
) -> None:
    services.gateway.info, services.gateway.refuse = info, refuse
    assert await _phi(services, "alerts <#C0123ABCD|phi-alerts>") == replies.alerts_refused(reason)
    assert (await services.store.get_workspace_settings("T1")).alert_channel is None
    assert services.channels.forgotten == ["C0123ABCD"]  # Slack's facts, not a cached class


async def test_when_an_alert_channel_takes_a_test_post_then_alerts_go_there(
    services: PhiServices,
) -> None:
    here = "C0ALERTS1"
    assert await _phi(services, "alerts here", channel=here) == replies.alerts_changed(here)
    assert services.gateway.posts == [here]
    assert (await services.store.get_workspace_settings("T1")).alert_channel == here
    await _phi(services, "alerts off")
    assert (await services.store.get_workspace_settings("T1")).alert_channel is None
