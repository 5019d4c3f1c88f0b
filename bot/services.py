"""The one composition root: every collaborator of the app, built once per process, in order.

`build_services` opens the store, wires the Slack gateway (with each workspace's tokens in
OAuth mode), the scan pool, the policy cache and the channel directory, gives the flow its
typed `FlowDeps`, builds the `Pipeline`, and last the durable job queue whose runner calls
`Pipeline.handle`. Listeners receive the finished `Services` and take what they need.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore

from bot.access import AdminCheck
from bot.config import Settings, slack_mode
from bot.detect.staff import StaffDirectory
from bot.detect.vocabulary import Vocabulary
from bot.flow.deps import FlowDeps, FlowStore
from bot.flow.pipeline import Pipeline
from bot.logging import log_event
from bot.policy_cache import CachedPolicies
from bot.scan_pool import ScanWorkers
from bot.slack.alerts import AlertDestinations, InstallerLookup
from bot.slack.channels import ChannelDirectory
from bot.slack.gateway import SlackGateway, TokenProvider
from bot.slack.people import PeopleDirectory
from bot.store.api import (
    JobQueue,
    JobStore,
    PolicyStore,
    ReportSource,
    ScanJob,
    WorkspaceSettingsStore,
)
from bot.store.store import Store
from bot.vocabulary_cache import CachedVocabularies

log = logging.getLogger(__name__)


def utcnow() -> datetime:
    return datetime.now(UTC)


class AppStore(FlowStore, PolicyStore, WorkspaceSettingsStore, JobStore, ReportSource, Protocol):
    """What the app's listeners, commands, App Home, worker and ops routes use of storage.

    `bot.store.Store` is the one implementation; `build_services` keeps the concrete store
    for the wiring that needs more (the OAuth token lookups) and hands on only this.
    """

    @property
    def installation_store(self) -> AsyncInstallationStore: ...
    @property
    def oauth_state_store(self) -> AsyncOAuthStateStore: ...
    async def ping(self) -> bool: ...
    async def close(self) -> None: ...


@dataclass
class Services:
    """Shared collaborators, all built before this record is (see `build_services`)."""

    settings: Settings
    store: AppStore
    gateway: SlackGateway
    scanner: ScanWorkers
    policies: CachedPolicies
    channels: ChannelDirectory
    admins: AdminCheck
    pipeline: Pipeline
    queue: JobQueue
    alerts: AlertDestinations
    bot_user_id: str | None = None
    # Run in reverse order by `close()`; the gateway and the scan pool close after them.
    closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    def clock(self) -> datetime:
        """Now, as the flow sees it (one clock: tests move the flow's, listeners follow)."""
        return self.pipeline.deps.clock()

    async def vocabulary(self, team_id: str) -> Vocabulary:
        """The workspace's vocabulary for a scan (`bot.detect.vocabulary`)."""
        return await self.pipeline.deps.vocabulary(team_id) or Vocabulary()

    async def staff(self, team_id: str) -> StaffDirectory | None:
        """The workspace's members for a scan (`bot.slack.people`)."""
        return await self.pipeline.deps.staff(team_id)

    @property
    def people(self) -> PeopleDirectory | None:
        return self.pipeline.deps.people

    @property
    def vocabularies(self) -> CachedVocabularies | None:
        return self.pipeline.deps.vocabularies

    async def is_admin(self, team_id: str, user_id: str) -> bool:
        return await self.admins.is_admin(team_id, user_id)

    async def close(self) -> None:
        for closer in reversed(self.closers):
            await closer()
        await self.gateway.close()
        await self.scanner.close()


def _installation_tokens(
    settings: Settings, store: Store
) -> tuple[TokenProvider | None, TokenProvider | None]:
    """In OAuth mode (no single bot token): each workspace's bot token, and its installer's
    user token (which removes people's posts when the installer is a workspace admin)."""
    if slack_mode(settings) == "token":
        return None, None
    installations = store.installation_store

    async def bot_token(team_id: str | None) -> str | None:
        bot = await installations.find_bot_by_team(team_id)  # any Grid org (enterprise_id)
        return bot.bot_token if bot is not None else None

    async def user_token(team_id: str | None) -> str | None:
        found = await installations.find_installation_by_team(team_id)
        return found.user_token if found is not None else None

    return bot_token, user_token


def _installer(settings: Settings, store: Store) -> InstallerLookup | None:
    """In OAuth mode: the user who installed the app in a workspace (gets its alerts by DM
    until its admins choose a channel)."""
    if slack_mode(settings) == "token":
        return None
    installations = store.installation_store

    async def installer(team_id: str | None) -> str | None:
        found = await installations.find_installation_by_team(team_id)
        return found.user_id if found is not None else None

    return installer


async def build_services(
    settings: Settings,
    *,
    scanner: ScanWorkers | None = None,
    start_queue: bool = True,
    warm_scanner: bool = True,
) -> Services:
    """Open the store and queue, start warm scan workers, and wire the gateway.

    `scanner` lets tests pass an in-process `ScanWorkers` with a session-wide engine.
    `warm_scanner=False` starts the scan pool only on first use: a web replica in front of
    Redis workers scans nothing on its own except `/phi check`, and an idle pool of NLP
    processes would only take memory and CPU from the event loop that acks Slack.
    """
    from bot.jobs.factory import make_queue
    from bot.store import open_store

    slack_mode(settings)  # no mode, or two at once: refused before anything opens
    store = await open_store(settings)
    bot_token, user_token = _installation_tokens(settings, store)
    alerts = AlertDestinations(
        settings,
        store,
        multi_workspace=bot_token is not None,
        installer=_installer(settings, store),
    )
    gateway = SlackGateway(
        settings,
        actions=store,
        bot_token=bot_token,
        admin_token=user_token,
        alert_targets=alerts.targets,
    )
    await alerts.warn_if_none(sorted(await store.list_workspace_settings()))
    if not gateway.can_delete_user_posts:
        log_event(
            log,
            logging.WARNING,
            "SLACK_ADMIN_USER_TOKEN is not set: phiwarden cannot remove users' posts; "
            "it will warn the poster ephemerally and alert admins instead",
            component="gateway",
            reason="no_admin_token",
        )
    scanner = scanner or ScanWorkers(settings)
    if warm_scanner:
        await scanner.start()
    policies = CachedPolicies(store)
    channels = ChannelDirectory(gateway, policies)
    vocabularies = CachedVocabularies(store)
    people = PeopleDirectory(gateway)
    queues: list[JobQueue] = []  # the queue runs the pipeline, so it is made after it

    async def enqueue(job: ScanJob, delay: float = 0.0) -> bool:
        return await queues[0].enqueue(job, delay_seconds=delay)

    deps = FlowDeps(
        settings=settings,
        store=store,
        gateway=gateway,
        scanner=scanner,
        channels=channels,
        policies=policies,
        clock=utcnow,
        vocabularies=vocabularies,
        people=people,
        enqueue=enqueue,
    )
    pipeline = Pipeline(deps)
    queue = make_queue(settings, store, pipeline.handle, on_failure=pipeline.on_job_failed)
    queues.append(queue)
    services = Services(
        settings=settings,
        store=store,
        gateway=gateway,
        scanner=scanner,
        policies=policies,
        channels=channels,
        admins=AdminCheck(settings, gateway),
        pipeline=pipeline,
        queue=queue,
        alerts=alerts,
        closers=[store.close, queue.stop],
    )
    if start_queue:
        await queue.start()
    return services
