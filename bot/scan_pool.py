"""Detection off the event loop: a supervised pool of warm worker processes, or a thread for tests.

spaCy and Presidio are CPU-bound and slow to load, so each worker process loads the
`TextEngine` once in its initializer and keeps it. The event loop only awaits futures.
`in_process=True` runs the same code in one background thread with an engine loaded in this
process (tests and `phiwarden demo` share one engine instead of spawning pools). A thread cannot
be stopped: a scan past its deadline there fails closed and keeps the scanner until it ends, so
later scans fail closed at once (never run beside it on the shared engine, never queue behind
it) and `ping()` is false meanwhile. Only the process pool stops a stuck scan; `phiwarden run`
and `phiwarden worker` always use it.

The pool is supervised, because every post waits on it (issue 11, item 8):
- a scan that runs past its deadline (`scan_timeout_seconds`, `file_scan_timeout_seconds`)
  raises `DetectionError`, so the channel's failure action applies, and the pool's processes
  are killed and replaced: the next post must not queue behind a stuck scan;
- a worker that dies (`kill -9`, the out-of-memory killer on a big image) breaks a
  `ProcessPoolExecutor` for good, so the pool is replaced and the job that was in flight is
  tried once more; a watchdog replaces a pool that broke while idle;
- `ping()` (for `/healthz`) is false while no scanner can run: a pool being replaced, or one
  whose start failed;
- each worker exits by itself within a second of its parent's death, so a `kill -9` of
  `phiwarden run` leaves no 200 MB orphans behind (they ignore SIGTERM while busy).
The supervision reads two attributes of CPython's `ProcessPoolExecutor` (`_processes`,
`_broken`); both have been there since Python 3.8.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ParamSpec, Protocol, TypeVar

from bot.config import Settings
from bot.detect.staff import EMPTY, StaffDirectory
from bot.detect.types import MAX_SCAN_CHARS, ImageScanResult, ScanResult
from bot.detect.vocabulary import Vocabulary, apply_vocabulary
from bot.errors import DetectionError
from bot.logging import log_event

if TYPE_CHECKING:
    from bot.detect.images import ImageScanner

log = logging.getLogger(__name__)
_P = ParamSpec("_P")
_T = TypeVar("_T")

# Workspaces' staff directories a worker keeps (by version), so a scan sends only a token.
STAFF_KEPT = 32


class Engine(Protocol):
    """What a scan needs of `TextEngine` (test doubles implement it too)."""

    def scan(self, text: str) -> ScanResult: ...
    def redact(self, text: str, result: ScanResult | None = None) -> str: ...

    def use_staff(self, staff: StaffDirectory) -> None:
        """Read these people as staff in the scans that follow (a double may ignore it)."""


@dataclass(frozen=True, slots=True)
class TextOutcome:
    """What one scan produced: the result, and the de-identified text when there were findings."""

    result: ScanResult
    redacted: str | None


def load_engine(settings: Settings) -> Engine:
    """The configured `TextEngine`, loaded (slow: seconds)."""
    from bot.detect.engine import TextEngine

    engine: Engine = TextEngine.from_settings(settings)
    # Warm the NLP pipeline so the first real post is not the slow one.
    engine.scan("warm-up")
    return engine


def analyse(
    engine: Engine,
    text: str,
    vocabulary: Vocabulary | None = None,
    staff: StaffDirectory | None = None,
) -> TextOutcome:
    """Scan `text` with the workspace's vocabulary and people; every scan path runs this."""
    if len(text) > MAX_SCAN_CHARS:
        raise DetectionError(f"text longer than one scan reads ({MAX_SCAN_CHARS:,} characters)")
    # Every scan sets it, so no workspace's people carry over to another's scan.
    engine.use_staff(staff or EMPTY)
    result = apply_vocabulary(text, engine.scan(text), vocabulary)
    redacted = engine.redact(text, result) if result.findings else None
    return TextOutcome(result=result, redacted=redacted)


# Per-process engine for pool workers, set by the initializer; the image scanner (OCR, faces)
# is built on first use, so text-only deployments never load it.
_ENGINE: Engine | None = None
_IMAGES: ImageScanner | None = None
_STAFF: OrderedDict[str, StaffDirectory] = OrderedDict()


