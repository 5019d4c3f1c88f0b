"""`Confirms` with a fake `FlowDeps`: who may answer, first answer wins, timeouts, the sweep."""

from __future__ import annotations

from datetime import timedelta

from bot.flow.kinds import Choice, JobKind
from bot.flow.pipeline import Pipeline
from bot.messages.limits import problems
from bot.store.api import ScanJob
from tests.flow.fakes import NOW, MemoryStore, RecordingGateway, fake_deps, post_job

PHI = "Mr Jonas Ebbe MRN 64646464 is in bed 4"


async def _held(text: str = PHI) -> tuple[Pipeline, MemoryStore, RecordingGateway, str]:
    pipeline = Pipeline(fake_deps())
    await pipeline.handle(post_job(text, user="UPOSTER"))
    store, gateway = pipeline.deps.store, pipeline.deps.gateway
    assert isinstance(store, MemoryStore) and isinstance(gateway, RecordingGateway)
    (confirm_id,) = store.pending
    gateway.calls.clear()
    return pipeline, store, gateway, confirm_id


async def test_only_the_poster_may_answer() -> None:
    pipeline, store, gateway, confirm_id = await _held()
    await pipeline.confirms.choose(confirm_id, "UOTHER", Choice.REDACTED, channel_id="C1")
    assert gateway.calls == [] and confirm_id in store.pending


async def test_redacted_reposts_the_de_identified_text_and_resolves() -> None:
    pipeline, store, gateway, confirm_id = await _held()
    await pipeline.confirms.choose(confirm_id, "UPOSTER", Choice.REDACTED, channel_id="C1")
    (repost,) = gateway.of("chat.postMessage")
    assert "64646464" not in repost["text"]
    assert store.resolved[confirm_id] == ("redacted", "UPOSTER")
    assert [e.action for e in store.audit if e.event == "confirm"] == ["redacted"]


async def test_attested_restores_the_original_and_records_the_attestation() -> None:
    pipeline, store, gateway, confirm_id = await _held()
    consent = {"intended_use": "care", "points": ["p1", "p2"], "channel_approved": True}
    await pipeline.confirms.choose(confirm_id, "UPOSTER", Choice.ATTESTED, consent)
    (repost,) = gateway.of("chat.postMessage")
    assert "64646464" in repost["text"]  # the poster attested consent: their words come back
    (attestation,) = store.attestations
    assert attestation.points == ("p1", "p2") and attestation.channel_approved


async def test_the_first_answer_wins_and_a_late_one_is_told_so() -> None:
    pipeline, _store, gateway, confirm_id = await _held()
    await pipeline.confirms.choose(confirm_id, "UPOSTER", Choice.WITHDRAWN, channel_id="C1")
    await pipeline.confirms.choose(confirm_id, "UPOSTER", Choice.REDACTED, channel_id="C1")
    assert gateway.of("chat.postMessage") == []  # the withdraw held; no repost after it
    assert "already" in gateway.of("chat.postEphemeral")[-1]["text"].lower()


async def test_an_unknown_choice_changes_nothing() -> None:
    pipeline, store, gateway, confirm_id = await _held()
    await pipeline.confirms.choose(confirm_id, "UPOSTER", "publish-anyway", channel_id="C1")
    assert gateway.calls == [] and confirm_id in store.pending


async def test_the_sweep_enqueues_one_expiry_job_per_overdue_confirm() -> None:
    pipeline, _store, _, confirm_id = await _held()
    queued: list[ScanJob] = []

    async def enqueue(job: ScanJob) -> bool:
        queued.append(job)
        return True

    assert await pipeline.confirms.sweep(enqueue) == 0  # not yet due
    pipeline.deps.clock = lambda: NOW + timedelta(minutes=11)
    assert await pipeline.confirms.sweep(enqueue) == 1
    assert (queued[0].kind, queued[0].payload) == (JobKind.EXPIRE, {"confirm_id": confirm_id})


async def test_at_the_timeout_the_channel_default_applies_once() -> None:
    pipeline, store, gateway, confirm_id = await _held()
    await pipeline.confirms.expire(confirm_id)
    await pipeline.confirms.expire(confirm_id)  # a retried expiry job
    assert gateway.of("chat.postMessage") == []  # default timeout action: keep it removed
    assert len(gateway.of("chat.postEphemeral")) == 1
    assert store.resolved[confirm_id] == ("expired", "timeout")


async def test_a_long_attested_post_comes_back_in_parts_slack_accepts() -> None:
    """The old `restored_post` put up to 45 sections (130,000 characters) in one message."""
    long = PHI + " " + " ".join(f"obs{i} stable" for i in range(2_000))  # ~24,000 characters
    pipeline, _store, gateway, confirm_id = await _held(long)
    consent = {"intended_use": "care", "points": ["p1"], "channel_approved": True}
    await pipeline.confirms.choose(confirm_id, "UPOSTER", Choice.ATTESTED, consent)
    posts = gateway.of("chat.postMessage")
    assert len(posts) >= 3
    assert all(problems({"text": p["text"], "blocks": p["blocks"]}) == [] for p in posts)
    assert all(p["thread_ts"] == "9.9" for p in posts[1:])


async def test_when_slack_refuses_the_restored_post_the_poster_is_told() -> None:
    pipeline, store, gateway, confirm_id = await _held()
    gateway.refuse["chat.postMessage"] = "is_archived"
    await pipeline.confirms.choose(confirm_id, "UPOSTER", Choice.REDACTED, channel_id="C1")
    notice = gateway.of("chat.postEphemeral")[-1]
    assert "would not take" in notice["text"]
    assert store.resolved[confirm_id] == ("redacted", "UPOSTER")
