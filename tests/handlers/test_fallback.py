"""The catch-alls: what no listener wanted is acknowledged (so Slack does not retry it), and an
exception's text never reaches a log record (it can quote message content)."""

from __future__ import annotations

import logging
import sys
from typing import Any
from unittest.mock import AsyncMock

import pytest

from handlers.fallback import NoExceptionText, ignore, on_error


async def test_an_event_no_listener_wanted_is_acknowledged() -> None:
    ack = AsyncMock()
    await ignore(ack, {"type": "event_callback", "event": {"type": "reaction_added"}})
    ack.assert_awaited_once_with()


async def test_a_listener_error_is_logged_by_its_type_only(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.ERROR, logger="handlers.fallback"):
        await on_error(ValueError("Jane Roe, DOB 01/02/1960"))
    (record,) = [r for r in caplog.records if r.name == "handlers.fallback"]
    fields: dict[str, Any] = getattr(record, "fields", {})
    assert fields.get("error_type") == "ValueError"
    assert "Jane Roe" not in record.getMessage() and "Jane Roe" not in repr(fields)


def _record_with(error: Exception) -> logging.LogRecord:
    try:
        raise error
    except type(error):
        exc_info = sys.exc_info()
    return logging.LogRecord("slack_bolt", logging.ERROR, "x", 1, "%s", (str(error),), exc_info)


def test_the_filter_reduces_a_bolt_exception_record_to_its_type() -> None:
    record = _record_with(RuntimeError("INSERT ... 'Jane Roe' ..."))
    assert NoExceptionText().filter(record) is True  # reduced, not dropped
    assert record.getMessage() == "Bolt error (RuntimeError)"
    assert record.exc_info is None and record.exc_text is None
    assert "Jane Roe" not in logging.Formatter().format(record)


def test_the_filter_leaves_records_without_an_exception_alone() -> None:
    record = logging.LogRecord("slack_bolt", logging.INFO, "x", 1, "listener %s", ("ok",), None)
    assert NoExceptionText().filter(record) is True
    assert record.getMessage() == "listener ok"
