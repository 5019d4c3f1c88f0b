"""`phiwarden scan`: the JSONL contract, bad input line by line, and never a traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from collections.abc import Sequence

import pytest

from bot.cli.scan import Item, LineError, format_table, parse_line, read_lines, scan_jsonl
from bot.detect.types import Finding, Kind, ScanResult, Verdict

SECRET = "Zbigniew Brzęczyszczykiewicz"  # must never appear on stderr


class FakeEngine:
    """Finds the word `Smith` and SECRET; raises on texts containing BOOM."""

    def __init__(self) -> None:
        self.batches: list[int] = []

    def scan(self, text: str) -> ScanResult:
        if "BOOM" in text:
            raise RuntimeError(f"engine choked on {text}")
        found = [
            Finding(i, i + len(w), Kind.NAME, 0.9)
            for w in ("Smith", SECRET)
            if (i := text.find(w)) >= 0
        ]
        return ScanResult(Verdict.PHI if found else Verdict.CLEAN, tuple(found))

    def scan_batch(self, texts: Sequence[str], batch_size: int = 64) -> list[ScanResult]:
        self.batches.append(len(texts))
        return [self.scan(t) for t in texts]

    def redact(self, text: str, result: ScanResult | None = None) -> str:
        if "SPLAT" in text:
            raise ValueError(f"cannot redact {text}")
        return text.replace("Smith", "[NAME]")


def line(obj: object) -> bytes:
    return (json.dumps(obj, ensure_ascii=False) + "\n").encode()


def run_jsonl(
    data: bytes, chunk: int = 64, max_bytes: int = 1000, redact: bool = False
) -> tuple[int, list[dict[str, object]], str, FakeEngine]:
    engine = FakeEngine()
    out, err = io.StringIO(), io.StringIO()
    rc = scan_jsonl(
        engine, io.BytesIO(data), out, err, max_text_bytes=max_bytes, chunk=chunk, redact=redact
    )
    return rc, [json.loads(x) for x in out.getvalue().splitlines()], err.getvalue(), engine


# ---------------------------------------------------------------- parse_line
@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"\n", "empty line"),
        (b"   \r\n", "empty line"),
        (b"{not json\n", "not valid JSON"),
        (b"\xff\xfe{}\n", "not valid UTF-8"),
        (b'["id", "text"]\n', "expected a JSON object"),
        (b'{"text": "x"}\n', 'missing field "id"'),
        (b'{"id": true, "text": "x"}\n', 'field "id" must be'),
        (b'{"id": null, "text": "x"}\n', 'field "id" must be'),
        (b'{"id": "a"}\n', 'missing field "text"'),
        (b'{"id": "a", "text": 5}\n', 'field "text" must be a string'),
        (b'{"id": "a", "text": "\\ud800"}\n', "lone surrogate"),
        (b'{"id": "a", "text": "' + b"x" * 1001 + b'"}\n', "text too long"),
        (None, "line too long"),
    ],
)
def test_when_bad_line_then_line_error_names_reason(raw: bytes | None, reason: str) -> None:
    parsed = parse_line(7, raw, max_text_bytes=1000)
    assert isinstance(parsed, LineError)
    assert reason in parsed.reason
    assert parsed.message().startswith("phiwarden scan: line 7")


@pytest.mark.parametrize("item_id", ["abc", 42, ""])
def test_when_good_line_then_item(item_id: str | int) -> None:
    parsed = parse_line(1, line({"id": item_id, "text": "héllo", "extra": 1}), 1000)
    assert parsed == Item(1, item_id, "héllo")


def test_when_line_is_overlong_then_it_is_skipped_without_losing_the_next() -> None:
    data = b"a" * 5000 + b"\n" + b"short\n" + b"tail-without-newline"
    assert list(read_lines(io.BytesIO(data), max_line_bytes=100)) == [
        (1, None),
        (2, b"short\n"),
        (3, b"tail-without-newline"),
    ]


# ---------------------------------------------------------------- scan_jsonl with a fake engine
def test_when_all_lines_good_then_one_output_per_line_in_order_and_exit_0() -> None:
    data = b"".join(
        line({"id": f"m{i}", "text": f"pt Smith {i}" if i % 2 else "clean"}) for i in range(5)
    )
    rc, out, err, engine = run_jsonl(data, chunk=2)
    assert rc == 0 and err == ""
    assert [o["id"] for o in out] == [f"m{i}" for i in range(5)]
    assert [o["phi"] for o in out] == [False, True, False, True, False]
    assert out[1] == {
        "id": "m1",
        "phi": True,
        "verdict": "phi",
        "spans": [{"start": 3, "end": 8, "kind": "NAME", "score": 0.9}],
    }
    assert engine.batches == [2, 2, 1]


def test_when_some_lines_bad_then_others_written_errors_named_and_exit_2() -> None:
    data = b"".join(
        [
            line({"id": "a", "text": "Smith"}),
            b"\n",
            b"{oops " + SECRET.encode() + b"\n",
            b'{"id": "bad-utf8", "text": "\xff' + SECRET.encode() + b'"}\n',
            line({"id": "b", "text": "BOOM " + SECRET}),
            line({"id": "big", "text": SECRET * 100}),
            line({"id": "c"}),
            line({"id": "d", "text": "fine"}),
        ]
    )
    rc, out, err, _ = run_jsonl(data, max_bytes=1000)
    assert rc == 2
    assert [o["id"] for o in out] == ["a", "d"]
    messages = err.splitlines()
    assert len(messages) == 6
    for number in (2, 3, 4, 5, 6, 7):
        assert any(f"line {number}" in m for m in messages), number
    assert 'line 5 (id "b"): detection failed (RuntimeError)' in err
    assert '(id "big"): text too long' in err
    assert SECRET not in err and "Brz" not in err and "Traceback" not in err


def test_when_redact_then_each_line_carries_its_de_identified_text() -> None:
    data = line({"id": "a", "text": "pt Smith"}) + line({"id": "b", "text": "clean"})
    rc, out, err, _ = run_jsonl(data, redact=True)
    assert (rc, err) == (0, "")
    assert [(o["id"], o["redacted"]) for o in out] == [("a", "pt [NAME]"), ("b", "clean")]
    assert set(out[0]) == {"id", "phi", "verdict", "spans", "redacted"}
    _, plain, _, _ = run_jsonl(data)
    assert "redacted" not in plain[0]


def test_when_a_redaction_fails_then_that_line_is_an_error_without_its_text() -> None:
    data = line({"id": "a", "text": "SPLAT " + SECRET}) + line({"id": "b", "text": "Smith"})
    rc, out, err, _ = run_jsonl(data, redact=True)
    assert rc == 2 and [o["id"] for o in out] == ["b"]
    assert err.strip() == 'phiwarden scan: line 1 (id "a"): redaction failed (ValueError)'


def test_when_duplicate_ids_then_both_scanned_with_a_warning_and_exit_0() -> None:
    data = line({"id": 1, "text": "Smith"}) + line({"id": 1, "text": "x"})
    rc, out, err, _ = run_jsonl(data)
    assert rc == 0
    assert [o["id"] for o in out] == [1, 1]
    assert "line 2 (id 1): warning: duplicate id (first on line 1)" in err


def test_when_table_then_kind_score_span_and_verdict_shown() -> None:
    text = "see Smith now"
    table = format_table(text, FakeEngine().scan(text))
    assert "NAME" in table and "0.90" in table and "4-9" in table and "Smith" in table
    assert table.splitlines()[-1].startswith("verdict: phi")
    assert format_table("ok", FakeEngine().scan("ok")).endswith("verdict: clean")


# ---------------------------------------------------------------- the real command, in a subprocess
# The fake engine replaces TextEngine inside the child so these stay fast; the process boundary
# (stdin bytes, exit status, stderr, no traceback) is what is under test.
FAKE_BOOT = textwrap.dedent(
    """
    import sys, types
    sys.path.insert(0, {tests!r})
    fake = types.ModuleType("bot.detect.engine")  # never import spaCy/Presidio here
    fake.TextEngine = None
    sys.modules["bot.detect.engine"] = fake
    import test_scan as test_cli_scan
    fake.TextEngine = lambda **kw: test_cli_scan.FakeEngine()
    from bot.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def phiwarden(
    args: list[str], stdin: bytes = b"", fake: bool = True
) -> subprocess.CompletedProcess[bytes]:
    import pathlib

    tests = str(pathlib.Path(__file__).parent)
    cmd = (
        [sys.executable, "-c", FAKE_BOOT.format(tests=tests)]
        if fake
        else [sys.executable, "-m", "bot.cli"]
    )
    return subprocess.run([*cmd, "scan", *args], input=stdin, capture_output=True, timeout=300)


