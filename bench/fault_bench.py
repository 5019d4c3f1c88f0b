"""Faults under load: kill -9 a worker and a web replica, restart Redis, restart PostgreSQL.

    python -m bench.fault_bench --rate 50 --phase 25
    python -m bench.fault_bench --shape embedded     # kill -9 of the one embedded process

Runs the scale-out topology (2 web replicas, 2 workers, PostgreSQL, Redis) against the
in-process Slack stand-in, sends a steady load (`--rate` events/s), and injects one fault per
phase of `--phase` seconds, 5 s into the phase:

- `kill -9 worker`: SIGKILL one worker mid-scan; a supervisor restarts it 3 s later.
- `kill -9 web`: SIGKILL one web replica; Slack-like redelivery goes to the other one; the
  replica is restarted 3 s later.
- `redis restart`: `redis-cli shutdown nosave` and start again (Redis keeps nothing: the arq
  queue is lost).
- `postgres restart`: `pg_ctlcluster ... restart` while events keep arriving.
- `kill -9 embedded` (`--shape embedded`): SIGKILL the single `phiwarden run` (SQLite, jobs
  in the database, scans in its process pool) mid-scan; restarted 3 s later, it must finish
  every job it had acknowledged. Slack's redeliveries cover the seconds it is down.

For each fault: recovery time = from the fault until every event received before it is done
and every process answers `/healthz` 200. At the end: events lost (acked, never done; must be
0), undelivered (Slack gave up after its retries), duplicate actions. Services are always left
running (Redis and PostgreSQL are restarted if a step fails).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import sys
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bench.load_bench import OUT, LoadRun, report
from bench.topology import (
    Topology,
    ensure_postgres,
    ensure_redis,
    pg_restart,
    redis_restart,
    wait_healthy,
)

FAULTS = ("kill -9 worker", "kill -9 web", "redis restart", "postgres restart")
EMBEDDED_FAULTS = ("kill -9 embedded",)


async def unfinished_before(load: LoadRun, topology: Topology, cutoff: int) -> set[str]:
    """Event ids among the first `cutoff` sent that have no `done` job yet."""
    from bot.store.models import scan_jobs

    ids = [s.event_id for s in load.sent[:cutoff]]
    store = await topology.open_store()
    try:
        async with store.engine.connect() as conn:
            done = set(
                (
                    await conn.execute(
                        sa.select(scan_jobs.c.job_id).where(scan_jobs.c.status == "done")
                    )
                ).scalars()
            )
    finally:
        await store.close()
    return {i for i in ids if i not in done}


async def all_done(load: LoadRun, topology: Topology, ids: set[str]) -> bool:
    if not ids:
        return True
    from bot.store.models import scan_jobs

    try:
        store = await topology.open_store()
    except Exception:
        return False
    try:
        async with store.engine.connect() as conn:
            rows = (
                await conn.execute(
                    sa.select(scan_jobs.c.job_id).where(
                        scan_jobs.c.job_id.in_(list(ids)), scan_jobs.c.status == "done"
                    )
                )
            ).scalars()
            return len(set(rows)) == len(ids)
    except Exception:
        return False
    finally:
        await store.close()


async def healthy(topology: Topology) -> bool:
    try:
        await asyncio.gather(
            *(
                wait_healthy(p.health_url, timeout=1.0)
                for p in [*topology.webs, *topology.worker_procs]
                if p.health_url
            )
        )
    except TimeoutError:
        return False
    return True


async def inject(fault: str, topology: Topology) -> None:
    if fault == "kill -9 worker":
        proc = topology.worker_procs[0]
        proc.kill9()
        await asyncio.sleep(3)
        proc.start()
    elif fault in ("kill -9 web", "kill -9 embedded"):
        proc = topology.webs[0]
        proc.kill9()
        await asyncio.sleep(3)
        proc.start()
    elif fault == "redis restart":
        await asyncio.to_thread(redis_restart)
    elif fault == "postgres restart":
        await asyncio.to_thread(pg_restart)


async def measure_fault(
    fault: str, load: LoadRun, topology: Topology, limit: float
) -> dict[str, Any]:
    # Events sent so far that are not done: these must all survive the fault.
    cutoff = len(load.sent)
    at_risk = await unfinished_before(load, topology, cutoff)
    started = time.monotonic()
    try:
        await inject(fault, topology)
    finally:
        ensure_redis()
        ensure_postgres()
    while time.monotonic() - started < limit:
        if await healthy(topology) and await all_done(load, topology, at_risk):
            return {
                "fault": fault,
                "in_flight_at_fault": len(at_risk),
                "recovery_s": round(time.monotonic() - started, 1),
            }
        await asyncio.sleep(0.5)
    return {
        "fault": fault,
        "in_flight_at_fault": len(at_risk),
        "recovery_s": None,
        "note": f"not recovered within {limit}s",
    }


async def run(args: argparse.Namespace) -> dict[str, Any]:
    from bot.standin import StandIn

    ensure_postgres()
    ensure_redis()
    out_dir = OUT / f"fault_{int(time.time())}"
    faults = [
        f
        for f in (EMBEDDED_FAULTS if args.shape == "embedded" else FAULTS)
        if not args.only or f in args.only
    ]
    async with StandIn.start() as slack:
        env = {k: v for k, v in slack.env().items() if not k.startswith("SLACK_CLIENT_")}
        topology = Topology(args.shape, out_dir, env)
        try:
            startup = await topology.start()
            load = LoadRun(
                slack,
                topology,
                args.rate,
                args.phase * len(faults),
                seed=args.seed,
                retry_delays=(1.0, 10.0, 30.0),
            )
            load.prepare()
            sender = asyncio.create_task(load.send_all())
            while not load.send_started:
                await asyncio.sleep(0.05)
            results = []
            for index, fault in enumerate(faults):
                phase_start = load.send_started + index * args.phase
                await asyncio.sleep(max(0.0, phase_start + 5 - time.monotonic()))
                results.append(await measure_fault(fault, load, topology, args.recovery_limit))
                print(json.dumps(results[-1]), flush=True)
            await sender
            drain_s, counts = await load.drain(args.drain_timeout)
            result = {
                "shape": args.shape,
                "rate": args.rate,
                "phase_s": args.phase,
                "startup_s": startup,
                "faults": results,
                "queue_drain_s": round(drain_s, 1),
                "job_counts": counts,
                **load.ack_figures(),
                **await load.outcome(),
            }
        finally:
            await topology.stop()
            ensure_redis()
            ensure_postgres()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=50.0)
    parser.add_argument("--phase", type=float, default=25.0, help="seconds per fault")
    parser.add_argument("--shape", choices=("scaled", "embedded"), default="scaled")
    parser.add_argument("--only", nargs="*", choices=FAULTS + EMBEDDED_FAULTS, default=None)
    parser.add_argument("--recovery-limit", type=float, default=120.0)
    parser.add_argument("--drain-timeout", type=float, default=300.0)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.rate * args.phase * len(FAULTS) > 20_000:
        parser.error("bounded: at most 20,000 events per run")
    socket.setdefaulttimeout(30)
    result = asyncio.run(run(args))
    return report(
        result, args.json or OUT / f"fault_{args.shape}_r{int(args.rate)}_p{int(args.phase)}.json"
    )


if __name__ == "__main__":
    sys.exit(main())
