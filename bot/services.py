"""The collaborators every listener and the pipeline share, built once per process.

`Services` is a plain dataclass so tests can assemble one from doubles; `build_services`
wires the real ones from `Settings`: the store, the durable job queue whose runner calls
`Pipeline.handle`, warm scan workers, the Slack gateway and the channel directory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from bot.access import AdminCheck
from bot.config import Settings
from bot.logging import log_event
from bot.policy_cache import CachedPolicies
from bot.scan_pool import ScanWorkers
from bot.slack.channels import ChannelDirectory
from bot.slack.gateway import SlackGateway, TokenProvider
from bot.store.api import (
    ActionLog,
    AuditStore,
    ConfirmStore,
    EventDedupe,
    JobQueue,
    PolicyStore,
)

if TYPE_CHECKING:
    from bot.flow.pipeline import Pipeline

log = logging.getLogger(__name__)


class AppStore(PolicyStore, AuditStore, ConfirmStore, EventDedupe, ActionLog, Protocol):
    """Everything the app asks of storage (see `bot.store.api`)."""


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """Shared collaborators; `pipeline` is attached by `attach_pipeline` once the rest exist."""

    settings: Settings
    scanner: ScanWorkers
    gateway: SlackGateway
    store: AppStore
    queue: JobQueue
    channels: ChannelDirectory
    clock: Callable[[], datetime] = utcnow
    admins: AdminCheck | None = None
    policies: CachedPolicies | None = None
    bot_user_id: str | None = None
    closers: list[Callable[[], Any]] = field(default_factory=list)
    _pipeline: Pipeline | None = None

    def __post_init__(self) -> None:
        if self.admins is None:
            self.admins = AdminCheck(self.settings, self.gateway)
        if self.policies is None:
            self.policies = CachedPolicies(self.store)

    async def is_admin(self, team_id: str, user_id: str) -> bool:
        assert self.admins is not None
        return await self.admins.is_admin(team_id, user_id)

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from bot.flow.pipeline import Pipeline

            self._pipeline = Pipeline(self)
        return self._pipeline

    async def close(self) -> None:
        for closer in reversed(self.closers):
            result = closer()
            if hasattr(result, "__await__"):
                await result
        await self.gateway.close()
        await self.scanner.close()


def _installation_tokens(
    settings: Settings, store: Any
) -> tuple[TokenProvider | None, TokenProvider | None]:
    """In OAuth mode (no single bot token): each workspace's bot token, and its installer's
    user token (which removes people's posts when the installer is a workspace admin)."""
    if settings.slack_bot_token or not (settings.slack_client_id and settings.slack_client_secret):
        return None, None
    installations = store.installation_store

    async def bot_token(team_id: str | None) -> str | None:
        bot = await installations.async_find_bot(enterprise_id=None, team_id=team_id)
        return bot.bot_token if bot is not None else None

    async def user_token(team_id: str | None) -> str | None:
        found = await installations.async_find_installation(enterprise_id=None, team_id=team_id)
        return found.user_token if found is not None else None

    return bot_token, user_token


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
    from bot.jobs.runner import make_queue
    from bot.store import open_store

    store: Any = await open_store(settings)
    bot_token, user_token = _installation_tokens(settings, store)
    gateway = SlackGateway(settings, actions=store, bot_token=bot_token, admin_token=user_token)
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
    services = Services(
        settings=settings,
        scanner=scanner,
        gateway=gateway,
        store=store,
        queue=None,  # type: ignore[arg-type]  # set just below
        channels=channels,
        policies=policies,
    )
    queue: Any = make_queue(
        settings, store, services.pipeline.handle, on_failure=services.pipeline.on_job_failed
    )
    services.queue = queue
    if start_queue and hasattr(queue, "start"):
        await queue.start()
    if hasattr(queue, "stop"):
        services.closers.append(queue.stop)
    if hasattr(store, "close"):
        services.closers.insert(0, store.close)
    return services