def test_when_cli_gets_bad_and_good_lines_then_exit_2_and_good_lines_out() -> None:
    data = b"".join(
        [
            line({"id": "a", "text": "Smith"}),
            b"\n",
            b"not json\n",
            b"\xc3\x28\n",
            line({"id": "huge", "text": "x" * 1_000_000}),
            line({"id": "b", "text": "ok"}),
        ]
    )
    done = phiwarden(["--jsonl"], data)
    assert done.returncode == 2
    assert [json.loads(x)["id"] for x in done.stdout.splitlines()] == ["a", "b"]
    err = done.stderr.decode()
    assert "Traceback" not in err
    assert all(f"line {n}" in err for n in (2, 3, 4, 5))


def test_when_cli_text_then_table_and_redact() -> None:
    done = phiwarden(["pt Smith in bed 4"])
    assert done.returncode == 0 and b"NAME" in done.stdout and b"verdict: phi" in done.stdout
    done = phiwarden(["--redact", "pt Smith in bed 4"])
    assert done.stdout.decode().strip() == "pt [NAME] in bed 4"


def test_when_cli_jsonl_and_redact_then_de_identified_text_per_line() -> None:
    data = b"\xef\xbb\xbf" + line({"id": 7, "text": "pt Smith"}) + b"\n"
    done = phiwarden(["--jsonl", "--redact"], data)
    assert done.returncode == 0, done.stderr
    assert [json.loads(x)["redacted"] for x in done.stdout.splitlines()] == ["pt [NAME]"]
    assert done.stderr == b""


