"""Per-installation settings (`WorkspaceSettingsStore`): one validated JSON row per team.

A multi-workspace install cannot keep per-workspace choices (where admin alerts go, and what
later issues add) in the environment, which is one for the whole deployment. Each change is
validated by `WorkspaceSettings` before it is written and audited with who and what changed
(the values are ids and flags, never content).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from bot.store._base import Repository
from bot.store.api import WorkspaceSettings
from bot.store.models import audit_events, utcnow, workspace_settings


class WorkspaceSettingsRepo(Repository):
    async def get_workspace_settings(self, team_id: str) -> WorkspaceSettings:
        query = sa.select(workspace_settings.c.settings).where(
            workspace_settings.c.team_id == team_id
        )
        async with self._read() as conn:
            value = (await conn.execute(query)).scalar_one_or_none()
        return WorkspaceSettings() if value is None else WorkspaceSettings.model_validate(value)

    async def update_workspace_settings(
        self, team_id: str, actor: str, **changes: Any
    ) -> WorkspaceSettings:
        unknown = set(changes) - set(WorkspaceSettings.model_fields)
        if unknown:
            raise ValueError(f"unknown workspace settings: {', '.join(sorted(unknown))}")
        current = await self.get_workspace_settings(team_id)
        updated = WorkspaceSettings.model_validate({**current.model_dump(), **changes})
        now = utcnow()
        values = {
            "settings": updated.model_dump(mode="json"),
            "updated_by": actor,
            "updated_at": now,
        }
        stmt = (
            self.upsert(workspace_settings)
            .values(team_id=team_id, **values)
            .on_conflict_do_update(index_elements=["team_id"], set_=values)
        )
        async with self._write() as conn:
            await conn.execute(stmt)
            await conn.execute(
                sa.insert(audit_events).values(
                    at=now,
                    team_id=team_id,
                    channel_id="*",
                    user_id=actor,
                    event="settings_change",
                    action="",
                    verdict="",
                    kinds=[],
                    counts={},
                    detail={"changed": sorted(changes), "settings": values["settings"]},
                    message_hash="",
                )
            )
        return updated

    async def delete_workspace_settings(self, team_id: str) -> None:
        async with self._write() as conn:
            await conn.execute(
                sa.delete(workspace_settings).where(workspace_settings.c.team_id == team_id)
            )

    async def list_workspace_settings(self) -> dict[str, WorkspaceSettings]:
        query = sa.select(workspace_settings.c.team_id, workspace_settings.c.settings)
        async with self._read() as conn:
            rows = (await conn.execute(query)).all()
        return {row.team_id: WorkspaceSettings.model_validate(row.settings) for row in rows}
