"""`TallyRepo`: posts scanned per workspace and UTC day, the report's denominator."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.store import Store

DAY1 = datetime(2026, 11, 30, 23, 59, tzinfo=UTC)
DAY2 = datetime(2026, 12, 1, 0, 1, tzinfo=UTC)


async def test_when_posts_are_tallied_then_each_utc_day_adds_up(store: Store) -> None:
    await store.tally_scanned("T1", DAY1)
    await store.tally_scanned("T1", DAY1, posts=4)
    await store.tally_scanned("T1", DAY2, posts=2)
    assert await store.scanned_by_day(date(2026, 11, 1)) == {DAY1.date(): 5, DAY2.date(): 2}


async def test_when_a_period_and_team_are_asked_then_only_they_count(store: Store) -> None:
    await store.tally_scanned("T1", DAY1, posts=3)
    await store.tally_scanned("T1", DAY2, posts=2)
    await store.tally_scanned("T2", DAY2, posts=7)
    assert await store.scanned_by_day(DAY2.date(), team_id="T1") == {DAY2.date(): 2}
    assert await store.scanned_by_day(DAY1.date(), DAY2.date()) == {DAY1.date(): 3}  # until excl.
    assert await store.scanned_by_day(DAY2.date()) == {DAY2.date(): 9}  # all workspaces
