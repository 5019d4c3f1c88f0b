"""`Pipeline` with a fake `FlowDeps`: dispatch by job kind, the decided action, the audit row."""

from __future__ import annotations

from typing import Any

import pytest

from bot.flow.kinds import JobKind
from bot.flow.pipeline import Pipeline
from bot.policy import ChannelClass, ChannelPolicy, PolicyAction
from bot.store.api import ScanJob
from tests.flow.fakes import MemoryStore, RecordingGateway, fake_deps, post_job

PHI = "Mr Jonas Ebbe MRN 64646464 is in bed 4"


def _parts(pipeline: Pipeline) -> tuple[MemoryStore, RecordingGateway]:
    store, gateway = pipeline.deps.store, pipeline.deps.gateway
    assert isinstance(store, MemoryStore) and isinstance(gateway, RecordingGateway)
    return store, gateway


async def test_a_clean_post_touches_neither_slack_nor_the_audit_trail() -> None:
    pipeline = Pipeline(fake_deps())
    await pipeline.handle(post_job("handover at 7, coffee in the break room"))
    store, gateway = _parts(pipeline)
    assert gateway.calls == [] and store.audit == []


async def test_redact_removes_the_original_and_reposts_it_without_the_identifiers() -> None:
    pipeline = Pipeline(fake_deps(policy=ChannelPolicy(text_action=PolicyAction.REDACT)))
    await pipeline.handle(post_job(PHI))
    store, gateway = _parts(pipeline)
    assert gateway.methods() == ["chat.delete", "chat.postMessage", "chat.postEphemeral"]
    repost = gateway.of("chat.postMessage")[0]
    assert "64646464" not in repost["text"] and "Jonas" not in repost["text"]
    assert repost["key"] == "Ev1:repost"  # one idempotency key per step
    (row,) = store.audit
    assert (row.event, row.action, row.verdict) == ("scan", "redact", "phi")
    assert "64646464" not in repr(row) and "Jonas" not in repr(row)  # ids, kinds, counts only
    assert row.counts["ID"] == 1 and row.detail["removed"] is True


async def test_without_an_admin_token_the_post_stays_and_admins_are_told() -> None:
    pipeline = Pipeline(fake_deps(channel_class=ChannelClass.EXTERNAL, can_delete=False))
    await pipeline.handle(post_job(PHI))
    store, gateway = _parts(pipeline)
    assert "chat.postMessage" not in gateway.methods()  # nothing reposted beside the original
    assert gateway.methods()[-1] == "alert"
    assert store.audit[0].detail["removed"] is False


async def test_a_detector_failure_applies_the_failure_action_and_alerts() -> None:
    pipeline = Pipeline(fake_deps(channel_class=ChannelClass.EXTERNAL))
    await pipeline.handle(post_job("EXPLODE " + PHI))
    store, gateway = _parts(pipeline)
    assert gateway.methods()[0] == "chat.delete"  # fail closed: external blocks on failure
    assert "alert" in gateway.methods()
    assert store.audit[0].detail["content"] == "failure"


async def test_a_confirm_holds_the_post_and_keeps_its_text_only_in_the_pending_record() -> None:
    pipeline = Pipeline(fake_deps())  # clinical default: confirm
    await pipeline.handle(post_job(PHI))
    store, gateway = _parts(pipeline)
    assert gateway.methods() == ["chat.delete", "chat.postEphemeral"]
    (pending,) = store.pending.values()
    assert pending.payload["text"] == PHI and pending.payload["on_timeout"] == "block"
    assert PHI not in repr(store.audit)


async def test_a_retried_job_finds_its_pending_confirm_instead_of_making_a_second() -> None:
    pipeline = Pipeline(fake_deps())
    await pipeline.handle(post_job(PHI))
    await pipeline.handle(post_job(PHI))
    store, _ = _parts(pipeline)
    assert len(store.pending) == 1


async def test_choice_and_expiry_jobs_go_to_confirms(monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline = Pipeline(fake_deps())
    seen: list[tuple[Any, ...]] = []

    async def choose(*args: Any, **kwargs: Any) -> None:
        seen.append(("choose", *args, kwargs["channel_id"]))

    async def expire(confirm_id: str) -> None:
        seen.append(("expire", confirm_id))

    monkeypatch.setattr(pipeline.confirms, "choose", choose)
    monkeypatch.setattr(pipeline.confirms, "expire", expire)
    payload = {"confirm_id": "c1", "actor": "U1", "choice": "withdrawn"}
    await pipeline.handle(ScanJob("j1", "T1", "C1", JobKind.CHOICE, payload))
    await pipeline.handle(ScanJob("j2", "T1", "C1", JobKind.EXPIRE, {"confirm_id": "c2"}))
    assert seen == [("choose", "c1", "U1", "withdrawn", None, "C1"), ("expire", "c2")]


async def test_an_unknown_job_kind_is_logged_and_dropped_not_retried_forever() -> None:
    pipeline = Pipeline(fake_deps())
    await pipeline.handle(ScanJob("j1", "T1", "C1", "reindex", {}))  # does not raise
    assert _parts(pipeline)[1].calls == []


async def test_a_failed_post_job_alerts_admins_and_other_kinds_do_not() -> None:
    pipeline = Pipeline(fake_deps())
    await pipeline.on_job_failed(post_job(PHI), "RuntimeError")
    await pipeline.on_job_failed(ScanJob("j2", "T1", "C1", JobKind.EXPIRE, {}), "RuntimeError")
    assert _parts(pipeline)[1].methods() == ["alert"]


async def test_prescreen_lets_only_a_clean_text_post_skip_the_queue() -> None:
    deps = fake_deps()
    deps.settings.ack_prescreen_ms = 500
    pipeline = Pipeline(deps)
    assert await pipeline.prescreen_clean(post_job("see you at rounds"))
    assert not await pipeline.prescreen_clean(post_job(PHI))
    assert not await pipeline.prescreen_clean(post_job("EXPLODE"))  # a failure is recorded


async def test_a_post_too_long_for_one_scan_is_not_called_a_detector_failure() -> None:
    """The old alert said "The PHI checker failed" for a post that was only too long to read in
    one scan (a forward of a long message plus its own text): admins chased a fault."""
    from bot.detect.types import MAX_SCAN_CHARS

    pipeline = Pipeline(fake_deps(channel_class=ChannelClass.EXTERNAL))
    await pipeline.handle(post_job(PHI + " ward notes" * (MAX_SCAN_CHARS // 10)))
    _store, gateway = _parts(pipeline)
    assert gateway.methods()[0] == "chat.delete"  # still fails closed
    (alert,) = gateway.of("alert")
    assert "checker failed" not in alert["text"] and "too long" in alert["text"]
    (notice,) = gateway.of("chat.postEphemeral")
    assert "too long" in notice["text"]
