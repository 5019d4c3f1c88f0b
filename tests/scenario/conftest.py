"""The whole app over HTTP against the Slack stand-in, one harness per test.

Each test gets a fresh stand-in workspace (Maria, a clinician; Omar, a colleague; Ines, a
workspace admin; channels #ward-4 clinical, #partner-clinic external, #icu-secure approved,
Maria's DM with the bot, #phi-alerts for admin alerts), a fresh SQLite database, and the real
`phiwarden run` server on a free port. The text engine is loaded once per session and shared
through an in-process `ScanWorkers` (set PHIWARDEN_TEST_ENGINE=fake to use the regex double).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from bot.scan_pool import Engine, ScanWorkers
from bot.standin import Delivery, EventSender, StandIn, Workspace
from bot.standin.model import Channel, User
from bot.web.server import Server, start_server
from tests.fakes import FakeEngine

# Synthetic clinical text (invented people and numbers).
PHI_TEXT = "Mrs Elena Varga MRN 4829173, DOB 03/14/1958, post-op day 2 on ward 4, BP stable"
CLEAN_TEXT = "Team huddle moved to 3pm, please bring the updated rota"


def _load_engine() -> Engine:
    if os.environ.get("PHIWARDEN_TEST_ENGINE") == "fake":
        return FakeEngine()
    try:
        from bot.scan_pool import load_engine

        return load_engine(Settings())
    except (NotImplementedError, ImportError, OSError):
        return FakeEngine()


@pytest.fixture(scope="session")
def scan_engine() -> Engine:
    """One engine for the whole session (the real model takes seconds to load)."""
    return _load_engine()


@dataclass
class Harness:
    slack: StandIn
    server: Server
    sender: EventSender
    maria: User
    omar: User
    ines: User
    ward: Channel
    partner: Channel
    icu: Channel
    dm: Channel
    alerts: Channel

    @property
    def ws(self) -> Workspace:
        return self.slack.workspace

    async def post(
        self, user: User, channel: Channel, text: str, **kwargs: Any
    ) -> tuple[dict[str, Any], Delivery]:
        event = self.ws.post_as_user(user.id, channel.id, text, **kwargs)
        return event, await self.sender.event(event)

    async def settle(self, timeout: float = 30.0) -> None:
        """Wait until the job queue has nothing pending or running."""
        store: Any = self.server.services.store
        deadline = asyncio.get_running_loop().time() + timeout
        while asyncio.get_running_loop().time() < deadline:
            depth = await store.queue_depth() if hasattr(store, "queue_depth") else 0
            if not depth:
                await asyncio.sleep(0.05)
                if not (await store.queue_depth() if hasattr(store, "queue_depth") else 0):
                    return
            await asyncio.sleep(0.02)
        raise AssertionError("jobs did not finish in time")

    def advance_clock(self, seconds: float) -> None:
        deps = self.server.services.pipeline.deps  # the one clock the flow and listeners read
        base = deps.clock
        deps.clock = lambda: base() + timedelta(seconds=seconds)

    def ephemerals(self, user: User, channel: Channel | None = None) -> list[Any]:
        return self.ws.ephemerals_for(user.id, channel.id if channel else None)

    def bot_posts(self, channel: Channel) -> list[Any]:
        return [m for m in self.ws.channel_messages(channel.id) if m.bot_id]


MakeHarness = Callable[..., Awaitable[Harness]]


@pytest.fixture
async def make_harness(tmp_path: Path, scan_engine: Engine) -> AsyncIterator[MakeHarness]:
    started: list[tuple[StandIn, Server]] = []

    async def make(
        *, admin_token: bool = True, alert_channel: bool = True, **overrides: Any
    ) -> Harness:
        ws = Workspace(admin_token=admin_token)
        maria = ws.add_user("maria", real_name="Maria Test")
        omar = ws.add_user("omar", real_name="Omar Test")
        ines = ws.add_user("ines", real_name="Ines Admin", is_admin=True)
        people = [maria.id, omar.id, ines.id]
        ward = ws.add_channel("ward-4", members=people)
        partner = ws.add_channel("partner-clinic", members=people, is_ext_shared=True)
        icu = ws.add_channel("icu-secure", kind="private", members=people)
        dm = ws.add_im(maria.id)
        alerts = ws.add_channel("phi-alerts", members=[ines.id])
        slack = await StandIn.start(ws)
        settings = Settings(
            slack_api_url=slack.api_url,
            slack_bot_token=slack.bot_token,
            slack_signing_secret=slack.signing_secret,
            slack_admin_user_token=slack.admin_token,
            database_url=f"sqlite+aiosqlite:///{tmp_path}/phiwarden-{len(started)}.sqlite3",
            admin_alert_channel=alerts.id if alert_channel else None,
            confirm_sweep_seconds=0.05,
            **overrides,
        )
        server = await start_server(
            settings, host="127.0.0.1", port=0, scanner=ScanWorkers(settings, engine=scan_engine)
        )
        started.append((slack, server))
        await server.services.store.set_approved(ws.team_id, icu.id, True, ines.id)
        sender = slack.sender(f"{server.url}/slack/events")
        return Harness(slack, server, sender, maria, omar, ines, ward, partner, icu, dm, alerts)

    yield make
    for slack, server in reversed(started):
        await server.stop()
        await slack.stop()


@pytest.fixture
async def h(make_harness: MakeHarness) -> Harness:
    return await make_harness()
