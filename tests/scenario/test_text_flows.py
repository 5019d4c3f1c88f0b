"""Stories: a post arrives, the bot does what the channel's policy says, and nothing more."""

from __future__ import annotations

from tests.scenario.conftest import CLEAN_TEXT, PHI_TEXT, Harness, MakeHarness


async def test_clean_chatter_in_a_clinical_channel_is_left_alone(h: Harness) -> None:
    _, delivery = await h.post(h.maria, h.ward, CLEAN_TEXT)
    assert delivery.status == 200
    await h.settle()
    assert h.slack.count("chat.delete") == 0
    assert h.slack.count("chat.postEphemeral") == 0
    assert h.slack.count("chat.postMessage") == 0


async def test_phi_in_a_clinical_channel_is_hidden_and_the_poster_asked_to_confirm(
    h: Harness,
) -> None:
    event, delivery = await h.post(h.maria, h.ward, PHI_TEXT)
    assert delivery.status == 200
    deletes = await h.slack.wait_for("chat.delete")
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    assert len(deletes) == 1 and deletes[0].token_kind == "user"
    assert h.ws.find_message(h.ward.id, event["ts"]) is None
    prompt = h.ephemerals(h.maria, h.ward)[-1]
    action_ids = {
        e["action_id"] for b in prompt.blocks if b["type"] == "actions" for e in b["elements"]
    }
    assert action_ids == {
        "phiwarden_attest",
        "phiwarden_post_redacted",
        "phiwarden_withdraw",
        "phiwarden_false_positive",  # every notice: "This isn't patient information"
    }
    assert "4829173" not in str(prompt.blocks)
    assert h.slack.count("chat.postMessage") == 0


async def test_phi_in_an_external_channel_is_blocked_and_admins_alerted(h: Harness) -> None:
    event, _ = await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    assert h.slack.count("chat.delete", ok=True) == 1
    assert h.ws.find_message(h.partner.id, event["ts"]) is None
    notice = h.ephemerals(h.maria, h.partner)[-1]
    assert "removed" in notice.text.lower()
    assert not any(  # no consent route outside (only the false-positive report)
        b["type"] == "actions" and b.get("block_id") != "phiwarden_feedback" for b in notice.blocks
    )
    alert = h.bot_posts(h.alerts)[-1]
    assert h.partner.id in alert.text
    assert "4829173" not in alert.text and "Varga" not in str(alert.blocks)
    # nothing reposted in the external channel
    assert h.bot_posts(h.partner) == []


async def test_phi_in_an_approved_channel_stays(h: Harness) -> None:
    event, _ = await h.post(h.maria, h.icu, PHI_TEXT)
    await h.settle()
    assert h.slack.count("chat.delete") == 0
    assert h.slack.count("chat.postEphemeral") == 0
    assert h.ws.find_message(h.icu.id, event["ts"]) is not None


