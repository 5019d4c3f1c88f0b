"""Load: N events/s for D seconds into phiwarden, measured end to end against the stand-in.

    python -m bench.load_bench --shape embedded --rate 200 --duration 60
    python -m bench.load_bench --shape scaled --rate 200 --duration 60   # 2 web + 2 workers
    python -m bench.load_bench --clean-only --rate 200 --duration 60     # clean posts flagged

The Slack stand-in runs in this process; phiwarden runs as real subprocesses (`phiwarden run`,
`phiwarden worker`). Events are posted open-loop at a fixed rate, round-robin over the web
replicas (as a load balancer would), and, like Slack, a delivery that fails or is not answered
200 is retried (same event id, `X-Slack-Retry-Num`) up to 3 times. Half the events carry
synthetic PHI (bench corpus) in a Slack Connect channel (policy: block = delete + ephemeral),
half are clean chatter in a clinical channel (no action).

Reported: ack latency p50/p99/max (first delivery), non-200 answers, events lost (sent but no
`done` job in the database), duplicate actions (a message deleted twice, more ephemeral notices
than blocked posts), throughput (acks/s and jobs finished/s) and queue drain time (last event
sent to queue empty). Bounded: the run stops after `--duration` plus `--drain-timeout`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.topology import ROOT, Topology, ensure_postgres, ensure_redis

OUT = ROOT / "bench" / "out"


@dataclass
class Sent:
    event_id: str
    channel: str
    ts: str
    phi: bool
    first_status: int = 0
    first_latency: float = 0.0
    final_status: int = 0
    attempts: int = 0


def bench_texts(seed: int) -> dict[bool, list[str]]:
    """The texts a run posts: the main split's `phi` messages and its clean chatter."""
    from bench.corpus.text_corpus import generate

    examples = generate(n=600, seed=seed, split="main")
    return {
        True: [e.text for e in examples if e.verdict == "phi"],
        False: [e.text for e in examples if e.category == "clean"],
    }


def picks(
    texts: dict[bool, list[str]], users: list[str], total: int, seed: int
) -> Iterator[tuple[bool, str, str]]:
    """(is PHI, text, poster) for each event in order: even events PHI, odd ones clean."""
    rng = random.Random(seed)
    for i in range(total):
        phi = i % 2 == 0
        text = rng.choice(texts[phi])
        yield phi, text, rng.choice(users)


def clean_flagged(rate: float, duration: float, seed: int) -> dict[str, Any]:
    """What a run's `clean_posts_deleted` comes to, without the run: the same clean posts, in
    the same order, scanned by one `TextEngine` that knows the bench's members (the stand-in
    workspace's users) and no institutions (the app's default settings). A clean post is
    removed in the clinical channel exactly when its verdict is `phi`."""
    from bot.detect.engine import TextEngine
    from bot.detect.staff import StaffDirectory

    texts = bench_texts(seed)
    members = [f"Bench User {i}" for i in range(20)]
    posted = [t for phi, t, _ in picks(texts, members, int(rate * duration), seed) if not phi]
    engine = TextEngine()
    engine.use_staff(StaffDirectory(members))
    distinct = sorted(set(posted))
    flagged = {
        t for t, r in zip(distinct, engine.scan_batch(distinct), strict=True) if r.verdict == "phi"
    }
    return {
        "clean_posts": len(posted),
        "clean_posts_flagged": sum(1 for t in posted if t in flagged),
        "distinct_clean_texts": len(distinct),
        "distinct_clean_texts_flagged": len(flagged),
    }


