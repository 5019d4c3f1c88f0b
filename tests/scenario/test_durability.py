"""A job that runs again (a crash, a Slack outage mid-way) never makes Slack see an action twice."""

from __future__ import annotations

import pytest

from bot.flow.intake import job_from_event
from bot.policy import ChannelPolicy, PolicyAction
from bot.standin.payloads import envelope
from bot.store.api import ScanJob
from tests.scenario.conftest import PHI_TEXT, Harness


async def _redact_ward(h: Harness) -> None:
    await h.server.services.store.set_policy(
        h.ws.team_id, h.ward.id, ChannelPolicy(text_action=PolicyAction.REDACT), h.ines.id
    )


async def test_running_the_same_job_twice_posts_once(h: Harness) -> None:
    await _redact_ward(h)
    event = h.ws.post_as_user(h.maria.id, h.ward.id, PHI_TEXT)
    job = job_from_event(envelope(h.ws, event, event_id="Ev0TWICE01"))
    assert isinstance(job, ScanJob)
    pipeline = h.server.services.pipeline
    await pipeline.handle(job)
    await pipeline.handle(job)  # as if the worker died before marking the job done
    assert h.slack.count("chat.postMessage") == 1
    assert h.slack.count("chat.postEphemeral") == 1
    assert h.slack.count("chat.delete", ok=True) == 1


async def test_a_slack_outage_mid_job_is_retried_without_a_duplicate_repost(h: Harness) -> None:
    await _redact_ward(h)
    h.server.services.gateway.base_delay = 0.01
    h.slack.http_error_next("chat.postEphemeral", 500, times=h.server.services.gateway.max_attempts)
    await h.post(h.maria, h.ward, PHI_TEXT)
    await h.slack.wait_for(
        "chat.postEphemeral", h.server.services.gateway.max_attempts + 1, timeout=20
    )
    await h.settle(20)
    assert h.slack.count("chat.postMessage", ok=True) == 1
    assert h.slack.count("chat.postEphemeral", ok=True) == 1
    assert len(h.bot_posts(h.ward)) == 1


async def test_an_answer_interrupted_after_its_repost_is_finished_by_the_retry_once(
    h: Harness,
) -> None:
    from bot.messages import ids

    await h.post(h.maria, h.ward, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    prompt = h.ephemerals(h.maria, h.ward)[-1]
    confirm_id = next(
        e["value"]
        for b in prompt.blocks
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == ids.ACTION_POST_REDACTED
    )
    confirms = h.server.services.pipeline.confirms
    # The first run dies right after reposting (before it resolved the pending record)...
    store = h.server.services.store
    resolve = store.resolve_pending

    async def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("worker killed")

    store.resolve_pending = crash
    try:
        await confirms.choose(confirm_id, h.maria.id, "redacted", channel_id=h.ward.id)
    except RuntimeError:
        pass
    finally:
        store.resolve_pending = resolve
    # ...and the retried job finishes without a second repost; a later withdraw is too late.
    await confirms.choose(confirm_id, h.maria.id, "redacted", channel_id=h.ward.id)
    await confirms.choose(confirm_id, h.maria.id, "withdrawn", channel_id=h.ward.id)
    assert h.slack.count("chat.postMessage") == 1
    assert await store.get_pending(confirm_id) is None
    assert "already been handled" in str(h.ephemerals(h.maria, h.ward)[-1].blocks)


async def test_when_the_job_cannot_be_recorded_slack_gets_no_ack_and_retries(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    queue = h.server.services.queue
    enqueue = queue.enqueue

    async def down(*args: object, **kwargs: object) -> bool:
        raise ConnectionError(
            f"INSERT failed [parameters: ({PHI_TEXT!r},)]"
        )  # as SQLAlchemy quotes

    queue.enqueue = down  # type: ignore[method-assign]
    event = h.ws.post_as_user(h.maria.id, h.partner.id, PHI_TEXT)
    try:
        first = await h.sender.event(event, event_id="Ev0DBDOWN1")
    finally:
        queue.enqueue = enqueue  # type: ignore[method-assign]
    assert first.status >= 500  # not acknowledged: Slack will deliver it again
    logged = "\n".join(caplog.text.splitlines())
    leaked = [line for line in logged.splitlines() if "4829173" in line]
    assert not leaked, leaked
    assert any(
        getattr(r, "fields", {}).get("error_type") == "ConnectionError" for r in caplog.records
    )
    retry = await h.sender.event(
        event, event_id="Ev0DBDOWN1", retry_num=1, retry_reason="http_error"
    )
    assert retry.status == 200
    await h.slack.wait_for("chat.delete")
    await h.settle()
    assert h.slack.count("chat.delete", ok=True) == 1


async def test_a_repost_whose_answer_slack_lost_is_not_posted_again(h: Harness) -> None:
    """Slack posted the redacted copy but its answer never arrived (timeout, 5xx on the way)."""
    await _redact_ward(h)
    h.server.services.gateway.base_delay = 0.01
    h.slack.lose_answer_next("chat.postMessage")
    await h.post(h.maria, h.ward, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral", timeout=20)
    await h.settle(20)
    assert h.slack.count("chat.postMessage") == 1  # served once, never retried
    assert len(h.bot_posts(h.ward)) == 1
    assert h.slack.count("chat.postEphemeral", ok=True) == 1
