"""Stories: another app (a Workflow Builder form, an integration) posts what a person typed.

Its post is scanned like a person's (issue 11); our own reposts and notices never are.
"""

from __future__ import annotations

from bot.standin.model import Message
from tests.scenario.conftest import PHI_TEXT, Harness


def _workflow_post(h: Harness, channel_id: str, text: str) -> Message:
    """A workflow form's post: subtype `bot_message`, `bot_id`, no `user`
    (https://docs.slack.dev/reference/events/message/bot_message)."""
    message = Message(
        ts=h.ws.next_ts(),
        channel=channel_id,
        text=text,
        bot_id="B0WORKFLOW",
        app_id="A0WORKFLOW",
        subtype="bot_message",
        username="Patient intake form",
    )
    h.ws.messages[channel_id].append(message)
    return message


async def test_a_workflow_post_with_phi_in_an_external_channel_is_removed_and_admins_alerted(
    h: Harness,
) -> None:
    message = _workflow_post(h, h.partner.id, PHI_TEXT)
    delivery = await h.sender.event(h.ws.message_event(message))
    assert delivery.status == 200
    await h.slack.wait_for("chat.delete")
    await h.settle()
    assert h.ws.find_message(h.partner.id, message.ts) is None
    deletes = h.slack.calls("chat.delete")
    assert len(deletes) == 1 and deletes[0].ok and deletes[0].token_kind == "user"
    alert = h.bot_posts(h.alerts)[-1]
    assert h.partner.id in alert.text and "B0WORKFLOW" in alert.text + str(alert.blocks)
    assert "4829173" not in alert.text + str(alert.blocks)
    assert h.slack.count("chat.postEphemeral") == 0  # an app reads no ephemeral
    assert h.bot_posts(h.partner) == []  # nothing reposted outside


async def test_a_workflow_post_in_a_clinical_channel_is_not_held_for_a_consent_no_one_can_give(
    h: Harness,
) -> None:
    message = _workflow_post(h, h.ward.id, PHI_TEXT)
    await h.sender.event(h.ws.message_event(message))
    await h.slack.wait_for("chat.delete")
    await h.settle()
    assert h.ws.find_message(h.ward.id, message.ts) is None
    assert h.slack.count("chat.postEphemeral") == 0
    assert h.bot_posts(h.alerts), "admins were not alerted"
    h.advance_clock(24 * 3600)  # nothing is waiting for an answer that could expire
    assert await h.server.services.store.expired(h.server.services.clock()) == []


async def test_our_repost_of_a_workflow_post_is_not_rescanned(h: Harness) -> None:
    message = _workflow_post(h, h.ward.id, PHI_TEXT)
    await h.sender.event(h.ws.message_event(message))
    await h.slack.wait_for("chat.delete")
    await h.settle()
    ours = [m for m in h.ws.channel_messages(h.ward.id) if m.bot_id == h.ws.bot_id]
    for own in ours:  # a repost, if the channel's expiry action made one
        await h.sender.event(h.ws.message_event(own))
    for own in h.bot_posts(h.alerts):
        await h.sender.event(h.ws.message_event(own))
    await h.settle()
    assert h.slack.count("chat.delete") == 1
    assert h.ws.channel_messages(h.ward.id) == ours
    assert all("<@B0WORKFLOW>" not in m.text for m in ours)  # no mention of a bot id
