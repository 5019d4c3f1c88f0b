"""Compressed DICOM pixel data decoded in a child process, so a decoder that crashes fails closed.

pydicom hands compressed pixel data to native plugins (GDCM first for every JPEG and JPEG 2000
syntax, then pylibjpeg's libjpeg/OpenJPEG, Pillow, CharLS), C and C++ code parsing bytes from
whoever posted the file. One that aborts or segfaults on a crafted (or merely odd) fragment
takes its process with it: in a scan worker that broke the whole pool, whose other scans in
flight were tried again beside the same file and could die with it ("scan process died twice",
a detector failure, not a verdict), and in `phiwarden redact-image` or the demo it ended the
program. Here the decode runs in one warm child per scanner (a fresh interpreter, so it shares no
threads or locks with OCR); a child that dies makes that file `unscannable` with the signal that killed it,
and the next file gets a fresh child. Native (uncompressed) pixel data is read by numpy alone
and stays in-process.

The child is sent only what decoding needs (file meta, the Image Pixel group 0028, the pixel
data group 7FE0), never the patient's header. It exits when its parent goes: idle, `recv` on the
pipe meets end-of-file once the parent's end is closed; busy in a decoder's native code (which
may hold the GIL, so no watcher thread would run), the kernel kills it, since it asks Linux for
SIGKILL on its parent's death (`prctl(PR_SET_PDEATHSIG)`). Without that, a worker the pool killed
at its file deadline left a stuck child re-parented to PID 1, busy and holding the pixel data.
The decode's time limit is what is left of the scan's deadline (`scan_deadline`), so a stuck
decoder is a reason before the pool kills the worker, not a lost worker. Its stderr goes nowhere:
a plugin's warnings and tracebacks would bypass our log filters (they may quote header text).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import weakref
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.errors import UnscannableError

if TYPE_CHECKING:
    import numpy as np
    from pydicom.dataset import Dataset

DECODE_TIMEOUT_SECONDS = 100.0  # without a scan deadline (the CLI); the pool's sets one
DEADLINE_SHARE = 0.8  # of the time left to the scan deadline, the rest for OCR and writing
PIXEL_GROUPS = (0x0028, 0x7FE0)  # Image Pixel module and the pixel data itself
PR_SET_PDEATHSIG = 1  # linux/prctl.h
_deadline: float | None = None  # wall-clock end of the scan in progress (`scan_deadline`)


@contextlib.contextmanager
def scan_deadline(deadline: float | None) -> Iterator[None]:
    """Decodes inside run within `deadline` (a `time.time()`, shared across processes: the pool
    sets it when it submits the scan, and kills the worker then)."""
    global _deadline
    saved, _deadline = _deadline, deadline
    try:
        yield
    finally:
        _deadline = saved


def die_with_parent(parent_pid: int) -> None:
    """Have the kernel SIGKILL this process when its parent dies (Linux); exit now if it has."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:  # died before the request took effect
        os._exit(0)


Decode = Callable[["Dataset"], "np.ndarray"]


def decode_pixels(ds: Dataset) -> np.ndarray:
    """What the child runs: pydicom's own decode with whichever plugin it picks."""
    return ds.pixel_array


def pixel_part(ds: Dataset) -> Dataset:
    """A data set with `ds`'s file meta and pixel groups only (what a decoder reads)."""
    from pydicom.dataset import Dataset as DS
    from pydicom.dataset import FileMetaDataset

    part = DS()
    for elem in ds:
        if elem.tag.group in PIXEL_GROUPS:
            part.add(elem)
    meta = FileMetaDataset()
    meta.TransferSyntaxUID = ds.file_meta.TransferSyntaxUID
    part.file_meta = meta
    part.set_original_encoding(False, True)  # every compressed syntax is explicit VR LE
    return part


def serve(fd: int, path: list[str], parent_pid: int = 0) -> None:
    """The child's loop on socket `fd`: decode what comes, send back the array or the error."""
    if parent_pid:
        die_with_parent(parent_pid)
    sys.path[:0] = [p for p in path if p not in sys.path]
    conn = Connection(fd)
    while True:
        try:
            decode, part = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        try:
            reply: tuple[str, Any] = ("ok", decode(part))
        except Exception as exc:  # any plugin error is a reply, not a crash
            reply = ("error", f"{type(exc).__name__}: {exc}"[:300])
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