@dataclass
class LoadRun:
    """The state of one run: the stand-in, the topology and what was sent."""

    slack: Any
    topology: Topology
    rate: float
    duration: float
    seed: int = 1
    sent: list[Sent] = field(default_factory=list)
    senders: list[Any] = field(default_factory=list)
    texts: dict[bool, list[str]] = field(default_factory=dict)
    users: list[str] = field(default_factory=list)
    channels: dict[bool, str] = field(default_factory=dict)
    send_started: float = 0.0
    send_finished: float = 0.0
    # Seconds before each redelivery (Slack: at once, 1 min, 5 min; compressed here).
    retry_delays: tuple[float, ...] = (0.5, 2.0, 5.0)

    def prepare(self) -> None:
        self.texts = bench_texts(self.seed)
        ws = self.slack.workspace
        self.users = [
            ws.add_user(f"clinician{i}", real_name=f"Bench User {i}").id for i in range(20)
        ]
        self.channels = {
            True: ws.add_channel("partner-clinic", members=self.users, is_ext_shared=True).id,
            False: ws.add_channel("ward-7", members=self.users).id,
        }
        self.senders = [self.slack.sender(url, timeout=10.0) for url in self.topology.app_urls]

    async def deliver(self, index: int, record: Sent, event: dict[str, Any]) -> None:
        """Deliver like Slack: retry a failed delivery (same id) up to 3 times."""
        for attempt in range(len(self.retry_delays) + 1):
            sender = self.senders[(index + attempt) % len(self.senders)]
            try:
                delivery = await sender.event(
                    event,
                    event_id=record.event_id,
                    **({"retry_num": attempt, "retry_reason": "http_error"} if attempt else {}),
                )
                status, elapsed = delivery.status, delivery.elapsed
            except Exception:  # connection refused / reset / timeout: Slack retries too
                status, elapsed = 0, 0.0
            if attempt == 0:
                record.first_status, record.first_latency = status, elapsed
            record.final_status, record.attempts = status, attempt + 1
            if status == 200:
                return
            if attempt < len(self.retry_delays):
                await asyncio.sleep(self.retry_delays[attempt])

    async def send_all(self) -> None:
        ws = self.slack.workspace
        total = int(self.rate * self.duration)
        tasks: list[asyncio.Task[None]] = []
        self.send_started = time.monotonic()
        run_tag = f"{int(time.time())}"
        for i, (phi, text, user) in enumerate(picks(self.texts, self.users, total, self.seed)):
            target = self.send_started + i / self.rate
            delay = target - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            event = ws.post_as_user(user, self.channels[phi], text)
            record = Sent(f"Ev{run_tag}{i:06d}", self.channels[phi], event["ts"], phi)
            self.sent.append(record)
            tasks.append(asyncio.create_task(self.deliver(i, record, event)))
        await asyncio.gather(*tasks)
        self.send_finished = time.monotonic()

    async def drain(self, timeout: float) -> tuple[float, dict[str, int]]:
        """Wait until no job is pending or running; returns (seconds after last send, counts)."""
        store = await self.topology.open_store()
        try:
            deadline = time.monotonic() + timeout
            counts: dict[str, int] = {}
            while time.monotonic() < deadline:
                try:
                    counts = await store.job_counts()
                except Exception:  # the database may be restarting (fault bench)
                    await asyncio.sleep(0.5)
                    continue
                if counts.get("pending", 0) + counts.get("running", 0) == 0 and sum(
                    counts.values()
                ) >= len({s.event_id for s in self.sent if s.final_status == 200}):
                    break
                await asyncio.sleep(0.25)
            drained = time.monotonic() - self.send_finished
            return drained, counts
        finally:
            await store.close()

    async def outcome(self) -> dict[str, Any]:
        """Lost events and duplicate actions, from the database and the stand-in's record."""
        import sqlalchemy as sa

        from bot.store.models import audit_events, scan_jobs

        store = await self.topology.open_store()
        try:
            async with store.engine.connect() as conn:
                rows = (
                    await conn.execute(
                        sa.select(
                            scan_jobs.c.job_id, scan_jobs.c.status, scan_jobs.c.payload.is_not(None)
                        )
                    )
                ).all()
                audit = (
                    await conn.execute(
                        sa.select(
                            audit_events.c.detail, audit_events.c.action, audit_events.c.verdict
                        ).where(audit_events.c.event == "scan")
                    )
                ).all()
        finally:
            await store.close()
        audited = {
            str(d.get("job_id")): (a, v, d.get("removed"))
            for d, a, v in audit
            if isinstance(d, dict)
        }
        status = {r[0]: r[1] for r in rows}
        payload_left = sum(1 for r in rows if r[1] in ("done", "failed") and r[2])
        ids = [s.event_id for s in self.sent]
        # Lost: Slack was told "received" (200) but the job never finished.
        lost = [
            s.event_id
            for s in self.sent
            if s.final_status == 200 and status.get(s.event_id) != "done"
        ]
        deletes = Counter(
            (c.args.get("channel"), c.args.get("ts"))
            for c in self.slack.calls("chat.delete", ok=True)
        )
        phi_channel = self.channels[True]
        deleted_phi = {s.ts for s in self.sent if s.phi and (s.channel, s.ts) in deletes}
        # A PHI post acknowledged but never removed is a lost action, even when its job is done.
        not_removed = [
            s.event_id
            for s in self.sent
            if s.phi and s.final_status == 200 and (s.channel, s.ts) not in deletes
        ]
        missed = [i for i in not_removed if i in audited and audited[i][1] != "phi"]
        actions_lost = [
            (i, *audited.get(i, ("no audit row", "", None))) for i in not_removed if i not in missed
        ]
        ephemerals = [
            c
            for c in self.slack.calls("chat.postEphemeral", ok=True)
            if c.args.get("channel") == phi_channel
        ]
        clean_actions = sum(1 for (ch, _ts) in deletes if ch == self.channels[False])
        return {
            "events_sent": len(ids),
            "events_acked": sum(1 for s in self.sent if s.final_status == 200),
            # Never answered 200 after every redelivery (Slack would give up on these).
            "events_undelivered": sum(1 for s in self.sent if s.final_status != 200),
            "events_lost": len(lost),
            "lost_examples": lost[:5],
            "jobs_failed": sum(1 for i in ids if status.get(i) == "failed"),
            "payload_left_on_finished_jobs": payload_left,
            "phi_events": sum(1 for s in self.sent if s.phi),
            "phi_posts_deleted": len(deleted_phi),
            # Acknowledged PHI posts left in place: the detector's misses (its verdict was not
            # "phi", so the policy did nothing; the text benchmark measures those) apart from
            # lost actions (a "phi" verdict, or no audit row at all, and still no delete).
            "phi_posts_missed_by_detector": len(missed),
            "phi_actions_lost": len(actions_lost),
            "actions_lost_examples": actions_lost[:5],
            "duplicate_deletes": sum(n - 1 for n in deletes.values() if n > 1),
            "duplicate_ephemerals": max(0, len(ephemerals) - len(deleted_phi)),
            "clean_posts_deleted": clean_actions,
            "slack_calls": dict(Counter(c.method for c in self.slack.calls())),
        }

    def ack_figures(self) -> dict[str, Any]:
        latencies = sorted(s.first_latency * 1000 for s in self.sent if s.first_status == 200)
        first_fail = sum(1 for s in self.sent if s.first_status != 200)
        if not latencies:
            return {"ack_non_200_first_try": first_fail}
        q = statistics.quantiles(latencies, n=100, method="inclusive")
        return {
            "ack_p50_ms": round(q[49], 1),
            "ack_p99_ms": round(q[98], 1),
            "ack_max_ms": round(latencies[-1], 1),
            "ack_non_200_first_try": first_fail,
            "retried_deliveries": sum(1 for s in self.sent if s.attempts > 1),
            "send_seconds": round(self.send_finished - self.send_started, 1),
            "acks_per_s": round(
                len(latencies) / max(1e-9, self.send_finished - self.send_started), 1
            ),
        }


