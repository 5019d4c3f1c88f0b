"""Every text a reader sees is found, each once, with its origin (real payloads: tests/payloads)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.detect.types import Finding, Kind
from bot.flow.intake import Skip, job_from_event, job_parts
from bot.flow.pipeline import safe_copy
from bot.slack.content import (
    ATTACHMENT,
    BLOCKS,
    FILE_ALT,
    FILE_COMMENT,
    FILE_NAME,
    FILE_PREVIEW,
    FILE_TITLE,
    PURPOSE,
    TEXT,
    TOPIC,
    Document,
    Part,
    blocks_text,
    message_parts,
    name_form,
)
from tests.payloads import body as load

PHI = "Mrs Elena Varga MRN 4829173"


def _origins(event: dict[str, Any]) -> list[str]:
    return [p.origin for p in message_parts(event)]


def _texts(event: dict[str, Any], origin: str) -> str:
    return "\n".join(p.text for p in message_parts(event) if p.origin == origin)


# --- forwarded messages ---------------------------------------------------------------------


def test_when_a_message_is_forwarded_then_its_attachment_is_read() -> None:
    event = load("forwarded_message")["event"]
    assert event["text"] == ""
    assert _origins(event) == [ATTACHMENT]
    assert "123" in _texts(event, ATTACHMENT)


def test_when_a_forward_carries_phi_then_intake_records_a_job_with_it() -> None:
    body = load("forwarded_message")
    att = body["event"]["attachments"][0]
    att["text"] = PHI
    att["fallback"] = f"[August 29th, 2024 10:24 AM] lev: {PHI}"
    att["message_blocks"][0]["message"]["blocks"][0]["elements"][0]["elements"][0]["text"] = PHI
    job = job_from_event(body)
    assert not isinstance(job, Skip)  # was Skip("empty"): forwards passed unread
    assert PHI in job.payload["text"]
    # the forwarded text is read once, not three times (text, fallback, message_blocks)
    assert job.payload["text"].count("4829173") == 1


def test_when_phi_is_only_in_a_forwards_fields_author_or_fallback_then_it_is_read() -> None:
    body = load("forwarded_message")
    att = body["event"]["attachments"][0]
    att["fields"] = [{"title": "Patient", "value": "Elena Varga", "short": True}]
    att["author_name"] = "Elena Varga"
    att["fallback"] = "[August 29th, 2024 10:24 AM] lev: MRN 4829173"
    job = job_from_event(body)
    assert not isinstance(job, Skip)
    assert "Elena Varga" in job.payload["text"] and "4829173" in job.payload["text"]


def test_when_a_share_has_a_comment_then_both_are_read_and_the_mirror_block_once() -> None:
    event = load("share_with_message")["event"]
    assert _origins(event) == [TEXT, ATTACHMENT]
    assert _texts(event, TEXT) == "hello check that out!"


def test_the_slack_generated_date_of_a_share_is_not_read_as_a_date_in_the_post() -> None:
    text = "\n".join(p.text for p in message_parts(load("forwarded_message")["event"]))
    assert "August 29th" not in text
    assert "slack.com/archives" not in text


def test_files_inside_a_forward_are_scanned() -> None:
    body = load("forwarded_message")
    body["event"]["attachments"][0]["files"] = [
        {"id": "F1", "name": "Varga_MRN4829173.png", "mimetype": "image/png", "url_private": "u"}
    ]
    job = job_from_event(body)
    assert not isinstance(job, Skip)
    assert job.kind == "file"
    assert [f["id"] for f in job.payload["files"]] == ["F1"]
    assert "Varga MRN4829173 png" in job.payload["text"]


def test_a_web_link_preview_is_not_the_posters_words_but_an_app_unfurl_is() -> None:
    url = "https://news.example.com/story"
    web = {"from_url": url, "original_url": url, "title": "Jane Roe wins award", "text": "x"}
    app = {"app_unfurl_url": url, "is_app_unfurl": True, "from_url": url, "text": PHI}
    base = {"type": "message", "text": f"<{url}>", "user": "U1", "ts": "1.1"}
    assert _origins({**base, "attachments": [web]}) == [TEXT]
    assert PHI in _texts({**base, "attachments": [app]}, ATTACHMENT)


# --- blocks ---------------------------------------------------------------------------------


def test_a_composer_post_whose_block_mirrors_text_is_read_once() -> None:
    assert _origins(load("message_rich_text")["event"]) == [TEXT]


def test_blocks_that_say_more_than_text_are_read() -> None:
    event = load("message_rich_text_containers")["event"]
    assert _origins(event) == [TEXT, BLOCKS]
    assert "https://example.com/code-reference" in _texts(event, BLOCKS)
    assert "https://example.com/list-item" in _texts(event, BLOCKS)


@pytest.mark.parametrize(
    "block",
    [
        {"type": "section", "text": {"type": "mrkdwn", "text": PHI}},
        {"type": "section", "fields": [{"type": "plain_text", "text": PHI}]},
        {"type": "header", "text": {"type": "plain_text", "text": PHI}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": PHI}]},
        {"type": "image", "image_url": "https://x/y.png", "alt_text": PHI},
        {
            "type": "actions",
            "elements": [{"type": "button", "text": {"type": "plain_text", "text": PHI}}],
        },
        {
            "type": "rich_text",
            "elements": [{"type": "rich_text_quote", "elements": [{"type": "text", "text": PHI}]}],
        },
        {
            "type": "rich_text",
            "elements": [
                {
                    "type": "rich_text_list",
                    "elements": [
                        {"type": "rich_text_section", "elements": [{"type": "text", "text": PHI}]}
                    ],
                }
            ],
        },
        {
            "type": "rich_text",
            "elements": [
                {
                    "type": "rich_text_section",
                    "elements": [
                        {
                            "type": "link",
                            "url": "https://emr.example/p?name=Elena+Varga",
                            "text": "chart",
                        }
                    ],
                }
            ],
        },
        {"type": "some_future_block", "payload": {"label": {"type": "plain_text", "text": PHI}}},
        {
            "type": "input",
            "label": {"type": "plain_text", "text": "Patient"},
            "element": {"type": "plain_text_input", "action_id": "a", "initial_value": PHI},
        },
    ],
    ids=lambda b: str(b["type"]),
)
def test_when_phi_is_only_in_a_block_then_it_is_read(block: dict[str, Any]) -> None:
    event = {"type": "message", "text": "see below", "user": "U1", "ts": "1.1", "blocks": [block]}
    found = _texts(event, BLOCKS)
    assert "Varga" in found


def test_when_an_edit_changes_only_the_blocks_then_it_is_scanned() -> None:
    harmless = {"type": "message", "text": "update", "user": "U1", "ts": "1.1"}
    before = {**harmless, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "ok"}}]}
    after = {**harmless, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": PHI}}]}
    body = {
        "type": "event_callback",
        "team_id": "T1",
        "event_id": "Ev9",
        "event": {
            "type": "message",
            "subtype": "message_changed",
            "channel": "C1",
            "message": after,
            "previous_message": before,
        },
    }
    job = job_from_event(body)
    assert not isinstance(job, Skip)  # was Skip("edit_text_unchanged")
    assert PHI in job.payload["text"]


def test_an_edit_that_only_adds_a_web_link_preview_is_not_scanned_again() -> None:
    url = "https://news.example.com/story"
    msg = {"type": "message", "text": f"<{url}>", "user": "U1", "ts": "1.1"}
    unfurled = {**msg, "attachments": [{"from_url": url, "title": "Jane Roe", "text": "x"}]}
    body = {
        "type": "event_callback",
        "team_id": "T1",
        "event_id": "Ev9",
        "event": {
            "type": "message",
            "subtype": "message_changed",
            "channel": "C1",
            "message": unfurled,
            "previous_message": msg,
        },
    }
    assert job_from_event(body) == Skip("edit_text_unchanged")


def test_hostile_nesting_is_read_without_recursion_errors() -> None:
    deep: Any = {"type": "section", "text": {"type": "mrkdwn", "text": "x"}}
    for _ in range(5000):
        deep = {"type": "container", "elements": [deep]}
    assert isinstance(blocks_text([deep]), str)


# --- files, topics, purposes ----------------------------------------------------------------


def test_file_names_titles_previews_and_comments_are_read() -> None:
    event = load("file_share_snippet")["event"]
    assert _origins(event) == [TEXT, FILE_NAME, FILE_PREVIEW]
    f = event["files"][0]
    f["title"] = "Elena Varga discharge"
    f["initial_comment"] = {"comment": "MRN 4829173"}
    assert _origins(event) == [TEXT, FILE_NAME, FILE_TITLE, FILE_PREVIEW, FILE_COMMENT]


def test_an_images_alt_text_is_read() -> None:
    event = load("file_share")["event"]
    event["files"][0]["alt_txt"] = "Elena Varga MRN 4829173, left wrist"
    assert "Varga" in _texts(event, FILE_ALT)


def test_when_phi_is_only_in_a_file_name_then_the_job_carries_it() -> None:
    body = load("file_share_snippet")
    body["event"]["files"][0]["name"] = "Jane Doe MRN 64646464.png"
    job = job_from_event(body)
    assert not isinstance(job, Skip)
    assert "64646464" in job.payload["text"]


@pytest.mark.parametrize(
    ("fixture", "origin"), [("channel_topic", TOPIC), ("channel_purpose", PURPOSE)]
)
def test_topic_and_purpose_changes_are_scanned(fixture: str, origin: str) -> None:
    body = load(fixture)
    body["event"]["channel"] = "C1"
    body["event"][origin] = PHI
    job = job_from_event(body)
    assert not isinstance(job, Skip)  # was Skip("subtype")
    assert [p.origin for p in job_parts(job.payload)] == [origin]
    assert job.payload["setting"] == origin


# --- one document, redacted part by part ----------------------------------------------------


def test_a_finding_that_crosses_two_parts_is_cut_into_both() -> None:
    doc = Document.of([Part(TEXT, "note Elena"), Part(FILE_NAME, "Varga.png", 0)])
    start = doc.text.index("Elena")
    end = doc.text.index("Varga") + len("Varga")
    assert list(doc.split(start, end)) == [(0, 5, 10), (1, 0, 5)]
    safe = safe_copy(doc, [Finding(start, end, Kind.NAME, 0.9, "t")])
    assert "Elena" not in safe.text and safe.text == "note [NAME]"
    assert safe.file_names == {0: "[NAME].png"}
    assert doc.origins([(start, end)]) == [FILE_NAME, TEXT]


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("xray.png", "xray png"),  # not a web address on the .pn domain
        ("Jane_Doe_MRN_64646464.png", "Jane Doe MRN 64646464 png"),
        ("DOB 03.14.1958.pdf", "DOB 03.14.1958 pdf"),  # a date keeps its dots
        ("Screenshot 2024-05-01 at 10.15.22.png", "Screenshot " + " " * 22 + " png"),
        ("IMG_20240501_101522.jpg", "IMG                 jpg"),
    ],
)
def test_file_names_are_read_as_words_of_the_same_length(name: str, form: str) -> None:
    assert name_form(name) == form and len(form) == len(name)


def test_a_redacted_file_name_keeps_its_extension_and_dots() -> None:
    part = message_parts({"files": [{"name": "Elena.Varga_MRN_4829173.png"}]})[0]
    doc = Document.of([part])
    start = doc.text.index("Elena")
    end = start + len("Elena Varga")
    safe = safe_copy(doc, [Finding(start, end, Kind.NAME, 0.9, "t")])
    assert safe.file_names == {0: "[NAME]_MRN_4829173.png"}


@pytest.mark.parametrize(
    "shape",
    [
        {"attachments": 1, "blocks": "x"},
        {"subtype": {"type": 5}, "files": {"elements": "x"}},
        {"blocks": {"type": "rich_text", "elements": [{"type": "rich_text_list", "elements": 5}]}},
        {"attachments": [{"fields": 3, "message_blocks": "x", "files": 2}]},
        {"subtype": "message_changed", "message": {"subtype": ["x"], "user": "U1", "ts": "1.2"}},
    ],
    ids=["attachments-int", "subtype-dict", "elements-int", "attachment-parts-wrong", "edit-list"],
)
def test_a_signed_body_of_the_wrong_shape_is_read_without_raising(shape: dict[str, Any]) -> None:
    event = {"type": "message", "channel": "C1", "user": "U1", "ts": "1.1", "text": PHI, **shape}
    job = job_from_event({"event_id": "Ev1", "team_id": "T1", "event": event})
    assert job is not None  # a job or a Skip, never an exception (a 500 and Slack's retries)


def test_when_an_edit_of_a_forward_changes_what_it_shares_then_it_is_scanned() -> None:
    forward = load("forwarded_message")["event"]
    before = {
        **forward,
        "attachments": [{**forward["attachments"][0], "text": "ok", "fallback": "ok"}],
    }
    before["attachments"][0]["message_blocks"] = []
    after = {
        **forward,
        "attachments": [{**forward["attachments"][0], "text": PHI, "fallback": PHI}],
    }
    after["attachments"][0]["message_blocks"] = []
    body = {
        "team_id": "T1",
        "event_id": "Ev10",
        "event": {
            "type": "message",
            "subtype": "message_changed",
            "channel": "C1",
            "message": after,
            "previous_message": before,
        },
    }
    job = job_from_event(body)
    assert not isinstance(job, Skip)
    assert "Varga" in job.payload["text"]
