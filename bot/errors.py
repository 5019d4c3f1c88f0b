"""Exceptions phiwarden raises on purpose.

Messages name what went wrong and what to do, never the text or file that caused it
(that content may be PHI)::

    PhiwardenError
     +-- ConfigError            settings missing or inconsistent
     +-- InputError             a caller handed us something we cannot process
     |    +-- UnscannableError  a file type or size the scanners do not handle
     +-- DetectionError         the detector itself failed (policy fails closed)
     +-- SlackGatewayError      a Web API call failed after retries
     +-- StoreError             the database refused or is unreachable
"""

from __future__ import annotations


class PhiwardenError(Exception):
    """Base class for every error phiwarden raises deliberately."""


class ConfigError(PhiwardenError):
    """Settings are missing or inconsistent."""


class InputError(PhiwardenError):
    """Input cannot be processed; the message says why without quoting it."""


class UnscannableError(InputError):
    """A file whose type or size the scanners do not handle; policy decides what happens."""


class DetectionError(PhiwardenError):
    """The detector failed; callers apply the policy's failure action (fail closed)."""


class SlackGatewayError(PhiwardenError):
    """A Slack Web API call failed after retries."""

    def __init__(self, method: str, error: str) -> None:
        super().__init__(f"Slack {method} failed: {error}")
        self.method = method
        self.error = error


class StoreError(PhiwardenError):
    """The database refused an operation or cannot be reached."""
