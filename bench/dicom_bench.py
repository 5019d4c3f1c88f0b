"""DICOM de-identification beside its peers: table E.1-1 canary, real files, validator.

For each tool (phiwarden, and dicom-anonymizer, dicognito, pydicom/deid where installed):

- canary: a real file (pydicom's CT_small.dcm) with a unique canary value in every attribute of
  PS3.15 table E.1-1 (our generated copy, by tag number); how many attributes still carry
  their canary afterwards;
- real files: every DICOM in pydicom's own test and character-set files and, when installed (dev.lock pins them),
  pydicom-data, deid-data and pynetdicom's test files, each distinct file once: how many come
  out de-identified, how many fail (and why), how many keep the patient's name, and, with
  dciodvfy (Debian's dicom3tools; `scripts/setup.sh --dev` installs it as root) on PATH, the
  validator errors of each output that its input did not have (its `Error -` lines, values
  blanked, compared as a multiset): how many outputs gain any, and how many in all.

phiwarden runs header-only here (an OCR that reads nothing), so the figures are about the
header; burned-in text is the image bench's subject (`bench.burned_in_bench`).

    nice -n 10 .venv/bin/python -m bench.dicom_bench [--per-file] [--why N] [--only TEXT]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pydicom
from pydicom.datadict import dictionary_VR
from pydicom.dataset import Dataset

from bot.detect import dicom_profile as profile
from bot.errors import UnscannableError

TEST_FILES = Path(pydicom.__file__).parent / "data" / "test_files"
Tool = Callable[[bytes, Path], bytes]
HEADER_ONLY: Counter[str] = Counter()  # phiwarden's header-only copies, by reason
MAX_REAL_BYTES = 128 * 1024 * 1024  # every shipped file fits; RGB_CINE (99 MiB) is over our limit


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
        if len(data) > scanner.max_bytes:  # as `phiwarden redact-image` does: header only
            return oversized(data)
        result = scanner.scan(data)
        if result.redacted is None:
            raise UnscannableError(result.unscannable_reason or "no output")
        if result.unscannable_reason:  # a header-only copy: pixels not checked, never posted
            HEADER_ONLY[result.unscannable_reason.split(";")[0][:70]] += 1
        return result.redacted

    def oversized(data: bytes) -> bytes:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "in.dcm"
            src.write_bytes(data)
            out = io.BytesIO()
            result = scanner.scan_oversized(src, out)
        HEADER_ONLY[str(result.unscannable_reason).split(";")[0][:70]] += 1
        return out.getvalue()

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
        from deid.logger import bot as deid_log

        deid_log.level = -3  # errors only: its own logger warns "No deid specification" per file

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


def _package_dir(module: str) -> Path | None:
    try:
        mod = __import__(module)
    except ImportError:
        return None
    return Path(mod.__file__).parent if mod.__file__ else None


def real_sources() -> dict[str, Path]:
    """Where real DICOM files ship: pydicom's test set (with its DICOMDIR trees and character
    set files) and, when installed (dev.lock pins
    them), pydicom-data (module `data_store`), deid-data and pynetdicom's test files."""
    roots = {
        "pydicom": TEST_FILES,
        "pydicom-charsets": TEST_FILES.parent / "charset_files",
        "pydicom-data": _package_dir("data_store"),
        "deid-data": _package_dir("deid_data"),
        "pynetdicom": (_package_dir("pynetdicom") or Path("/nonexistent"))
        / "tests"
        / "dicom_files",
    }
    return {name: root for name, root in roots.items() if root is not None and root.is_dir()}


def real_files(limit: int | None, max_bytes: int = MAX_REAL_BYTES) -> dict[str, bytes]:
    """Every real DICOM of `real_sources`, `source/name` -> bytes, members of zipped cines
    included, each distinct content once (the packages share some files)."""
    files: dict[str, bytes] = {}
    seen: set[bytes] = set()

    def add(label: str, data: bytes) -> None:
        digest = hashlib.sha256(data).digest()
        if digest not in seen and len(data) <= max_bytes:
            seen.add(digest)
            files[label] = data

    for source, root in real_sources().items():
        for path in sorted(root.rglob("*")):
            if path.suffix == ".dcm" or (path.is_file() and _has_preamble(path)):
                add(f"{source}/{path.relative_to(root)}", path.read_bytes())
            elif path.suffix == ".zip":
                with zipfile.ZipFile(path) as zf:
                    for member in sorted(zf.namelist()):
                        if member.endswith(".dcm") and not member.startswith("__MACOSX"):
                            add(f"{source}/{Path(member).name}", zf.read(member))
    labels = sorted(files)[:limit] if limit else sorted(files)
    return {label: files[label] for label in labels}


