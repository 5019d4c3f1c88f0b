"""Detection off the event loop: a pool of warm worker processes, or a thread for tests.

spaCy and Presidio are CPU-bound and slow to load, so each worker process loads the
`TextEngine` once in its initializer and keeps it. The event loop only awaits futures.
`in_process=True` runs the same code in one background thread with an engine loaded in this
process (tests share one engine per session instead of spawning pools).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from bot.config import Settings
from bot.detect.types import ImageScanResult, ScanResult
from bot.detect.vocabulary import Vocabulary, apply_vocabulary
from bot.errors import DetectionError
from bot.logging import log_event

if TYPE_CHECKING:
    from bot.detect.images import ImageScanner

log = logging.getLogger(__name__)

# Slack caps a message at 40,000 characters; anything longer is scanned in full anyway, but
# this bound keeps one hostile payload from pinning a worker.
MAX_SCAN_CHARS = 60_000


class Engine(Protocol):
    def scan(self, text: str) -> ScanResult: ...
    def redact(self, text: str, result: ScanResult | None = None) -> str: ...


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


def analyse(engine: Engine, text: str, vocabulary: Vocabulary | None = None) -> TextOutcome:
    text = text[:MAX_SCAN_CHARS]
    result = apply_vocabulary(text, engine.scan(text), vocabulary)
    redacted = engine.redact(text, result) if result.findings else None
    return TextOutcome(result=result, redacted=redacted)


# Per-process engine for pool workers, set by the initializer; the image scanner (OCR, faces)
# is built on first use, so text-only deployments never load it.
_ENGINE: Engine | None = None
_IMAGES: ImageScanner | None = None


def _image_scanner(engine: Engine, settings: Settings) -> ImageScanner:
    from bot.detect.images import ImageScanner

    return ImageScanner(
        text_engine=engine,
        ocr_engine=settings.ocr_engine,
        institutions=settings.institutions,
        max_bytes=settings.max_file_bytes,
    )


def analyse_file(scanner: ImageScanner, data: bytes, filename: str | None) -> ImageScanResult:
    """`ImageScanResult` for one file (unscannable types come back as such, not raised)."""
    return scanner.scan(data, filename)


def _worker_analyse_file(data: bytes, filename: str | None, settings_json: str) -> ImageScanResult:
    global _IMAGES
    if _ENGINE is None:
        raise RuntimeError("worker engine not loaded")
    if _IMAGES is None:
        _IMAGES = _image_scanner(_ENGINE, Settings.model_validate_json(settings_json))
    return analyse_file(_IMAGES, data, filename)


def lower_priority(increment: int) -> None:
    """Nice this process by `increment` so scans yield the CPU to the ack path's event loop."""
    import os

    if increment > 0 and hasattr(os, "nice"):
        try:
            os.nice(increment)
        except OSError:  # not permitted here: run at the inherited priority
            log_event(log, logging.WARNING, "could not lower scan worker priority")


def _init_worker(settings_json: str, factory_path: str | None, nice: int = 0) -> None:
    global _ENGINE
    lower_priority(nice)
    if factory_path:  # "module:callable", e.g. a fake engine in tests
        import importlib

        module_name, _, attr = factory_path.partition(":")
        _ENGINE = getattr(importlib.import_module(module_name), attr)()
    else:
        _ENGINE = load_engine(Settings.model_validate_json(settings_json))


def _worker_analyse(text: str, vocabulary: Vocabulary | None = None) -> TextOutcome:
    if _ENGINE is None:
        raise RuntimeError("worker engine not loaded")
    return analyse(_ENGINE, text, vocabulary)


def _worker_ping() -> int:
    import os

    return os.getpid()


class ScanWorkers:
    """Runs `analyse` in warm workers; `scan_text` raises `DetectionError` on any failure."""

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

    def _make_executor(self) -> Executor:
        if self.in_process:
            return ThreadPoolExecutor(max_workers=1, thread_name_prefix="phiwarden-scan")
        # spawn, not fork: forking a process that runs an event loop and holds sockets is unsafe.
        return ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.settings.model_dump_json(), self.factory_path, self.settings.scan_nice),
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

    async def scan_text(self, text: str, vocabulary: Vocabulary | None = None) -> TextOutcome:
        """Scan `text`, with the workspace's `vocabulary` applied (`bot.detect.vocabulary`)."""
        await self.start()
        assert self._executor is not None
        loop = asyncio.get_running_loop()
        try:
            if self.in_process:
                engine = self._engine
                assert engine is not None
                return await loop.run_in_executor(self._executor, analyse, engine, text, vocabulary)
            return await loop.run_in_executor(self._executor, _worker_analyse, text, vocabulary)
        except Exception as exc:  # the detector failed: callers fail closed
            raise DetectionError(f"text scan failed ({type(exc).__name__})") from None

    async def scan_file(self, data: bytes, filename: str | None = None) -> ImageScanResult:
        """Scan one image or DICOM file in the workers; raises `DetectionError` on failure."""
        await self.start()
        assert self._executor is not None
        loop = asyncio.get_running_loop()
        try:
            if self.in_process:
                if self._images is None:
                    engine = self._engine
                    assert engine is not None
                    self._images = await loop.run_in_executor(
                        self._executor, _image_scanner, engine, self.settings
                    )
                return await loop.run_in_executor(
                    self._executor, analyse_file, self._images, data, filename
                )
            return await loop.run_in_executor(
                self._executor,
                _worker_analyse_file,
                data,
                filename,
                self.settings.model_dump_json(),
            )
        except DetectionError:
            raise
        except Exception as exc:
            raise DetectionError(f"file scan failed ({type(exc).__name__})") from None

    async def close(self) -> None:
        if self._starting is not None and not self._starting.done():
            self._starting.cancel()
        self._starting = None
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
