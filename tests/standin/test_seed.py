"""The ready-made hospital: one channel per class the policy knows, the bot in each, clinicians
who are not admins, the workspace's own admin reused when it has one, invented surnames."""

from __future__ import annotations

from bot.detect.data import load_words
from bot.standin import Workspace
from bot.standin.seed import seed_hospital


def test_one_channel_of_each_kind_with_the_bot_in_every_one() -> None:
    hospital = seed_hospital()
    ws = hospital.workspace
    kinds = {c.name: (c.kind, c.is_ext_shared) for c in hospital.channels}
    assert kinds == {
        "ward-4": ("public", False),
        "icu-secure": ("private", False),
        "partner-clinic": ("public", True),
        "mpdm-ana--bexley-1": ("mpim", False),
    }
    assert all(ws.bot_user_id in c.members for c in hospital.channels)
    assert hospital.admin.id in hospital.secure.members  # who will `/phi approve` it


def test_clinicians_are_not_admins_and_the_workspaces_admin_is_reused() -> None:
    hospital = seed_hospital()
    assert hospital.admin.is_admin
    assert not any(u.is_admin for u in (hospital.nurse, hospital.doctor, hospital.resident))
    ws = Workspace()
    if ws.admin_user_id is not None:  # a workspace made with an admin token has its admin
        assert seed_hospital(ws).admin.id == ws.admin_user_id


def test_the_people_have_invented_surnames() -> None:
    hospital = seed_hospital()
    surnames = {w.lower() for w in load_words("last_names.txt")}
    for user in (hospital.nurse, hospital.doctor, hospital.resident):
        assert user.real_name.split()[-1].lower() not in surnames, user.real_name
