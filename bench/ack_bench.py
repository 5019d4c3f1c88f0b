"""Ack latency and event-to-action latency of `phiwarden run` against the Slack stand-in.

Bounded and loopback only: starts the stand-in in this process and `phiwarden run` as a child
process (its own SQLite database in a temp dir, one warm scan worker by default), then sends
signed `message` events at `--rate` per second for `--seconds` seconds into a clinical channel,
a `--phi-ratio` share of them carrying (synthetic) PHI. It reports

- ack latency: request sent -> HTTP 200 received, for every event (target p99 < 100 ms);
- event-to-action latency for text: event sent -> the stand-in receiving the app's
  `chat.delete` for that post (the first action of the confirm flow), from the stand-in's call
  timestamps (target p50 < 1 s, p99 < 3 s).

    .venv/bin/python bench/ack_bench.py --rate 50 --seconds 60
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.standin import StandIn, Workspace  # noqa: E402

NAMES = [
    "Elena Varga",
    "Tomasz Brandt",
    "Aiko Mori",
    "Grace Okafor",
    "Luis Ferreira",
    "Nadia Petrov",
]
CHATTER = [
    "Handover moved to 7:30 in the ward office",
    "Can someone cover the 2pm teaching session?",
    "Pharmacy says the new infusion pumps arrive next week",
    "Reminder: fire drill on level 3 this afternoon",
    "Thanks all, great teamwork on the night shift",
    "Who has the keys to the equipment room?",
]


def phi_text(rng: random.Random) -> str:
    name = rng.choice(NAMES)
    return f"Mrs {name}, MRN {rng.randint(1000000, 9999999)}, post-op day {rng.randint(1, 9)}, please review her drain"


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


async def wait_healthy(url: str, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            try:
                async with session.get(f"{url}/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.25)
    raise SystemExit("phiwarden run did not become healthy")


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def main(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    ws = Workspace()
    users = [ws.add_user(f"clinician{i}") for i in range(20)]
    ward = ws.add_channel("ward-4", members=[u.id for u in users])
    slack = await StandIn.start(ws)
    port = free_port()
    tmp = tempfile.TemporaryDirectory(prefix="phiwarden-bench-")
    env = {
        **os.environ,
        **slack.env(),
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp.name}/bench.sqlite3",
        "PORT": str(port),
        "LOG_LEVEL": "WARNING",
        "WORKER_PROCESSES": str(args.workers),
        "ACK_PRESCREEN_MS": str(args.prescreen_ms),
    }
    env.pop("SLACK_CLIENT_ID", None)
    env.pop("SLACK_CLIENT_SECRET", None)
    child = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run", "--host", "127.0.0.1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        started = time.monotonic()
        await wait_healthy(url)
        print(
            f"phiwarden run healthy after {time.monotonic() - started:.1f}s (workers={args.workers}, "
            f"prescreen={args.prescreen_ms} ms)"
        )
        sender = slack.sender(f"{url}/slack/events", timeout=30)
        # warm-up: one of each, not measured
        for text in (CHATTER[0], phi_text(rng)):
            await sender.event(ws.post_as_user(users[0].id, ward.id, text))
        await slack.wait_for("chat.delete", 1, timeout=30)
        slack.clear()

        total = int(args.rate * args.seconds)
        sent_at: dict[str, float] = {}
        acks: list[float] = []
        statuses: dict[int, int] = {}
        phi_sent = 0

        async def send(i: int) -> None:
            nonlocal phi_sent
            is_phi = rng.random() < args.phi_ratio
            text = phi_text(rng) if is_phi else rng.choice(CHATTER)
            event = ws.post_as_user(rng.choice(users).id, ward.id, text)
            if is_phi:
                phi_sent += 1
                sent_at[event["ts"]] = time.time()
            delivery = await sender.event(event)
            acks.append(delivery.elapsed)
            statuses[delivery.status] = statuses.get(delivery.status, 0) + 1

        t0 = time.monotonic()
        tasks = []
        for i in range(total):
            delay = t0 + i / args.rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(send(i)))
        await asyncio.gather(*tasks)
        send_seconds = time.monotonic() - t0
        # wait for the queue to drain: every PHI post deleted (or give up after 60 s)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and slack.count("chat.delete", ok=True) < phi_sent:
            await asyncio.sleep(0.1)
        drain = time.monotonic() - t0 - send_seconds
        deletes = {c.args.get("ts"): c.at for c in slack.calls("chat.delete") if c.ok}
        e2a = [deletes[ts] - sent for ts, sent in sent_at.items() if ts in deletes]
        ack_ms = [a * 1000 for a in acks]
        print()
        print(
            f"events sent      {total} in {send_seconds:.1f}s ({total / send_seconds:.1f}/s), "
            f"PHI {phi_sent}, HTTP {dict(sorted(statuses.items()))}"
        )
        print(
            f"actions          {len(e2a)}/{phi_sent} PHI posts deleted; drain after last send {drain:.2f}s; "
            f"duplicate deletes {slack.count('chat.delete') - len(deletes)}"
        )
        print()
        print(f"{'metric':<28}{'p50':>10}{'p90':>10}{'p99':>10}{'max':>10}   target")
        print(
            f"{'ack latency (ms)':<28}{pct(ack_ms, 50):>10.1f}{pct(ack_ms, 90):>10.1f}{pct(ack_ms, 99):>10.1f}"
            f"{max(ack_ms):>10.1f}   p99 < 100 ms"
        )
        print(
            f"{'event-to-action (s)':<28}{pct(e2a, 50):>10.3f}{pct(e2a, 90):>10.3f}{pct(e2a, 99):>10.3f}"
            f"{max(e2a) if e2a else float('nan'):>10.3f}   p50 < 1 s, p99 < 3 s"
        )
        async with aiohttp.ClientSession() as session, session.get(f"{url}/metrics") as response:
            exposition = await response.text()
        buckets = [
            line
            for line in exposition.splitlines()
            if line.startswith("phiwarden_ack_latency_seconds_bucket")
        ]
        print("\nserver-side ack histogram (phiwarden_ack_latency_seconds, cumulative):")
        for line in buckets:
            print("   ", line.split("{", 1)[1])
        ok = (
            pct(ack_ms, 99) < 100 and pct(e2a, 50) < 1 and pct(e2a, 99) < 3 and len(e2a) == phi_sent
        )
        print("\nresult:", "targets met" if ok else "targets NOT met")
        return 0 if ok else 1
    finally:
        child.terminate()
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
        await slack.stop()
        tmp.cleanup()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=50.0, help="events per second (default 50)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to send (default 60)")
    parser.add_argument(
        "--phi-ratio", type=float, default=0.2, help="share of posts with PHI (default 0.2)"
    )
    parser.add_argument("--workers", type=int, default=1, help="scan worker processes (default 1)")
    parser.add_argument(
        "--prescreen-ms",
        type=int,
        default=0,
        help="ACK_PRESCREEN_MS for the app (default 0: every post recorded before the ack)",
    )
    parser.add_argument("--seed", type=int, default=7)
    raise SystemExit(asyncio.run(main(parser.parse_args())))
