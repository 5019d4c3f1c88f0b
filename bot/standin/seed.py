"""A ready-made hospital workspace for scenario tests and `phiwarden demo`.

One channel of each class the policy knows (clinical, soon-approved, external, group DM),
clinicians with invented names, and a workspace admin. Names are synthetic on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.standin.model import Channel, User
from bot.standin.workspace import Workspace


@dataclass
class Hospital:
    workspace: Workspace
    nurse: User
    doctor: User
    resident: User
    admin: User
    clinical: Channel  # #ward-4: the bot's default class for a channel
    secure: Channel  # #icu-secure: private, for an admin to `/phi approve`
    external: Channel  # #partner-clinic: Slack Connect with another organisation
    group_dm: Channel  # a group DM the bot was added to

    @property
    def channels(self) -> list[Channel]:
        return [self.clinical, self.secure, self.external, self.group_dm]


def seed_hospital(workspace: Workspace | None = None) -> Hospital:
    """Populate `workspace` (a new one by default) and return handles to what was added."""
    ws = workspace or Workspace()
    nurse = ws.add_user("ana.quillfeather", real_name="Ana Quillfeather")
    doctor = ws.add_user("dr.bexley.orrin", real_name="Bexley Orrin")
    resident = ws.add_user("caio.virelli", real_name="Caio Virelli")
    if ws.admin_user_id is not None:
        admin = ws.users[ws.admin_user_id]
    else:
        admin = ws.add_user("it.admin", real_name="Workspace Admin", is_admin=True)
    staff = [nurse.id, doctor.id, resident.id, admin.id]
    return Hospital(
        workspace=ws,
        nurse=nurse,
        doctor=doctor,
        resident=resident,
        admin=admin,
        clinical=ws.add_channel("ward-4", members=staff),
        secure=ws.add_channel("icu-secure", kind="private", members=staff),
        external=ws.add_channel("partner-clinic", members=staff[:2], is_ext_shared=True),
        group_dm=ws.add_channel("mpdm-ana--bexley-1", kind="mpim", members=[nurse.id, doctor.id]),
    )
