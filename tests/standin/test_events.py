"""The stand-in's event shapes against Slack's own (bolt-python's fixtures in `tests/payloads/`):
the same fields for a message, an edit and App Home; a deletion carries the message it hid; a
join adds the member and says C or G as docs.slack.dev's example does."""

from __future__ import annotations

from bot.standin import Workspace, events
from tests import payloads


def _ws() -> Workspace:
    ws = Workspace()
    maria = ws.add_user("maria", user_id="U0MARIA")
    ws.add_channel("ward-4", members=[maria.id], channel_id="C0WARD4")
    ws.add_channel("icu", kind="private", members=[maria.id], channel_id="G0ICU")
    return ws


def test_a_message_and_its_edit_have_the_fields_slack_sends() -> None:
    ws = _ws()
    event = ws.post_as_user("U0MARIA", "C0WARD4", "hello")
    assert set(event) == set(payloads.body("message")["event"])
    message = ws.find_message("C0WARD4", event["ts"])
    assert message is not None
    changed = events.message_changed_event(ws, message, {"type": "message", "text": "hi"})
    assert set(changed) == set(payloads.body("message_changed")["event"])
    assert changed["previous_message"]["text"] == "hi" and changed["message"]["text"] == "hello"


def test_a_deletion_is_hidden_and_carries_the_message_it_removed() -> None:
    ws = _ws()
    event = ws.post_as_user("U0MARIA", "C0WARD4", "oops")
    message = ws.find_message("C0WARD4", event["ts"])
    assert message is not None
    deleted = events.message_deleted_event(ws, message)
    assert (deleted["subtype"], deleted["hidden"], deleted["deleted_ts"]) == (
        "message_deleted",
        True,
        event["ts"],
    )
    assert deleted["previous_message"]["text"] == "oops" and deleted["ts"] != event["ts"]


def test_app_home_opened_has_slacks_fields_and_opens_the_users_dm() -> None:
    ws = _ws()
    opened = events.app_home_opened_event(ws, "U0MARIA")
    assert set(opened) <= set(payloads.body("app_home_opened_org_install")["event"])
    assert ws.channels[opened["channel"]].kind == "im"
    assert "view" not in opened  # nothing published yet


def test_a_join_adds_the_member_and_names_the_channel_type_by_letter() -> None:
    ws = _ws()
    ws.add_user("omar", user_id="U0OMAR")
    joined = events.member_joined_channel_event(ws, "U0OMAR", "G0ICU", inviter="U0MARIA")
    assert "U0OMAR" in ws.channels["G0ICU"].members
    assert (joined["channel_type"], joined["team"], joined["inviter"]) == (
        "G",
        ws.team_id,
        "U0MARIA",
    )
    public = events.member_joined_channel_event(ws, "U0OMAR", "C0WARD4")
    assert public["channel_type"] == "C" and "inviter" not in public
