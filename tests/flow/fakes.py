"""A fake `FlowDeps` for unit tests of `bot.flow`: memory store, recording gateway, regex scanner.

Each fake keeps only what the flow asks of the real one (`bot.flow.deps`), and records every
Slack call as `(method, fields)` so a test asserts what Slack would have seen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bot.config import Settings
from bot.errors import DetectionError, SlackGatewayError
from bot.flow.deps import FlowDeps
from bot.policy import ChannelClass, ChannelPolicy
from bot.scan_pool import TextOutcome, analyse
from bot.slack.gateway import Removal
from bot.store.api import AuditEvent, ConsentAttestation, PendingConfirm, ScanJob
from tests.fakes import FakeEngine

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


class MemoryStore:
    """`FlowStore` in dicts."""

    def __init__(self) -> None:
        self.audit: list[AuditEvent] = []
        self.pending: dict[str, PendingConfirm] = {}
        self.resolved: dict[str, tuple[str, str]] = {}
        self.attestations: list[ConsentAttestation] = []
        self.claimed: set[str] = set()
        self.actions: dict[str, dict[str, Any]] = {}

    async def append(self, event: AuditEvent) -> None:
        self.audit.append(event)

    async def tally_scanned(self, team_id: str, at: datetime | None = None, posts: int = 1) -> None:
        self.scanned = getattr(self, "scanned", 0) + posts

    async def recent_counts(self, team_id: str, since: datetime) -> dict[str, int]:
        return {}

    async def save_pending(self, pending: PendingConfirm) -> None:
        self.pending[pending.confirm_id] = pending

    async def get_pending(self, confirm_id: str) -> PendingConfirm | None:
        return self.pending.get(confirm_id)

    async def resolve_pending(
        self, confirm_id: str, outcome: str, actor: str
    ) -> PendingConfirm | None:
        self.resolved[confirm_id] = (outcome, actor)
        return self.pending.pop(confirm_id, None)

    async def expired(self, now: datetime) -> list[PendingConfirm]:
        return [p for p in self.pending.values() if p.expires_at <= now]

    async def record_attestation(self, attestation: ConsentAttestation) -> None:
        self.attestations.append(attestation)

    async def claim(self, key: str) -> bool:
        fresh = key not in self.claimed
        self.claimed.add(key)
        return fresh

    async def get_action(self, key: str) -> dict[str, Any] | None:
        return self.actions.get(key)

    async def record_action(
        self, key: str, result: dict[str, Any], *, replace: bool = False
    ) -> None:
        if replace or key not in self.actions:
            self.actions[key] = result


@dataclass
class RecordingGateway:
    """The gateway calls the flow makes; `can_delete` False plays a workspace without an
    admin token, `refuse` makes a method raise `SlackGatewayError(method, error)`."""

    can_delete: bool = True
    refusal: str = "no_admin_token"  # what a refused delete says when `can_delete` is False
    refuse: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    infos: dict[str, dict[str, Any]] = field(default_factory=dict)  # `files.info` by file id
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def _call(self, method: str, **fields: Any) -> None:
        self.calls.append((method, fields))
        if method in self.refuse:
            raise SlackGatewayError(method, self.refuse[method])

    def methods(self) -> list[str]:
        return [m for m, _ in self.calls]

    def of(self, method: str) -> list[dict[str, Any]]:
        return [f for m, f in self.calls if m == method]

    async def delete_user_message(
        self, channel: str, ts: str, team_id: str | None = None
    ) -> Removal:
        self._call("chat.delete", channel=channel, ts=ts)
        return Removal(True) if self.can_delete else Removal(False, self.refusal)

    async def delete_file(self, file_id: str, team_id: str | None = None) -> Removal:
        self.calls.append(("files.delete", {"file": file_id}))
        if "files.delete" in self.refuse:  # a refusal is an answer, not an exception
            return Removal(False, self.refuse["files.delete"])
        return Removal(True) if self.can_delete else Removal(False, self.refusal)

    async def post(
        self,
        key: str,
        channel: str,
        text: str,
        blocks: list[dict[str, Any]] | None = None,
        **kwargs: Any,
    ) -> str | None:
        self._call("chat.postMessage", key=key, channel=channel, text=text, blocks=blocks, **kwargs)
        return "9.9"

    async def ephemeral(
        self, key: str, channel: str, user: str, text: str, blocks: Any = None, **kwargs: Any
    ) -> None:
        self._call(
            "chat.postEphemeral",
            key=key,
            channel=channel,
            user=user,
            text=text,
            blocks=blocks,
            **kwargs,
        )

    async def alert_admins(self, key: str, text: str, blocks: Any = None, **kwargs: Any) -> None:
        self._call("alert", key=key, text=text, blocks=blocks, **kwargs)

    async def download(self, url: str, limit: int, team_id: str | None = None) -> bytes:
        self._call("files.download", url=url, limit=limit)
        return self.files[url]

    async def file_info(self, file_id: str, *, team_id: str | None = None) -> dict[str, Any]:
        self._call("files.info", file=file_id)
        return self.infos.get(file_id, {})

    async def replace_setting(
        self, channel: str, setting: str, value: str, *, team_id: str | None = None
    ) -> bool:
        method = "conversations.setTopic" if setting == "topic" else "conversations.setPurpose"
        try:
            self._call(method, channel=channel, value=value)
        except SlackGatewayError:
            return False
        return True

    async def canvas_content(self, canvas_id: str, *, team_id: str | None = None) -> str:
        self._call("canvases.getContent", canvas_id=canvas_id)
        return self.files[canvas_id].decode()

    async def upload(
        self,
        key: str,
        channel: str,
        thread_ts: str | None,
        name: str,
        data: bytes,
        comment: str,
        **kwargs: Any,
    ) -> None:
        self._call(
            "files.upload",
            key=key,
            channel=channel,
            thread_ts=thread_ts,
            name=name,
            data=data,
            comment=comment,
            **kwargs,
        )


class RegexScanner:
    """`Scanner` over `tests.fakes.FakeEngine` ("EXPLODE" in a text fails the scan)."""

    def __init__(self) -> None:
        self.engine = FakeEngine()

    async def scan_text(self, text: str, vocabulary: Any = None, staff: Any = None) -> TextOutcome:
        try:
            return analyse(self.engine, text)
        except RuntimeError:
            raise DetectionError("text scan failed (RuntimeError)") from None

    async def scan_file(self, data: bytes, filename: str | None = None) -> Any:
        raise DetectionError("no image scanner in flow unit tests")


@dataclass
class FixedChannels:
    kind: ChannelClass = ChannelClass.CLINICAL

    async def channel_class(
        self,
        team_id: str,
        channel_id: str,
        channel_type: str | None = None,
        ext_shared: bool | None = None,
    ) -> ChannelClass:
        return self.kind


@dataclass
class FixedPolicies:
    policy: ChannelPolicy | None = None

    async def get_policy(self, team_id: str, channel_id: str) -> ChannelPolicy | None:
        return self.policy

    async def get_default_policy(self, team_id: str) -> ChannelPolicy | None:
        return None


def fake_deps(
    *,
    channel_class: ChannelClass = ChannelClass.CLINICAL,
    policy: ChannelPolicy | None = None,
    can_delete: bool = True,
) -> FlowDeps:
    deps = FlowDeps(
        settings=Settings(slack_signing_secret="test-secret"),
        store=MemoryStore(),
        gateway=RecordingGateway(can_delete=can_delete),
        scanner=RegexScanner(),
        channels=FixedChannels(channel_class),
        policies=FixedPolicies(policy),
        clock=lambda: NOW,
    )
    return deps


def post_job(text: str, *, job_id: str = "Ev1", user: str = "U1", **payload: Any) -> ScanJob:
    """A text job as intake records it (`bot.flow.intake.job_from_event`)."""
    return ScanJob(
        job_id=job_id,
        team_id="T1",
        channel_id="C1",
        kind="message",
        payload={
            "event_id": job_id,
            "channel": "C1",
            "user": user,
            "ts": "1700000000.000100",
            "thread_ts": None,
            "text": text,
            "files": [],
            **payload,
        },
    )
