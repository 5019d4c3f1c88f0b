"""Start phiwarden topologies as real processes against the in-process Slack stand-in.

Used by `load_bench.py` and `fault_bench.py`. Everything binds 127.0.0.1 on free ports;
subprocess output goes to `bench/out/<run>/`. Two shapes:

- `embedded`: one `phiwarden run` (SQLite, embedded queue).
- `scaled`: a fresh PostgreSQL database, `phiwarden db upgrade`, N `phiwarden run` web
  replicas and M `phiwarden worker` processes over Redis (db 5, flushed at start).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
PHIWARDEN = [sys.executable, "-m", "bot.cli"]
PG_ADMIN = {"host": "127.0.0.1", "port": 5432, "user": "postgres", "database": "test"}
BENCH_REDIS = "redis://127.0.0.1:6379/5"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def pg_admin(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(**PG_ADMIN)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def wait_port(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return
        except OSError:
            await asyncio.sleep(0.1)
    raise TimeoutError(f"nothing listening on port {port} after {timeout}s")


async def wait_healthy(url: str, timeout: float = 120.0) -> float:
    """Poll `url` until 200; returns seconds waited."""
    start = time.monotonic()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as session:
        while time.monotonic() - start < timeout:
            try:
                async with session.get(url) as response:
                    if response.status == 200:
                        return time.monotonic() - start
            except (aiohttp.ClientError, TimeoutError):
                pass
            await asyncio.sleep(0.1)
    raise TimeoutError(f"{url} not healthy after {timeout}s")


def lower_priority(niceness: int) -> None:
    """Nice this (freshly forked) process and its session's scheduler group.

    With Linux autogroups (the default on desktop and many server kernels) each session is its
    own group and CFS shares the CPU between groups first, so a plain `nice` inside a new
    session changes nothing against the web replicas' sessions. Setting the group's nice too
    gives the workers the low weight intended; where the kernel has no autogroups it is a no-op.
    """
    os.nice(niceness)
    with contextlib.suppress(OSError):
        Path("/proc/self/autogroup").write_text(str(niceness))


@dataclass
class Proc:
    """One phiwarden process; `kill9()` simulates a crash, `restart()` brings it back."""

    name: str
    args: list[str]
    env: dict[str, str]
    log_path: Path
    health_url: str | None
    popen: subprocess.Popen[bytes] | None = None
    nice: int = 0

    def start(self) -> None:
        log = self.log_path.open("ab")
        niceness = self.nice
        self.popen = subprocess.Popen(
            [*PHIWARDEN, *self.args],
            env=self.env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=(lambda: lower_priority(niceness)) if niceness else None,
        )
        log.close()

    def kill9(self) -> None:
        if self.popen is not None and self.popen.poll() is None:
            os.kill(self.popen.pid, signal.SIGKILL)
            self.popen.wait()

    def terminate(self, timeout: float = 20.0) -> None:
        if self.popen is None or self.popen.poll() is not None:
            return
        self.popen.send_signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill9()

    async def restart(self) -> float:
        """Start again and wait until healthy; returns seconds to healthy."""
        self.start()
        return await wait_healthy(self.health_url) if self.health_url else 0.0


@dataclass
class Topology:
    shape: str  # "embedded" | "scaled"
    out_dir: Path
    slack_env: dict[str, str]
    web_replicas: int = 2
    workers: int = 2
    worker_processes: int = 1
    worker_concurrency: int = 4
    # Workers are CPU-bound; on one small machine a positive nice keeps them from starving the
    # web replicas' acks (in production they run on their own nodes or with CPU limits).
    worker_nice: int = 19
    database_url: str = ""
    queue_url: str = "embedded"
    webs: list[Proc] = field(default_factory=list)
    worker_procs: list[Proc] = field(default_factory=list)
    _pg_db: str | None = None

    @property
    def app_urls(self) -> list[str]:
        return [
            p.health_url.replace("/healthz", "/slack/events") for p in self.webs if p.health_url
        ]

    def _env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_"))}
        env.update(self.slack_env)
        env.update(
            {
                "DATABASE_URL": self.database_url,
                "QUEUE_URL": self.queue_url,
                "WORKER_PROCESSES": str(self.worker_processes),
                "LOG_LEVEL": "WARNING",
                "PYTHONUNBUFFERED": "1",
                "CONFIRM_SWEEP_SECONDS": "5",
            }
        )
        env.update(extra or {})
        return env

    async def start(self) -> dict[str, float]:
        """Start every process and wait for health; returns start-up seconds per process."""
        self.out_dir.mkdir(parents=True, exist_ok=True)
        if self.shape == "embedded":
            self.database_url = f"sqlite+aiosqlite:///{self.out_dir}/phiwarden.sqlite3"
            self.queue_url = "embedded"
            replicas = 1
        else:
            self._pg_db = f"phiwarden_bench_{uuid.uuid4().hex[:10]}"
            await pg_admin(f'CREATE DATABASE "{self._pg_db}"')
            self.database_url = f"postgresql+asyncpg://postgres@127.0.0.1:5432/{self._pg_db}"
            self.queue_url = BENCH_REDIS
            from redis.asyncio import Redis

            redis = Redis.from_url(BENCH_REDIS)
            await redis.flushdb()
            await redis.aclose()
            upgrade = subprocess.run(
                [*PHIWARDEN, "db", "upgrade"],
                env=self._env(),
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=120,
            )
            if upgrade.returncode != 0:
                raise RuntimeError(f"db upgrade failed: {upgrade.stderr[-500:]}")
            replicas = self.web_replicas
        for i in range(replicas):
            port = free_port()
            self.webs.append(
                Proc(
                    f"web{i + 1}",
                    ["run", "--host", "127.0.0.1", "--port", str(port)],
                    self._env(),
                    self.out_dir / f"web{i + 1}.log",
                    f"http://127.0.0.1:{port}/healthz",
                )
            )
        if self.shape == "scaled":
            for i in range(self.workers):
                port = free_port()
                self.worker_procs.append(
                    Proc(
                        f"worker{i + 1}",
                        [
                            "worker",
                            "--metrics-port",
                            str(port),
                            "--concurrency",
                            str(self.worker_concurrency),
                        ],
                        self._env(),
                        self.out_dir / f"worker{i + 1}.log",
                        f"http://127.0.0.1:{port}/healthz",
                        nice=self.worker_nice,
                    )
                )
        procs = [*self.webs, *self.worker_procs]
        for proc in procs:
            proc.start()
        waits = await asyncio.gather(*(wait_healthy(p.health_url) for p in procs if p.health_url))
        return {p.name: round(w, 2) for p, w in zip(procs, waits, strict=True)}

    async def stop(self) -> None:
        for proc in [*self.webs, *self.worker_procs]:
            proc.terminate()
        if self._pg_db is not None:
            with contextlib.suppress(Exception):
                await pg_admin(f'DROP DATABASE IF EXISTS "{self._pg_db}" WITH (FORCE)')

    async def open_store(self) -> Any:
        """A `Store` on the topology's database, for counting jobs from the bench."""
        from bot.config import Settings
        from bot.store import open_store

        return await open_store(Settings(database_url=self.database_url), upgrade_schema=False)


