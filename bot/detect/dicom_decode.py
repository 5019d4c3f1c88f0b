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
data group 7FE0), never the patient's header. It exits when its parent goes: `recv` on the pipe
meets end-of-file once the parent's end is closed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.errors import UnscannableError

if TYPE_CHECKING:
    import numpy as np
    from pydicom.dataset import Dataset

DECODE_TIMEOUT_SECONDS = 100.0  # under the pool's file scan deadline (120 s by default)
PIXEL_GROUPS = (0x0028, 0x7FE0)  # Image Pixel module and the pixel data itself

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


def serve(fd: int, path: list[str]) -> None:
    """The child's loop on socket `fd`: decode what comes, send back the array or the error."""
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

    def _start(self) -> Connection:
        if self._child is not None and self._child.poll() is None and self._conn is not None:
            return self._conn
        self.close()
        ours, theirs = socket.socketpair()
        # A plain interpreter, not multiprocessing's spawn: that re-imports the parent's main
        # module, which a script without a `__main__` guard would run again in the child.
        code = f"from bot.detect.dicom_decode import serve; serve({theirs.fileno()}, {_path()!r})"
        with theirs:  # only the child keeps its end: its recv sees EOF when we go
            self._child = subprocess.Popen(
                [sys.executable, "-c", code],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                pass_fds=(theirs.fileno(),),
                env={**os.environ, "PYTHONPATH": os.pathsep.join(_path()[:1] + _pythonpath())},
            )
        self._conn = Connection(ours.detach())
        return self._conn

    def __call__(self, ds: Dataset, syntax_name: str) -> np.ndarray:
        """`ds`'s pixels as pydicom decodes them; `UnscannableError` naming `syntax_name` when
        the decoder raises, crashes its process or runs past the deadline."""
        conn = self._start()
        try:
            conn.send((self.decode, pixel_part(ds)))
            ready = conn.poll(self.timeout)
            reply = conn.recv() if ready else None
        except (EOFError, BrokenPipeError, ConnectionResetError) as exc:
            raise UnscannableError(self._lost(syntax_name)) from exc
        if reply is None:
            self.deaths += 1
            self.close()
            raise UnscannableError(
                f"DICOM pixel data ({syntax_name}): decoding took longer than {self.timeout:g} s"
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
        if proc is not None:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