def _image_scanner(engine: Engine, settings: Settings) -> ImageScanner:
    """The worker's scanner, built from settings as the CLI builds it: without the deployment's
    DICOM key each worker would draw its own, so one study's UIDs would differ between workers
    and across restarts, and `DICOM_SHIFT_DATES` and `DICOM_OPTIONS` would go unheard."""
    from bot.detect.images import ImageScanner

    return ImageScanner.from_settings(settings, text_engine=engine)


def analyse_file(
    scanner: ImageScanner, data: bytes, filename: str | None, deadline: float | None = None
) -> ImageScanResult:
    """`ImageScanResult` for one file (unscannable types come back as such, not raised). A
    compressed DICOM's decoder child gets part of the time left to `deadline` (`time.time()`, when
    the pool gives up on the scan), so a stuck decoder is a reason, not a killed worker."""
    from bot.detect.dicom_decode import scan_deadline

    with scan_deadline(deadline):
        return scanner.scan(data, filename)


def _worker_analyse_file(
    data: bytes, filename: str | None, settings_json: str, deadline: float | None = None
) -> ImageScanResult:
    global _IMAGES
    if _ENGINE is None:
        raise RuntimeError("worker engine not loaded")
    if _IMAGES is None:
        _IMAGES = _image_scanner(_ENGINE, Settings.model_validate_json(settings_json))
    return analyse_file(_IMAGES, data, filename, deadline)


def lower_priority(increment: int) -> None:
    """Nice this process by `increment` so scans yield the CPU to the ack path's event loop."""
    import os

    if increment > 0 and hasattr(os, "nice"):
        try:
            os.nice(increment)
        except OSError:  # not permitted here: run at the inherited priority
            log_event(log, logging.WARNING, "could not lower scan worker priority")


PARENT_CHECK_SECONDS = 1.0


def watch_parent(parent_pid: int, interval: float = PARENT_CHECK_SECONDS) -> None:
    """Exit this process as soon as `parent_pid` is no longer its parent (the parent died and
    the process was re-parented). A daemon thread: it needs no cooperation from a busy scan."""
    import os
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(interval)
        os._exit(0)

    threading.Thread(target=watch, name="phiwarden-parent-watch", daemon=True).start()


def _init_worker(
    settings_json: str, factory_path: str | None, nice: int = 0, parent_pid: int = 0
) -> None:
    global _ENGINE
    if parent_pid:
        watch_parent(parent_pid)
    lower_priority(nice)
    if factory_path:  # "module:callable", e.g. a fake engine in tests
        import importlib

        module_name, _, attr = factory_path.partition(":")
        _ENGINE = getattr(importlib.import_module(module_name), attr)()
    else:
        _ENGINE = load_engine(Settings.model_validate_json(settings_json))


def _worker_analyse(
    text: str,
    vocabulary: Vocabulary | None = None,
    staff_version: str | None = None,
    staff: StaffDirectory | None = None,
) -> TextOutcome | None:
    """The outcome; None when this worker does not hold directory `staff_version` yet (the
    caller then sends it whole, once per worker and version)."""
    if _ENGINE is None:
        raise RuntimeError("worker engine not loaded")
    directory: StaffDirectory | None = None
    if staff is not None:
        directory = _STAFF[staff.version] = staff
        while len(_STAFF) > STAFF_KEPT:
            _STAFF.popitem(last=False)
    elif staff_version is not None:
        directory = _STAFF.get(staff_version)
        if directory is None:
            return None
    if directory is not None:
        _STAFF.move_to_end(directory.version)
    return analyse(_ENGINE, text, vocabulary, directory)


def _worker_ping() -> int:
    import os

    return os.getpid()


def _kill_workers(executor: Executor) -> None:
    """Kill a process pool's workers (a thread pool's cannot be) and shut the pool down."""
    processes = getattr(executor, "_processes", None) or {}
    for proc in list(processes.values()):
        if proc.is_alive():
            proc.kill()
    executor.shutdown(wait=False, cancel_futures=True)


