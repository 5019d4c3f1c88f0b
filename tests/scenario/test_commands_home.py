"""Stories of `/phi` and App Home: rules for everyone, policy changes for admins only."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.policy import PolicyAction
from tests.scenario.conftest import PHI_TEXT, Harness

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def _reply(delivery: Any) -> dict[str, Any]:
    assert delivery.status == 200
    body = delivery.json()
    assert body["response_type"] == "ephemeral"
    return dict(body)


async def test_help_and_rules_lookup(h: Harness) -> None:
    assert "/phi rules" in str(
        _reply(await h.sender.command(h.maria.id, h.ward.id, "help"))["blocks"]
    )
    rules = _reply(await h.sender.command(h.maria.id, h.ward.id, "rules images"))
    assert "image" in str(rules["blocks"]).lower()
    assert h.slack.count("chat.postMessage") == 0


async def test_check_answers_privately_and_stores_nothing(h: Harness) -> None:
    store: Any = h.server.services.store
    before = await store.audit_rows(EPOCH)
    reply = _reply(await h.sender.command(h.maria.id, h.ward.id, f"check {PHI_TEXT}"))
    text = str(reply["blocks"])
    assert "4829173" not in text  # only the de-identified version is echoed
    assert "patient information" in text.lower() or "phi" in reply["text"].lower()
    after = await store.audit_rows(EPOCH)
    assert len(after) == len(before)
    assert await store.queue_depth() == 0


async def test_non_admin_cannot_change_policy_or_approve(h: Harness) -> None:
    refused = _reply(await h.sender.command(h.maria.id, h.ward.id, "policy set text allow"))
    assert "only workspace admins" in str(refused["blocks"]).lower()
    refused = _reply(await h.sender.command(h.maria.id, h.ward.id, "approve"))
    assert "only workspace admins" in str(refused["blocks"]).lower()
    assert await h.server.services.store.get_policy(h.ws.team_id, h.ward.id) is None


async def test_admin_changes_policy_and_it_applies_and_is_audited(h: Harness) -> None:
    _reply(await h.sender.command(h.ines.id, h.ward.id, "policy set text block"))
    policy = await h.server.services.store.get_policy(h.ws.team_id, h.ward.id)
    assert policy is not None and policy.text_action is PolicyAction.BLOCK
    shown = _reply(await h.sender.command(h.maria.id, h.ward.id, "policy"))
    assert "removed" in str(shown["blocks"]).lower() or "block" in str(shown["blocks"]).lower()
    await h.post(h.maria, h.ward, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    prompt = h.ephemerals(h.maria, h.ward)[-1]
    assert not any(  # blocked, not confirm (only the false-positive report)
        b["type"] == "actions" and b.get("block_id") != "phiwarden_feedback" for b in prompt.blocks
    )
    rows = await h.server.services.store.audit_rows(EPOCH)
    changes = [r for r in rows if r["event"] == "policy_change"]
    assert len(changes) == 1 and changes[0]["user_id"] == h.ines.id


async def test_admin_approves_and_unapproves_a_channel(h: Harness) -> None:
    _reply(await h.sender.command(h.ines.id, h.ward.id, "approve"))
    event, _ = await h.post(h.maria, h.ward, PHI_TEXT)
    await h.settle()
    assert h.slack.count("chat.delete") == 0
    _reply(await h.sender.command(h.ines.id, h.ward.id, "unapprove"))
    await h.post(h.maria, h.ward, PHI_TEXT)
    await h.slack.wait_for("chat.delete")
    await h.settle()
    assert h.ws.find_message(h.ward.id, event["ts"]) is not None


async def test_an_external_channel_cannot_be_approved(h: Harness) -> None:
    reply = _reply(await h.sender.command(h.ines.id, h.partner.id, "approve"))
    assert "slack connect" in str(reply["blocks"]).lower()
    assert (
        await h.server.services.store.get_channel_class_override(h.ws.team_id, h.partner.id) is None
    )


async def test_app_home_shows_rules_to_everyone_and_policies_to_admins(h: Harness) -> None:
    _reply(await h.sender.command(h.ines.id, h.ward.id, "policy set text redact"))
    await h.sender.event(h.ws.app_home_opened_event(h.maria.id))
    await h.sender.event(h.ws.app_home_opened_event(h.ines.id))
    await h.slack.wait_for("views.publish", 2)
    maria_home = h.ws.home_view(h.maria.id)
    ines_home = h.ws.home_view(h.ines.id)
    assert maria_home is not None and ines_home is not None
    assert "Channel policies" not in str(maria_home.body)
    assert "Channel policies" in str(ines_home.body) and h.ward.id in str(ines_home.body)
    assert h.icu.id in str(ines_home.body)  # approved channels are listed too
