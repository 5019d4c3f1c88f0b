"""Stories of the confirm flow: attest through the modal, post redacted, withdraw, time out."""

from __future__ import annotations

import json
from typing import Any

from bot.messages import ids
from bot.store.sealed import PayloadSealer
from tests.scenario.conftest import PHI_TEXT, Harness, MakeHarness

COMPLETE = {
    ids.ACTION_CONSENT_POINT: ["yes"],
    ids.ACTION_INTENDED_USE: "care_team",
    ids.ACTION_CHANNEL_APPROVED: "yes",
}


async def _held_post(h: Harness, thread_ts: str | None = None) -> tuple[dict[str, Any], Any]:
    event, _ = await h.post(h.maria, h.ward, PHI_TEXT, thread_ts=thread_ts)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    return event, h.ephemerals(h.maria, h.ward)[-1]


async def test_attesting_consent_restores_the_post_attributed_to_the_poster(h: Harness) -> None:
    _, prompt = await _held_post(h)
    click = await h.sender.click(h.maria.id, prompt, ids.ACTION_ATTEST)
    assert click.status == 200
    await h.slack.wait_for("views.open")
    modal = h.ws.open_modals(h.maria.id)[-1]
    assert modal.body["callback_id"] == ids.VIEW_CONSENT

    incomplete = await h.sender.submit_view(h.maria.id, modal, {})
    errors = json.loads(incomplete.text)["errors"]
    assert set(errors) >= {
        *ids.CONSENT_POINT_BLOCKS,
        ids.BLOCK_INTENDED_USE,
        ids.BLOCK_CHANNEL_APPROVED,
    }
    assert h.slack.count("chat.postMessage") == 0

    done = await h.sender.submit_view(h.maria.id, modal, COMPLETE)
    assert done.status == 200
    await h.slack.wait_for("chat.postMessage")
    await h.settle()
    restored = h.bot_posts(h.ward)[-1]
    assert "Elena Varga" in restored.text
    assert f"<@{h.maria.id}>" in str(restored.blocks)
    attestations = await h.server.services.store.get_attestations(_confirm_id(h))
    assert len(attestations) == 1
    assert set(attestations[0].points) == {
        "uses",
        "shown",
        "permanence",
        "written",
        "separate",
        "care",
    }
    # answering twice does not restore twice
    await h.sender.submit_view(h.maria.id, modal, COMPLETE)
    await h.settle()
    assert h.slack.count("chat.postMessage") == 1


def _confirm_id(h: Harness) -> str:
    prompt = h.ephemerals(h.maria, h.ward)[0]
    for block in prompt.blocks or []:
        for element in block.get("elements", []):
            if element.get("action_id") == ids.ACTION_ATTEST:
                return str(element["value"])
    raise AssertionError("no attest button")


async def test_choosing_the_deidentified_version_posts_it_in_the_thread(h: Harness) -> None:
    parent, _ = await h.post(h.omar, h.ward, "Ward round at 9")
    _, prompt = await _held_post(h, thread_ts=parent["ts"])
    await h.sender.click(h.maria.id, prompt, ids.ACTION_POST_REDACTED)
    await h.slack.wait_for("chat.postMessage")
    await h.settle()
    copy = h.bot_posts(h.ward)[-1]
    assert copy.thread_ts == parent["ts"]
    assert "4829173" not in copy.text


async def test_withdrawing_keeps_the_post_removed(h: Harness) -> None:
    event, prompt = await _held_post(h)
    await h.sender.click(h.maria.id, prompt, ids.ACTION_WITHDRAW)
    await h.slack.wait_for("chat.postEphemeral", 2)
    await h.settle()
    assert h.slack.count("chat.postMessage") == 0
    assert h.ws.find_message(h.ward.id, event["ts"]) is None
    assert "withdrawn" in h.ephemerals(h.maria, h.ward)[-1].text.lower()


async def test_someone_else_cannot_answer_for_the_poster(h: Harness) -> None:
    _, prompt = await _held_post(h)
    # Omar replays Maria's button with his own user id (a crafted payload).
    delivery = await h.sender.click(h.omar.id, prompt, ids.ACTION_POST_REDACTED)
    assert delivery.status == 200
    await h.settle()
    assert h.slack.count("chat.postMessage") == 0
    assert await h.server.services.store.get_pending(_confirm_id(h)) is not None


async def test_no_answer_before_the_timeout_applies_the_channel_default(h: Harness) -> None:
    event, _ = await _held_post(h)
    h.advance_clock(11 * 60)  # default confirm timeout is 10 minutes
    await h.slack.wait_for("chat.postEphemeral", 2, timeout=5)
    await h.settle()
    assert h.ws.find_message(h.ward.id, event["ts"]) is None
    assert h.slack.count("chat.postMessage") == 0
    assert "time" in h.ephemerals(h.maria, h.ward)[-1].text.lower()
    # a late click is told it is too late, and restores nothing
    prompt = h.ephemerals(h.maria, h.ward)[0]
    await h.sender.click(h.maria.id, prompt, ids.ACTION_POST_REDACTED)
    await h.settle()
    assert h.slack.count("chat.postMessage") == 0


async def test_a_flagged_post_that_times_out_asks_the_poster_to_delete_it_and_alerts_admins(
    make_harness: MakeHarness,
) -> None:
    h = await make_harness(admin_token=False)
    event, _ = await h.post(h.maria, h.ward, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    alerts_before = len(h.bot_posts(h.alerts))
    h.advance_clock(11 * 60)
    await h.slack.wait_for("chat.postEphemeral", 2, timeout=5)
    await h.settle()
    assert h.ws.find_message(h.ward.id, event["ts"]) is not None
    assert "please delete it" in str(h.ephemerals(h.maria, h.ward)[-1].blocks).lower()
    assert len(h.bot_posts(h.alerts)) == alerts_before + 1


async def test_a_held_post_whose_key_is_gone_is_not_claimed_restored(h: Harness) -> None:
    """A key held in memory only (no TOKEN_ENCRYPTION_KEY, no signing secret) dies with the
    process: the poster is told the post could not be put back, never that it was."""
    await h.post(h.maria, h.ward, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    prompt = h.ephemerals(h.maria, h.ward)[-1]
    h.server.services.store.sealer = PayloadSealer()  # as after a restart with a lost key
    await h.sender.click(h.maria.id, prompt, ids.ACTION_POST_REDACTED)
    await h.slack.wait_for("chat.postEphemeral", 2)
    await h.settle()
    assert h.bot_posts(h.ward) == []
    assert "could not be put back" in h.ephemerals(h.maria, h.ward)[-1].text


async def test_a_job_whose_words_cannot_be_decrypted_fails_closed(h: Harness) -> None:
    """A worker without the deployment's key reads no text: that is a failure, never clean."""
    store = h.server.services.store
    real_open = store.sealer.open

    def lost_key(stored: Any) -> dict[str, Any]:
        opened = real_open(stored)
        if "parts" not in opened:
            return opened
        rest = {k: v for k, v in opened.items() if k not in ("text", "parts", "files")}
        return {**rest, "unreadable": True}

    store.sealer.open = lost_key
    event, _ = await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.delete")
    await h.settle()
    assert h.ws.find_message(h.partner.id, event["ts"]) is None
