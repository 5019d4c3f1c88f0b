"""Decode functions for `IsolatedDecoder`'s child in tests: importable without the scanner's
heavy imports, so the child starts in a second, not in the time the test module takes."""

from __future__ import annotations

import os
import signal
import textwrap
import time
from pathlib import Path

import numpy as np
import pydicom


def kill_on_tiny(ds: pydicom.Dataset) -> np.ndarray:
    """Dies like a segfaulting decoder on a 3x3 image; decodes any other."""
    if ds.Rows == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return ds.pixel_array


def sleep(ds: pydicom.Dataset) -> np.ndarray:
    time.sleep(30)
    return np.zeros(1)


def fail(ds: pydicom.Dataset) -> np.ndarray:
    raise ValueError("not a JPEG")


SITECUSTOMIZE = textwrap.dedent(
    """
    import os
    from pydicom.pixels.decoders import base

    def _abort(src, runner):
        os.abort()

    base.JPEGBaseline8BitDecoder._available["gdcm"] = _abort
    """
)


def aborting_gdcm_env(folder: Path, root: Path) -> dict[str, str]:
    """An environment whose interpreters have GDCM's JPEG Baseline plugin call `os.abort()`
    (a `sitecustomize` in `folder`), with `root` (the repository) on the path."""
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE)
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(folder), str(root)])}


def stuck_in_native(ds: pydicom.Dataset) -> np.ndarray:
    """A decoder stuck in native code holding the GIL (libc `sleep` through `PyDLL`, which keeps
    it), so no thread of the child's could notice its parent die."""
    import ctypes

    ctypes.PyDLL(None).sleep(30)
    return np.zeros(1)


def shout(ds: pydicom.Dataset) -> np.ndarray:
    """A plugin that writes to stderr (as warnings and native tracebacks do) and fails."""
    import sys

    sys.stderr.write("PLUGIN TRACEBACK\n")
    sys.stderr.flush()
    os.write(2, b"PLUGIN TRACEBACK (native)\n")
    raise ValueError("not a JPEG")
