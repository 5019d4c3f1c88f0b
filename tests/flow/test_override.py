"""Overriding a block with a justification (`allow_override`), with a fake `FlowDeps`."""

from __future__ import annotations

from datetime import timedelta

from bot.flow.kinds import Choice
from bot.flow.pipeline import Pipeline
from bot.messages import ids
from bot.messages.override import digest
from bot.policy import ChannelClass, ChannelPolicy, PolicyAction
from tests.flow.fakes import NOW, MemoryStore, RecordingGateway, fake_deps, post_job

PHI = "Mr Jonas Ebbe MRN 64646464 is in bed 4"
WHY = "Handover to the night registrar needs the MRN to find the chart tonight"
BLOCK_WITH_OVERRIDE = ChannelPolicy(text_action=PolicyAction.BLOCK, allow_override=True)


def _justification(text: str = WHY) -> dict[str, object]:
    return digest(text, "test-secret").as_payload()


async def _blocked(
    policy: ChannelPolicy = BLOCK_WITH_OVERRIDE,
) -> tuple[Pipeline, MemoryStore, RecordingGateway, str | None]:
    pipeline = Pipeline(fake_deps(policy=policy))
    await pipeline.handle(post_job(PHI, user="UPOSTER"))
    store, gateway = pipeline.deps.store, pipeline.deps.gateway
    assert isinstance(store, MemoryStore) and isinstance(gateway, RecordingGateway)
    (notice,) = gateway.of("chat.postEphemeral")
    values = [
        e.get("value")
        for b in notice["blocks"]
        for e in b.get("elements", [])
        if e.get("action_id") == ids.ACTION_OVERRIDE
    ]
    gateway.calls.clear()
    return pipeline, store, gateway, values[0] if values else None


async def test_when_the_policy_allows_it_then_the_block_notice_offers_an_override() -> None:
    _, store, _, override_id = await _blocked()
    assert override_id is not None and override_id.startswith("j")
    assert store.pending[override_id].payload["override"] is True


async def test_when_the_policy_does_not_allow_it_then_no_override_is_offered() -> None:
    _, store, _, override_id = await _blocked(ChannelPolicy(text_action=PolicyAction.BLOCK))
    assert override_id is None and not store.pending


async def test_a_justified_override_restores_the_post_once_and_audits_only_a_digest() -> None:
    pipeline, store, gateway, override_id = await _blocked()
    assert override_id is not None
    for _ in range(2):  # a retried or repeated answer does not post twice
        await pipeline.confirms.choose(
            override_id, "UPOSTER", Choice.OVERRIDDEN, justification=_justification()
        )
    (repost,) = gateway.of("chat.postMessage")
    assert "64646464" in repost["text"]
    assert "justification" in str(repost["blocks"])
    (row,) = [e for e in store.audit if e.event == "override"]
    assert row.action == "justified" and row.user_id == "UPOSTER"
    assert row.detail["justification_chars"] == len(WHY)
    assert row.detail["justification_hmac"] == digest(WHY, "test-secret").hmac_sha256
    assert WHY not in str(store.audit) and "registrar" not in str(store.audit)
    assert store.resolved[override_id] == ("overridden", "UPOSTER")


async def test_someone_other_than_the_poster_cannot_override() -> None:
    pipeline, store, gateway, override_id = await _blocked()
    assert override_id is not None
    await pipeline.confirms.choose(
        override_id, "UOTHER", Choice.OVERRIDDEN, justification=_justification()
    )
    assert gateway.calls == [] and override_id in store.pending
    assert not [e for e in store.audit if e.event == "override"]


async def test_an_override_without_a_valid_justification_digest_is_refused() -> None:
    pipeline, store, gateway, override_id = await _blocked()
    assert override_id is not None
    for bad in (None, {}, {"chars": 3, "hmac": "0" * 64}, {"chars": 40, "hmac": "not-hex"}):
        await pipeline.confirms.choose(override_id, "UPOSTER", Choice.OVERRIDDEN, justification=bad)
    assert gateway.calls == [] and override_id in store.pending


async def test_an_override_id_cannot_be_answered_as_a_consent_attestation() -> None:
    pipeline, store, gateway, override_id = await _blocked()
    assert override_id is not None
    consent = {"intended_use": "care_team", "points": ["uses"], "channel_approved": True}
    await pipeline.confirms.choose(override_id, "UPOSTER", Choice.ATTESTED, consent)
    await pipeline.confirms.choose(override_id, "UPOSTER", Choice.REDACTED)
    assert gateway.calls == [] and override_id in store.pending and not store.attestations


async def test_a_held_post_cannot_skip_the_consent_form_with_a_justification() -> None:
    pipeline = Pipeline(fake_deps())  # clinical default: confirm
    await pipeline.handle(post_job(PHI, user="UPOSTER"))
    store, gateway = pipeline.deps.store, pipeline.deps.gateway
    assert isinstance(store, MemoryStore) and isinstance(gateway, RecordingGateway)
    (confirm_id,) = store.pending
    gateway.calls.clear()
    await pipeline.confirms.choose(
        confirm_id, "UPOSTER", Choice.OVERRIDDEN, justification=_justification()
    )
    assert gateway.calls == [] and confirm_id in store.pending


async def test_an_unused_override_lapses_silently() -> None:
    pipeline, store, gateway, override_id = await _blocked()
    assert override_id is not None
    pipeline.deps.clock = lambda: NOW + timedelta(hours=2)
    await pipeline.confirms.expire(override_id)
    assert gateway.calls == [] and store.resolved[override_id] == ("expired", "timeout")


async def test_an_external_channel_never_offers_an_override_without_the_accepted_risk() -> None:
    pipeline = Pipeline(fake_deps(channel_class=ChannelClass.EXTERNAL, policy=BLOCK_WITH_OVERRIDE))
    await pipeline.handle(post_job(PHI, user="UPOSTER"))
    store = pipeline.deps.store
    assert isinstance(store, MemoryStore)
    assert not store.pending


async def test_an_offer_of_a_redacted_copy_cannot_be_answered_as_consent_or_an_override() -> None:
    """Before `ANSWERS`, a forged consent form naming an offer id put the original image back."""
    from bot.store.api import PendingConfirm

    pipeline = Pipeline(fake_deps())
    store, gateway = pipeline.deps.store, pipeline.deps.gateway
    assert isinstance(store, MemoryStore) and isinstance(gateway, RecordingGateway)
    await store.save_pending(
        PendingConfirm(
            confirm_id="o123",
            team_id="T1",
            channel_id="C1",
            user_id="UPOSTER",
            message_ts="1700000000.000100",
            thread_ts=None,
            expires_at=NOW + timedelta(hours=1),
            payload={"text": PHI, "redacted": "[NAME]", "removed": True, "offer": True},
        )
    )
    consent = {"intended_use": "care_team", "points": ["uses"], "channel_approved": True}
    await pipeline.confirms.choose("o123", "UPOSTER", Choice.ATTESTED, consent)
    await pipeline.confirms.choose(
        "o123", "UPOSTER", Choice.OVERRIDDEN, justification=_justification()
    )
    assert gateway.calls == [] and "o123" in store.pending and not store.attestations
    await pipeline.confirms.choose("o123", "UPOSTER", Choice.OFFER)
    (repost,) = gateway.of("chat.postMessage")
    assert "64646464" not in repost["text"]  # the offer's own answer: the redacted copy
