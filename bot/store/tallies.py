"""Posts scanned per workspace and UTC day: the compliance report's denominator.

The audit trail holds only posts with findings or actions (a clean post leaves no trace there,
by design), so the number of posts the bot looked at is kept here as a bare count. A job
retried after a crash between its tally and its end counts twice; the report calls the figure
"posts scanned", not an exact message count, and says so.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa

from bot.store._base import Repository
from bot.store.models import scan_tallies, utcnow


class TallyRepo(Repository):
    async def tally_scanned(self, team_id: str, at: datetime | None = None, posts: int = 1) -> None:
        """Add `posts` to the workspace's count for the UTC day of `at` (default now)."""
        day = (at or utcnow()).date()
        stmt = self.upsert(scan_tallies).values(team_id=team_id, day=day, posts=posts)
        stmt = stmt.on_conflict_do_update(
            index_elements=["team_id", "day"],
            set_={"posts": scan_tallies.c.posts + stmt.excluded.posts},
        )
        async with self._write() as conn:
            await conn.execute(stmt)

    async def scanned_by_day(
        self, since: date, until: date | None = None, team_id: str | None = None
    ) -> dict[date, int]:
        """Posts scanned per day from `since` (inclusive) to `until` (exclusive)."""
        query = (
            sa.select(scan_tallies.c.day, sa.func.sum(scan_tallies.c.posts).label("n"))
            .where(scan_tallies.c.day >= since)
            .group_by(scan_tallies.c.day)
            .order_by(scan_tallies.c.day)
        )
        if until is not None:
            query = query.where(scan_tallies.c.day < until)
        if team_id is not None:
            query = query.where(scan_tallies.c.team_id == team_id)
        async with self._read() as conn:
            return {row.day: int(row.n) for row in await conn.execute(query)}