class ScanWorkers:
    """Runs `analyse` in warm, supervised workers; scans raise `DetectionError` on any failure."""

    WATCH_SECONDS = 1.0

    def __init__(
        self,
        settings: Settings,
        *,
        processes: int | None = None,
        engine: Engine | None = None,
        engine_factory: Callable[[], Engine] | None = None,
        in_process: bool = False,
        factory_path: str | None = None,
        image_scanner: ImageScanner | None = None,
    ) -> None:
        self.settings = settings
        self.factory_path = factory_path
        self.in_process = in_process or engine is not None or engine_factory is not None
        self._engine = engine
        self._engine_factory = engine_factory
        self.processes = max(1, processes if processes is not None else settings.worker_processes)
        self._executor: Executor | None = None
        self._images = image_scanner  # in-process mode: tests share one per session
        self._starting: asyncio.Future[None] | None = None
        self._watchdog: asyncio.Task[None] | None = None
        self._down = False  # a pool died or timed out and its replacement is not ready yet
        self._stuck: Future[Any] | None = None  # in-process: a scan past its deadline, running
        self.replacements = 0

    def _make_executor(self) -> Executor:
        if self.in_process:
            return ThreadPoolExecutor(max_workers=1, thread_name_prefix="phiwarden-scan")
        import os

        # spawn, not fork: forking a process that runs an event loop and holds sockets is unsafe.
        return ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(
                self.settings.model_dump_json(),
                self.factory_path,
                self.settings.scan_nice,
                os.getpid(),
            ),
        )

    async def start(self) -> None:
        """Create the pool and wait until every worker has loaded its engine.

        Concurrent callers (a lazily started pool meeting two scans at once) share one start.
        """
        starting = self._starting
        if (
            starting is not None
            and starting.done()
            and not starting.cancelled()
            and starting.exception() is None
        ):
            return
        if starting is None or starting.done():  # first call, or a failed start: try again
            starting = self._starting = asyncio.ensure_future(self._start())
        await asyncio.shield(starting)

    async def _start(self) -> None:
        if self._executor is not None:  # a previous start failed part-way
            self._executor.shutdown(wait=False, cancel_futures=True)
        try:
            await self._start_pool()
        except BaseException:
            self._down = True
            raise
        self._down = False
        if not self.in_process and self._watchdog is None:
            self._watchdog = asyncio.create_task(self._watch())

    async def _start_pool(self) -> None:
        self._executor = self._make_executor()
        loop = asyncio.get_running_loop()
        if self.in_process:
            if self._engine is None:
                factory = self._engine_factory or (lambda: load_engine(self.settings))
                self._engine = await loop.run_in_executor(self._executor, factory)
            return
        pids: Sequence[int] = await asyncio.gather(
            *(loop.run_in_executor(self._executor, _worker_ping) for _ in range(self.processes))
        )
        log_event(
            log, logging.INFO, "scan workers ready", count=self.processes, replicas=len(set(pids))
        )

    def pids(self) -> list[int]:
        """Process ids of the pool's live workers (none in in-process mode)."""
        processes = getattr(self._executor, "_processes", None) or {}
        return [p.pid for p in list(processes.values()) if p.pid is not None and p.is_alive()]

    def _broken(self, executor: Executor | None) -> bool:
        if not isinstance(executor, ProcessPoolExecutor):
            return False
        processes = getattr(executor, "_processes", None) or {}
        dead = any(not p.is_alive() for p in list(processes.values()))
        return bool(getattr(executor, "_broken", False)) or dead

    def _still_stuck(self) -> bool:
        if self._stuck is not None and self._stuck.done():
            self._stuck = None
        return self._stuck is not None

    async def ping(self) -> bool:
        """False while no scanner can run (for `/healthz`). A lazy pool not yet started can."""
        if self._down or self._still_stuck():
            return False
        starting = self._starting
        if starting is not None and starting.done():
            if starting.cancelled() or starting.exception() is not None:
                return False
            return not self._broken(self._executor)
        return True

    async def _replace(self, executor: Executor | None, reason: str) -> None:
        """Kill `executor`'s workers and forget it; the next scan (or the watchdog) starts a new
        pool. A no-op when another caller replaced it already."""
        if executor is None or self._executor is not executor:
            return
        self._down = True
        self._executor = None
        if self._starting is not None and not self._starting.done():
            self._starting.cancel()
        self._starting = None
        _kill_workers(executor)
        self.replacements += 1
        log_event(
            log, logging.ERROR, "scan pool replaced", reason=reason, replacements=self.replacements
        )

    async def _watch(self) -> None:
        """Replace a pool whose worker died while idle, so the next post does not find it
        broken (and `/healthz` recovers without waiting for a post)."""
        while True:
            await asyncio.sleep(self.WATCH_SECONDS)
            executor = self._executor
            if executor is not None and self._broken(executor):
                await self._replace(executor, "a scan process died")
            if self._executor is None and self._down:
                # A failed start leaves the pool down (`ping` false); try again next tick.
                with contextlib.suppress(Exception):
                    await self.start()

    async def _call(
        self, timeout: float, fn: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs
    ) -> _T:
        """Run `fn(*args)` in the pool within `timeout` seconds; once more on a fresh pool if a
        worker died under it."""
        for attempt in (1, 2):
            if self._still_stuck():
                raise DetectionError("the scan thread is still busy with a scan past its deadline")
            await self.start()
            executor = self._executor
            assert executor is not None
            running = executor.submit(fn, *args, **kwargs)
            try:
                return await asyncio.wait_for(asyncio.wrap_future(running), timeout)
            except TimeoutError:
                if self.in_process:  # a thread cannot be killed: keep it, refuse until it ends
                    self._stuck = running
                    log_event(log, logging.ERROR, "scan thread ran past its deadline")
                else:
                    await self._replace(executor, "a scan ran past its deadline")
                raise DetectionError(f"scan took longer than {timeout:g} s") from None
            except BrokenProcessPool:
                await self._replace(executor, "a scan process died")
                if attempt == 2:
                    raise DetectionError("scan process died twice on this job") from None
        raise AssertionError("unreachable")

    async def scan_text(
        self,
        text: str,
        vocabulary: Vocabulary | None = None,
        staff: StaffDirectory | None = None,
    ) -> TextOutcome:
        """Scan `text`, with the workspace's `vocabulary` applied (`bot.detect.vocabulary`)
        and its people (`staff`, `bot.detect.staff`) read as staff.

        A pool worker is sent the directory's version first and the directory itself only if
        it does not hold that version yet, so a workspace of thousands costs its hashes once
        per worker and refresh, not on every post.
        """
        timeout = self.settings.scan_timeout_seconds
        if staff is not None and not len(staff):
            staff = None
        try:
            if self.in_process:
                await self.start()
                engine = self._engine
                assert engine is not None
                return await self._call(timeout, analyse, engine, text, vocabulary, staff)
            version = staff.version if staff is not None else None
            outcome = await self._call(timeout, _worker_analyse, text, vocabulary, version)
            if outcome is None:  # this worker has not seen that directory yet
                outcome = await self._call(timeout, _worker_analyse, text, vocabulary, None, staff)
            if outcome is None:
                raise RuntimeError("worker refused the staff directory")
            return outcome
        except DetectionError:
            raise
        except Exception as exc:  # the detector failed: callers fail closed
            raise DetectionError(f"text scan failed ({type(exc).__name__})") from None

    async def scan_file(self, data: bytes, filename: str | None = None) -> ImageScanResult:
        """Scan one image or DICOM file in the workers; raises `DetectionError` on failure."""
        timeout = self.settings.file_scan_timeout_seconds
        try:
            if self.in_process:
                await self.start()
                if self._images is None:
                    engine = self._engine
                    assert engine is not None
                    self._images = await self._call(timeout, _image_scanner, engine, self.settings)
                deadline = time.time() + timeout
                return await self._call(
                    timeout, analyse_file, self._images, data, filename, deadline
                )
            settings_json = self.settings.model_dump_json()
            deadline = time.time() + timeout
            return await self._call(
                timeout, _worker_analyse_file, data, filename, settings_json, deadline
            )
        except DetectionError:
            raise
        except Exception as exc:
            raise DetectionError(f"file scan failed ({type(exc).__name__})") from None

    async def close(self) -> None:
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        if self._starting is not None and not self._starting.done():
            self._starting.cancel()
        self._starting = None
        if self._executor is not None:
            # Kill, not just shut down: a scan still running belongs to a job the queue has
            # already handed back (it resumes elsewhere), and the interpreter's exit joins the
            # pool's processes, so one busy worker (they ignore SIGTERM) kept `phiwarden run`
            # alive after SIGTERM until its scan ended, or for good if it never did.
            _kill_workers(self._executor)
            self._executor = None
