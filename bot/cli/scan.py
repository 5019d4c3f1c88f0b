"""`phiwarden scan`: find PHI in one text, or in a stream of JSON lines.

    phiwarden scan "pt John Smith in bed 4"      readable table of findings and the verdict
    phiwarden scan --redact "..."                the de-identified text the redact action posts
    phiwarden scan --jsonl < in.jsonl > out.jsonl
    phiwarden scan --jsonl --redact < in.jsonl   each output line also carries "redacted"

JSONL contract (DESIGN.md): each input line `{"id", "text"}` gives one output line
`{"id", "phi", "verdict", "spans": [{"start", "end", "kind", "score"}]}`, in input order, scanned
in chunks through `TextEngine.scan_batch` and flushed per chunk, so a huge input streams. With
`--redact` each line also has `"redacted"`: the de-identified text, as `scan --redact` prints it.
A byte-order mark before the first line and blank lines at the end are not inputs.

A line that cannot be scanned (empty, not JSON, not UTF-8, not an object, `id` or `text` missing
or of the wrong type, text over `--max-bytes`, or the engine failing on it) gets one message on
stderr naming its line number and id, never its text, and no output line; the other lines are
still scanned and written, and the exit status is 2. `id` is a string or an integer and is echoed
as given. Duplicate ids are scanned like any other line (output order already pairs results
with inputs) and draw a warning on stderr (for the first million distinct ids, to bound memory);
they do not change the exit status.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the engine pulls in spaCy and Presidio: import it only in `run`
    from bot.detect.types import ScanResult

DEFAULT_MAX_BYTES = 100_000  # per text, UTF-8; Slack's own message limit is 40,000 characters
CHUNK_LINES = 64
MAX_TRACKED_IDS = 1_000_000  # duplicate-id warnings cover the first million ids, bounding memory
EXIT_OK, EXIT_FATAL, EXIT_INPUT = 0, 1, 2


class Scanner(Protocol):
    """What the CLI needs from `TextEngine`; tests hand in a fake."""

    def scan(self, text: str) -> ScanResult: ...

    def scan_batch(self, texts: Sequence[str], batch_size: int = 64) -> list[ScanResult]: ...

    def redact(self, text: str, result: ScanResult | None = None) -> str: ...


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", help='text to scan ("-" reads it from stdin)')
    parser.add_argument(
        "--jsonl", action="store_true", help='read {"id","text"} lines on stdin, one result each'
    )
    parser.add_argument(
        "--redact",
        action="store_true",
        help='print the de-identified text (with --jsonl: a "redacted" field per line)',
    )
    parser.add_argument("--model", help="spaCy model package (default: SPACY_MODEL setting)")
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help=f"longest text accepted, in UTF-8 bytes (default {DEFAULT_MAX_BYTES})",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=CHUNK_LINES,
        help=f"lines per engine batch (default {CHUNK_LINES})",
    )


# ---------------------------------------------------------------- parsing (no engine needed)
@dataclass(frozen=True, slots=True)
class Item:
    line: int
    id: str | int
    text: str


@dataclass(frozen=True, slots=True)
class LineError:
    line: int
    reason: str
    id: str | int | None = None

    def message(self) -> str:
        return f"phiwarden scan: line {self.line}{_id_note(self.id)}: {self.reason}"


def _id_note(item_id: str | int | None) -> str:
    if item_id is None:
        return ""
    shown = json.dumps(item_id, ensure_ascii=True)
    return f" (id {shown[:60] + '...' if len(shown) > 60 else shown})"


def read_lines(stream: IO[bytes], max_line_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, raw bytes); None for a line longer than `max_line_bytes`.

    Reading is bounded: an overlong line is skipped in pieces, never held in memory whole.
    """
    number = 0
    while True:
        raw = stream.readline(max_line_bytes + 1)
        if not raw:
            return
        number += 1
        if len(raw) > max_line_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(1 << 20)
            yield number, None
            continue
        yield number, raw


