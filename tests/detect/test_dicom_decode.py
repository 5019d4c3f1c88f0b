"""A decoder that crashes on a file makes it unscannable, and the scanning process survives.

The crash is real: GDCM's plugin (the one pydicom tries first for JPEG Baseline) is replaced
with one that calls `os.abort()` in every interpreter started in `aborting_gdcm_env` (a
`sitecustomize`), and pydicom's own `SC_rgb_small_odd_jpeg.dcm` is scanned."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pydicom
import pytest
from pydicom.data import get_testdata_file

from bot.detect.dicom_decode import IsolatedDecoder, pixel_part, scan_deadline
from bot.detect.image_faces import NoFaceDetector
from bot.detect.images import ImageScanner
from tests.detect import dicom_decoders
from tests.detect.image_fakes import FakeOcr, FakeTextEngine

ROOT = Path(__file__).resolve().parents[2]
ODD_JPEG = Path(get_testdata_file("SC_rgb_small_odd_jpeg.dcm"))  # 3x3 YBR_FULL JPEG Baseline
SCAN = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from bot.detect.image_faces import NoFaceDetector
    from bot.detect.images import ImageScanner
    from tests.detect.image_fakes import FakeOcr, FakeTextEngine

    scanner = ImageScanner(FakeTextEngine(), FakeOcr([], 3), NoFaceDetector())
    for name in sys.argv[1:]:
        result = scanner.scan(Path(name).read_bytes())
        print(result.scannable, result.unscannable_reason, flush=True)
    """
)


def _scanner() -> ImageScanner:
    return ImageScanner(FakeTextEngine(), FakeOcr([], 3), NoFaceDetector())


@pytest.fixture
def aborting_gdcm(tmp_path: Path) -> dict[str, str]:
    return dicom_decoders.aborting_gdcm_env(tmp_path, ROOT)


def test_the_aborting_plugin_really_kills_an_in_process_decode(aborting_gdcm) -> None:
    run = subprocess.run(
        [sys.executable, "-c", f"import pydicom; pydicom.dcmread({str(ODD_JPEG)!r}).pixel_array"],
        env=aborting_gdcm,
        capture_output=True,
    )
    assert run.returncode < 0  # killed by SIGABRT: what a scan worker used to suffer


@pytest.mark.slow
def test_when_the_decoder_aborts_then_the_file_is_unscannable_and_the_scanner_lives_on(
    aborting_gdcm,
) -> None:
    native = get_testdata_file("CT_small.dcm")
    run = subprocess.run(
        [sys.executable, "-c", SCAN, str(ODD_JPEG), native, str(ODD_JPEG)],
        env=aborting_gdcm,
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    first, second, third = run.stdout.splitlines()
    assert first.startswith("False") and "crashed its decoder" in first and "SIGABRT" in first
    assert "header de-identified, pixels not checked" in first
    assert second.startswith("True")  # the next file is scanned as before
    assert third == first  # and a second crasher gets a fresh decoder, and the same reason


def test_a_crash_leaves_a_header_only_copy_and_the_next_file_decodes() -> None:
    scanner = _scanner()
    scanner.dicom.decoder = IsolatedDecoder(dicom_decoders.kill_on_tiny)
    result = scanner.scan(ODD_JPEG.read_bytes())
    assert not result.scannable and "SIGKILL" in (result.unscannable_reason or "")
    header = pydicom.dcmread(io.BytesIO(result.redacted or b""))
    assert header.PatientIdentityRemoved == "NO" and not header.get("PatientName")
    sound = Path(get_testdata_file("SC_rgb_jpeg_gdcm.dcm")).read_bytes()
    assert scanner.scan(sound).scannable
    assert scanner.dicom.decoder.deaths == 1


def test_the_child_decodes_what_pydicom_decodes_in_process() -> None:
    decoder = IsolatedDecoder()
    try:
        for name in ("SC_rgb_small_odd_jpeg.dcm", "JPEG2000.dcm", "emri_small_RLE.dcm"):
            ds = pydicom.dcmread(get_testdata_file(name))
            got = decoder(ds, ds.file_meta.TransferSyntaxUID.name)
            assert got.dtype == ds.pixel_array.dtype and np.array_equal(got, ds.pixel_array)
    finally:
        decoder.close()


def test_the_child_is_sent_no_patient_header() -> None:
    ds = pydicom.dcmread(ODD_JPEG)
    ds.PatientName = "DOE^JANE"
    part = pixel_part(ds)
    assert "PatientName" not in part and "PixelData" in part and part.Rows == 3
    assert part.file_meta.TransferSyntaxUID == ds.file_meta.TransferSyntaxUID


def test_a_decoder_error_or_a_stuck_decoder_is_a_reason() -> None:
    ds = pydicom.dcmread(ODD_JPEG)
    with pytest.raises(Exception, match="cannot be decoded by the installed packages"):
        IsolatedDecoder(dicom_decoders.fail)(ds, "JPEG Baseline")
    stuck = IsolatedDecoder(dicom_decoders.sleep, timeout=1)
    with pytest.raises(Exception, match="decoding took longer than 1 s"):
        stuck(ds, "JPEG Baseline")
    assert stuck.deaths == 1 and stuck._child is None  # killed, not left running


def _gone(pid: int) -> bool:
    """`pid` has exited (reaped, or a zombie waiting for PID 1 to reap it)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_decoder_stuck_in_native_code_dies_with_its_killed_parent() -> None:
    """A worker the pool kills (kill -9) at its deadline must not leave its decoder child
    running on, re-parented to PID 1, busy and holding the pixel data."""
    import os
    import signal
    import time

    script = textwrap.dedent(
        f"""
        import pydicom
        from bot.detect.dicom_decode import IsolatedDecoder
        from tests.detect import dicom_decoders
        decoder = IsolatedDecoder(dicom_decoders.stuck_in_native, timeout=60)
        decoder._start()
        print(decoder._child.pid, flush=True)
        decoder(pydicom.dcmread({str(ODD_JPEG)!r}), "JPEG Baseline")
        """
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, cwd=ROOT, text=True
    )
    child = int(parent.stdout.readline()) if parent.stdout else 0
    try:
        time.sleep(3)  # the child has the file and is stuck in "native" code
        assert not _gone(child)
        parent.kill()
        parent.wait()
        end = time.monotonic() + 5
        while not _gone(child) and time.monotonic() < end:
            time.sleep(0.1)
        assert _gone(child)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)


def test_a_stuck_decoder_is_stopped_within_the_scan_deadline() -> None:
    """The decode gets a share of the time left to the pool's deadline, not a fixed 100 s past
    it: a reason in time, not a worker killed with its scan."""
    import time

    stuck = IsolatedDecoder(dicom_decoders.sleep)
    start = time.monotonic()
    with scan_deadline(time.time() + 2), pytest.raises(Exception, match=r"took longer than 1\.6 s"):
        stuck(pydicom.dcmread(ODD_JPEG), "JPEG Baseline")
    assert time.monotonic() - start < 2 and stuck._child is None
    with scan_deadline(time.time() - 1), pytest.raises(Exception, match="no time left"):
        stuck(pydicom.dcmread(ODD_JPEG), "JPEG Baseline")


def test_the_child_writes_nothing_to_our_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    """A plugin's warnings or traceback could quote the file; they bypass our log filters."""
    with pytest.raises(Exception, match="cannot be decoded"):
        IsolatedDecoder(dicom_decoders.shout)(pydicom.dcmread(ODD_JPEG), "JPEG Baseline")
    assert "PLUGIN TRACEBACK" not in capfd.readouterr().err
