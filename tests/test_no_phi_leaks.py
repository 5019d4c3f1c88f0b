"""No PHI escapes: the bench corpus's synthetic PHI goes through every flow of the real app.

The real server (`start_server`) runs against the Slack stand-in with logging configured as
`phiwarden run` does it (`configure_logging`, here at DEBUG). Posts carrying corpus PHI go
through block, confirm (attest, post redacted, withdraw, time out), redact, an edit that adds
PHI, `/phi check`, a malformed request, a Slack 5xx and rate limit, a detector that fails with
the text in its error, and a job that fails for good with the text in its error; then the audit
trail is exported. Afterwards no PHI string may appear in any captured log record (formatted
or JSON), stderr, any row of any table, or the export. The only place text may rest is the
`payload` of a job or confirm still in flight, and every finished one must have none.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa

from bot.cli.audit import export
from bot.errors import DetectionError
from bot.jobs.runner import RetryPolicy
from bot.logging import JsonFormatter, configure_logging
from bot.messages import ids
from bot.policy import ChannelPolicy, PolicyAction
from bot.store.models import metadata
from tests.scenario.conftest import Harness, make_harness, scan_engine

__all__ = ["make_harness", "scan_engine"]  # fixtures borrowed from the scenario harness

CONSENT = {
    ids.ACTION_CONSENT_POINT: ["yes"],
    ids.ACTION_INTENDED_USE: "care_team",
    ids.ACTION_CHANNEL_APPROVED: "yes",
}
IN_FLIGHT = {"scan_jobs": ("pending", "running"), "pending_confirms": ("pending",)}


def corpus_messages(n: int = 10) -> tuple[list[str], set[str]]:
    """PHI messages from the bench corpus and the identifier strings inside them."""
    from bench.corpus.text_corpus import generate

    texts: list[str] = []
    secrets: set[str] = set()
    for example in generate(n=300, seed=23, split="heldout"):
        if example.verdict != "phi":
            continue
        values = {
            example.text[s:e].strip()
            for s, e, kind, _ in example.spans
            if kind in ("NAME", "ID", "CONTACT", "DATE", "LOCATION")
        }
        values = {v for v in values if len(v) >= 6 or (len(v) >= 4 and any(c.isdigit() for c in v))}
        if values:
            texts.append(example.text)
            secrets |= values
        if len(texts) == n:
            break
    return texts, secrets


@pytest.fixture
def json_logging() -> Iterator[None]:
    configure_logging("DEBUG")
    try:
        yield
    finally:
        root = logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "_phiwarden", False):
                root.removeHandler(handler)
        root.setLevel(logging.WARNING)


async def dump_tables(h: Harness) -> tuple[str, list[str]]:
    """Every row of every table as text (in-flight payloads left out) and payload violations."""
    store: Any = h.server.services.store
    parts: list[str] = []
    violations: list[str] = []
    async with store.engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in (await conn.execute(sa.select(table))).mappings():
                values = dict(row)
                if table.name in IN_FLIGHT:
                    in_flight = values["status"] in IN_FLIGHT[table.name]
                    if not in_flight and values["payload"] is not None:
                        violations.append(f"{table.name} {values['status']} keeps its payload")
                    values.pop("payload")
                parts.append(f"{table.name}: {values!r}")
    return "\n".join(parts), violations


def prompts(h: Harness) -> list[Any]:
    """Maria's confirm prompts in #ward-4 (ephemerals with the confirm buttons)."""
    return [e for e in h.ephemerals(h.maria, h.ward) if ids.ACTION_ATTEST in str(e.blocks)]


async def held_prompt(h: Harness, text: str) -> Any:
    before = len(prompts(h))
    await h.post(h.maria, h.ward, text)
    for _ in range(200):
        await h.settle()
        if len(prompts(h)) > before:
            return prompts(h)[-1]
        await asyncio.sleep(0.05)
    raise AssertionError("no confirm prompt")