def _has_preamble(path: Path) -> bool:
    """A DICOM file named without `.dcm` (the DICOMDIR test sets' IM000001, 4467, ...)."""
    with path.open("rb") as f:
        return f.read(132)[128:] == b"DICM"


# dciodvfy quotes values in its messages (`= <1997.04.24>`, `FrameOfReferenceUID <1.2.3>`,
# `ReferencedSOPInstanceUID 1.2.3`):
# a value we replaced must not make the same error look new.
_VALUE = re.compile(r"= <[^>]*>|<[0-9][0-9.]*>|(?<=UID )[0-9][0-9.]*")
# An input dciodvfy cannot read through has no baseline: what its output shows is not "new".
UNREADABLE = ("Dicom dataset read failed", "Tags out of order")


def validator_errors(data: bytes) -> Counter[str] | None:
    """dciodvfy's `Error -` messages for a file (values blanked, so they compare across a
    de-identification), None when dciodvfy is not installed."""
    exe = shutil.which("dciodvfy")
    if exe is None:
        return None
    with tempfile.NamedTemporaryFile(suffix=".dcm") as f:
        f.write(data)
        f.flush()
        try:
            out = subprocess.run([exe, f.name], capture_output=True, timeout=120)
        except subprocess.TimeoutExpired:
            return Counter({"Error - dciodvfy timed out": 1})
    lines = (out.stderr + out.stdout).decode("utf-8", "replace").splitlines()
    # "Error - ..." or, about one element, "(0x0011,0x0001) LO PrivateCreator  - Error - ...".
    return Counter(
        _VALUE.sub("<>", line.strip())
        for line in lines
        if line.startswith("Error") or " - Error - " in line
    )


def comparable(errors: Counter[str]) -> bool:
    """Whether dciodvfy read the input through, so its errors are a baseline."""
    return not any(mark in message for message in errors for mark in UNREADABLE)


def new_errors(before: Counter[str], after: Counter[str]) -> Counter[str]:
    """Errors of the output that its input did not have (as a multiset)."""
    return after - before


def _name(data: bytes) -> str | None:
    """The longest part (4+ characters) of the input's PatientName, unless a placeholder."""
    try:
        ds = pydicom.dcmread(io.BytesIO(data), stop_before_pixels=True)
        name = str(ds.get("PatientName", "") or "")
    except Exception:
        return None
    parts = [
        p for p in re.split(r"[\^ =]+", name) if len(p) >= 4 and not p.upper().startswith("ANON")
    ]
    return max(parts, key=len) if parts else None


def _header(data: bytes) -> bytes:
    """The output up to its pixel data: a name's bytes found among pixel values are chance."""
    found = [data.find(tag) for tag in (b"\xe0\x7f\x10\x00", b"\x7f\xe0\x00\x10")]
    ends = [at for at in found if at >= 0]  # (7FE0,0010), little or big endian
    return data[: min(ends)] if ends else data


def name_kept(name: str, out: bytes) -> bool:
    """Whether the output's header still carries `name`: in any decoded text value (names in
    other character sets, ISO 2022 Japanese, Greek..., only match decoded), or in its bytes."""
    head = _header(out)
    if name.encode("utf-8", "replace") in head:
        return True
    try:
        ds = pydicom.dcmread(io.BytesIO(out), stop_before_pixels=True, force=True)
        values = [str(e.value) for e in _walk(ds) if e.VR in TEXT_LIKE_VRS and e.value]
    except Exception:
        return False
    return any(name in value for value in values)


TEXT_LIKE_VRS = frozenset({"PN", "LO", "SH", "ST", "LT", "UT", "UC", "CS", "AE"})


def _walk(ds: Dataset) -> list[pydicom.DataElement]:
    out: list[pydicom.DataElement] = []
    for elem in ds:
        out.append(elem)
        if elem.VR == "SQ":
            for item in elem.value:
                out += _walk(item)
    return out


@dataclass
class ToolRun:
    """One tool's figures over the real files."""

    ok: int = 0
    kept: int = 0
    worse_files: int = 0
    new_total: int = 0
    elapsed: float = 0.0
    failures: Counter[str] = field(default_factory=Counter)
    messages: Counter[str] = field(default_factory=Counter)  # new validator errors, by text
    per_file: dict[str, str] = field(default_factory=dict)  # label -> "ok +N" / "fail"


