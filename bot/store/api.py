"""What the app needs from storage, as protocols, so handlers and the store meet in one place.

The SQLAlchemy implementation lives beside this file; tests may use any object that fits.
Nothing here ever carries PHI: ids, kinds, counts, hashes and enums only.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field

from bot.detect.vocabulary import Vocabulary
from bot.policy import ChannelClass, ChannelPolicy


@dataclass(frozen=True, slots=True)
class ScanJob:
    """A unit of work recorded before the event is acknowledged.

    `payload` is the Slack event needed to act (it holds the message text, so it is kept only
    until the job is done and is never logged or exported).
    """

    job_id: str  # the idempotency key: Slack event id (or a derived key for edits/files)
    team_id: str
    channel_id: str
    kind: str  # "message" | "file" | "expire_confirm"
    payload: dict[str, Any]
    attempts: int = 0


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One line of the append-only audit trail: who, when, where, what kinds, which action."""

    team_id: str
    channel_id: str
    user_id: str
    event: str  # "scan", "action", "policy_change", "consent", "approve", "failure", ...
    action: str = ""
    verdict: str = ""
    kinds: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    detail: dict[str, Any] = field(default_factory=dict)  # ids and enums only
    message_hash: str = ""  # salted hash of channel+ts, never the text
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PendingConfirm:
    """A post hidden while its author decides; the worker applies the default at `expires_at`."""

    confirm_id: str
    team_id: str
    channel_id: str
    user_id: str
    message_ts: str
    thread_ts: str | None
    expires_at: datetime
    payload: dict[str, Any]  # what is needed to restore or redact; dropped when resolved


class PolicyStore(Protocol):
    async def get_policy(self, team_id: str, channel_id: str) -> ChannelPolicy | None: ...
    async def get_default_policy(self, team_id: str) -> ChannelPolicy | None: ...
    async def set_policy(
        self, team_id: str, channel_id: str | None, policy: ChannelPolicy, actor: str
    ) -> None: ...
    async def get_channel_class_override(
        self, team_id: str, channel_id: str
    ) -> ChannelClass | None: ...
    async def set_approved(
        self, team_id: str, channel_id: str, approved: bool, actor: str
    ) -> None: ...
    async def list_policies(self, team_id: str) -> dict[str, ChannelPolicy]: ...
    async def list_approved(self, team_id: str) -> list[str]: ...


class AuditStore(Protocol):
    async def append(self, event: AuditEvent) -> None: ...
    async def find_scan_event(self, team_id: str, job_id: str) -> dict[str, Any] | None: ...
    async def recent_counts(self, team_id: str, since: datetime) -> dict[str, int]: ...


class ScanTally(Protocol):
    async def tally_scanned(self, team_id: str, at: datetime | None = None, posts: int = 1) -> None:
        """Count posts scanned per workspace and day (the report's denominator; no content)."""
        ...


@dataclass(frozen=True, slots=True)
class Sweep:
    """A sweep as stored; `state` holds ids, Slack cursors and counts only (`bot.flow.sweep` checks)."""

    sweep_id: str
    team_id: str
    channel_id: str
    requested_by: str
    mode: str
    oldest: str
    status: str
    seq: int
    state: dict[str, Any]


class SweepStore(Protocol):
    async def create_sweep(self, sweep: Sweep) -> bool: ...
    async def get_sweep(self, sweep_id: str) -> Sweep | None: ...
    async def running_sweep(self, team_id: str, channel_id: str) -> Sweep | None: ...
    async def advance_sweep(
        self, sweep_id: str, seq: int, state: dict[str, Any], status: str = "running"
    ) -> bool:
        """Save `state` and move to `seq + 1`, only if the row is still at `seq`."""
        ...


class TermStore(Protocol):
    async def add_term(self, team_id: str, kind: str, term: str, actor: str) -> bool: ...
    async def remove_term(self, team_id: str, kind: str, term: str, actor: str) -> bool: ...
    async def list_terms(self, team_id: str) -> list[tuple[str, str]]: ...
    async def get_vocabulary(self, team_id: str) -> Vocabulary: ...


class ConfirmStore(Protocol):
    async def save_pending(self, pending: PendingConfirm) -> None: ...
    async def get_pending(self, confirm_id: str) -> PendingConfirm | None: ...
    async def resolve_pending(
        self, confirm_id: str, outcome: str, actor: str
    ) -> PendingConfirm | None:
        """Atomically mark resolved; returns the pending record only for the first caller."""
        ...

    async def expired(self, now: datetime) -> list[PendingConfirm]: ...


class EventDedupe(Protocol):
    async def claim(self, key: str) -> bool:
        """True the first time `key` is seen (across replicas), False for retries/duplicates."""
        ...


