"""`bot.home` over a real SQLite store: members see the rules only; admins see figures (never
content), and the view stays within Slack's 100 blocks however many channels have policies."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from bot.home import HOME_BLOCKS_MAX, build_home, publish_home
from bot.messages.home import home_view
from bot.messages.ids import BLOCK_HOME_COUNTS, BLOCK_HOME_POLICIES
from bot.policy import ChannelPolicy
from bot.store import Store, open_store
from bot.store.api import AuditEvent

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
ADMIN, MEMBER = "UADMIN", "UMEMBER"
INTRANET = "https://intranet.example.org/phi-rules"


@dataclass
class FakeGateway:
    published: list[tuple[str, Any, str | None]] = field(default_factory=list)

    async def publish_home(self, user_id: str, view: Any, *, team_id: str | None = None) -> None:
        self.published.append((user_id, view, team_id))


@dataclass
class FakeAlerts:
    def fallback_label(self) -> str | None:
        return "<#C0ALERTS>"


@dataclass
class HomeServices:
    """The parts of `bot.services.Services` that the App Home uses."""

    store: Store
    gateway: FakeGateway = field(default_factory=FakeGateway)
    alerts: FakeAlerts = field(default_factory=FakeAlerts)
    settings: Settings = field(default_factory=lambda: Settings(rules_url=INTRANET))

    def clock(self) -> datetime:
        return NOW

    async def is_admin(self, team_id: str, user_id: str) -> bool:
        return user_id == ADMIN


@pytest.fixture
async def services(tmp_path: Path) -> AsyncIterator[HomeServices]:
    store = await open_store(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/h.sqlite3"))
    try:
        yield HomeServices(store)
    finally:
        await store.close()


def _block_ids(view: Any) -> list[str]:
    """Block ids without their index (`phiwarden_home_policies_0` -> `phiwarden_home_policies`)."""
    return [str(b.get("block_id", "")).rstrip("0123456789").rstrip("_") for b in view["blocks"]]


async def test_when_a_member_opens_home_then_only_the_rules_show(services: HomeServices) -> None:
    await services.store.set_policy("T1", "C1", ChannelPolicy(act_on_low=True), ADMIN)
    view = await build_home(services, "T1", MEMBER)  # type: ignore[arg-type]
    assert view == home_view(False, {}, {}, rules_url=INTRANET)
    assert INTRANET in str(view)  # the deployment's own rules page
    assert BLOCK_HOME_POLICIES not in _block_ids(view)


async def test_when_an_admin_opens_home_then_policies_counts_and_the_summary_show(
    services: HomeServices,
) -> None:
    store = services.store
    await store.set_policy("T1", "C0CLINIC1", ChannelPolicy(act_on_low=True), ADMIN)
    await store.set_approved("T1", "C0APPROVED", True, ADMIN)
    await store.add_term("T1", "not_name", "Rounds", ADMIN)
    for _ in range(3):
        await store.append(
            AuditEvent(
                "T1",
                "C0CLINIC1",
                "U1",
                "scan",
                "block",
                "phi",
                ("NAME",),
                {"NAME": 1},
                at=NOW - timedelta(days=1),
            )
        )
    await store.tally_scanned("T1", NOW - timedelta(days=1), posts=5)
    view = await build_home(services, "T1", ADMIN)  # type: ignore[arg-type]
    text = str(view["blocks"])
    assert BLOCK_HOME_POLICIES in _block_ids(view) and BLOCK_HOME_COUNTS in _block_ids(view)
    assert "C0CLINIC1" in text and "C0APPROVED" in text
    assert "*Posts scanned* 5 · *with findings* 3" in text
    assert "1 word(s) that are not names" in text
    assert "Rounds" not in text  # the vocabulary is counted on Home, listed only by command


async def test_when_the_events_are_older_than_the_report_period_then_they_are_not_counted(
    services: HomeServices,
) -> None:
    await services.store.append(
        AuditEvent("T1", "C1", "U1", "scan", "block", "phi", ("NAME",), at=NOW - timedelta(days=45))
    )
    await services.store.tally_scanned("T1", NOW - timedelta(days=45), posts=5)
    view = await build_home(services, "T1", ADMIN)  # type: ignore[arg-type]
    assert "*Posts scanned* 0 · *with findings* 0" in str(view["blocks"])


async def test_when_many_channels_have_policies_then_the_view_stays_within_slack_s_limit(
    services: HomeServices,
) -> None:
    for i in range(150):
        await services.store.set_policy("T1", f"C0CHAN{i:04d}", ChannelPolicy(), ADMIN)
    view = await build_home(services, "T1", ADMIN)  # type: ignore[arg-type]
    assert 0 < len(view["blocks"]) <= HOME_BLOCKS_MAX == 100


async def test_when_home_is_published_then_it_goes_to_that_user_in_that_team(
    services: HomeServices,
) -> None:
    await publish_home(services, "T1", MEMBER)  # type: ignore[arg-type]
    ((user, view, team),) = services.gateway.published
    assert (user, team) == (MEMBER, "T1") and view == home_view(False, {}, {}, rules_url=INTRANET)


async def test_when_an_admin_opens_home_then_the_settings_buttons_come_before_the_long_lists(
    services: HomeServices,
) -> None:
    from bot.messages.ids import BLOCK_HOME_SETTINGS_ACTIONS, SETTINGS_ACTION_IDS

    for i in range(400):  # enough channels that the 100-block cut applies
        await services.store.set_policy("T1", f"C{i:05d}", ChannelPolicy(act_on_low=True), ADMIN)
    await services.store.add_term("T1", "institution", "st elsewhere", ADMIN)
    view = await build_home(services, "T1", ADMIN)  # type: ignore[arg-type]
    assert len(view["blocks"]) <= HOME_BLOCKS_MAX
    (row,) = [b for b in view["blocks"] if b.get("block_id") == BLOCK_HOME_SETTINGS_ACTIONS]
    assert {e["action_id"] for e in row["elements"]} == set(SETTINGS_ACTION_IDS)
    assert "<#C0ALERTS>" in str(view["blocks"])  # the deployment's default, as /phi alerts says
    member = await build_home(services, "T1", MEMBER)  # type: ignore[arg-type]
    assert BLOCK_HOME_SETTINGS_ACTIONS not in str(member)
