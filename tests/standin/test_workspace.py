"""The stand-in's workspace state: seeding refuses what Slack could not hold, people's posts and
edits change what is stored, and only events the bot could see are queued for it."""

from __future__ import annotations

import pytest

from bot.standin import Workspace


def _ward() -> tuple[Workspace, str, str]:
    ws = Workspace()
    nurse = ws.add_user("nurse", user_id="U0NURSE")
    ward = ws.add_channel("ward-4", members=[nurse.id], channel_id="C0WARD")
    return ws, nurse.id, ward.id


def test_the_bot_is_a_member_unless_told_otherwise_and_ids_carry_the_type_letter() -> None:
    ws, nurse, ward = _ward()
    assert ws.bot_user_id in ws.channels[ward].members
    icu = ws.add_channel("icu", kind="private", members=[nurse], bot_member=False)
    assert ws.bot_user_id not in icu.members and icu.id.startswith("G")
    assert ws.add_channel("x", members=[nurse]).id.startswith("C")


def test_a_channel_with_an_unknown_member_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown user"):
        Workspace().add_channel("ward-4", members=["U0GHOST"])


def test_a_users_dm_with_the_bot_is_one_conversation() -> None:
    ws, nurse, _ = _ward()
    dm = ws.add_im(nurse)
    assert dm.kind == "im" and dm.id.startswith("D") and ws.add_im(nurse) is dm


def test_timestamps_increase_even_within_one_clock_tick() -> None:
    ws = Workspace()
    stamps = [ws.next_ts() for _ in range(50)]
    assert stamps == sorted(stamps, key=float) and len(set(stamps)) == 50


def test_a_post_edit_and_delete_change_what_is_stored() -> None:
    ws, nurse, ward = _ward()
    posted = ws.post_as_user(nurse, ward, "bed 4 needs a review")
    stored = ws.find_message(ward, posted["ts"])
    assert stored is not None and stored.text == "bed 4 needs a review"
    changed = ws.edit_as_user(ward, posted["ts"], "bed 5 needs a review")
    assert changed["subtype"] == "message_changed" and stored.text == "bed 5 needs a review"
    assert stored.edited is not None and stored.edited["user"] == nurse
    ws.delete_as_user(ward, posted["ts"])
    assert ws.find_message(ward, posted["ts"]) is None and ws.channel_messages(ward) == []


def test_a_person_cannot_post_where_they_are_not_a_member() -> None:
    ws, _, ward = _ward()
    doctor = ws.add_user("doctor")
    with pytest.raises(ValueError, match="not a member"):
        ws.post_as_user(doctor.id, ward, "hello")


def test_only_events_in_conversations_the_bot_is_in_are_queued_for_it() -> None:
    ws, nurse, ward = _ward()
    hidden = ws.add_channel("hr", kind="private", members=[nurse], bot_member=False)
    before = len(ws.outbox)
    ws.emit({"type": "message", "channel": hidden.id})
    ws.emit({"type": "message", "channel": ward})
    assert [e["channel"] for e in ws.outbox[before:]] == [ward]
