"""Detection runs off the event loop: warm worker processes, or one thread in tests."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest

from bot.config import Settings
from bot.detect.types import MAX_SCAN_CHARS, Verdict
from bot.errors import DetectionError
from bot.scan_pool import ScanWorkers
from tests.fakes import FakeEngine


@pytest.mark.slow
async def test_a_process_pool_loads_the_engine_once_per_worker_and_scans() -> None:
    workers = ScanWorkers(Settings(worker_processes=2), factory_path="tests.fakes:FakeEngine")
    try:
        await workers.start()
        outcomes = await asyncio.gather(
            *(workers.scan_text(f"Mrs Ada Moss MRN 12345{i}") for i in range(8))
        )
        assert all(o.result.verdict is Verdict.PHI for o in outcomes)
        assert all(o.redacted and "12345" not in o.redacted for o in outcomes)
        clean = await workers.scan_text("lunch at noon")
        assert clean.result.verdict is Verdict.CLEAN and clean.redacted is None
        with pytest.raises(DetectionError):
            await workers.scan_text("EXPLODE")
    finally:
        await workers.close()


async def test_in_process_mode_keeps_the_event_loop_free() -> None:
    class SlowEngine(FakeEngine):
        def scan(self, text: str):  # type: ignore[no-untyped-def]
            time.sleep(0.3)
            return super().scan(text)

    workers = ScanWorkers(Settings(), engine=SlowEngine())
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    task = asyncio.create_task(ticker())
    try:
        await workers.scan_text("Mrs Ada Moss")
    finally:
        task.cancel()
        await workers.close()
    assert ticks >= 10  # the loop kept running while the scan slept in its thread


async def test_a_lazily_started_pool_starts_once_under_concurrent_scans() -> None:
    built: list[int] = []

    def factory() -> FakeEngine:
        built.append(1)
        time.sleep(0.05)  # slow enough that the scans below all arrive during the start
        return FakeEngine()

    workers = ScanWorkers(Settings(), engine_factory=factory)
    try:
        outcomes = await asyncio.gather(*(workers.scan_text("synthetic text") for _ in range(5)))
    finally:
        await workers.close()
    assert len(outcomes) == 5
    assert built == [1]


def test_lower_priority_raises_the_nice_value() -> None:
    import os
    import subprocess
    import sys

    code = (
        "import os; from bot.scan_pool import lower_priority; before = os.nice(0); "
        "lower_priority(3); print(before, os.nice(0))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    before, after = (int(v) for v in out.stdout.split())
    assert after == min(19, before + 3)


async def test_a_worker_is_sent_a_staff_directory_once_per_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot import scan_pool
    from bot.detect.staff import EMPTY, StaffDirectory

    seen: list[StaffDirectory] = []

    class StaffEngine(FakeEngine):
        def use_staff(self, staff: StaffDirectory) -> None:
            seen.append(staff)

    monkeypatch.setattr(scan_pool, "_ENGINE", StaffEngine())
    monkeypatch.setattr(scan_pool, "_STAFF", scan_pool.OrderedDict())
    staff = StaffDirectory(["Priya Ravel"])
    # Only the version first: a worker that has not seen it asks for the directory.
    assert scan_pool._worker_analyse("lunch", None, staff.version) is None
    assert scan_pool._worker_analyse("lunch", None, None, staff) is not None
    assert scan_pool._worker_analyse("lunch", None, staff.version) is not None
    assert seen == [staff, staff]
    # A scan without a directory never inherits the previous workspace's.
    scan_pool._worker_analyse("lunch")
    assert seen[-1] is EMPTY
    # Old versions age out instead of growing without bound.
    for _ in range(scan_pool.STAFF_KEPT):
        scan_pool._worker_analyse("lunch", None, None, StaffDirectory(["Kenji Oduya"]))
    assert scan_pool._worker_analyse("lunch", None, staff.version) is None


async def test_when_a_text_is_longer_than_one_scan_reads_then_it_fails_closed_not_in_part() -> None:
    workers = ScanWorkers(Settings(), engine=FakeEngine())
    try:
        ok = await workers.scan_text("a" * (MAX_SCAN_CHARS - 30) + " Mrs Ada Moss MRN 12345678")
        assert ok.result.verdict is Verdict.PHI  # within the limit: read to its end
        with pytest.raises(DetectionError):  # not cut at the limit and passed as clean
            await workers.scan_text(
                "ward round " * (MAX_SCAN_CHARS // 11) + "Mrs Ada Moss MRN 1234"
            )
    finally:
        await workers.close()


async def test_when_an_in_process_scan_runs_past_its_deadline_then_later_scans_fail_closed_until_it_ends() -> (
    None
):
    class StallingEngine(FakeEngine):
        def __init__(self) -> None:
            super().__init__()
            self.release = threading.Event()
            self.inside = self.most_inside = 0

        def scan(self, text: str):  # type: ignore[no-untyped-def]
            self.inside += 1
            self.most_inside = max(self.most_inside, self.inside)
            try:
                if text == "STALL":
                    self.release.wait(30)
                return super().scan(text)
            finally:
                self.inside -= 1

    engine = StallingEngine()
    workers = ScanWorkers(Settings(scan_timeout_seconds=0.3), engine=engine)
    try:
        with pytest.raises(DetectionError):
            await workers.scan_text("STALL")
        assert not await workers.ping()  # /healthz: the only scan thread is busy
        started = time.monotonic()
        with pytest.raises(DetectionError):  # fails closed at once, not after its own deadline
            await workers.scan_text("lunch at noon")
        assert time.monotonic() - started < 0.25
        assert engine.most_inside == 1  # never a second scan beside the stuck one
        engine.release.set()
        for _ in range(100):
            if await workers.ping():
                break
            await asyncio.sleep(0.02)
        assert (await workers.scan_text("lunch at noon")).result.verdict is Verdict.CLEAN
    finally:
        engine.release.set()
        await workers.close()


async def test_workers_of_one_deployment_map_dicom_uids_alike_and_apply_its_dicom_settings() -> (
    None
):
    """Two workers (or one before and after a restart) share the deployment's DICOM key, so a
    study reposted from either stays one study; date shifts and PS3.15 options apply too."""
    import io

    import pydicom

    data = (Path(pydicom.__file__).parent / "data" / "test_files" / "test-SR.dcm").read_bytes()
    settings = Settings(
        dicom_uid_key="d" * 32, dicom_shift_dates=True, dicom_options=["retain_device_identity"]
    )
    outs = []
    for _ in range(2):
        workers = ScanWorkers(settings, engine=FakeEngine())
        try:
            result = await workers.scan_file(data, "report.dcm")
        finally:
            await workers.close()
        assert result.redacted is not None
        outs.append(pydicom.dcmread(io.BytesIO(result.redacted)))
    first, second = outs
    assert first.StudyInstanceUID == second.StudyInstanceUID
    assert first.SOPInstanceUID == second.SOPInstanceUID
    codes = {item.CodeValue for item in first.DeidentificationMethodCodeSequence}
    assert {"113107", "113109"} <= codes  # modified dates, retain device identity


async def test_a_stuck_decoder_is_a_reason_within_the_file_deadline_not_a_timeout() -> None:
    """The decoder child gets a share of the time left to `file_scan_timeout_seconds`, so a
    stuck one makes the file unscannable before the pool gives up on the scan (and, in a
    worker, kills it with the file)."""
    import pydicom

    from bot.detect.dicom_decode import IsolatedDecoder
    from bot.detect.image_faces import NoFaceDetector
    from bot.detect.images import ImageScanner
    from tests.detect import dicom_decoders
    from tests.detect.image_fakes import FakeOcr, FakeTextEngine

    data = Path(pydicom.__file__).parent / "data" / "test_files" / "SC_rgb_small_odd_jpeg.dcm"
    scanner = ImageScanner(FakeTextEngine(), FakeOcr([], 3), NoFaceDetector())
    scanner.dicom.decoder = IsolatedDecoder(dicom_decoders.sleep)
    workers = ScanWorkers(
        Settings(file_scan_timeout_seconds=4), engine=FakeEngine(), image_scanner=scanner
    )
    try:
        result = await workers.scan_file(data.read_bytes(), "odd.dcm")
    finally:
        await workers.close()
        scanner.dicom.decoder.close()
    assert not result.scannable
    assert "decoding took longer than 3" in (result.unscannable_reason or "")