def parse_line(number: int, raw: bytes | None, max_text_bytes: int) -> Item | LineError:
    """One input line -> an `Item` to scan, or a `LineError` that says why not (without the text)."""
    if raw is None:
        return LineError(number, f"line too long (text limit {max_text_bytes} bytes)")
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return LineError(number, f"not valid UTF-8 (bad byte at offset {exc.start})")
    if not decoded.strip():
        return LineError(number, "empty line")
    try:
        obj = json.loads(decoded)
    except (json.JSONDecodeError, RecursionError):
        return LineError(number, 'not valid JSON (expected {"id": ..., "text": ...})')
    if not isinstance(obj, dict):
        return LineError(number, 'expected a JSON object {"id": ..., "text": ...}')
    item_id = obj.get("id")
    if "id" not in obj:
        return LineError(number, 'missing field "id"')
    if isinstance(item_id, bool) or not isinstance(item_id, str | int):
        return LineError(number, 'field "id" must be a string or an integer')
    if "text" not in obj:
        return LineError(number, 'missing field "text"', item_id)
    text = obj["text"]
    if not isinstance(text, str):
        return LineError(number, 'field "text" must be a string', item_id)
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:  # lone surrogates from "\ud800" escapes
        return LineError(number, 'field "text" is not valid Unicode (lone surrogate)', item_id)
    if size > max_text_bytes:
        return LineError(number, f"text too long ({size} bytes, limit {max_text_bytes})", item_id)
    return Item(number, item_id, text)


def result_json(item_id: str | int, result: ScanResult, redacted: str | None = None) -> str:
    spans = [f.to_json() for f in result.findings]
    record: dict[str, object] = {
        "id": item_id,
        "phi": result.phi,
        "verdict": str(result.verdict),
        "spans": spans,
    }
    if redacted is not None:
        record["redacted"] = redacted
    return json.dumps(record, ensure_ascii=False)


# ---------------------------------------------------------------- the JSONL stream
def scan_jsonl(
    engine: Scanner,
    stdin: IO[bytes],
    stdout: IO[str],
    stderr: IO[str],
    max_text_bytes: int = DEFAULT_MAX_BYTES,
    chunk: int = CHUNK_LINES,
    *,
    redact: bool = False,
) -> int:
    """Scan every line of `stdin`; return the exit status (2 if any line failed).

    `redact` adds each line's de-identified text; a line whose redaction fails is reported like
    one whose scan failed, so no output line ever lacks the field that was asked for.
    """
    failed = False
    seen: dict[str | int, int] = {}
    pending: list[Item] = []

    def flush() -> None:
        nonlocal failed
        if not pending:
            return
        for item, outcome in zip(pending, _scan_chunk(engine, pending, chunk), strict=True):
            written = _output_line(engine, item, outcome, redact)
            if isinstance(written, LineError):
                failed = True
                print(written.message(), file=stderr)
            else:
                stdout.write(written + "\n")
        stdout.flush()
        stderr.flush()
        pending.clear()

    # JSON escapes can spell one character in up to 12 bytes; the exact limit applies after parsing
    max_line = max_text_bytes * 6 + 4096
    blanks: list[int] = []
    for number, raw in read_lines(stdin, max_line):
        if number == 1 and raw is not None and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]  # a byte-order mark, as Windows editors write UTF-8 files
        if raw is not None and not raw.strip():
            blanks.append(number)  # an error only if a line follows: trailing ones are ignored
            continue
        for blank in blanks:
            failed = True
            print(LineError(blank, "empty line").message(), file=stderr)
        blanks.clear()
        parsed = parse_line(number, raw, max_text_bytes)
        if isinstance(parsed, LineError):
            failed = True
            print(parsed.message(), file=stderr)
            continue
        first = (
            seen.get(parsed.id, number)
            if len(seen) >= MAX_TRACKED_IDS
            else seen.setdefault(parsed.id, number)
        )
        if first != number:
            print(
                f"phiwarden scan: line {number}{_id_note(parsed.id)}: warning: duplicate id "
                f"(first on line {first}); scanned anyway",
                file=stderr,
            )
        pending.append(parsed)
        if len(pending) >= chunk:
            flush()
    flush()
    return EXIT_INPUT if failed else EXIT_OK


def _scan_chunk(
    engine: Scanner, items: Sequence[Item], batch_size: int
) -> list[ScanResult | LineError]:
    """Batch the chunk; if the batch fails, rescan one by one so only the bad lines fail."""
    try:
        results = engine.scan_batch([i.text for i in items], batch_size=batch_size)
        if len(results) == len(items):
            return list(results)
    except Exception:  # isolated below, reported per line
        pass
    outcomes: list[ScanResult | LineError] = []
    for item in items:
        try:
            outcomes.append(engine.scan(item.text))
        except Exception as exc:  # the type only: messages may quote the text
            outcomes.append(
                LineError(item.line, f"detection failed ({type(exc).__name__})", item.id)
            )
    return outcomes