def _path() -> list[str]:
    """Where the child finds `bot` (and a test's decode function): this process's path."""
    root = str(Path(__file__).resolve().parents[2])
    return [root, *(p for p in sys.path if p and p != root)]


def _pythonpath() -> list[str]:
    value = os.environ.get("PYTHONPATH")
    return value.split(os.pathsep) if value else []


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return signal.Signals(-exitcode).name
        except ValueError:
            return f"signal {-exitcode}"
    return f"exit status {exitcode}"


class IsolatedDecoder:
    """Decodes compressed pixel data in a child process; a dead or stuck child is unscannable.

    `decode` runs in the child and must be importable there (a module-level function)."""

    def __init__(
        self, decode: Decode = decode_pixels, *, timeout: float = DECODE_TIMEOUT_SECONDS
    ) -> None:
        self.decode = decode
        self.timeout = timeout
        self._child: subprocess.Popen[bytes] | None = None
        self._conn: Connection | None = None
        self.deaths = 0  # children lost to a crash or the deadline (for tests and logs)
        self._finalizer: weakref.finalize[Any, Any] | None = None

    def _start(self) -> Connection:
        if self._child is not None and self._child.poll() is None and self._conn is not None:
            return self._conn
        self.close()
        ours, theirs = socket.socketpair()
        # A plain interpreter, not multiprocessing's spawn: that re-imports the parent's main
        # module, which a script without a `__main__` guard would run again in the child.
        args = f"{theirs.fileno()}, {_path()!r}, {os.getpid()}"
        code = f"from bot.detect.dicom_decode import serve; serve({args})"
        with theirs:  # only the child keeps its end: its recv sees EOF when we go
            self._child = subprocess.Popen(
                [sys.executable, "-c", code],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                pass_fds=(theirs.fileno(),),
                env={**os.environ, "PYTHONPATH": os.pathsep.join(_path()[:1] + _pythonpath())},
            )
        # On interpreter exit too (a worker the pool shuts down); a killed one has PDEATHSIG.
        self._finalizer = weakref.finalize(self, _stop, self._child)
        self._conn = Connection(ours.detach())
        return self._conn

    def _time_limit(self) -> float:
        """Seconds this decode may take: a share of what is left of the scan's deadline."""
        if _deadline is None:
            return self.timeout
        return max(0.0, (_deadline - time.time()) * DEADLINE_SHARE)

    def __call__(self, ds: Dataset, syntax_name: str) -> np.ndarray:
        """`ds`'s pixels as pydicom decodes them; `UnscannableError` naming `syntax_name` when
        the decoder raises, crashes its process or runs past the deadline."""
        limit = self._time_limit()
        if limit <= 0:
            raise UnscannableError(f"DICOM pixel data ({syntax_name}): no time left to decode")
        conn = self._start()
        try:
            conn.send((self.decode, pixel_part(ds)))
            ready = conn.poll(limit)
            reply = conn.recv() if ready else None
        except (EOFError, BrokenPipeError, ConnectionResetError) as exc:
            raise UnscannableError(self._lost(syntax_name)) from exc
        if reply is None:
            self.deaths += 1
            self.close()
            raise UnscannableError(
                f"DICOM pixel data ({syntax_name}): decoding took longer than {round(limit, 1):g} s"
            )
        status, value = reply
        if status != "ok":
            raise UnscannableError(
                f"DICOM pixel data ({syntax_name}) cannot be decoded by the installed packages"
            )
        array: np.ndarray = value
        return array

    def _lost(self, syntax_name: str) -> str:
        """The reason for a child that died under a decode (it is reaped and forgotten)."""
        proc = self._child
        code = None
        if proc is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                code = proc.wait(5)
        self.deaths += 1
        self.close()
        return (
            f"DICOM pixel data ({syntax_name}) crashed its decoder (the decoding process died: "
            f"{_death(code)})"
        )

    def close(self) -> None:
        """Stop the child (the next decode starts another)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        proc = self._child
        self._child = None
        if self._finalizer is not None:
            self._finalizer.detach()
            self._finalizer = None
        if proc is not None:
            _stop(proc)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Kill `proc` if it still runs, and reap it."""
    if proc.poll() is None:
        proc.kill()
    proc.wait()
