"""Stories: a poster overrides a block with a written justification where the policy allows it.

The Microsoft Purview pattern ("override with justification" on a policy tip): the block notice
carries a button, the button opens a modal, the submission puts the post back once, audited
like a consent attestation; the words of the justification are stored nowhere.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.messages import ids
from bot.messages.consent import consent_modal
from bot.messages.override import override_modal
from bot.report.data import gather
from bot.standin.model import View
from tests.scenario.conftest import PHI_TEXT, Harness, MakeHarness

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
WHY = "Night registrar Dr Okafor needs the MRN to find the chart for tonight's review"
COMPLETE_CONSENT = {
    ids.ACTION_CONSENT_POINT: ["yes"],
    ids.ACTION_INTENDED_USE: "care_team",
    ids.ACTION_CHANNEL_APPROVED: "yes",
}


def _reply(delivery: Any) -> str:
    assert delivery.status == 200
    return str(delivery.json().get("text") or "")


async def _allow_overrides(h: Harness) -> None:
    for setting in ("text block", "override on"):
        assert "Updated" in _reply(
            await h.sender.command(h.ines.id, h.ward.id, f"policy set {setting}")
        )


async def _blocked(h: Harness) -> tuple[dict[str, Any], Any, str]:
    await _allow_overrides(h)
    event, _ = await h.post(h.maria, h.ward, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    assert h.ws.find_message(h.ward.id, event["ts"]) is None  # blocked: removed
    notice = h.ephemerals(h.maria, h.ward)[-1]
    for block in notice.blocks or []:
        for element in block.get("elements", []):
            if element.get("action_id") == ids.ACTION_OVERRIDE:
                return event, notice, str(element["value"])
    raise AssertionError("the block notice has no override button")


async def _audit(h: Harness, event: str) -> list[dict[str, Any]]:
    store: Any = h.server.services.store
    return [r for r in await store.audit_rows(EPOCH) if r["event"] == event]


def _crafted(h: Harness, user_id: str, body: dict[str, Any]) -> View:
    """A view as if the app had opened it for `user_id`: what a forged payload would carry."""
    view = View(
        id="V" + h.ws.new_id(),
        team_id=h.ws.team_id,
        type="modal",
        user_id=user_id,
        app_id=h.ws.app_id,
        bot_id=h.ws.bot_id,
        body=body,
        hash=f"{time.time():.6f}.{secrets.token_hex(4)}",
    )
    h.ws.views[view.id] = view
    return view


async def test_a_justified_override_reposts_the_post_once_and_is_audited(
    h: Harness, tmp_path: Path
) -> None:
    _, notice, override_id = await _blocked(h)
    await h.sender.click(h.maria.id, notice, ids.ACTION_OVERRIDE)
    await h.slack.wait_for("views.open")
    modal = h.ws.open_modals(h.maria.id)[-1]
    assert modal.body["callback_id"] == ids.VIEW_OVERRIDE
    assert modal.body["private_metadata"] == override_id

    short = await h.sender.submit_view(
        h.maria.id, modal, {ids.ACTION_OVERRIDE_JUSTIFICATION: "need it"}
    )
    assert ids.BLOCK_OVERRIDE_JUSTIFICATION in json.loads(short.text)["errors"]
    assert h.slack.count("chat.postMessage") == 0

    done = await h.sender.submit_view(h.maria.id, modal, {ids.ACTION_OVERRIDE_JUSTIFICATION: WHY})
    assert done.status == 200
    await h.slack.wait_for("chat.postMessage")
    await h.settle()
    restored = h.bot_posts(h.ward)[-1]
    assert "Elena Varga" in restored.text and f"<@{h.maria.id}>" in str(restored.blocks)
    assert "justification" in str(restored.blocks)
    assert "back in the channel" in h.ephemerals(h.maria, h.ward)[-1].text

    (row,) = await _audit(h, "override")
    assert row["user_id"] == h.maria.id and row["channel_id"] == h.ward.id
    assert row["action"] == "justified" and {"NAME", "ID"} <= set(row["kinds"])
    assert row["detail"]["justification_chars"] == len(WHY)
    assert len(row["detail"]["justification_hmac"]) == 64

    # Submitting again (a double click, a replay) posts nothing more.
    await h.sender.submit_view(h.maria.id, modal, {ids.ACTION_OVERRIDE_JUSTIFICATION: WHY})
    await h.settle()
    assert h.slack.count("chat.postMessage") == 1
    assert len(await _audit(h, "override")) == 1

    # Counted in /metrics and in the compliance report; the words are nowhere in the database.
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{h.server.url}/metrics") as response,
    ):
        exposed = await response.text()
    assert 'phiwarden_actions_total{action="override_justified"}' in exposed
    now = datetime.now(UTC)
    report = await gather(h.server.services.store, now - timedelta(days=1), now, h.ws.team_id)
    assert report.overrides == 1
    database = Path(h.server.services.settings.database_url.split("///", 1)[1])
    for path in database.parent.glob(database.name + "*"):
        raw = path.read_bytes()
        assert b"Okafor" not in raw and b"night registrar" not in raw.lower()


async def test_someone_other_than_the_poster_cannot_override(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    _, notice, override_id = await _blocked(h)
    # Omar replays Maria's button: no modal opens for him.
    await h.sender.click(h.omar.id, notice, ids.ACTION_OVERRIDE)
    await asyncio.sleep(0.5)
    assert h.slack.count("views.open") == 0
    # Omar forges the modal submission with Maria's override id: refused in the pipeline.
    forged = _crafted(h, h.omar.id, override_modal(override_id))
    delivery = await h.sender.submit_view(
        h.omar.id, forged, {ids.ACTION_OVERRIDE_JUSTIFICATION: WHY}
    )
    assert delivery.status == 200
    await h.settle()
    assert h.slack.count("chat.postMessage") == 0
    assert await _audit(h, "override") == []
    assert await h.server.services.store.get_pending(override_id) is not None
    refused = [r for r in caplog.records if r.getMessage() == "confirm answer refused"]
    assert refused and getattr(refused[-1], "fields", {}).get("reason") == "not_poster"
    assert "Okafor" not in caplog.text


async def test_an_override_id_cannot_pass_as_consent_nor_a_held_post_as_an_override(
    h: Harness,
) -> None:
    _, _, override_id = await _blocked(h)
    # The poster forges a consent form for the override id: consent is not the answer here.
    forged = _crafted(h, h.maria.id, consent_modal(override_id))
    await h.sender.submit_view(h.maria.id, forged, COMPLETE_CONSENT)
    await h.settle()
    assert h.slack.count("chat.postMessage") == 0
    assert await h.server.services.store.get_attestations(override_id) == []
    # In a channel that holds posts for consent, a justification cannot skip the form.
    assert "Updated" in _reply(
        await h.sender.command(h.ines.id, h.ward.id, "policy set text confirm")
    )
    await h.post(h.omar, h.ward, PHI_TEXT.replace("4829173", "5521904"))
    await h.slack.wait_for("chat.postEphemeral", 2)
    await h.settle()
    prompt = h.ephemerals(h.omar, h.ward)[-1]
    confirm_id = next(
        str(e["value"])
        for b in prompt.blocks or []
        for e in b.get("elements", [])
        if e.get("action_id") == ids.ACTION_ATTEST
    )
    forged = _crafted(h, h.omar.id, override_modal(confirm_id))
    await h.sender.submit_view(h.omar.id, forged, {ids.ACTION_OVERRIDE_JUSTIFICATION: WHY})
    await h.settle()
    assert h.slack.count("chat.postMessage") == 0
    assert await h.server.services.store.get_pending(confirm_id) is not None


async def test_a_slack_connect_channel_takes_an_override_only_with_the_accepted_risk(
    h: Harness,
) -> None:
    refused = _reply(await h.sender.command(h.ines.id, h.partner.id, "policy set override on"))
    assert "accept-risk" in refused
    await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    notice = h.ephemerals(h.maria, h.partner)[-1]
    assert ids.ACTION_OVERRIDE not in str(notice.blocks)
    accepted = _reply(
        await h.sender.command(
            h.ines.id, h.partner.id, "policy set override on accept-risk phi-leaves-organisation"
        )
    )
    assert "Updated" in accepted
    policy = await h.server.services.store.get_policy(h.ws.team_id, h.partner.id)
    assert policy is not None and policy.allow_override and policy.accepted_risk


async def test_a_non_admin_cannot_turn_overrides_on(h: Harness) -> None:
    refused = _reply(await h.sender.command(h.maria.id, h.ward.id, "policy set override on"))
    assert "Only workspace admins" in refused
    assert await h.server.services.store.get_policy(h.ws.team_id, h.ward.id) is None


@pytest.fixture
async def hi(make_harness: MakeHarness, scan_engine: Any) -> Harness:
    from bot.detect.images import ImageScanner

    h = await make_harness()
    h.server.services.scanner._images = ImageScanner(text_engine=scan_engine)
    return h


@pytest.mark.slow
async def test_a_blocked_image_overridden_with_a_justification_is_uploaded_again_once(
    hi: Harness,
) -> None:
    from tests.scenario.test_images import banner_png

    h = hi
    assert "Updated" in _reply(
        await h.sender.command(h.ines.id, h.ward.id, "policy set override on")
    )
    event = h.ws.share_file(h.maria.id, h.ward.id, "xray.png", banner_png(), mimetype="image/png")
    assert (await h.sender.event(event)).status == 200
    await h.slack.wait_for("chat.postEphemeral", timeout=60)
    await h.settle(30)
    assert h.slack.count("chat.delete", ok=True) == 1
    notice = h.ephemerals(h.maria, h.ward)[-1]
    await h.sender.click(h.maria.id, notice, ids.ACTION_OVERRIDE)
    await h.slack.wait_for("views.open")
    modal = h.ws.open_modals(h.maria.id)[-1]
    for _ in range(2):
        await h.sender.submit_view(h.maria.id, modal, {ids.ACTION_OVERRIDE_JUSTIFICATION: WHY})
    await h.slack.wait_for("files.completeUploadExternal", timeout=60)
    await h.settle(30)
    assert h.slack.count("files.completeUploadExternal") == 1
    comment = str(h.slack.last("files.completeUploadExternal").args.get("initial_comment"))
    assert f"<@{h.maria.id}>" in comment and "justification" in comment
    assert len(await _audit(h, "override")) == 1