def _output_line(
    engine: Scanner, item: Item, outcome: ScanResult | LineError, redact: bool
) -> str | LineError:
    """The JSON line for a scanned item (with its de-identified text if asked), or its error."""
    if isinstance(outcome, LineError):
        return outcome
    redacted = None
    if redact:
        try:
            redacted = engine.redact(item.text, outcome)
        except Exception as exc:  # the type only: messages may quote the text
            return LineError(item.line, f"redaction failed ({type(exc).__name__})", item.id)
    return result_json(item.id, outcome, redacted)


# ---------------------------------------------------------------- one text
def _printable(span: str) -> str:
    return span.encode("unicode_escape").decode("ascii") if not span.isprintable() else span


def format_table(text: str, result: ScanResult) -> str:
    rows = [("KIND", "SCORE", "START-END", "TEXT")]
    rows += [
        (str(f.kind), f"{f.score:.2f}", f"{f.start}-{f.end}", _printable(text[f.start : f.end]))
        for f in result.findings
    ]
    widths = [max(len(r[c]) for r in rows) for c in range(3)]
    lines = [f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]}" for r in rows]
    if not result.findings:
        lines = ["(no findings)"]
    summary = f"verdict: {result.verdict}" + (
        f"  kinds: {', '.join(result.kinds)}" if result.findings else ""
    )
    return "\n".join([*lines, summary])


def _single_text(args: argparse.Namespace, stderr: IO[str]) -> str | None:
    if args.text == "-":
        data = sys.stdin.buffer.read(args.max_bytes + 1)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            print(
                f"phiwarden scan: stdin is not valid UTF-8 (bad byte at offset {exc.start})",
                file=stderr,
            )
            return None
    else:
        text = args.text
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        print("phiwarden scan: text is not valid Unicode", file=stderr)
        return None
    if size > args.max_bytes:
        print(
            f"phiwarden scan: text too long (over {args.max_bytes} bytes; see --max-bytes)",
            file=stderr,
        )
        return None
    return text


# ---------------------------------------------------------------- entry point
def load_engine(model: str | None, stderr: IO[str]) -> Scanner | None:
    """The configured `TextEngine`, or None after a one-line reason on stderr.

    A bad setting raises `ConfigError` for `bot.cli.main` to report (status 2, as everywhere).
    """
    from bot.config import load_settings

    settings = load_settings()
    model_name = model or settings.spacy_model
    try:
        from bot.detect.engine import TextEngine

        return TextEngine(model_name=model_name, institutions=settings.institutions)
    except Exception as exc:  # start-up failure: say which model, never a traceback
        print(
            f"phiwarden scan: cannot load the detection engine with model {model_name!r} "
            f"({type(exc).__name__}: {str(exc)[:200]})",
            file=stderr,
        )
        return None


def run(args: argparse.Namespace) -> int:
    stderr = sys.stderr
    if args.max_bytes < 1 or args.batch_size < 1:
        print("phiwarden scan: --max-bytes and --batch-size must be positive", file=stderr)
        return EXIT_INPUT
    if args.jsonl and args.text is not None:
        print("phiwarden scan: give either TEXT or --jsonl, not both", file=stderr)
        return EXIT_INPUT
    if not args.jsonl and args.text is None:
        print('phiwarden scan: nothing to scan: give TEXT, "-" for stdin, or --jsonl', file=stderr)
        return EXIT_INPUT
    text = None if args.jsonl else _single_text(args, stderr)
    if not args.jsonl and text is None:
        return EXIT_INPUT
    engine = load_engine(args.model, stderr)
    if engine is None:
        return EXIT_FATAL
    try:
        if args.jsonl:
            return scan_jsonl(
                engine,
                sys.stdin.buffer,
                sys.stdout,
                stderr,
                args.max_bytes,
                args.batch_size,
                redact=args.redact,
            )
        assert text is not None
        try:
            result = engine.scan(text)
            output = engine.redact(text, result) if args.redact else format_table(text, result)
        except Exception as exc:  # never a traceback, never the text
            print(f"phiwarden scan: detection failed ({type(exc).__name__})", file=stderr)
            return EXIT_FATAL
        print(output)
        return EXIT_OK
    except BrokenPipeError:  # `... | head`: the reader left; not an error of ours
        _silence_stdout()
        return EXIT_OK


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