def pg_restart() -> None:
    version = sorted(os.listdir("/etc/postgresql"))[0]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
        check=True,
        capture_output=True,
        timeout=120,
    )


def redis_restart() -> None:
    """Shut Redis down without saving (it keeps nothing on disk here) and start it again."""
    subprocess.run(
        ["redis-cli", "-h", "127.0.0.1", "-p", "6379", "shutdown", "nosave"],
        capture_output=True,
        timeout=30,
    )
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", 6379), 0.2):
                time.sleep(0.05)
        except OSError:
            break
    ensure_redis()


def ensure_redis() -> None:
    """Start Redis with the machine's documented command if it is not answering."""
    try:
        with socket.create_connection(("127.0.0.1", 6379), 0.5):
            return
    except OSError:
        pass
    os.makedirs("/var/lib/redis", exist_ok=True)
    os.makedirs("/var/log/redis", exist_ok=True)
    subprocess.run(
        [
            "redis-server",
            "--daemonize",
            "yes",
            "--bind",
            "127.0.0.1",
            "-::1",
            "--port",
            "6379",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            "/var/lib/redis",
            "--logfile",
            "/var/log/redis/ci.log",
        ],
        check=True,
        capture_output=True,
        timeout=30,
    )


def ensure_postgres() -> None:
    try:
        with socket.create_connection(("127.0.0.1", 5432), 0.5):
            return
    except OSError:
        pass
    version = sorted(os.listdir("/etc/postgresql"))[0]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"],
        capture_output=True,
        timeout=120,
    )
