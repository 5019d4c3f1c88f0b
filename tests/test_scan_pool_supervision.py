"""A crashed or stuck scan process is replaced, and scan processes die with their parent
(issue 11, item 8). Real process pools with the regex `FakeEngine`, so no spaCy loads."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.config import Settings
from bot.detect.types import Verdict
from bot.errors import DetectionError
from bot.scan_pool import ScanWorkers
from bot.web.ops import make_health_check

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]


def _pool(**settings: object) -> ScanWorkers:
    return ScanWorkers(
        Settings(worker_processes=1, **settings), factory_path="tests.fakes:FakeEngine"
    )


async def _until(predicate, seconds: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await predicate():
            return True
        await asyncio.sleep(0.1)
    return False


def _gone(pid: int) -> bool:
    """True when `pid` has exited (a zombie waiting for its reaper counts as exited)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return True
    return state in {"Z", "X"}


async def test_when_an_idle_scan_process_is_killed_then_it_is_replaced_and_clean_posts_pass() -> (
    None
):
    workers = _pool()
    try:
        await workers.start()
        [old] = workers.pids()
        os.kill(old, signal.SIGKILL)
        outcome = await workers.scan_text("lunch at noon?")  # was: "could not be checked" forever
        assert outcome.result.verdict is Verdict.CLEAN
        assert (await workers.scan_text("Mrs Ada Moss MRN 1234567")).result.phi
        assert workers.pids() and old not in workers.pids()
    finally:
        await workers.close()


async def test_when_a_scan_process_dies_mid_job_then_the_job_is_retried_once(
    tmp_path: Path,
) -> None:
    workers = _pool()
    try:
        await workers.start()
        outcome = await workers.scan_text(f"DIE-ONCE:{tmp_path / 'died'} Mrs Ada Moss")
        assert outcome.result.phi  # the retry on the fresh pool scanned it
        assert (tmp_path / "died").exists() and workers.replacements == 1
        with pytest.raises(DetectionError):
            await workers.scan_text("DIE-ALWAYS")  # retried once, then fails closed
        assert (await workers.scan_text("lunch")).result.verdict is Verdict.CLEAN
    finally:
        await workers.close()


async def test_when_a_dicom_decoder_aborts_in_a_worker_then_the_file_is_unscannable_and_the_worker_lives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GDCM's plugin made to `os.abort()` in the workers (and their decoders): pydicom's real
    `SC_rgb_small_odd_jpeg.dcm` comes back unscannable with the reason, not a dead pool."""
    from pydicom.data import get_testdata_file

    from tests.detect.dicom_decoders import aborting_gdcm_env

    monkeypatch.setenv("PYTHONPATH", aborting_gdcm_env(tmp_path, ROOT)["PYTHONPATH"])
    workers = _pool()
    try:
        await workers.start()
        [pid] = workers.pids()
        data = Path(get_testdata_file("SC_rgb_small_odd_jpeg.dcm")).read_bytes()
        result = await workers.scan_file(data, "odd.dcm")
        assert not result.scannable and "crashed its decoder" in (result.unscannable_reason or "")
        assert "SIGABRT" in (result.unscannable_reason or "")
        assert workers.pids() == [pid] and workers.replacements == 0  # nothing was lost
        assert (await workers.scan_text("lunch")).result.verdict is Verdict.CLEAN
    finally:
        await workers.close()


async def test_when_a_scan_runs_past_its_deadline_then_it_fails_closed_and_the_pool_recovers() -> (
    None
):
    workers = _pool(scan_timeout_seconds=1.0)
    try:
        await workers.start()
        started = time.monotonic()
        with pytest.raises(DetectionError):
            await workers.scan_text("HANG")
        assert time.monotonic() - started < 10  # the deadline, not the 60 s the scan wanted
        assert (await workers.scan_text("lunch")).result.verdict is Verdict.CLEAN
    finally:
        await workers.close()


async def test_when_no_scanner_can_run_then_healthz_check_fails_until_it_is_replaced() -> None:
    class _Up:
        async def ping(self) -> bool:
            return True

    workers = _pool()
    check = make_health_check(_Up(), scanner=workers)
    try:
        assert (await check())["scanner"]  # a lazy pool not started yet can still run
        await workers.start()
        assert all((await check()).values())
        [old] = workers.pids()
        os.kill(old, signal.SIGKILL)

        async def down() -> bool:
            return not (await check())["scanner"]

        async def up() -> bool:
            return bool((await check())["scanner"]) and bool(workers.pids())

        assert await _until(down, 5)
        assert await _until(up, 60)  # the watchdog replaced it without waiting for a post
    finally:
        await workers.close()


_PARENT = """
import asyncio, json, sys
from bot.config import Settings
from bot.scan_pool import ScanWorkers

async def main():
    workers = ScanWorkers(Settings(worker_processes=2), factory_path="tests.fakes:FakeEngine")
    await workers.start()
    print(json.dumps(workers.pids()), flush=True)
    await asyncio.sleep(3600)

asyncio.run(main())
"""


def test_when_the_parent_is_killed_then_its_scan_processes_exit() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    parent = subprocess.Popen(
        [sys.executable, "-c", _PARENT], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    try:
        assert parent.stdout is not None
        children = json.loads(parent.stdout.readline())
        assert len(children) == 2 and not any(_gone(p) for p in children)
        parent.send_signal(signal.SIGKILL)  # as `kill -9` of `phiwarden run`
        parent.wait(10)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not all(_gone(p) for p in children):
            time.sleep(0.2)
        left = [p for p in children if not _gone(p)]
        for pid in left:  # our own children only: do not leave them behind if the test fails
            os.kill(pid, signal.SIGKILL)
        assert not left, "scan processes outlived their parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()


_STOPPED_MID_SCAN = """
import asyncio, json, signal, sys
from bot.config import Settings
from bot.scan_pool import ScanWorkers

async def main():
    workers = ScanWorkers(
        Settings(worker_processes=1, scan_timeout_seconds=300), factory_path="tests.fakes:FakeEngine"
    )
    await workers.start()
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    print(json.dumps(workers.pids()), flush=True)
    scan = asyncio.create_task(workers.scan_text("HANG-MARK:" + sys.argv[1]))
    await stop.wait()
    scan.cancel()  # as the job queue's stop does to a job still running (it resumes later)
    await workers.close()  # then `phiwarden run` returns from main and the interpreter exits

asyncio.run(main())
"""


def test_when_stopped_mid_scan_then_the_process_exits_without_waiting_for_the_scan(
    tmp_path: Path,
) -> None:
    started = tmp_path / "scan-started"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    parent = subprocess.Popen(
        [sys.executable, "-c", _STOPPED_MID_SCAN, str(started)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    children: list[int] = []
    try:
        assert parent.stdout is not None
        children = json.loads(parent.stdout.readline())
        deadline = time.monotonic() + 30
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert started.exists(), "the scan never started"
        parent.send_signal(signal.SIGTERM)  # the scan sleeps 60 s in the worker
        parent.wait(15)
        assert parent.returncode == 0
        assert all(_gone(p) for p in children), "a busy scan process outlived its pool's close"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for pid in children:
            if not _gone(pid):
                os.kill(pid, signal.SIGKILL)
