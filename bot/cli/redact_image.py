"""`phiwarden redact-image FILE... --out DIR [--json]`: de-identify images and DICOM files.

Each input is written to `DIR/<same file name>` in the same format and pixel size with all
metadata stripped; the engines load once for the whole batch. A file that cannot be read or
scanned gets a one-line reason on stderr and the exit status becomes 2, while the other files
are still processed. What needs no engine is checked first (the file exists, its name is
usable and unique, its copy would not replace the file itself), so a mistyped name is said at
once and a batch with nothing to scan never loads the models. Only the base name of an input
is used, and outputs are written through a temporary file renamed into `DIR`, so `../`,
absolute names and symlinks planted in `DIR` cannot make it write anywhere else. `--json`
prints kinds, boxes and scores, never OCR text. A DICOM whose header was de-identified but
whose pixels no installed decoder reads, or which is over the size limit (its pixels then copied
through unread, never held: `bot/detect/dicom_stream.py`), is written as
`DIR/<name>.header-only.<ext>`, with the reason on stderr and status 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.detect.images import ImageScanner

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="PNG, JPEG, WebP, GIF, HEIC, TIFF or DICOM files"
    )
    parser.add_argument(
        "--out", required=True, metavar="DIR", help="directory for the redacted copies (created)"
    )
    parser.add_argument(
        "--json", action="store_true", help="print per-file findings as JSON (no recognised text)"
    )
    parser.add_argument(
        "--ocr-engine", choices=("rapidocr", "tesseract"), default=None, help="override OCR_ENGINE"
    )


def run(args: argparse.Namespace) -> int:
    from bot.config import load_settings

    settings = load_settings()
    out_dir = Path(args.out)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"error: cannot create output directory ({exc.strerror})", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.ocr_engine:
        settings = settings.model_copy(update={"ocr_engine": args.ocr_engine})

    def load_scanner() -> ImageScanner:
        from bot.detect.images import ImageScanner  # spaCy, OCR and OpenCV: only when needed

        return ImageScanner.from_settings(settings)

    return redact_files(load_scanner, [Path(f) for f in args.files], out_dir, as_json=args.json)


def check_inputs(files: list[Path], root: Path) -> list[tuple[str | None, str | None]]:
    """Per input, (output name, None) or (None, why not), from the file system alone."""
    checked: list[tuple[str | None, str | None]] = []
    seen: set[str] = set()
    for path in files:
        name = safe_name(str(path))
        if name is None:
            checked.append((None, "file name cannot be used as an output name"))
        elif name in seen:
            checked.append((None, "another input has the same file name; outputs would collide"))
        elif not path.is_file():
            checked.append((None, "not a regular file" if path.exists() else "no such file"))
        elif _same_file(path, root / name):
            checked.append((None, "the copy would replace the input itself; choose another --out"))
        else:
            seen.add(name)
            checked.append((name, None))
    return checked


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # b does not exist (yet): nothing to replace
        return False


def redact_files(
    load_scanner: Callable[[], ImageScanner],
    files: list[Path],
    out_dir: Path,
    *,
    as_json: bool = False,
) -> int:
    """Scan and write each file; returns the exit status (2 when any input was bad).

    `load_scanner` is called once, after every input has been checked, and only if one is
    left to scan.
    """
    from bot.errors import DetectionError

    status = EXIT_OK
    root = out_dir.resolve()
    checked = check_inputs(files, root)
    for path, (_name, problem) in zip(files, checked, strict=True):
        if problem is not None:
            status = EXIT_BAD_INPUT
            print(f"{path}: {problem}", file=sys.stderr)
    scanner = load_scanner() if any(name for name, _ in checked) else None
    reports: list[dict[str, Any]] = []
    for path, (name, problem) in zip(files, checked, strict=True):
        report: dict[str, Any] = {"file": str(path), "output": None}
        reports.append(report)
        if problem is not None or name is None or scanner is None:
            report["error"] = problem
            continue
        error: str | None = None
        data: bytes | None = None
        if _over_limit(path, scanner.max_bytes):
            try:
                error = _oversized(scanner, path, root, name, report)
            except DetectionError as exc:
                error = str(exc)
        else:
            data, error = read_input(path, scanner.max_bytes)
        if data is not None:
            try:
                result = scanner.scan(data, filename=name)
            except DetectionError as exc:
                error = str(exc)
            else:
                report.update(result.to_json())
                if not result.scannable and result.redacted is not None:
                    error = _header_only(root, name, result.redacted, report)
                    error = f"unscannable: {result.unscannable_reason}; {error}"
                elif not result.scannable or result.redacted is None:
                    error = f"unscannable: {result.unscannable_reason}"
                else:
                    try:
                        report["output"] = str(write_output(root, name, result.redacted))
                    except OSError as exc:
                        error = f"cannot write output ({exc.strerror or type(exc).__name__})"
                    if not as_json and error is None:
                        kinds = ", ".join(result.kinds) or "none"
                        boxes = sum(1 for f in result.findings if f.box is not None)
                        print(
                            f"{path}: {result.verdict} ({kinds}; {boxes} regions) -> {report['output']}"
                        )
        if error is not None:
            status = EXIT_BAD_INPUT
            report["error"] = error
            print(f"{path}: {error}", file=sys.stderr)
    if as_json:
        print(json.dumps(reports, indent=2))
    return status


def header_only_name(name: str) -> str:
    """`US.dcm` -> `US.header-only.dcm`: a copy whose pixels were not checked never takes the
    input's name, so nobody mistakes it for a fully redacted file."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.header-only.{suffix}" if dot and stem else f"{name}.header-only"


