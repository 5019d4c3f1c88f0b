"""What the flow needs from the rest of the app: typed collaborators, built in one place.

`bot.services` builds one `FlowDeps` from the real store, gateway, scan pool, channel directory
and policy cache; unit tests build one from fakes. The flow never sees `Services`, Bolt or the
job queue: what it enqueues (expiry jobs) it hands to a callable it is given.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from bot.config import Settings
from bot.store.api import ActionLog, AuditStore, ConfirmStore, ConsentStore, EventDedupe, ScanJob

if TYPE_CHECKING:
    from bot.detect.types import ImageScanResult
    from bot.policy_cache import CachedPolicies
    from bot.scan_pool import TextOutcome
    from bot.slack.channels import ChannelDirectory
    from bot.slack.gateway import SlackGateway

Enqueue = Callable[[ScanJob], Awaitable[bool]]


class FlowStore(AuditStore, ConfirmStore, ConsentStore, EventDedupe, ActionLog, Protocol):
    """What the flow asks of storage: audit rows, pending confirms, attestations, step keys."""


class Scanner(Protocol):
    """Detection off the event loop (`bot.scan_pool.ScanWorkers`); raises `DetectionError`."""

    async def scan_text(self, text: str) -> TextOutcome: ...

    async def scan_file(self, data: bytes, filename: str | None = None) -> ImageScanResult: ...


@dataclass(slots=True)
class FlowDeps:
    """Everything a flow step may touch; nothing else reaches it.

    One instance is shared by every part of the pipeline, so a test that moves `clock`
    moves it for all of them.
    """

    settings: Settings
    store: FlowStore
    gateway: SlackGateway
    scanner: Scanner
    channels: ChannelDirectory
    policies: CachedPolicies
    clock: Callable[[], datetime]

    def salt(self) -> str:
        """The key that makes audit rows' post hashes unlinkable outside this install."""
        return self.settings.token_encryption_key or self.settings.slack_signing_secret or ""
