"""DMs: phiwarden says what "block" really does there, and does the best it can (issue 11, 16)."""

from __future__ import annotations

from tests.scenario.conftest import PHI_TEXT, Harness


async def test_policy_in_a_dm_says_the_post_cannot_be_removed_and_what_happens(
    h: Harness,
) -> None:
    reply = await h.sender.command(h.maria.id, h.dm.id, "policy")
    shown = str(reply.json())
    assert "a direct message" in shown
    assert "asked to delete" in shown and "admins are alerted" in shown


async def test_phi_in_a_dm_asks_the_poster_to_delete_and_alerts_admins_without_the_text(
    h: Harness,
) -> None:
    event, _ = await h.post(h.maria, h.dm, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    assert h.ws.find_message(h.dm.id, event["ts"]) is not None  # Slack refused the delete
    notice = h.ephemerals(h.maria, h.dm)[-1]
    assert "please delete it" in str(notice.blocks)
    alert = h.bot_posts(h.alerts)[-1]
    assert "4829173" not in str(alert.blocks) and "Varga" not in alert.text