class JobStore(Protocol):
    """The job table behind `bot.jobs`: rows first, leases, and how each job ended.

    `dialect` lets the embedded queue batch completions on SQLite, whose one writer makes each
    transaction count. A failed job's audit row goes through `append` (`AuditStore`).
    """

    @property
    def dialect(self) -> str: ...
    async def insert_job(self, job: ScanJob, delay: timedelta | None = None) -> bool: ...
    async def claim_jobs(self, owner: str, limit: int, lease: timedelta) -> list[ScanJob]: ...
    async def claim_job(self, job_id: str, owner: str, lease: timedelta) -> ScanJob | None: ...
    async def extend_lease(self, job_id: str, owner: str, lease: timedelta) -> bool: ...
    async def complete_job(self, job_id: str) -> None: ...
    async def complete_jobs(self, job_ids: list[str]) -> None: ...
    async def fail_job(self, job_id: str, error_type: str) -> None: ...
    async def retry_job(self, job_id: str, delay: timedelta, error_type: str) -> None: ...
    async def release_running(self, owner: str | None = None) -> int: ...
    async def ready_job_ids(self, limit: int, older_than: timedelta) -> list[str]: ...
    async def queue_depth(self) -> int: ...
    async def append(self, event: AuditEvent) -> None: ...


class ReportSource(Protocol):
    """What the compliance report reads (`bot.report.data.gather`): audit rows, day tallies."""

    def iter_audit_rows(
        self, since: datetime, until: datetime | None = None, team_id: str | None = None
    ) -> AsyncIterator[dict[str, Any]]: ...

    async def scanned_by_day(
        self, since: date, until: date | None = None, team_id: str | None = None
    ) -> dict[date, int]: ...


class JobQueue(Protocol):
    """Where jobs are recorded and run: `bot.jobs.embedded` or `bot.jobs.distributed`."""

    async def enqueue(self, job: ScanJob, delay_seconds: float = 0.0) -> bool:
        """Durably record the job; False if a job with this id already exists."""
        ...

    async def start(self) -> None:
        """Begin running jobs (the embedded queue first resumes what a crash left running)."""
        ...

    async def stop(self) -> None:
        """Stop taking jobs; in-flight ones finish or resume after a restart."""
        ...

    async def ping(self) -> bool:
        """True while jobs can be recorded and run (for `/healthz`)."""
        ...


class ActionLog(Protocol):
    """Idempotency record of gateway side effects, keyed by job id + action step.

    A retried job asks `get_action` first and skips a step already done, so Slack sees each
    post once. `result` holds ids only (e.g. the `ts` of a repost).
    """

    async def get_action(self, key: str) -> dict[str, Any] | None: ...
    async def record_action(
        self, key: str, result: dict[str, Any], *, replace: bool = False
    ) -> None:
        """Remember `key`; the first record wins unless `replace` (an intent that moved on)."""
        ...


@dataclass(frozen=True, slots=True)
class ConsentAttestation:
    """What a poster attested in the consent modal; codes and booleans only, never free text.

    `points` are the keys of the consent points the poster ticked (all six are required),
    `intended_use` a code such as "treatment" or "teaching".
    """

    attestation_id: str
    team_id: str
    channel_id: str
    user_id: str
    confirm_id: str
    points: tuple[str, ...]
    intended_use: str
    channel_approved: bool
    at: datetime | None = None


class ConsentStore(Protocol):
    async def record_attestation(self, attestation: ConsentAttestation) -> None:
        """Store the attestation and append a `consent` audit event in one transaction."""
        ...


class WorkspaceSettings(BaseModel):
    """What one installation (workspace) has set for itself, beside its channel policies.

    Each field's default is what a workspace gets before an admin sets anything. Add a field
    for a new per-workspace setting; stored rows that lack it read as the default, and a
    stored field this code does not know is ignored (a newer version may have written it).
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    # Where this workspace's admin alerts go (`/phi alerts #channel`); None: the deployment's
    # `ADMIN_ALERT_CHANNEL` / `ADMIN_USER_IDS`, which only a single-workspace install has.
    alert_channel: str | None = Field(default=None, pattern=r"^[CG][A-Z0-9]{2,31}$")


class WorkspaceSettingsStore(Protocol):
    """Per-installation settings, one row per team; every change is audited (who, what)."""

    async def get_workspace_settings(self, team_id: str) -> WorkspaceSettings:
        """The workspace's settings; the defaults when it has set nothing."""
        ...

    async def update_workspace_settings(
        self, team_id: str, actor: str, **changes: Any
    ) -> WorkspaceSettings:
        """Apply `changes` (field=value, validated) and audit them; returns the new settings.

        Raises `ValueError` (pydantic's `ValidationError` is one) for an unknown field or a bad
        value, storing nothing.
        """
        ...

    async def delete_workspace_settings(self, team_id: str) -> None:
        """Forget the workspace's settings (the app was uninstalled there)."""
        ...

    async def list_workspace_settings(self) -> dict[str, WorkspaceSettings]:
        """Every workspace that has set something, by team id."""
        ...
