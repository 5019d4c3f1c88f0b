"""The log guard: ids, kinds and counts pass; free text, unknown keys and payloads do not."""

from __future__ import annotations

import json
import logging

import pytest

from bot.logging import (
    REDACTED,
    JsonFormatter,
    configure_logging,
    log_event,
    redact_for_log,
    safe_value,
)


def test_redact_for_log_keeps_ids_kinds_counts_and_drops_the_rest() -> None:
    fields = redact_for_log(
        {
            "event_id": "Ev0123ABC",
            "channel_id": "C42",
            "kinds": ["NAME", "ID"],
            "counts": {"NAME": 1},
            "attempts": 2,
            "ok": True,
            "text": "Mrs Elena Varga MRN 4829173",  # not an allowed key
            "reason": "Patient Elena Varga was admitted",  # allowed key, free text value
        }
    )
    assert fields == {
        "event_id": "Ev0123ABC",
        "channel_id": "C42",
        "kinds": ["NAME", "ID"],
        "counts": {"NAME": 1},
        "attempts": 2,
        "ok": True,
        "reason": REDACTED,
    }


@pytest.mark.parametrize("value", ["two words", "x" * 81, "line\nbreak", "a,b", "O'Neill?"])
def test_safe_value_redacts_anything_text_like(value: str) -> None:
    assert safe_value(value) == REDACTED


def test_safe_value_redacts_objects_and_deep_nesting() -> None:
    assert safe_value(ValueError("Elena Varga")) == REDACTED
    assert safe_value({"a": {"b": {"c": {"d": {"e": "x"}}}}}) == {
        "a": {"b": {"c": {"d": REDACTED}}}
    }


def test_json_formatter_writes_guarded_fields_and_drops_exception_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    logger = logging.getLogger("bot.test_logging")
    caplog.set_level(logging.DEBUG, logger="bot")
    try:
        raise ValueError("Mrs Elena Varga")
    except ValueError:
        logger.exception("scan failed", extra={"fields": {"job_id": "Ev1", "text": "secret"}})
    log_event(
        logger,
        logging.INFO,
        "post scanned",
        job_id="Ev2",
        kinds=["NAME"],
        note="free text is dropped",
    )
    lines = [json.loads(JsonFormatter().format(r)) for r in caplog.records]
    assert lines[0]["msg"] == "scan failed" and lines[0]["job_id"] == "Ev1"
    assert lines[0]["error_type"] == "ValueError" and "Varga" not in json.dumps(lines[0])
    assert "text" not in lines[0]
    assert lines[1]["kinds"] == ["NAME"] and "note" not in lines[1]


def test_third_party_arguments_are_not_formatted_into_the_line() -> None:
    record = logging.LogRecord(
        "aiosqlite",
        logging.WARNING,
        __file__,
        1,
        "executing %s",
        ("INSERT ... 'Elena Varga'",),
        None,
    )
    assert json.loads(JsonFormatter().format(record))["msg"] == "executing %s"


def test_debug_level_keeps_payload_logging_libraries_quiet() -> None:
    configure_logging("DEBUG")
    try:
        assert logging.getLogger("bot").isEnabledFor(logging.DEBUG)
        for name in ("aiosqlite", "sqlalchemy.engine", "slack_sdk.web.async_base_client"):
            assert not logging.getLogger(name).isEnabledFor(logging.DEBUG), name
    finally:
        root = logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "_phiwarden", False):
                root.removeHandler(handler)
        root.setLevel(logging.WARNING)
