"""The words a job and an answer are recorded with: what a job does, what a poster chose.

Both are stored as their string values (the `scan_jobs.kind` column, a choice job's payload),
so the values never change; `StrEnum` members compare equal to them.
"""

from __future__ import annotations

from enum import StrEnum


class JobKind(StrEnum):
    """What a recorded job asks the pipeline to do."""

    MESSAGE = "message"  # a post (or an edit) with text only
    FILE = "file"  # a post that shares files
    EXPIRE = "expire_confirm"  # a pending confirm passed its timeout
    CHOICE = "confirm_choice"  # a button or modal answer, recorded before the ack like any event
    SWEEP = "sweep"  # one page of a history sweep (bot.flow.sweep)
    FALSE_POSITIVE = "false_positive"  # "This isn't patient information" (bot.flow.feedback)

    @property
    def is_post(self) -> bool:
        """A scan of something a person posted (what a failed job must alert admins about)."""
        return self in (JobKind.MESSAGE, JobKind.FILE)


class Choice(StrEnum):
    """A poster's answer to a held post, an offer or an override of a block."""

    ATTESTED = "attested"  # consent attested in the modal: the original comes back
    REDACTED = "redacted"  # post the de-identified version
    WITHDRAWN = "withdrawn"  # keep it removed
    OFFER = "offer"  # take the offered de-identified image copy
    OVERRIDDEN = "overridden"  # a block overridden with a written justification: it comes back
