"""Structured logs that can carry ids, kinds and counts, and nothing else.

A Slack payload is PHI, so log lines are built only through `log_event`, which passes every
field through `redact_for_log`: keys outside `SAFE_KEYS` are dropped and string values that do
not look like an identifier, enum or kind (anything with spaces, long text) are replaced by
`REDACTED`. `JsonFormatter` writes one JSON object per line for log shippers.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

REDACTED = "[redacted]"

# Field names allowed in a log line or an audit `detail`.
SAFE_KEYS = frozenset(
    {
        "event",
        "event_id",
        "event_type",
        "job_id",
        "team_id",
        "channel_id",
        "user_id",
        "actor",
        "confirm_id",
        "attestation_id",
        "message_hash",
        "ts",
        "thread_ts",
        "kind",
        "kinds",
        "counts",
        "count",
        "verdict",
        "action",
        "outcome",
        "rule",
        "channel_class",
        "attempts",
        "attempt",
        "max_attempts",
        "status",
        "error",
        "error_type",
        "method",
        "duration_ms",
        "delay_s",
        "latency_ms",
        "queue",
        "queue_depth",
        "worker",
        "owner",
        "retry_num",
        "retry_after",
        "http_status",
        "file_id",
        "file_type",
        "size_bytes",
        "policy",
        "text_action",
        "image_action",
        "unscannable_action",
        "failure_action",
        "confirm_timeout_seconds",
        "offer_redacted_image",
        "act_on_low",
        "revision",
        "component",
        "ok",
        "path",
        "reason",
        "score",
        "scores",
        "recognizer",
        "step",
        "stage",
        "replicas",
        "url_scheme",
    }
)

# An id, enum, kind, hash or timestamp: no spaces, short, a limited alphabet.
_SAFE_STRING = re.compile(r"^[A-Za-z0-9_.:#/@*+\-]{0,80}$")


def safe_value(value: Any, depth: int = 0) -> Any:
    """`value` if it cannot carry free text, else `REDACTED` (recursing into lists and dicts)."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value if _SAFE_STRING.match(value) else REDACTED
    if depth > 3:
        return REDACTED
    if isinstance(value, list | tuple | set | frozenset):
        return [safe_value(item, depth + 1) for item in value]
    if isinstance(value, Mapping):
        return {
            str(k): safe_value(v, depth + 1)
            for k, v in value.items()
            if isinstance(k, str) and _SAFE_STRING.match(k)
        }
    return REDACTED  # objects (exceptions, payloads) never go into a log as they are


def redact_for_log(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Keep only allow-listed keys with identifier-like values; the guard before any log line."""
    return {key: safe_value(value) for key, value in fields.items() if key in SAFE_KEYS}


def log_event(logger: logging.Logger, level: int, message: str, **fields: Any) -> None:
    """Log `message` (a fixed string, never content) with guarded structured fields."""
    if logger.isEnabledFor(level):
        logger.log(level, message, extra={"fields": redact_for_log(fields)})


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and the guarded fields.

    Exceptions are reduced to their class name: an exception message can quote input.
    """

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage() if not record.args else record.msg,
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, Mapping):
            line.update(redact_for_log(fields))
        if record.exc_info and record.exc_info[0] is not None:
            line["error_type"] = record.exc_info[0].__name__
        return json.dumps(line, separators=(",", ":"), default=str)


# Libraries that log SQL parameters or HTTP bodies (message text) at DEBUG: never below these
# levels, whatever LOG_LEVEL says.
QUIET_LOGGERS: dict[str, int] = {
    "aiosqlite": logging.WARNING,
    "sqlalchemy": logging.WARNING,
    "asyncpg": logging.WARNING,
    "alembic": logging.WARNING,
    "slack_sdk": logging.INFO,
    "slack_bolt": logging.INFO,
    "aiohttp.access": logging.WARNING,
    "aiohttp.client": logging.WARNING,
    "urllib3": logging.WARNING,
    "presidio-analyzer": logging.WARNING,
    "presidio-image-redactor": logging.WARNING,
    "arq": logging.WARNING,
    "redis": logging.WARNING,
    "multipart": logging.WARNING,
    "PIL": logging.WARNING,
}


def quiet_libraries() -> None:
    """Clamp `QUIET_LOGGERS`, so LOG_LEVEL=DEBUG shows our ids and counts, not payloads."""
    for name, floor in QUIET_LOGGERS.items():
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET or logger.level < floor:
            logger.setLevel(floor)


def configure_logging(level: str = "INFO", json_lines: bool = True) -> None:
    """Install the JSON formatter on the root logger (idempotent) and quiet the libraries."""
    handler = logging.StreamHandler(sys.stderr)
    if json_lines:
        handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    for existing in list(root.handlers):
        if getattr(existing, "_phiwarden", False):
            root.removeHandler(existing)
    handler._phiwarden = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level.upper())
    quiet_libraries()
