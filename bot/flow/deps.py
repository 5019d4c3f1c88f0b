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
from bot.store.api import (
    ActionLog,
    AuditStore,
    ConfirmStore,
    ConsentStore,
    EventDedupe,
    ScanJob,
    ScanTally,
    SweepStore,
    TermStore,
)

if TYPE_CHECKING:
    from bot.detect.staff import StaffDirectory
    from bot.detect.types import ImageScanResult
    from bot.detect.vocabulary import Vocabulary
    from bot.policy_cache import CachedPolicies
    from bot.scan_pool import TextOutcome
    from bot.slack.channels import ChannelDirectory
    from bot.slack.gateway import SlackGateway
    from bot.slack.people import PeopleDirectory
    from bot.vocabulary_cache import CachedVocabularies

Enqueue = Callable[[ScanJob], Awaitable[bool]]
# Record a job to run `delay` seconds from now (sweep pages, reports); False if it exists.
DelayedEnqueue = Callable[[ScanJob, float], Awaitable[bool]]


class FlowStore(
    AuditStore,
    ConfirmStore,
    ConsentStore,
    EventDedupe,
    ActionLog,
    ScanTally,
    SweepStore,
    TermStore,
    Protocol,
):
    """What the flow asks of storage: audit rows, pending confirms, attestations, step keys."""


class Scanner(Protocol):
    """Detection off the event loop (`bot.scan_pool.ScanWorkers`); raises `DetectionError`."""

    async def scan_text(
        self,
        text: str,
        vocabulary: Vocabulary | None = None,
        staff: StaffDirectory | None = None,
    ) -> TextOutcome: ...

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
    # Each workspace's vocabulary (None: none, as in unit tests of other steps).
    vocabularies: CachedVocabularies | None = None
    # Each workspace's members (`users.list`), so their names read as staff (None: nobody).
    people: PeopleDirectory | None = None
    # Jobs the flow records itself (sweep pages, apply-mode scans); forwards to the queue.
    enqueue: DelayedEnqueue | None = None
    bot_user_id: str | None = None

    async def vocabulary(self, team_id: str) -> Vocabulary | None:
        """The workspace's vocabulary for a scan, if this app keeps any."""
        if self.vocabularies is None:
            return None
        return await self.vocabularies.for_team(team_id)

    async def staff(self, team_id: str) -> StaffDirectory | None:
        """The workspace's members for a scan; None (every untitled name a patient's) without."""
        if self.people is None:
            return None
        return await self.people.for_team(team_id)

    async def record(self, job: ScanJob, delay: float = 0.0) -> bool:
        """Record a job the flow starts itself; a flow built without a queue cannot."""
        if self.enqueue is None:
            raise RuntimeError("this flow was built without a job queue")
        return await self.enqueue(job, delay)

    def salt(self) -> str:
        """The key that makes audit rows' post hashes unlinkable outside this install."""
        return self.settings.token_encryption_key or self.settings.slack_signing_secret or ""