def _header_only(root: Path, name: str, data: bytes, report: dict[str, Any]) -> str:
    """Write the header-de-identified copy of a DICOM whose pixels could not be checked."""
    try:
        report["output"] = str(write_output(root, header_only_name(name), data))
    except OSError as exc:
        return f"header-only copy not written ({exc.strerror or type(exc).__name__})"
    report["header_only"] = True
    return _header_only_said(report["output"])


def _header_only_said(output: str) -> str:
    return (
        f"header de-identified copy written to {output}; its pixels were NOT checked "
        "for burned-in text: look at them before sharing"
    )


def _over_limit(path: Path, max_bytes: int) -> bool:
    try:
        return path.stat().st_size > max_bytes
    except OSError:
        return False  # `read_input` says what went wrong


def _oversized(
    scanner: ImageScanner, path: Path, root: Path, name: str, report: dict[str, Any]
) -> str:
    """A file over the size limit: a DICOM's header is still de-identified, into
    `<name>.header-only.<ext>`, its pixel data copied through unread (`ImageScanner.scan_oversized`);
    anything else, or a DICOM whose header is refused, gets nothing. The message says which."""
    from bot.errors import UnscannableError

    target = root / header_only_name(name)
    if target.parent != root:
        return "unscannable: output name escapes the output directory"
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".phiwarden-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            result = scanner.scan_oversized(path, fh)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)  # replaces a symlink itself, never its target
    except UnscannableError as exc:
        return f"unscannable: {exc}"
    except OSError as exc:
        return f"unscannable: header-only copy not written ({exc.strerror or type(exc).__name__})"
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    report.update(result.to_json())
    report["output"], report["header_only"] = str(target), True
    return f"unscannable: {result.unscannable_reason}; {_header_only_said(str(target))}"


def safe_name(path: str) -> str | None:
    """The base name to write under the output directory, or None when it is unusable."""
    name = os.path.basename(path.replace("\\", "/").rstrip("/"))
    if name in ("", ".", "..") or "\x00" in name or name.startswith("."):
        return None
    return name


def read_input(path: Path, max_bytes: int) -> tuple[bytes | None, str | None]:
    """Bytes of a regular file within the size limit, or an error message."""
    try:
        if not path.is_file():  # checked before, but it may have gone since
            return None, "not a regular file" if path.exists() else "no such file"
        size = path.stat().st_size
        if size > max_bytes:
            return (
                None,
                f"unscannable: file too large ({size // (1024 * 1024)} MiB, limit {max_bytes // (1024 * 1024)} MiB)",
            )
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1), None
    except OSError as exc:
        return None, f"cannot read file ({exc.strerror or type(exc).__name__})"


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def write_output(root: Path, name: str, data: bytes) -> Path:
    """Write data to root/name via a temporary file and an atomic rename (never follows links)."""
    target = root / name
    if target.parent != root:
        raise OSError(0, "output name escapes the output directory")
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".phiwarden-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp's 0600 would surprise: use the usual mode
        os.replace(tmp, target)  # replaces a symlink itself, never its target
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target