async def server_ack_quantiles(topology: Topology) -> dict[str, Any]:
    """p50/p99 of the app's own ack histogram (bucket upper bounds), summed over replicas.

    The client-side figure includes this process's own scheduling delay (it also plays
    Slack); the server-side one is what the app spends from request read to response.
    """
    import aiohttp

    buckets: dict[float, float] = {}
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session:
        for proc in topology.webs:
            if not proc.health_url:
                continue
            try:
                async with session.get(proc.health_url.replace("/healthz", "/metrics")) as resp:
                    text = await resp.text()
            except (aiohttp.ClientError, TimeoutError):
                continue
            for line in text.splitlines():
                if line.startswith("phiwarden_ack_latency_seconds_bucket{"):
                    le = line.split('le="', 1)[1].split('"', 1)[0]
                    bound = float("inf") if le == "+Inf" else float(le)
                    buckets[bound] = buckets.get(bound, 0.0) + float(line.rsplit(" ", 1)[1])
    if not buckets or not buckets.get(float("inf")):
        return {}
    total = buckets[float("inf")]

    def quantile(q: float) -> str:
        for bound in sorted(buckets):
            if buckets[bound] >= q * total:
                return "<= " + ("inf" if bound == float("inf") else f"{bound * 1000:g} ms")
        return "?"

    return {
        "server_ack_p50": quantile(0.5),
        "server_ack_p99": quantile(0.99),
        "server_acks": int(total),
    }


