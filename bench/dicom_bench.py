"""DICOM de-identification beside its peers: table E.1-1 canary, real files, validator.

For each tool (phiwarden, and dicom-anonymizer, dicognito, pydicom/deid where installed):

- canary: a real file (pydicom's CT_small.dcm) with a unique canary value in every attribute of
  PS3.15 table E.1-1 (our generated copy, by tag number); how many attributes still carry
  their canary afterwards;
- real files: every DICOM in pydicom's own test set (plus pydicom-data if installed): how many
  come out de-identified, how many fail, how many keep the patient's name, and, with
  dciodvfy (Debian's dicom3tools) on PATH, how many gain validator errors against their input.

phiwarden runs header-only here (an OCR that reads nothing), so the figures are about the
header; burned-in text is the image bench's subject. Runs in about a minute on one core.

    PYTHONPATH=$PWD .venv/bin/python -m bench.dicom_bench [--files N]
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pydicom
from pydicom.datadict import dictionary_VR
from pydicom.dataset import Dataset

from bot.detect import dicom_profile as profile

TEST_FILES = Path(pydicom.__file__).parent / "data" / "test_files"
Tool = Callable[[bytes, Path], bytes]


def canary_file() -> tuple[bytes, dict[int, bytes]]:
    """CT_small with a unique canary in every table attribute; tokens by tag."""
    ds = pydicom.dcmread(TEST_FILES / "CT_small.dcm")
    tokens: dict[int, bytes] = {}
    tags = [t for t in profile.table().exact if t >> 16 not in (0x0000, 0x0002) and t != 0x7FE00010]
    tags += [0x50000010, 0x60004000]
    for n, tag in enumerate(tags):
        token = f"CANARY{n:04d}Q"
        try:
            vr = dictionary_VR(tag).split(" or ")[0]
        except KeyError:
            vr = "LO"
        if vr == "SQ":
            item = Dataset()
            item.TextValue = token
            ds.add_new(tag, "SQ", [item])
        elif vr == "UI":
            token = f"1.2.826.0.1.3680043.99.{n}"
            ds.add_new(tag, "UI", token)
        elif vr in ("US", "SS", "UL", "SL", "FL", "FD", "AT", "UV", "SV", "IS", "DS"):
            continue  # numbers carry no canary text; counted out
        elif vr in ("OB", "OW", "OF", "OD", "OL", "OV", "UN"):
            ds.add_new(tag, vr, token.encode().ljust(16, b"_"))
        elif vr in ("DA", "DT", "TM", "AS", "CS"):
            token = {"DA": "19470314", "DT": "19470314120000", "TM": "123456"}.get(vr, f"C{n:04d}Q")
            if vr == "AS":
                token = "091Y"
            ds.add_new(tag, vr, token)
            if vr in ("DA", "DT", "TM", "AS"):
                continue  # shared values: not a per-attribute token
        else:
            ds.add_new(tag, vr, token)
        tokens[tag] = token.encode()
    ds.file_meta.TransferSyntaxUID = pydicom.uid.ExplicitVRLittleEndian
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    return buf.getvalue(), tokens


def phiwarden_tool() -> Tool:
    from bot.detect.engine import TextEngine
    from bot.detect.image_faces import NoFaceDetector
    from bot.detect.images import ImageScanner
    from bot.detect.ocr import PhiOcr

    class NoText(PhiOcr):
        name = "none"

        def read(self, image: np.ndarray) -> list:  # type: ignore[type-arg]
            return []

    scanner = ImageScanner(
        TextEngine(), ocr=NoText(), face_detector=NoFaceDetector(), dicom_uid_key=b"b" * 32
    )

    def run(data: bytes, path: Path) -> bytes:
        result = scanner.scan(data)
        if result.redacted is None:
            raise RuntimeError(result.unscannable_reason or "no output")
        return result.redacted

    return run


def _via_dataset(anonymize: Callable[[pydicom.Dataset], object]) -> Tool:
    def run(data: bytes, path: Path) -> bytes:
        ds = pydicom.dcmread(io.BytesIO(data))
        anonymize(ds)
        buf = io.BytesIO()
        ds.save_as(buf)
        return buf.getvalue()

    return run


def peer_tools() -> dict[str, Tool]:
    tools: dict[str, Tool] = {}
    try:
        from dicomanonymizer import anonymize_dataset

        tools["dicom-anonymizer"] = _via_dataset(anonymize_dataset)
    except ImportError:
        print("dicom-anonymizer: not installed", file=sys.stderr)
    try:
        from dicognito.anonymizer import Anonymizer

        tools["dicognito"] = _via_dataset(Anonymizer().anonymize)
    except ImportError:
        print("dicognito: not installed", file=sys.stderr)
    try:
        import logging

        from deid.dicom import replace_identifiers

        logging.getLogger("deid").setLevel(logging.ERROR)

        def deid_run(data: bytes, path: Path) -> bytes:
            with tempfile.TemporaryDirectory() as tmp:
                src = Path(tmp) / "in.dcm"
                src.write_bytes(data)
                (ds,) = replace_identifiers([str(src)], save=False, remove_private=True)
                buf = io.BytesIO()
                ds.save_as(buf)
                return buf.getvalue()

        tools["deid"] = deid_run
    except ImportError:
        print("deid: not installed", file=sys.stderr)
    return tools


def real_files(limit: int | None) -> list[Path]:
    paths = sorted(TEST_FILES.glob("*.dcm"))
    try:
        import pydicom_data  # type: ignore[import-not-found]

        paths += sorted(Path(pydicom_data.__file__).parent.rglob("*.dcm"))
    except ImportError:
        pass
    return paths[:limit] if limit else paths


def validator_errors(data: bytes) -> int | None:
    """Error lines dciodvfy reports for a file, None when it is not installed."""
    exe = shutil.which("dciodvfy")
    if exe is None:
        return None
    with tempfile.NamedTemporaryFile(suffix=".dcm") as f:
        f.write(data)
        f.flush()
        out = subprocess.run([exe, f.name], capture_output=True, text=True, timeout=60)
    return sum(1 for line in (out.stderr + out.stdout).splitlines() if line.startswith("Error"))


def _name(data: bytes) -> bytes | None:
    try:
        ds = pydicom.dcmread(io.BytesIO(data), stop_before_pixels=True)
        name = str(ds.get("PatientName", "") or "")
    except Exception:
        return None
    parts = [p for p in re.split(r"[\^ ]+", name) if len(p) >= 3]
    return parts[0].encode() if parts else None


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser()
    args.add_argument("--files", type=int, default=None)
    opts = args.parse_args(argv)
    import logging
    import warnings

    warnings.filterwarnings("ignore")  # peers and pydicom warn per odd value in the test files
    logging.getLogger("pydicom").setLevel(logging.ERROR)
    tools = {"phiwarden": phiwarden_tool(), **peer_tools()}
    canary, tokens = canary_file()
    files = real_files(opts.files)
    inputs = {p: p.read_bytes() for p in files}
    base_errors = {p: validator_errors(d) for p, d in inputs.items()}
    validating = any(e is not None for e in base_errors.values())
    print(
        f"table: {profile.table().source}; {len(tokens)} canary attributes; {len(files)} real files"
    )
    print(
        f"validator: {'dciodvfy' if validating else 'not installed (apt-get install dicom3tools)'}"
    )
    header = f"{'tool':18} {'canary survive':>14} {'ok':>5} {'failed':>6} {'name kept':>9} {'new val. err':>12} {'ms/file':>8}"
    print(header)
    for name, tool in tools.items():
        try:
            out = tool(canary, TEST_FILES / "CT_small.dcm")
            survive = sum(1 for token in tokens.values() if token in out)
        except Exception as exc:
            survive = -1
            print(f"{name}: canary run failed ({type(exc).__name__})", file=sys.stderr)
        outputs: dict[Path, bytes] = {}
        elapsed = 0.0
        for path, data in inputs.items():
            start = time.perf_counter()
            try:
                outputs[path] = tool(data, path)
            except Exception:  # a peer's failure is a figure, not a crash
                outputs.pop(path, None)
            elapsed += time.perf_counter() - start
        ok, failed = len(outputs), len(inputs) - len(outputs)
        kept = worse = 0
        for path, out in outputs.items():
            before = _name(inputs[path])
            if before and before in out:
                kept += 1
            if validating and base_errors[path] is not None:
                after = validator_errors(out)
                if after is not None and after > (base_errors[path] or 0):
                    worse += 1
        ms = elapsed * 1000 / max(1, len(inputs))
        worse_s = str(worse) if validating else "n/a"
        print(f"{name:18} {survive:>14} {ok:>5} {failed:>6} {kept:>9} {worse_s:>12} {ms:>8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
