"""`bot.flow.intake`: which events become scan jobs, and what a job keeps (step 1)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.flow.intake import Skip, installation_team, job_from_event, job_parts, message_hash
from bot.flow.kinds import JobKind
from bot.store.api import ScanJob

BOT = "UBOT"


def _envelope(event: dict[str, Any], **body: Any) -> dict[str, Any]:
    message = {"type": "message", "channel": "C1", "user": "U1", "ts": "1.0", **event}
    return {"event_id": "Ev1", "team_id": "T1", "event": message, **body}


def _edit(new: dict[str, Any], old: dict[str, Any]) -> dict[str, Any]:
    base = {"user": "U1", "ts": "1.0"}
    return {
        "subtype": "message_changed",
        "message": {**base, **new},
        "previous_message": {**base, **old},
    }


@pytest.mark.parametrize(
    ("case", "body", "reason"),
    [
        ("no_event", {"event_id": "Ev1"}, "no_event"),
        ("reaction", {"event_id": "Ev1", "event": {"type": "reaction_added"}}, "not_message"),
        ("no_event_id", {**_envelope({"text": "hi"}), "event_id": ""}, "missing_ids"),
        ("our_own_post", _envelope({"text": "x", "user": BOT}), "own_post"),
        (
            "our_own_bot_id",
            _envelope({"text": "MRN 12345678", "user": None, "bot_id": "BOURS"}),
            "own_post",
        ),
        (
            "our_app_in_another_workspace",
            _envelope(
                {"text": "MRN 12345678", "bot_id": "BTHEIRS", "bot_profile": {"app_id": "AOURS"}},
                api_app_id="AOURS",
            ),
            "own_post",
        ),
        ("join", _envelope({"text": "x", "subtype": "channel_join"}), "subtype"),
        ("empty", _envelope({"text": ""}), "empty"),
        (
            "unfurl_edit",
            _envelope(_edit({"text": "same"}, {"text": "same"})),
            "edit_text_unchanged",
        ),
        ("edit_without_message", _envelope({"subtype": "message_changed"}), "edit_without_message"),
        ("no_user", _envelope({"text": "x", "user": None}), "missing_ids"),
    ],
)
def test_when_an_event_needs_no_scan_then_it_is_skipped_with_a_reason(
    case: str, body: dict[str, Any], reason: str
) -> None:
    assert job_from_event(body, BOT, "BOURS") == Skip(reason)


def _workflow_post(**extra: Any) -> dict[str, Any]:
    """A Workflow Builder form's post: subtype bot_message, `bot_id`, no `user`
    (https://docs.slack.dev/reference/events/message/bot_message)."""
    return _envelope(
        {
            "subtype": "bot_message",
            "user": None,
            "bot_id": "BWORKFLOW",
            "username": "Intake form",
            "text": "Patient Jane Roe MRN 12345678",
            **extra,
        },
        api_app_id="AOURS",
    )


def test_another_apps_post_is_scanned_and_its_poster_is_its_bot_id() -> None:
    job = job_from_event(_workflow_post(), BOT, "BOURS")
    assert isinstance(job, ScanJob), job
    assert job.payload["user"] == "BWORKFLOW" and job.payload["from_app"] is True
    assert "MRN 12345678" in job.payload["text"]
    modern = job_from_event(
        _envelope({"text": "MRN 12345678", "user": "UOTHERBOT", "bot_id": "BOTHER"}), BOT
    )
    assert isinstance(modern, ScanJob) and modern.payload["user"] == "UOTHERBOT"
    person = job_from_event(_envelope({"text": "MRN 12345678"}), BOT)
    assert isinstance(person, ScanJob) and person.payload["from_app"] is False


def test_our_own_post_is_skipped_however_we_are_known() -> None:
    own = _envelope({"text": "MRN 12345678", "user": BOT, "bot_id": "BOURS"})
    assert job_from_event(own, BOT) == Skip("own_post")
    assert job_from_event(own, None, "BOURS") == Skip("own_post")
    by_authorization = {**own, "authorizations": [{"user_id": BOT, "is_bot": True}]}
    assert job_from_event(by_authorization) == Skip("own_post")
    edit = _envelope(_edit({"text": "MRN 1", "user": BOT, "bot_id": "BOURS"}, {"text": "x"}))
    assert job_from_event(edit, BOT) == Skip("own_post")


def test_an_apps_post_is_skipped_when_we_do_not_know_who_we_are() -> None:
    """Without any id of ours an app's post could be our own notice: no loop risked."""
    body = _workflow_post()
    del body["api_app_id"]
    assert job_from_event(body) == Skip("bot_self_unknown")


def test_when_a_person_posts_then_the_job_is_keyed_by_the_event_and_keeps_what_acting_needs() -> (
    None
):
    job = job_from_event(_envelope({"text": "Pt MRN 12345678"}, event_time=5), BOT)
    assert isinstance(job, ScanJob)
    assert (job.job_id, job.team_id, job.channel_id, job.kind) == (
        "Ev1",
        "T1",
        "C1",
        JobKind.MESSAGE,
    )
    p = job.payload
    assert (p["user"], p["ts"], p["thread_ts"], p["edited"], p["files"]) == (
        "U1",
        "1.0",
        None,
        False,
        [],
    )
    assert p["text"] == "Pt MRN 12345678" and [part.text for part in job_parts(p)] == [p["text"]]
    assert p["ext_shared"] is None  # not told: the channel directory decides (fails closed)


def test_when_a_post_has_files_then_it_is_a_file_job_keeping_ids_and_urls_only() -> None:
    shared = {"id": "F1", "name": "scan.png", "url_private": "https://files/F1", "preview": "x"}
    job = job_from_event(_envelope({"subtype": "file_share", "text": "", "files": [shared]}))
    assert isinstance(job, ScanJob) and job.kind == JobKind.FILE
    (meta,) = job.payload["files"]
    assert meta["id"] == "F1" and meta["url_private"] == "https://files/F1"
    assert "preview" not in meta


def test_when_a_post_is_edited_then_the_new_text_is_scanned_as_an_edit() -> None:
    job = job_from_event(_envelope(_edit({"text": "now MRN 12345678"}, {"text": "before"})))
    assert isinstance(job, ScanJob) and job.payload["edited"]
    assert job.payload["text"] == "now MRN 12345678"


def test_when_a_thread_reply_is_broadcast_then_the_job_knows_its_thread() -> None:
    event = {"text": "x", "subtype": "thread_broadcast", "ts": "2.0", "thread_ts": "1.0"}
    job = job_from_event(_envelope(event))
    assert isinstance(job, ScanJob)
    assert job.payload["thread_ts"] == "1.0" and job.payload["broadcast"]


def test_when_the_channel_is_shared_with_another_org_then_the_installation_s_team_is_used() -> None:
    body = _envelope({"text": "x"}, team_id="TOTHER", is_ext_shared_channel=True,
                     authorizations=[{"team_id": "TOURS"}])  # fmt: skip
    job = job_from_event(body)
    assert isinstance(job, ScanJob)
    assert job.team_id == "TOURS" and job.payload["ext_shared"] is True
    assert installation_team({"team_id": "T9"}) == "T9"


def test_when_a_post_is_hashed_then_the_hash_is_stable_salted_and_reveals_nothing() -> None:
    first = message_hash("T1", "C1", "1.0", "salt")
    assert first == message_hash("T1", "C1", "1.0", "salt") and len(first) == 32
    assert first != message_hash("T1", "C1", "1.0", "other")
    assert first != message_hash("T1", "C1", "1.1", "salt")
    assert "C1" not in first