async def test_phi_in_a_dm_the_admin_cannot_see_is_flagged_to_poster_and_admins(h: Harness) -> None:
    await h.post(h.maria, h.dm, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    # The admin user is not a member of Maria's DM with the bot, so Slack refuses the delete.
    assert h.slack.count("chat.delete", ok=True) == 0
    assert (
        "delete it" in h.ephemerals(h.maria, h.dm)[-1].text.lower()
        or "remov" in h.ephemerals(h.maria, h.dm)[-1].text.lower()
    )
    assert h.bot_posts(h.alerts), "admins were not alerted"


async def test_a_thread_reply_is_answered_in_its_thread(h: Harness) -> None:
    parent, _ = await h.post(h.omar, h.partner, CLEAN_TEXT)
    reply, _ = await h.post(h.maria, h.partner, PHI_TEXT, thread_ts=parent["ts"])
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    assert h.ws.find_message(h.partner.id, reply["ts"]) is None
    assert h.ws.find_message(h.partner.id, parent["ts"]) is not None
    assert h.slack.last("chat.postEphemeral").args.get("thread_ts") == parent["ts"]


async def test_a_thread_broadcast_is_scanned(h: Harness) -> None:
    parent, _ = await h.post(h.omar, h.partner, CLEAN_TEXT)
    await h.post(h.maria, h.partner, PHI_TEXT, thread_ts=parent["ts"], broadcast=True)
    await h.slack.wait_for("chat.delete")
    await h.settle()
    assert h.slack.count("chat.delete", ok=True) == 1


async def test_an_edit_that_adds_phi_is_caught(h: Harness) -> None:
    event, _ = await h.post(h.maria, h.partner, CLEAN_TEXT)
    await h.settle()
    assert h.slack.count("chat.delete") == 0
    edit = h.ws.edit_as_user(h.partner.id, event["ts"], PHI_TEXT)
    delivery = await h.sender.event(edit)
    assert delivery.status == 200
    await h.slack.wait_for("chat.delete")
    await h.settle()
    assert h.slack.last("chat.delete").args["ts"] == event["ts"]
    assert h.ws.find_message(h.partner.id, event["ts"]) is None


async def test_redact_policy_reposts_a_deidentified_copy_in_the_same_thread(h: Harness) -> None:
    admin_reply = await h.sender.command(h.ines.id, h.ward.id, "policy set text redact")
    assert admin_reply.status == 200
    parent, _ = await h.post(h.omar, h.ward, CLEAN_TEXT)
    reply, _ = await h.post(h.maria, h.ward, PHI_TEXT, thread_ts=parent["ts"])
    await h.slack.wait_for("chat.postMessage")
    await h.settle()
    assert h.ws.find_message(h.ward.id, reply["ts"]) is None
    copy = h.bot_posts(h.ward)[-1]
    assert copy.thread_ts == parent["ts"]
    assert "4829173" not in copy.text
    assert f"<@{h.maria.id}>" in str(copy.blocks)
    assert h.slack.count("chat.postMessage") == 1


async def test_a_long_post_under_redact_is_reposted_in_parts_slack_accepts(h: Harness) -> None:
    """Over 12,000 characters the old one-message copy was msg_blocks_too_long after the
    original was already deleted; now the parts fit and the poster hears it was posted."""
    await h.sender.command(h.ines.id, h.ward.id, "policy set text redact")
    event, _ = await h.post(h.maria, h.ward, ("ward round notes " * 800) + PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral", timeout=60)
    await h.settle(60)
    posts = [c for c in h.slack.calls("chat.postMessage")]
    assert len(posts) == 2 and all(c.ok for c in posts)
    assert h.ws.find_message(h.ward.id, event["ts"]) is None
    first, second = h.bot_posts(h.ward)[-2:]
    assert second.thread_ts == first.ts and "4829173" not in first.text + second.text
    notice = h.ephemerals(h.maria, h.ward)[-1]
    assert "de-identified version was posted" in notice.text
    assert h.slack.count("chat.delete") == 1


async def test_own_posts_are_never_scanned(h: Harness) -> None:
    await h.server.services.gateway.post("t:1", h.partner.id, PHI_TEXT)  # our own bot post
    own = h.bot_posts(h.partner)[-1]
    delivery = await h.sender.event(h.ws.message_event(own))
    assert delivery.status == 200
    await h.settle()
    assert h.slack.count("chat.delete") == 0
    assert h.slack.count("chat.postEphemeral") == 0


async def test_a_retried_delivery_acts_once(h: Harness) -> None:
    event = h.ws.post_as_user(h.maria.id, h.partner.id, PHI_TEXT)
    first = await h.sender.event(event, event_id="Ev0RETRY01")
    again = await h.sender.event(
        event, event_id="Ev0RETRY01", retry_num=1, retry_reason="http_timeout"
    )
    dup = await h.sender.event(event, event_id="Ev0RETRY01")
    assert (first.status, again.status, dup.status) == (200, 200, 200)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    assert h.slack.count("chat.delete") == 1
    assert h.slack.count("chat.postEphemeral") == 1


async def test_a_huge_message_is_handled(h: Harness) -> None:
    _, delivery = await h.post(h.maria, h.partner, ("ward round notes " * 2300) + PHI_TEXT)
    assert delivery.status == 200
    await h.slack.wait_for("chat.delete", timeout=60)
    await h.settle(60)


async def test_a_group_dm_counts_as_a_dm_and_a_private_channel_as_clinical(h: Harness) -> None:
    group = h.ws.add_channel("mpdm-maria--omar", kind="mpim", members=[h.maria.id, h.omar.id])
    private = h.ws.add_channel(
        "ward-4-private", kind="private", members=[h.maria.id, h.omar.id, h.ines.id]
    )
    await h.post(h.maria, group, PHI_TEXT)
    await h.post(h.maria, private, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral", 2)
    await h.settle()
    group_notice = h.ephemerals(h.maria, group)[-1]
    private_notice = h.ephemerals(h.maria, private)[-1]
    assert not any(
        b["type"] == "actions" and b.get("block_id") != "phiwarden_feedback"
        for b in group_notice.blocks
    )  # dm: block, no consent route
    assert any(b["type"] == "actions" for b in private_notice.blocks)  # clinical: confirm


async def test_with_the_opt_in_prescreen_clean_posts_need_no_job_and_phi_still_acts(
    make_harness: MakeHarness,
) -> None:
    h = await make_harness(ack_prescreen_ms=2000)
    store = h.server.services.store
    _, delivery = await h.post(h.maria, h.partner, CLEAN_TEXT)
    assert delivery.status == 200
    _, phi = await h.post(h.maria, h.partner, PHI_TEXT)
    assert phi.status == 200
    await h.slack.wait_for("chat.delete")
    await h.settle()
    counts = await store.job_counts()
    assert sum(counts.values()) == 1  # only the PHI post was recorded
    assert h.slack.count("chat.delete", ok=True) == 1