def test_when_cli_text_is_dash_then_text_read_from_stdin() -> None:
    done = phiwarden(["-"], b"pt Smith\nline two")
    assert done.returncode == 0 and b"3-8" in done.stdout
    done = phiwarden(["-"], b"pt \xff Smith")
    assert (
        done.returncode == 2
        and b"not valid UTF-8" in done.stderr
        and b"Traceback" not in done.stderr
    )


def test_when_cli_text_too_long_then_exit_2_without_echo() -> None:
    done = phiwarden(["--max-bytes", "10", "pt Smith is here today"])
    assert done.returncode == 2 and b"too long" in done.stderr and b"Smith" not in done.stderr


def test_when_cli_gets_no_text_then_usage_message_and_exit_2() -> None:
    done = phiwarden([])
    assert done.returncode == 2 and b"nothing to scan" in done.stderr


@pytest.mark.slow
def test_when_real_engine_then_jsonl_contract_holds() -> None:
    data = (
        line({"id": "p", "text": "can someone see John Smith in bed 8, MRN 12345678"})
        + line({"id": "c", "text": "grand rounds moved, lunch is in the lounge"})
        + b"{bad\n"
    )
    done = phiwarden(["--jsonl"], data, fake=False)
    assert done.returncode == 2, done.stderr
    out = [json.loads(x) for x in done.stdout.splitlines()]
    assert [o["id"] for o in out] == ["p", "c"]
    assert out[0]["phi"] is True and out[0]["verdict"] == "phi"
    assert {s["kind"] for s in out[0]["spans"]} >= {"NAME", "ID"}
    assert set(out[0]["spans"][0]) == {"start", "end", "kind", "score"}
    assert out[1]["phi"] is False
    assert b"line 3" in done.stderr and b"Traceback" not in done.stderr


@pytest.mark.slow
def test_when_real_engine_then_table_and_redact_work() -> None:
    text = "can someone see Boyd in bed 8, 67yo, MRN 12345678, Norco 5/325"
    done = phiwarden([text], fake=False)
    assert done.returncode == 0, done.stderr
    table = done.stdout.decode()
    assert table.splitlines()[-1].startswith("verdict: phi") and "12345678" in table
    done = phiwarden(["--redact", text], fake=False)
    redacted = done.stdout.decode()
    assert done.returncode == 0 and "Boyd" not in redacted and "12345678" not in redacted
    assert "60s" in redacted and "Norco 5/325" in redacted


def test_a_byte_order_mark_and_trailing_blank_lines_are_not_inputs() -> None:
    data = b"\xef\xbb\xbf" + line({"id": 1, "text": "hello"}) + line({"id": 2, "text": "x"})
    rc, results, err, _ = run_jsonl(data + b"\n\r\n")
    assert (rc, [r["id"] for r in results], err) == (0, [1, 2], "")