async def run(args: argparse.Namespace) -> dict[str, Any]:
    from bot.standin import StandIn

    ensure_postgres()
    ensure_redis()
    out_dir = OUT / f"load_{args.shape}_{int(time.time())}"
    async with StandIn.start() as slack:
        # Single-workspace token mode (no OAuth client id: the stand-in is one workspace).
        env = {k: v for k, v in slack.env().items() if not k.startswith("SLACK_CLIENT_")}
        topology = Topology(
            args.shape,
            out_dir,
            env,
            web_replicas=args.web,
            workers=args.workers,
            worker_processes=args.worker_processes,
            worker_concurrency=args.worker_concurrency,
            worker_nice=args.worker_nice,
        )
        try:
            startup = await topology.start()
            load = LoadRun(slack, topology, args.rate, args.duration, seed=args.seed)
            load.prepare()
            started = time.monotonic()
            await load.send_all()
            server_acks = await server_ack_quantiles(topology)
            drain_s, counts = await load.drain(args.drain_timeout)
            total_s = time.monotonic() - started
            result: dict[str, Any] = {
                "shape": args.shape,
                "rate": args.rate,
                "duration_s": args.duration,
                "web_replicas": len(topology.webs),
                "workers": len(topology.worker_procs),
                "worker_processes": args.worker_processes,
                "worker_concurrency": args.worker_concurrency,
                "worker_nice": args.worker_nice,
                "startup_s": startup,
                **load.ack_figures(),
                **server_acks,
                "queue_drain_s": round(drain_s, 1),
                "jobs_per_s": round(sum(counts.values()) / max(1e-9, total_s), 1),
                "job_counts": counts,
                **await load.outcome(),
            }
        finally:
            await topology.stop()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", choices=["embedded", "scaled"], default="embedded")
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--drain-timeout", type=float, default=300.0)
    parser.add_argument("--web", type=int, default=2, help="web replicas (scaled)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (scaled)")
    parser.add_argument(
        "--worker-concurrency",
        type=int,
        default=4,
        help="jobs in flight per `phiwarden worker` (scaled)",
    )
    parser.add_argument(
        "--worker-nice",
        type=int,
        default=19,
        help="nice value of worker processes (scaled; 0 to disable)",
    )
    parser.add_argument(
        "--worker-processes", type=int, default=1, help="warm scan processes per phiwarden process"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, default=None, help="also write the result here")
    parser.add_argument(
        "--clean-only",
        action="store_true",
        help="only count the clean posts the detector would flag (no servers; see clean_flagged)",
    )
    args = parser.parse_args(argv)
    if args.clean_only:
        print(json.dumps(clean_flagged(args.rate, args.duration, args.seed), indent=2))
        return 0
    if args.rate * args.duration > 20_000:
        parser.error("bounded: at most 20,000 events per run")
    result = asyncio.run(run(args))
    return report(
        result, args.json or OUT / f"load_{args.shape}_r{int(args.rate)}_d{int(args.duration)}.json"
    )


def report(result: dict[str, Any], target: Path) -> int:
    """Print the result and save it as JSON; exit status 0 only if nothing was lost or repeated."""
    text = json.dumps(result, indent=2, sort_keys=True)
    print(text)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text + "\n")
    ok = (
        result.get("events_lost", 1) == 0
        and result.get("phi_actions_lost", 1) == 0
        and result.get("duplicate_deletes", 1) == 0
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
