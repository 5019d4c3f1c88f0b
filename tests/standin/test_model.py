"""The stand-in's objects as Slack's API shows them: a DM has no name but its user, a file lists
its conversations by type (https://docs.slack.dev/reference/objects/conversation-object,
https://docs.slack.dev/reference/objects/file-object)."""

from __future__ import annotations

from typing import Literal

import pytest

from bot.standin import Workspace
from bot.standin.model import CANVAS_MIMETYPE, Channel, File


@pytest.mark.parametrize(
    ("kind", "channel_type", "private"),
    [
        ("public", "channel", False),
        ("private", "group", True),
        ("im", "im", True),
        ("mpim", "mpim", True),
    ],
)
def test_a_conversation_names_its_type_as_message_events_do(
    kind: Literal["public", "private", "im", "mpim"], channel_type: str, private: bool
) -> None:
    channel = Channel("C1", "ward", kind, ["U1"])
    assert channel.channel_type == channel_type and channel.is_private is private
    assert channel.to_api()["is_private"] is private


def test_a_dm_shows_its_user_and_no_name_and_a_channel_its_name_and_members() -> None:
    dm = Channel("D1", "", "im", ["U1", "UBOT"]).to_api()
    assert dm["is_im"] and dm["user"] == "U1" and "name" not in dm and "num_members" not in dm
    ward = Channel("C1", "ward-4", "public", ["U1", "U2"], topic="rota").to_api()
    assert ward["name"] == "ward-4" and ward["is_channel"] and not ward["is_group"]
    assert ward["num_members"] == 2 and ward["topic"]["value"] == "rota"


def test_an_externally_shared_channel_says_so_in_both_flags() -> None:
    shared = Channel("C1", "partner", "public", [], is_ext_shared=True).to_api()
    assert shared["is_ext_shared"] and shared["is_shared"] and not shared["is_org_shared"]


def test_a_file_lists_its_conversations_by_type_and_is_public_only_in_a_public_one() -> None:
    ws = Workspace()
    public = ws.add_channel("ward-4", members=[])
    private = ws.add_channel("icu", kind="private", members=[])
    file = File("F1", "Scan.PNG", "scan", "image/png", b"1234", "U1", 0, [public.id, private.id])
    shown = file.to_api(ws)
    assert shown["channels"] == [public.id] and shown["groups"] == [private.id]
    assert shown["ims"] == [] and shown["is_public"] is True
    assert shown["filetype"] == "png" and shown["size"] == 4
    assert shown["url_private_download"].endswith(f"-{file.id}/download/Scan.PNG")
    hidden = File("F2", "note", "note", "text/plain", b"", "U1", 0, [private.id]).to_api(ws)
    assert hidden["is_public"] is False and hidden["filetype"] == "binary"


def test_a_canvas_is_a_quip_file_in_canvas_mode() -> None:
    canvas = File("F3", "Handover", "Handover", CANVAS_MIMETYPE, b"", "U1", 0)
    assert canvas.is_canvas and canvas.filetype == "quip"
    assert canvas.to_api(Workspace())["mode"] == "canvas"
