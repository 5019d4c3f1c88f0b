"""The compose stack under signed Slack traffic, with one web replica and one worker killed.

    python -m bench.compose_check --project NAME --image IMAGE --standin-image IMAGE

Run by `scripts/container_check.sh` (which builds the images and cleans up); it is the
deployment check of docs/scale-out.md, not a benchmark. The Slack stand-in runs in this
process, bound to the Docker bridge's gateway so the containers reach it as their
`SLACK_API_URL`; `docker-compose.yml` plus `deploy/check/compose.check.yml` start migrate,
2 web replicas, 2 workers, PostgreSQL, Redis and nginx. Then events are posted, signed, to nginx
(half synthetic PHI in a Slack Connect channel, half clean chatter), and mid-stream one web
replica and one worker are `docker kill`ed and started again 3 s later.

Passes when every container is healthy before and after, every event was acknowledged (Slack
retries a failed delivery, same event id), none is lost (acked but no finished job), every PHI
post the detector flagged was deleted exactly once with a notice. Clean posts removed are
reported (`clean_posts_deleted`): those are the detector's false alarms (bench/text_bench.py
measures them), not the deployment's. A second notice to a poster is reported too
(`duplicate_ephemerals`), not failed: a worker killed between `chat.postEphemeral` and recording
it sends the notice again on retry, because an ephemeral cannot be looked up afterwards (Slack
keeps no copy: docs.slack.dev/reference/methods/chat.postEphemeral), unlike the repost, which
the gateway finds by its metadata. Notices are at least once; deletes and reposts exactly once. Prints one JSON summary; exit status 1 on any failure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from typing import Any

from bench.load_bench import LoadRun
from bench.topology import ROOT, free_port

COMPOSE_FILES = ("docker-compose.yml", "deploy/check/compose.check.yml")
# Services that carry a Docker healthcheck and must report healthy, with their replica count.
HEALTHY = {"postgres": 1, "redis": 1, "web": 2, "worker": 2}


class ComposeTopology:
    """What `LoadRun` needs of a topology: where to send events, and the database."""

    def __init__(self, lb_url: str, database_url: str) -> None:
        self.app_urls = [f"{lb_url}/slack/events"]
        self.database_url = database_url

    async def open_store(self) -> Any:
        from bot.config import Settings
        from bot.store import open_store

        return await open_store(Settings(database_url=self.database_url), upgrade_schema=False)


class Compose:
    """`docker-compose -p PROJECT -f ... -f ...` with the check's environment."""

    def __init__(self, project: str, files: list[str], env: dict[str, str]) -> None:
        self.base = ["docker-compose", "-p", project]
        for name in files:
            self.base += ["-f", str(ROOT / name)]
        self.env = env

    def run(self, *args: str, timeout: float = 300.0) -> str:
        done = subprocess.run(
            [*self.base, *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode != 0:
            raise RuntimeError(f"docker-compose {' '.join(args)}: {done.stderr.strip()[-800:]}")
        return done.stdout

    def containers(self, service: str) -> list[str]:
        return self.run("ps", "-q", service).split()


def docker(*args: str) -> str:
    return subprocess.run(
        ["docker", *args], capture_output=True, text=True, timeout=60, check=True
    ).stdout


def state(container: str) -> str:
    """`healthy`, `starting`, `unhealthy`, or the plain state for containers without a check."""
    out = docker(
        "inspect",
        "-f",
        "{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}",
        container,
    ).split()
    return out[1] if len(out) > 1 else out[0]


async def wait_healthy(compose: Compose, timeout: float) -> dict[str, list[str]]:
    """Wait until every service is up (healthchecks healthy); returns the states seen."""
    deadline = time.monotonic() + timeout
    states: dict[str, list[str]] = {}
    while time.monotonic() < deadline:
        states = {svc: [state(c) for c in compose.containers(svc)] for svc in [*HEALTHY, "lb"]}
        if all(
            len(states[svc]) == n and all(s == "healthy" for s in states[svc])
            for svc, n in HEALTHY.items()
        ) and states["lb"] == ["running"]:
            return states
        await asyncio.sleep(2)
    raise TimeoutError(f"stack not healthy after {timeout:.0f}s: {states}")


def gateway() -> str:
    """The host's address on Docker's default bridge: reachable from every container.

    IPAM's Gateway is empty for the default bridge on some engines (docker.io 20.10): then it
    is the subnet's first address, which dockerd gives docker0.
    """
    import ipaddress

    config = json.loads(docker("network", "inspect", "bridge", "-f", "{{json .IPAM.Config}}"))
    for entry in config:
        if entry.get("Gateway"):
            return str(entry["Gateway"])
        if ":" not in entry.get("Subnet", ":"):
            return str(next(ipaddress.ip_network(entry["Subnet"]).hosts()))
    raise RuntimeError("no IPv4 address on Docker's default bridge")


async def kill_later(compose: Compose, service: str, delay: float, killed: list[str]) -> None:
    """SIGKILL one container of `service` mid-stream, and start it again 3 s later.

    Docker treats `docker kill` as a manual stop and does not apply `restart: unless-stopped`
    to it (docs.docker.com/engine/containers/start-containers-automatically/: "a manually
    stopped container is not restarted"); the restart is the orchestrator's part, done here.
    """
    await asyncio.sleep(delay)
    victim = compose.containers(service)[0]
    docker("kill", victim)
    killed.append(f"{service}:{victim[:12]}")
    await asyncio.sleep(3)
    docker("start", victim)


def failures(outcome: dict[str, Any]) -> list[str]:
    bad = []
    for key in (
        "events_undelivered",
        "events_lost",
        "jobs_failed",
        "phi_actions_lost",
        "duplicate_deletes",
        "payload_left_on_finished_jobs",
    ):
        if outcome.get(key):
            bad.append(f"{key}={outcome[key]}")
    if not outcome.get("phi_posts_deleted"):
        bad.append("no PHI post was deleted")
    return bad


async def run(args: argparse.Namespace) -> dict[str, Any]:
    from cryptography.fernet import Fernet

    from bot.standin import StandIn

    lb_port = free_port()
    async with StandIn.start(host=gateway()) as slack:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_"))}
        # One workspace, token mode: the deployment's .env as docs/scale-out.md describes it.
        env.update(
            {
                "SLACK_API_URL": slack.api_url,
                "SLACK_BOT_TOKEN": slack.bot_token,
                "SLACK_SIGNING_SECRET": slack.signing_secret,
                "SLACK_ADMIN_USER_TOKEN": slack.admin_token or "",
                "POSTGRES_PASSWORD": f"check-{os.urandom(8).hex()}",
                "TOKEN_ENCRYPTION_KEY": Fernet.generate_key().decode(),
                "PHIWARDEN_PORT": str(lb_port),
                "PHIWARDEN_CHECK_IMAGE": args.image,
                "PHIWARDEN_STANDIN_IMAGE": args.standin_image,
            }
        )
        compose = Compose(args.project, args.compose_file or list(COMPOSE_FILES), env)
        started = time.monotonic()
        compose.run("up", "-d", "--no-build", timeout=args.timeout)
        before = await wait_healthy(compose, args.timeout)
        up_s = round(time.monotonic() - started, 1)
        pg_port = compose.run("port", "postgres", "5432").strip().rsplit(":", 1)[1]
        database_url = f"postgresql+asyncpg://phiwarden:{env['POSTGRES_PASSWORD']}@127.0.0.1:{pg_port}/phiwarden"
        topology = ComposeTopology(f"http://127.0.0.1:{lb_port}", database_url)
        load = LoadRun(
            slack,
            topology,  # type: ignore[arg-type]
            args.rate,
            args.duration,
            retry_delays=(1.0, 5.0, 15.0, 30.0),
        )
        load.prepare()
        killed: list[str] = []
        kills = [
            asyncio.create_task(kill_later(compose, "web", args.duration * 0.3, killed)),
            asyncio.create_task(kill_later(compose, "worker", args.duration * 0.5, killed)),
        ]
        await load.send_all()
        await asyncio.gather(*kills)
        drain_s, counts = await load.drain(args.timeout)
        after = await wait_healthy(compose, args.timeout)
        outcome = await load.outcome()
        result: dict[str, Any] = {
            "stack_up_s": up_s,
            "states_before": before,
            "killed": killed,
            "states_after": after,
            "rate": args.rate,
            "duration_s": args.duration,
            "queue_drain_s": round(drain_s, 1),
            "job_counts": counts,
            **{k: v for k, v in outcome.items() if k != "slack_calls"},
        }
        result["failures"] = failures(outcome)
        return result


def main(argv: list[str] | None = None) -> int:
    if (sys.argv[1:] if argv is None else argv) == ["--gateway"]:  # for container_check.sh
        print(gateway())
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--project", required=True, help="compose project name (prefix of every name)"
    )
    parser.add_argument("--image", required=True, help="the phiwarden image to run")
    parser.add_argument(
        "--standin-image", required=True, help="postgres/redis/nginx stand-in image"
    )
    parser.add_argument(
        "--compose-file",
        action="append",
        help=f"compose files, in order (default: {' '.join(COMPOSE_FILES)})",
    )
    parser.add_argument("--rate", type=float, default=8.0, help="events per second (default 8)")
    parser.add_argument(
        "--duration", type=float, default=30.0, help="seconds of traffic (default 30)"
    )
    parser.add_argument("--timeout", type=float, default=240.0, help="limit per wait, seconds")
    args = parser.parse_args(argv)
    try:
        result = asyncio.run(run(args))
    except (RuntimeError, TimeoutError, subprocess.SubprocessError) as exc:
        print(json.dumps({"failures": [str(exc)]}), flush=True)
        return 1
    print(json.dumps(result, indent=2), flush=True)
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
