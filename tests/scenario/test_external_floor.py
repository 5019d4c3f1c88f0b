"""A Slack Connect channel cannot be relaxed below block by accident (issue 11, item 12)."""

from __future__ import annotations

from datetime import timedelta

from bot.store.models import utcnow
from tests.scenario.conftest import PHI_TEXT, Harness

EXTERNAL_RISK = "phi-leaves-organisation"  # what an admin types (bot.policy.EXTERNAL_RISK)


def _reply_text(delivery: object) -> str:
    body = delivery.json()  # type: ignore[attr-defined]
    return str(body.get("text", "")) + str(body.get("blocks", ""))


async def test_relaxing_an_external_channel_is_refused_and_phi_still_blocked(h: Harness) -> None:
    reply = await h.sender.command(h.ines.id, h.partner.id, "policy set text allow")
    assert reply.status == 200
    assert "Not changed" in _reply_text(reply) and EXTERNAL_RISK in _reply_text(reply)
    assert await h.server.services.store.get_policy(h.ws.team_id, h.partner.id) is None
    event, _ = await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.delete")
    await h.settle()
    assert h.ws.find_message(h.partner.id, event["ts"]) is None
    assert h.bot_posts(h.partner) == []


async def test_an_explicit_accepted_risk_relaxes_it_and_is_audited(h: Harness) -> None:
    reply = await h.sender.command(
        h.ines.id, h.partner.id, f"policy set text allow accept-risk {EXTERNAL_RISK}"
    )
    assert "Not changed" not in _reply_text(reply)
    store = h.server.services.store
    stored = await store.get_policy(h.ws.team_id, h.partner.id)
    assert stored is not None and stored.accepted_risk == EXTERNAL_RISK
    rows = await store.audit_rows(utcnow() - timedelta(minutes=5))
    change = [r for r in rows if r["event"] == "policy_change" and r["channel_id"] == h.partner.id]
    assert change and change[-1]["user_id"] == h.ines.id
    assert change[-1]["detail"]["policy"]["accepted_risk"] == EXTERNAL_RISK
    event, _ = await h.post(h.maria, h.partner, PHI_TEXT)
    await h.settle()
    assert h.ws.find_message(h.partner.id, event["ts"]) is not None


async def test_a_relaxed_clinical_channel_that_becomes_shared_blocks_again(h: Harness) -> None:
    await h.sender.command(h.ines.id, h.ward.id, "policy set text allow")
    h.ws.channels[h.ward.id].is_ext_shared = True
    h.server.services.channels.forget(
        h.ws.team_id, h.ward.id
    )  # the issue-10 engineer owns freshness
    event, _ = await h.post(h.maria, h.ward, PHI_TEXT)
    await h.slack.wait_for("chat.delete")
    await h.settle()
    assert h.ws.find_message(h.ward.id, event["ts"]) is None