def run_tool(tool: Tool, inputs: dict[str, bytes], base: dict[str, Counter[str] | None]) -> ToolRun:
    run = ToolRun()
    for label, data in inputs.items():
        start = time.perf_counter()
        try:
            out = tool(data, Path(label))
        except Exception as exc:  # a peer's failure is a figure, not a crash
            run.elapsed += time.perf_counter() - start
            reason = str(exc) if isinstance(exc, UnscannableError) else type(exc).__name__
            run.failures[reason[:70]] += 1
            run.per_file[label] = "fail"
            continue
        run.elapsed += time.perf_counter() - start
        run.ok += 1
        before = _name(data)
        if before and name_kept(before, out):
            run.kept += 1
        cell = "ok"
        base_errors = base[label]
        if base_errors is not None and not comparable(base_errors):
            run.per_file[label] = "n/c"
            continue
        after = validator_errors(out) if base_errors is not None else None
        if base_errors is not None and after is not None:
            added = new_errors(base_errors, after)
            if added:
                run.worse_files += 1
                run.new_total += sum(added.values())
                run.messages.update(added)
            cell = f"+{sum(added.values())}"
        run.per_file[label] = cell
    return run


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser()
    args.add_argument("--files", type=int, default=None, help="first N real files only")
    args.add_argument("--only", default=None, help="real files whose label contains this")
    args.add_argument("--tools", default=None, help="comma-separated tool names to run")
    args.add_argument(
        "--per-file", action="store_true", help="each file: input errors, new errors per tool"
    )
    args.add_argument("--why", type=int, default=0, help="show the N commonest new errors")
    opts = args.parse_args(argv)
    import logging
    import warnings

    warnings.filterwarnings("ignore")  # peers and pydicom warn per odd value in the test files
    logging.getLogger("pydicom").setLevel(logging.ERROR)
    tools = {"phiwarden": phiwarden_tool(), **peer_tools()}
    if opts.tools:
        tools = {k: v for k, v in tools.items() if k in opts.tools.split(",")}
    canary, tokens = canary_file()
    inputs = real_files(opts.files)
    if opts.only:
        inputs = {k: v for k, v in inputs.items() if opts.only in k}
    base = {label: validator_errors(data) for label, data in inputs.items()}
    validating = any(e is not None for e in base.values())
    by_source = Counter(label.split("/")[0] for label in inputs)
    print(
        f"table: {profile.table().source}; {len(tokens)} canary attributes; "
        f"{len(inputs)} real files ({', '.join(f'{k} {v}' for k, v in by_source.items())})"
    )
    print(
        "validator: "
        + (
            f"dciodvfy; {sum(1 for e in base.values() if e)} inputs have errors of their own "
            f"({sum(sum(e.values()) for e in base.values() if e)} in all; not counted); "
            f"{sum(1 for e in base.values() if e is not None and not comparable(e))} inputs "
            "it cannot read through are not compared (n/c)"
            if validating
            else "not installed (apt-get install dicom3tools)"
        )
    )
    header = (
        f"{'tool':18} {'canary survive':>14} {'ok':>5} {'failed':>6} {'name kept':>9} "
        f"{'files w/ new err':>16} {'new errors':>10} {'ms/file':>8}"
    )
    print(header)
    runs: dict[str, ToolRun] = {}
    for name, tool in tools.items():
        try:
            out = tool(canary, TEST_FILES / "CT_small.dcm")
            survive = sum(1 for token in tokens.values() if token in out)
        except Exception as exc:
            survive = -1
            print(f"{name}: canary run failed ({type(exc).__name__})", file=sys.stderr)
        run = runs[name] = run_tool(tool, inputs, base)
        failed = len(inputs) - run.ok
        worse = str(run.worse_files) if validating else "n/a"
        total = str(run.new_total) if validating else "n/a"
        ms = run.elapsed * 1000 / max(1, len(inputs))
        print(
            f"{name:18} {survive:>14} {run.ok:>5} {failed:>6} {run.kept:>9} "
            f"{worse:>16} {total:>10} {ms:>8.0f}",
            flush=True,
        )
    if HEADER_ONLY:
        print(
            f"phiwarden header-only copies (pixels not checked, never posted; counted ok): "
            f"{sum(HEADER_ONLY.values())} ("
            + "; ".join(f"{n} x {r}" for r, n in HEADER_ONLY.most_common())
            + ")"
        )
    for name, run in runs.items():
        if run.failures:
            print(f"{name} failed on: " + "; ".join(f"{n} x {r}" for r, n in run.failures.items()))
    if opts.why:
        for name, run in runs.items():
            for message, n in run.messages.most_common(opts.why):
                print(f"{name} new: {n} x {message}")
    if opts.per_file:
        print(f"\n{'file':48} {'input err':>9} " + " ".join(f"{n[:12]:>12}" for n in runs))
        for label in inputs:
            errs = base[label]
            own = str(sum(errs.values())) if errs is not None else "n/a"
            cells = " ".join(f"{run.per_file.get(label, ''):>12}" for run in runs.values())
            print(f"{label[:48]:48} {own:>9} {cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
