"""A deployment's own rules page (`RULES_URL`): every notice, `/phi` reply, App Home and admin
alert links it, and none links the project's copy instead."""

from __future__ import annotations

from bot.rules import DEFAULT_DOCS_URL
from tests.scenario.conftest import PHI_TEXT, MakeHarness

INTRANET = "https://intranet.example.org/phi/sharing-rules"


async def test_every_message_links_the_deployment_s_rules_page(make_harness: MakeHarness) -> None:
    h = await make_harness(rules_url=INTRANET)
    await h.post(h.maria, h.ward, PHI_TEXT)  # clinical: held for consent
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    await h.post(h.maria, h.partner, PHI_TEXT)  # Slack Connect: blocked, admins alerted
    await h.slack.wait_for("chat.postEphemeral", 2)
    await h.settle()
    h.advance_clock(11 * 60)  # nobody answered the held post
    await h.slack.wait_for("chat.postEphemeral", 3, timeout=10)
    await h.settle()
    replies = [
        await h.sender.command(h.maria.id, h.ward.id, text)
        for text in ("help", "rules images", f"check {PHI_TEXT}")
    ]
    await h.sender.event(h.ws.app_home_opened_event(h.maria.id))
    await h.sender.event(h.ws.app_home_opened_event(h.ines.id))
    await h.slack.wait_for("views.publish", 2)

    sent = [
        c
        for c in h.slack.calls()
        if c.method in ("chat.postEphemeral", "chat.postMessage", "views.publish")
    ]
    assert [c.method for c in sent].count("chat.postEphemeral") == 3  # prompt, block, time's up
    assert any(
        c.method == "chat.postMessage" and c.args.get("channel") == h.alerts.id for c in sent
    )
    bodies = [str(c.args) for c in sent] + [reply.text for reply in replies]
    assert all(INTRANET in body for body in bodies), [b[:200] for b in bodies if INTRANET not in b]
    assert not any(DEFAULT_DOCS_URL in body for body in bodies)
