"""A synthetic month of audit events for the report: its tests and the README screenshot.

Ids, kinds, counts and actions only, as the real trail holds; seeded, so every run draws the
same report.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Protocol

from bot.store.api import AuditEvent, AuditStore, ConsentAttestation, ConsentStore, ScanTally

TEAM = "T0SAMPLE1"
CLASS_CHANNELS = {
    "clinical": "C0WARD4",
    "external": "C0PARTNER",
    "approved": "C0ICU",
    "dm": "D0MARIA",
}
ACTION_BY_CLASS = {"clinical": "confirm", "external": "block", "approved": "none", "dm": "remind"}
KINDS = ("NAME", "ID", "DATE", "AGE", "CONTACT", "LOCATION", "ROOM")
RECOGNIZERS = ("NameRecognizer", "MrnRecognizer", "RelativeDateRecognizer", "RoomRecognizer")


class SampleSink(ScanTally, AuditStore, ConsentStore, Protocol):
    """What the sample writes: daily tallies, audit events and consent attestations."""


async def seed(store: SampleSink, until: datetime, days: int = 30, rnd_seed: int = 16) -> None:
    """Tallies and audit events for `days` days before `until` in workspace `TEAM`."""
    rnd = random.Random(rnd_seed)
    for day in range(days):
        base = (until - timedelta(days=days - day)).replace(hour=8, minute=0, second=0)
        await store.tally_scanned(TEAM, base, posts=rnd.randint(180, 320))
        for n in range(rnd.randint(6, 16)):
            at = base + timedelta(minutes=17 * n)
            channel_class = rnd.choices(list(CLASS_CHANNELS), weights=(6, 2, 3, 1))[0]
            kinds = tuple(sorted(rnd.sample(KINDS, rnd.randint(1, 3))))
            await store.append(
                AuditEvent(
                    team_id=TEAM,
                    channel_id=CLASS_CHANNELS[channel_class],
                    user_id=f"U0{n % 5}",
                    event="scan",
                    action=ACTION_BY_CLASS[channel_class],
                    verdict="phi",
                    kinds=kinds,
                    counts={k: 1 for k in kinds},
                    detail={
                        "channel_class": channel_class,
                        "recognizers": list(rnd.sample(RECOGNIZERS, 2)),
                        "latency_ms": int(rnd.lognormvariate(7.3, 0.5)),
                    },
                    at=at,
                )
            )
            if channel_class == "clinical" and rnd.random() < 0.4:
                confirm_id = f"c{day:02d}{n:02d}"
                await store.record_attestation(
                    ConsentAttestation(
                        attestation_id=f"a{day:02d}{n:02d}",
                        team_id=TEAM,
                        channel_id=CLASS_CHANNELS[channel_class],
                        user_id=f"U0{n % 5}",
                        confirm_id=confirm_id,
                        points=("identity", "purpose"),
                        intended_use=rnd.choice(["treatment", "teaching"]),
                        channel_approved=True,
                        at=at + timedelta(minutes=2),
                    )
                )
            if rnd.random() < 0.08:
                await store.append(
                    AuditEvent(
                        team_id=TEAM,
                        channel_id=CLASS_CHANNELS[channel_class],
                        user_id=f"U0{n % 5}",
                        event="false_positive",
                        kinds=kinds[:1],
                        detail={"recognizers": [rnd.choice(RECOGNIZERS)]},
                        at=at + timedelta(minutes=3),
                    )
                )


def now() -> datetime:
    return datetime(2026, 11, 30, 18, 0, tzinfo=UTC)
