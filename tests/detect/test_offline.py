"""Detection must work with the network blocked and without writing a suffix-list cache."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from bot.detect.offline import use_bundled_suffix_list

EMAIL_TEXT = "pls email the family at rosa.nguyen@example.co.uk or see https://portal.example.org/x"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every attempt to resolve or connect is recorded and fails."""
    attempts: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(repr(args[:2]))
        raise OSError("network blocked by test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def test_when_called_twice_then_same_extractor_is_kept() -> None:
    first = use_bundled_suffix_list()
    assert use_bundled_suffix_list() is first
    assert tldextract.tldextract.TLD_EXTRACTOR is first


def test_when_network_blocked_then_tldextract_splits_suffixes(no_network: list[str]) -> None:
    use_bundled_suffix_list()
    result = tldextract.extract("nurse@ward7.stmarys.nhs.uk")
    assert (result.domain, result.suffix) == ("stmarys", "nhs.uk")
    assert no_network == []


def test_when_network_blocked_then_presidio_email_recognizer_finds_email(
    no_network: list[str],
) -> None:
    use_bundled_suffix_list()
    results = EmailRecognizer().analyze(EMAIL_TEXT, entities=["EMAIL_ADDRESS"])
    assert [EMAIL_TEXT[r.start : r.end] for r in results] == ["rosa.nguyen@example.co.uk"]
    assert no_network == []


def test_when_fresh_process_then_no_network_and_no_cache_written(tmp_path: Path) -> None:
    """A cold process (empty cache, network refused) finds the email and writes no file."""
    script = textwrap.dedent(
        """
        import socket
        def refuse(*a, **k):
            raise SystemExit("network touched")
        socket.socket.connect = refuse
        socket.getaddrinfo = refuse
        from bot.detect.offline import use_bundled_suffix_list
        use_bundled_suffix_list()
        from presidio_analyzer.predefined_recognizers import EmailRecognizer
        found = EmailRecognizer().analyze("mail a.b@example.com now", entities=["EMAIL_ADDRESS"])
        assert len(found) == 1, found
        print("ok")
        """
    )
    cache = tmp_path / "cache"
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CACHE_HOME": str(cache),
        "TLDEXTRACT_CACHE": str(cache / "tld"),
    }
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
    assert not cache.exists() or not any(cache.rglob("*"))


@pytest.mark.slow
def test_when_fresh_process_then_text_engine_needs_no_network_and_writes_no_cache(
    tmp_path: Path,
) -> None:
    """`TextEngine()` itself switches tldextract to the snapshot: nothing else is called first."""
    script = textwrap.dedent(
        """
        import socket
        def refuse(*a, **k):
            raise SystemExit("network touched")
        socket.socket.connect = refuse
        socket.getaddrinfo = refuse
        from bot.detect.engine import TextEngine
        engine = TextEngine()
        text = "reach the daughter at ana.sousa@example.com.br or https://ana-sousa.example.net"
        kinds = [str(f.kind) for f in engine.scan(text).findings]
        assert kinds.count("CONTACT") >= 2, kinds
        print("ok")
        """
    )
    cache = tmp_path / "cache"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")
    assert not cache.exists() or not any(cache.rglob("*"))


@pytest.mark.slow
def test_when_network_blocked_then_text_engine_finds_contacts(no_network: list[str]) -> None:
    from bot.detect.engine import TextEngine
    from bot.detect.types import Kind

    result = TextEngine().scan(EMAIL_TEXT)
    spans = {EMAIL_TEXT[f.start : f.end] for f in result.findings if f.kind is Kind.CONTACT}
    assert any("rosa.nguyen@example.co.uk" in s for s in spans)
    assert any("portal.example.org" in s for s in spans)
    assert result.phi
    assert no_network == []
