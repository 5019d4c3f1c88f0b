"""Exceptions phiwarden raises on purpose: every one that leaves its module is defined here.

Two kinds stay where they are used: private control-flow signals that never leave their module
(`bot.slack.files._Retry`, `_Redirect`), and the stand-in's `SlackError`, which plays Slack's
error answers and is not phiwarden's. Pydantic validators in `bot.config` raise `ValueError`, as
pydantic expects; `bot.config` turns them into one `ConfigError` line per setting.

Messages name what went wrong and what to do, never the text or file that caused it
(that content may be PHI). What they mean for a job: one that raises an `InputError` fails at
once (retrying cannot help); any other error is retried with backoff. The pipeline catches a
`DetectionError` itself and applies the channel's failure action (fail closed)::

    PhiwardenError
     +-- ConfigError              settings missing or inconsistent (refuse to start)
     +-- InputError               a caller handed us something we cannot process
     |    +-- InvalidPolicyError  `/phi policy set` names an unknown field or value
     |    +-- UnscannableError    a file type or size the scanners do not handle
     |         +-- FileTooLargeError  past MAX_FILE_BYTES (declared, or while streaming)
     +-- DetectionError           the detector itself failed (policy fails closed)
     +-- SlackGatewayError        a Web API call failed after retries (`.method`, `.error`)
     |    +-- SlackRateLimited    Slack said 429; `retry_after` says when to come back
     +-- StoreError               the database refused or is unreachable

Library errors are translated where their meaning is known (the gateway's Slack errors, the
scan pool's worker failures, `open_store`'s connection errors) or retried where they are
transient (store writes, Redis dispatch).
"""

from __future__ import annotations


class PhiwardenError(Exception):
    """Base class for every error phiwarden raises deliberately."""


class ConfigError(PhiwardenError):
    """Settings are missing or inconsistent."""


class InputError(PhiwardenError):
    """Input cannot be processed; the message says why without quoting it."""


class InvalidPolicyError(InputError):
    """A policy change names an unknown field or a value the field cannot take."""


class UnscannableError(InputError):
    """A file whose type or size the scanners do not handle; policy decides what happens."""


class FileTooLargeError(UnscannableError):
    """The file is larger than the configured cap; policy treats it as unscannable."""


class DetectionError(PhiwardenError):
    """The detector failed; callers apply the policy's failure action (fail closed)."""


class SlackGatewayError(PhiwardenError):
    """A Slack Web API call failed after retries."""

    def __init__(self, method: str, error: str, *, retry_after: float | None = None) -> None:
        super().__init__(f"Slack {method} failed: {error}")
        self.method = method
        self.error = error
        # Rate limited: Slack's last `Retry-After`, so a job retry waits at least that long.
        self.retry_after = retry_after


class SlackRateLimited(SlackGatewayError):
    """Slack answered 429: the caller reschedules after `retry_after` seconds (durably)."""

    def __init__(self, method: str, retry_after: float) -> None:
        super().__init__(method, "ratelimited", retry_after=retry_after)


class StoreError(PhiwardenError):
    """The database refused an operation or cannot be reached."""
