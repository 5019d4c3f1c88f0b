"""Stories: a blocked post's file is deleted from Slack itself, or admins are told its id.

Deleting the message that shared a file is not documented to delete the file
(https://docs.slack.dev/reference/methods/chat.delete, .../files.delete), so the old code left
the file reachable from the workspace's file list and its permalink.
"""

from __future__ import annotations

from tests.scenario.conftest import Harness


def _share_unscannable(h: Harness) -> tuple[dict[str, object], str]:
    event = h.ws.share_file(
        h.maria.id, h.partner.id, "scan.bin", b"\x00\x01binary", mimetype="application/octet-stream"
    )
    files = event["files"]
    assert isinstance(files, list)
    return event, str(files[0]["id"])


async def test_a_blocked_file_is_deleted_with_the_admin_token_not_only_its_message(
    h: Harness,
) -> None:
    event, file_id = _share_unscannable(h)
    assert (await h.sender.event(event)).status == 200
    await h.slack.wait_for("files.delete", timeout=30)
    await h.settle()
    assert h.slack.count("chat.delete", ok=True) == 1
    (deleted,) = h.slack.calls("files.delete")
    assert deleted.ok and deleted.token_kind == "user" and deleted.args["file"] == file_id
    assert file_id not in h.ws.files


async def test_when_slack_refuses_to_delete_the_file_admins_get_its_id(h: Harness) -> None:
    h.slack.fail_next("files.delete", "cant_delete_file")
    event, file_id = _share_unscannable(h)
    await h.sender.event(event)
    await h.slack.wait_for("files.delete", timeout=30)
    await h.settle()
    assert file_id in h.ws.files  # still there: an admin must remove it
    alerts = [m for m in h.bot_posts(h.alerts) if file_id in m.text]
    assert len(alerts) == 1 and "scan.bin" not in alerts[0].text
    assert h.slack.count("files.delete") == 1  # a refusal is not retried
