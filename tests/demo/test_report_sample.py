"""The report's synthetic month: the same seed draws the same trail, every event falls inside
the period, and the trail holds ids, kinds, counts and actions only, as the real one does."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.demo import report_sample as sample
from bot.store.api import AuditEvent, ConsentAttestation


class _Recorder:
    """Collects what `seed` writes, in order."""

    def __init__(self) -> None:
        self.written: list[Any] = []

    async def tally_scanned(self, team_id: str, at: datetime, posts: int = 1) -> None:
        self.written.append(("tally", team_id, at, posts))

    async def append(self, event: AuditEvent) -> None:
        self.written.append(event)

    async def record_attestation(self, attestation: ConsentAttestation) -> None:
        self.written.append(attestation)


async def _seeded(days: int = 30, rnd_seed: int = 16) -> list[Any]:
    recorder = _Recorder()
    await sample.seed(recorder, sample.now(), days=days, rnd_seed=rnd_seed)
    return recorder.written


async def test_the_same_seed_draws_the_same_month_and_another_seed_another() -> None:
    first, again, other = await _seeded(), await _seeded(), await _seeded(rnd_seed=17)
    assert first == again
    assert first != other


async def test_every_record_is_in_the_sample_workspace_and_inside_the_period() -> None:
    until, days = sample.now(), 10
    written = await _seeded(days=days)
    tallies = [w for w in written if isinstance(w, tuple)]
    assert len(tallies) == days
    for record in written:
        team, at = (
            (record[1], record[2]) if isinstance(record, tuple) else (record.team_id, record.at)
        )
        assert team == sample.TEAM
        # whole days: the first starts at 08:00 on the day `days` before `until`
        assert (until - timedelta(days=days)).date() <= at.date() and at < until


async def test_the_trail_holds_kinds_and_actions_as_the_channel_class_decides() -> None:
    events = [w for w in await _seeded() if isinstance(w, AuditEvent)]
    scans = [e for e in events if e.event == "scan"]
    assert scans and any(e.event == "false_positive" for e in events)
    for event in scans:
        channel_class = event.detail["channel_class"]
        assert event.channel_id == sample.CLASS_CHANNELS[channel_class]
        assert event.action == sample.ACTION_BY_CLASS[channel_class]
        assert set(event.kinds) <= set(sample.KINDS) and event.counts == dict.fromkeys(
            event.kinds, 1
        )
        assert set(event.detail) == {"channel_class", "recognizers", "latency_ms"}
    attestations = [w for w in await _seeded() if isinstance(w, ConsentAttestation)]
    assert attestations and all(
        a.channel_id == sample.CLASS_CHANNELS["clinical"] for a in attestations
    )
