"""Stories: each workspace's admins choose where its alerts go (`/phi alerts`)."""

from __future__ import annotations

from typing import Any

from tests.scenario.conftest import PHI_TEXT, MakeHarness


def _reply_text(delivery: Any) -> str:
    assert delivery.status == 200
    return str(delivery.json().get("text") or "")


async def test_when_an_admin_picks_a_channel_then_this_workspaces_alerts_go_there(
    make_harness: MakeHarness,
) -> None:
    h = await make_harness(alert_channel=False)  # no ADMIN_ALERT_CHANNEL in the environment
    security = h.ws.add_channel("ward-4-security", members=[h.ines.id])
    ref = f"<#{security.id}|ward-4-security>"  # as Slack escapes a channel in a command
    assert "now go to" in _reply_text(await h.sender.command(h.ines.id, h.ward.id, f"alerts {ref}"))
    assert h.bot_posts(security), "the chosen channel was not proved with a first post"
    assert "go to" in _reply_text(await h.sender.command(h.ines.id, h.ward.id, "alerts"))
    await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    alert = h.bot_posts(security)[-1]
    assert h.partner.id in alert.text and "4829173" not in alert.text


async def test_alerts_cannot_go_to_another_organisation_nor_be_set_by_non_admins(
    make_harness: MakeHarness,
) -> None:
    h = await make_harness(alert_channel=False)
    refused = _reply_text(await h.sender.command(h.ines.id, h.partner.id, "alerts here"))
    assert "Slack Connect" in refused
    refused = _reply_text(await h.sender.command(h.maria.id, h.ward.id, "alerts here"))
    assert "Only workspace admins" in refused
    assert (
        await h.server.services.store.get_workspace_settings(h.ws.team_id)
    ).alert_channel is None


async def test_a_channel_the_bot_cannot_post_in_is_refused(make_harness: MakeHarness) -> None:
    h = await make_harness(alert_channel=False)
    closed = h.ws.add_channel("closed", kind="private", members=[h.ines.id], bot_member=False)
    refused = _reply_text(await h.sender.command(h.ines.id, closed.id, "alerts here"))
    assert "Invite phiwarden" in refused
    assert (
        await h.server.services.store.get_workspace_settings(h.ws.team_id)
    ).alert_channel is None
