"""`FlowDeps`: what a flow built from fakes can and cannot do, and the audit salt."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.detect.vocabulary import Vocabulary
from bot.store.api import ScanJob
from tests.flow.fakes import fake_deps, post_job


async def test_when_a_flow_has_no_queue_then_recording_a_job_says_so() -> None:
    deps = fake_deps()
    with pytest.raises(RuntimeError, match="without a job queue"):
        await deps.record(post_job("x"))


async def test_when_a_flow_has_a_queue_then_jobs_go_to_it_with_their_delay() -> None:
    seen: list[tuple[str, float]] = []

    async def enqueue(job: ScanJob, delay: float) -> bool:
        seen.append((job.job_id, delay))
        return True

    deps = fake_deps()
    deps.enqueue = enqueue
    assert await deps.record(post_job("x", job_id="Ev9"), 30.0)
    assert seen == [("Ev9", 30.0)]


async def test_when_no_vocabularies_or_people_are_kept_then_scans_get_none() -> None:
    deps = fake_deps()
    assert await deps.vocabulary("T1") is None and await deps.staff("T1") is None


async def test_when_vocabularies_are_kept_then_the_team_s_is_asked_for() -> None:
    class Vocabularies:
        def __init__(self) -> None:
            self.asked: list[str] = []

        async def for_team(self, team_id: str) -> Vocabulary:
            self.asked.append(team_id)
            return Vocabulary()

    deps = fake_deps()
    vocabularies = Vocabularies()
    deps.vocabularies = vocabularies  # type: ignore[assignment]  # the part FlowDeps calls
    assert await deps.vocabulary("T7") == Vocabulary() and vocabularies.asked == ["T7"]


@pytest.mark.parametrize(
    ("key", "secret", "salt"),
    [
        ("k" * 43 + "=", "s", "k" * 43 + "="),  # the encryption key first
        (None, "s", "s"),
        (None, None, ""),
    ],
)
def test_when_audit_rows_are_hashed_then_the_salt_is_the_install_s_secret(
    key: str | None, secret: str | None, salt: str
) -> None:
    deps = fake_deps()
    deps.settings = Settings.model_construct(token_encryption_key=key, slack_signing_secret=secret)
    assert deps.salt() == salt