async def test_corpus_phi_never_reaches_logs_rows_errors_or_exports(
    make_harness: Any,
    json_logging: None,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts, secrets = corpus_messages()
    assert len(texts) >= 8 and len(secrets) >= 10
    caplog.set_level(logging.DEBUG)
    h: Harness = await make_harness()
    services: Any = h.server.services
    baseline = "\n".join(r.getMessage() for r in caplog.records) + (await dump_tables(h))[0]
    secrets = {s for s in secrets if s not in baseline}  # e.g. a name equal to a word we log
    texts_iter = iter(texts)

    # Block (external channel) and a Slack-side 5xx and rate limit on the way.
    h.slack.http_error_next("chat.postEphemeral", 500)
    h.slack.fail_next("chat.delete", error="ratelimited", retry_after=1)
    await h.post(h.maria, h.partner, next(texts_iter))
    await h.slack.wait_for("chat.postEphemeral", 1, timeout=15)
    await h.settle(15)

    # Confirm, then each answer: attest, post redacted, withdraw, and a timeout.
    prompt = await held_prompt(h, next(texts_iter))
    await h.sender.click(h.maria.id, prompt, ids.ACTION_ATTEST)
    await h.slack.wait_for("views.open")
    await h.sender.submit_view(h.maria.id, h.ws.open_modals(h.maria.id)[-1], CONSENT)
    prompt = await held_prompt(h, next(texts_iter))
    await h.sender.click(h.maria.id, prompt, ids.ACTION_POST_REDACTED)
    prompt = await held_prompt(h, next(texts_iter))
    await h.sender.click(h.maria.id, prompt, ids.ACTION_WITHDRAW)
    await held_prompt(h, next(texts_iter))
    h.advance_clock(3600)
    await h.settle(10)

    # Redact policy, and an edit that adds PHI to a clean post.
    await services.store.set_policy(
        h.ws.team_id, h.ward.id, ChannelPolicy(text_action=PolicyAction.REDACT), h.ines.id
    )
    await h.post(h.maria, h.ward, next(texts_iter))
    clean, _ = await h.post(h.omar, h.ward, "Handover at 7, see the usual board")
    await h.settle()
    await h.sender.event(h.ws.edit_as_user(h.ward.id, clean["ts"], next(texts_iter)))
    await h.settle()

    # /phi check, and a malformed request quoting PHI.
    text = next(texts_iter)
    await h.sender.command(h.maria.id, h.ward.id, f"check {text}")
    await h.sender.post('{"event": {"text": "' + text + '"', "application/json")

    # The detector fails with the text in its error: fail closed, say nothing of the text.
    async def broken_scan(text: str, *context: Any, **named: Any) -> Any:
        raise DetectionError(f"engine choked on {text}")

    monkeypatch.setattr(services.scanner, "scan_text", broken_scan)
    await h.post(h.maria, h.partner, next(texts_iter))
    await h.settle(10)

    # A job that fails for good, its error quoting the payload: audited and alerted, no text.
    queue: Any = services.queue
    monkeypatch.setattr(queue.runner, "retry", RetryPolicy(max_attempts=1))

    async def crashing_handler(job: Any) -> None:
        raise RuntimeError(f"cannot handle {job.payload.get('text')}")

    monkeypatch.setattr(queue.runner, "handler", crashing_handler)
    await h.post(h.maria, h.ward, next(texts_iter))
    await h.settle(10)

    # The compliance export, both formats.
    monkeypatch.setenv("DATABASE_URL", services.settings.database_url)
    exported = []
    for fmt in ("csv", "jsonl"):
        buffer = io.StringIO()
        args = argparse.Namespace(
            since=datetime(2000, 1, 1, tzinfo=UTC), until=None, team=None, format=fmt
        )
        assert await export(args, buffer) > 0
        exported.append(buffer.getvalue())

    rows, violations = await dump_tables(h)
    assert violations == []
    assert '"event": "failure"' in exported[1] and '"event": "consent"' in exported[1]
    formatter = JsonFormatter()
    logged = "\n".join(
        f"{r.getMessage()} {getattr(r, 'fields', '')}\n{formatter.format(r)}"
        for r in caplog.records
    )
    stderr = capsys.readouterr().err
    assert len(caplog.records) > 20, "the flows were logged"
    # The search is meaningful: the PHI did go through the app (the attested post was restored).
    slack_saw = repr([call.args for call in h.slack.calls()])
    assert any(s in slack_saw for s in secrets)
    for where, haystack in (
        ("logs", logged),
        ("stderr", stderr),
        ("database", rows),
        ("csv export", exported[0]),
        ("jsonl export", exported[1]),
    ):
        leaked = sorted(s for s in secrets if s in haystack)
        assert leaked == [], f"PHI found in {where}: {json.dumps(leaked[:3])}"
