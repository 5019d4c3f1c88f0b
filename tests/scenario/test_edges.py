"""Stories at the edges: forged or stale requests, bad payloads, no admin token, files, Slack faults."""

from __future__ import annotations

import json

from bot import metrics
from tests.scenario.conftest import PHI_TEXT, Harness, MakeHarness


def _rejections() -> float:
    return metrics.SIGNATURE_REJECTIONS._value.get()


async def test_url_verification_is_answered(h: Harness) -> None:
    delivery = await h.sender.url_verification("c-123")
    assert delivery.status == 200 and "c-123" in delivery.text


async def test_bad_missing_or_stale_signatures_are_rejected_and_counted(h: Harness) -> None:
    before = _rejections()
    event = h.ws.post_as_user(h.maria.id, h.partner.id, PHI_TEXT)
    for options in ({"signature": "bad"}, {"signature": "missing"}, {"timestamp_offset": -301}):
        delivery = await h.sender.event(event, **options)
        assert delivery.status == 401, options
    assert _rejections() - before == 3
    await h.settle()
    assert h.slack.count("chat.delete") == 0


async def test_malformed_json_gets_a_400_and_the_app_keeps_working(h: Harness) -> None:
    delivery = await h.sender.post(b'{"type": "event_callback", "event": {', "application/json")
    assert delivery.status == 400
    await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.delete")


async def test_unknown_event_types_are_acknowledged(h: Harness) -> None:
    delivery = await h.sender.event(
        {
            "type": "reaction_added",
            "user": h.maria.id,
            "reaction": "thumbsup",
            "item": {"type": "message"},
        }
    )
    assert delivery.status == 200
    weird = await h.sender.post(json.dumps({"type": "something_new"}), "application/json")
    assert weird.status in (200, 404)


async def test_without_an_admin_token_the_poster_is_warned_and_admins_alerted(
    make_harness: MakeHarness,
) -> None:
    h = await make_harness(admin_token=False)
    event, _ = await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    assert h.slack.count("chat.delete") == 0
    assert h.ws.find_message(h.partner.id, event["ts"]) is not None
    assert "please delete it" in str(h.ephemerals(h.maria, h.partner)[-1].blocks).lower()
    alert = h.bot_posts(h.alerts)[-1]
    assert "SLACK_ADMIN_USER_TOKEN" in str(alert.blocks)


async def test_admin_alerts_go_to_admin_dms_without_an_alert_channel(
    make_harness: MakeHarness,
) -> None:
    h0 = await make_harness(alert_channel=False, admin_user_ids=[])
    h = await make_harness(alert_channel=False, admin_user_ids=[h0.ines.id])
    del h0
    await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.postMessage")
    await h.settle()
    assert h.slack.last("chat.postMessage").args["channel"] == h.ines.id


async def test_a_file_in_a_clinical_channel_is_unscannable_and_blocked(h: Harness) -> None:
    event = h.ws.share_file(
        h.maria.id, h.ward.id, "scan.bin", b"\x00\x01binary", mimetype="application/octet-stream"
    )
    delivery = await h.sender.event(event)
    assert delivery.status == 200
    await h.sender.event(h.ws.file_shared_event(event["files"][0]["id"], h.ward.id))
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    assert h.slack.count("chat.delete") == 1
    assert "file" in h.ephemerals(h.maria, h.ward)[-1].text.lower()


async def test_slack_rate_limits_and_errors_are_retried_without_duplicates(h: Harness) -> None:
    h.slack.fail_next("chat.postEphemeral", "ratelimited", retry_after=0)
    h.slack.http_error_next("chat.delete", 503)
    await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral", 2, timeout=30)
    await h.settle(30)
    assert h.slack.count("chat.delete", ok=True) == 1
    assert h.slack.count("chat.postEphemeral", ok=True) == 1
    assert len(h.ephemerals(h.maria, h.partner)) == 1


async def test_an_oversized_body_is_refused_before_parsing(h: Harness) -> None:
    delivery = await h.sender.post(
        b'{"type": "event_callback", "pad": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    )
    assert delivery.status == 413
    assert (await h.sender.url_verification("still-up")).status == 200


async def test_a_notice_slack_refuses_for_good_does_not_fail_the_job(h: Harness) -> None:
    h.slack.fail_next("chat.postEphemeral", "user_not_in_channel")
    await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.postMessage")  # the admin alert still goes out
    await h.settle()
    assert h.slack.count("chat.delete", ok=True) == 1
    assert h.slack.count("chat.postEphemeral") == 1  # not retried


async def test_when_slack_refuses_the_delete_then_poster_told_and_admins_told_why(
    h: Harness,
) -> None:
    h.ws.delete_refusal = "compliance_exports_prevent_deletion"
    event, _ = await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    assert h.slack.count("chat.delete") == 1  # a refusal is not retried
    assert h.ws.find_message(h.partner.id, event["ts"]) is not None
    assert h.ephemerals(h.maria, h.partner), "the poster was not told"
    alert = h.bot_posts(h.alerts)[-1]
    assert "compliance exports" in alert.text
    assert "checker failed" not in alert.text.lower()


async def test_a_slack_connect_file_without_urls_is_looked_up_then_downloaded(h: Harness) -> None:
    """Shape: tests/payloads/file_share_slack_connect.json (Slack's "Slack Connect files")."""
    event = h.ws.share_file(h.omar.id, h.partner.id, "scan.bin", b"\x00\x01binary")
    file_id = event["files"][0]["id"]
    event["files"] = [
        {
            "id": file_id,
            "mode": "file_access",
            "file_access": "check_file_info",
            "created": 0,
            "timestamp": 0,
            "user": "",
        }
    ]
    await h.sender.event(event)
    await h.slack.wait_for("files.download", timeout=15)
    await h.settle(15)
    assert h.slack.last("files.info").args.get("file") == file_id
    assert h.slack.count("chat.delete") == 1
