"""Stories: a channel's class fails toward external, and follows a share at once."""

from __future__ import annotations

from bot.messages.ids import ACTION_ATTEST
from tests.scenario.conftest import PHI_TEXT, Harness


def _has_consent_buttons(notice: object) -> bool:
    """The attest button, not any actions block: every notice also offers the false-positive report."""
    return any(
        el.get("action_id") == ACTION_ATTEST
        for b in getattr(notice, "blocks", [])
        if b["type"] == "actions"
        for el in b.get("elements", [])
    )


async def test_when_slack_cannot_say_what_a_shared_channel_is_then_phi_is_blocked_not_held(
    h: Harness,
) -> None:
    h.slack.fail_next("conversations.info", "missing_scope", times=20)
    event, _ = await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    assert h.ws.find_message(h.partner.id, event["ts"]) is None
    notice = h.ephemerals(h.maria, h.partner)[-1]
    assert not _has_consent_buttons(notice), "a Slack Connect channel was treated as clinical"
    assert h.bot_posts(h.partner) == []


async def test_when_an_approved_channel_is_shared_then_its_next_post_is_external(
    h: Harness,
) -> None:
    ward = h.ward  # public, so the admin token can remove posts there
    await h.server.services.store.set_approved(h.ws.team_id, ward.id, True, h.ines.id)
    first, _ = await h.post(h.maria, ward, PHI_TEXT)
    await h.settle()
    assert h.ws.find_message(ward.id, first["ts"]) is not None  # approved: stays
    delivery = await h.sender.event(h.ws.share_channel(ward.id))
    assert delivery.status == 200
    second, _ = await h.post(h.maria, ward, PHI_TEXT)
    await h.slack.wait_for("chat.delete")
    await h.settle()
    assert h.ws.find_message(ward.id, second["ts"]) is None
    assert not _has_consent_buttons(h.ephemerals(h.maria, ward)[-1])
