"""Channel policies and approvals (PolicyStore); every change is audited with who and when."""

from __future__ import annotations

import sqlalchemy as sa

from bot.policy import ChannelClass, ChannelPolicy
from bot.store._base import Repository
from bot.store.models import audit_events, channel_approvals, channel_policies, utcnow

WORKSPACE_DEFAULT = "*"


class PolicyRepo(Repository):
    async def get_policy(self, team_id: str, channel_id: str) -> ChannelPolicy | None:
        """The channel's own policy (not the default); None when the channel has none."""
        return await self._load(team_id, channel_id)

    async def get_default_policy(self, team_id: str) -> ChannelPolicy | None:
        return await self._load(team_id, WORKSPACE_DEFAULT)

    async def effective_policy(self, team_id: str, channel_id: str) -> ChannelPolicy:
        """Channel policy, else the workspace default, else the built-in defaults."""
        return (
            await self._load(team_id, channel_id)
            or await self._load(team_id, WORKSPACE_DEFAULT)
            or ChannelPolicy()
        )

    async def _load(self, team_id: str, channel_id: str) -> ChannelPolicy | None:
        query = sa.select(channel_policies.c.policy).where(
            channel_policies.c.team_id == team_id, channel_policies.c.channel_id == channel_id
        )
        async with self._read() as conn:
            value = (await conn.execute(query)).scalar_one_or_none()
        return None if value is None else ChannelPolicy.model_validate(value)

    async def set_policy(
        self, team_id: str, channel_id: str | None, policy: ChannelPolicy, actor: str
    ) -> None:
        """Store the policy (`channel_id` None or "*" = workspace default) and audit the change."""
        channel = channel_id or WORKSPACE_DEFAULT
        now = utcnow()
        values = {"policy": policy.model_dump(mode="json"), "updated_by": actor, "updated_at": now}
        stmt = (
            self.upsert(channel_policies)
            .values(team_id=team_id, channel_id=channel, **values)
            .on_conflict_do_update(index_elements=["team_id", "channel_id"], set_=values)
        )
        async with self._write() as conn:
            await conn.execute(stmt)
            await conn.execute(
                sa.insert(audit_events).values(
                    at=now,
                    team_id=team_id,
                    channel_id=channel,
                    user_id=actor,
                    event="policy_change",
                    action="",
                    verdict="",
                    kinds=[],
                    counts={},
                    detail={"policy": policy.model_dump(mode="json")},
                    message_hash="",
                )
            )

    async def list_policies(self, team_id: str) -> dict[str, ChannelPolicy]:
        """Every stored policy of the workspace, keyed by channel id ("*" = default)."""
        query = sa.select(channel_policies.c.channel_id, channel_policies.c.policy).where(
            channel_policies.c.team_id == team_id
        )
        async with self._read() as conn:
            rows = (await conn.execute(query)).all()
        return {row.channel_id: ChannelPolicy.model_validate(row.policy) for row in rows}

    async def get_channel_class_override(
        self, team_id: str, channel_id: str
    ) -> ChannelClass | None:
        """`APPROVED` when an admin approved the channel; otherwise None (class from Slack)."""
        query = sa.select(channel_approvals.c.approved).where(
            channel_approvals.c.team_id == team_id, channel_approvals.c.channel_id == channel_id
        )
        async with self._read() as conn:
            approved = (await conn.execute(query)).scalar_one_or_none()
        return ChannelClass.APPROVED if approved else None

    async def set_approved(self, team_id: str, channel_id: str, approved: bool, actor: str) -> None:
        now = utcnow()
        values = {"approved": approved, "updated_by": actor, "updated_at": now}
        stmt = (
            self.upsert(channel_approvals)
            .values(team_id=team_id, channel_id=channel_id, **values)
            .on_conflict_do_update(index_elements=["team_id", "channel_id"], set_=values)
        )
        async with self._write() as conn:
            await conn.execute(stmt)
            await conn.execute(
                sa.insert(audit_events).values(
                    at=now,
                    team_id=team_id,
                    channel_id=channel_id,
                    user_id=actor,
                    event="approve" if approved else "unapprove",
                    action="",
                    verdict="",
                    kinds=[],
                    counts={},
                    detail={},
                    message_hash="",
                )
            )

    async def list_approved(self, team_id: str) -> list[str]:
        query = sa.select(channel_approvals.c.channel_id).where(
            channel_approvals.c.team_id == team_id, channel_approvals.c.approved.is_(True)
        )
        async with self._read() as conn:
            return list((await conn.execute(query)).scalars())
