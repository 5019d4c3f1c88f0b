"""`Enforcer.carry_out` with a fake `FlowDeps`: each action's Slack calls, and the fallbacks."""

from __future__ import annotations

from bot.detect.types import Verdict
from bot.flow.confirms import Found
from bot.flow.files import FileOutcome
from bot.flow.pipeline import Pipeline
from bot.messages.limits import problems
from bot.policy import Action, ActionKind, ChannelClass, ChannelPolicy, Content
from tests.flow.fakes import RecordingGateway, fake_deps, post_job

FOUND = Found(Verdict.PHI, ["ID"])


def _image(redacted: bytes | None) -> FileOutcome:
    return FileOutcome("F1", "scan.png", "https://files/F1", Content.IMAGE, Verdict.PHI,
                       ("ID",), data=b"orig", redacted=redacted)  # fmt: skip


async def _carry_out(
    action: Action, content: Content, outcomes: list[FileOutcome], *, can_delete: bool = True
) -> tuple[bool, RecordingGateway]:
    pipeline = Pipeline(fake_deps(can_delete=can_delete))
    removed = await pipeline.enforce.carry_out(
        post_job("see attached"),
        action,
        FOUND,
        None,
        ChannelClass.CLINICAL,
        content,
        ChannelPolicy(),
        outcomes,
    )
    gateway = pipeline.deps.gateway
    assert isinstance(gateway, RecordingGateway)
    return removed, gateway


REDACT = Action(kind=ActionKind.REDACT, remove_original=True, repost_redacted=True)


async def test_redact_reuploads_the_de_identified_image_in_place_of_the_original() -> None:
    removed, gateway = await _carry_out(REDACT, Content.IMAGE, [_image(b"clean copy")])
    assert removed
    assert gateway.methods() == [
        "chat.delete",
        "files.upload",
        "chat.postEphemeral",
        "files.delete",  # the original image itself, not only the message that shared it
    ]
    assert gateway.of("files.delete") == [{"file": "F1"}]


async def test_redact_without_a_redacted_copy_becomes_a_block() -> None:
    removed, gateway = await _carry_out(REDACT, Content.IMAGE, [_image(None)])
    assert removed
    assert gateway.methods() == ["chat.delete", "chat.postEphemeral", "files.delete"]
    (notice,) = gateway.of("chat.postEphemeral")
    assert "removed" in notice["text"] and "de-identified version was posted" not in notice["text"]


async def test_a_reminder_only_tells_the_poster() -> None:
    removed, gateway = await _carry_out(Action(kind=ActionKind.REMIND), Content.IMAGE, [])
    assert not removed and gateway.methods() == ["chat.postEphemeral"]


async def test_when_the_original_cannot_be_removed_admins_hear_of_it() -> None:
    block = Action(kind=ActionKind.BLOCK, remove_original=True)
    removed, gateway = await _carry_out(block, Content.TEXT, [], can_delete=False)
    assert not removed
    assert gateway.methods() == ["chat.delete", "chat.postEphemeral", "alert"]


async def test_a_poster_who_left_does_not_make_the_job_fail() -> None:
    pipeline = Pipeline(fake_deps())
    gateway = pipeline.deps.gateway
    assert isinstance(gateway, RecordingGateway)
    gateway.refuse["chat.postEphemeral"] = "user_not_in_channel"
    block = Action(kind=ActionKind.BLOCK, remove_original=True)
    await pipeline.enforce.carry_out(
        post_job("x"), block, FOUND, None, ChannelClass.CLINICAL, Content.TEXT, ChannelPolicy()
    )
    assert gateway.methods() == ["chat.delete", "chat.postEphemeral"]


# Long reposts (issue 10 item 2): never removed for a copy Slack would refuse ---------------


async def _redact_text(
    redacted: str, outcomes: list[FileOutcome] | None = None, refuse: dict[str, str] | None = None
) -> tuple[bool, RecordingGateway]:
    pipeline = Pipeline(fake_deps())
    gateway = pipeline.deps.gateway
    assert isinstance(gateway, RecordingGateway)
    gateway.refuse.update(refuse or {})
    content = Content.IMAGE if outcomes else Content.TEXT
    removed = await pipeline.enforce.carry_out(
        post_job("original"),
        REDACT,
        FOUND,
        redacted,
        ChannelClass.CLINICAL,
        content,
        ChannelPolicy(),
        outcomes or [],
    )
    return removed, gateway


LONG = " ".join(f"note{i} [ID]" for i in range(2_500))  # ~25,000 characters


async def test_a_long_de_identified_copy_is_split_into_messages_slack_accepts() -> None:
    removed, gateway = await _redact_text(LONG)
    assert removed
    posts = gateway.of("chat.postMessage")
    assert len(posts) >= 3
    for post in posts:
        assert problems({"text": post["text"], "blocks": post["blocks"]}) == []
    assert posts[0]["key"] == "Ev1:repost" and posts[0].get("thread_ts") is None
    assert all(p["thread_ts"] == "9.9" for p in posts[1:])  # in the first part's thread
    assert "alert" not in gateway.methods()
    (notice,) = gateway.of("chat.postEphemeral")
    assert "de-identified version was posted" in notice["text"]


async def test_when_slack_refuses_the_copy_the_poster_is_told_and_admins_are_not_alarmed() -> None:
    removed, gateway = await _redact_text("short [ID]", refuse={"chat.postMessage": "is_archived"})
    assert removed
    assert gateway.methods() == ["chat.delete", "chat.postMessage", "chat.postEphemeral"]
    (notice,) = gateway.of("chat.postEphemeral")
    assert "would not take" in notice["text"] and "stays removed" in notice["text"]


async def test_a_long_text_with_an_image_goes_first_and_the_image_in_its_thread() -> None:
    removed, gateway = await _redact_text(LONG, [_image(b"clean copy")])
    assert removed
    methods = gateway.methods()
    assert methods[0] == "chat.delete" and methods[-2:] == ["chat.postEphemeral", "files.delete"]
    assert methods.index("files.upload") > methods.index("chat.postMessage")
    (upload,) = gateway.of("files.upload")
    assert upload["thread_ts"] == "9.9"
    assert upload["comment"] == "Posted by <@U1>, identifiers removed by phiwarden"
    for post in gateway.of("chat.postMessage"):
        assert problems({"text": post["text"], "blocks": post["blocks"]}) == []


# Blocked files (issue 10 item 9): the file object goes too, or admins get its id -------------


async def test_a_blocked_image_is_deleted_from_slack_not_only_its_message() -> None:
    block = Action(kind=ActionKind.BLOCK, remove_original=True)
    removed, gateway = await _carry_out(block, Content.IMAGE, [_image(None)])
    assert removed and gateway.of("files.delete") == [{"file": "F1"}]
    assert "alert" not in gateway.methods()


async def test_when_slack_refuses_to_delete_the_file_admins_get_its_id() -> None:
    pipeline = Pipeline(fake_deps())
    gateway = pipeline.deps.gateway
    assert isinstance(gateway, RecordingGateway)
    gateway.refuse["files.delete"] = "cant_delete_file"
    block = Action(kind=ActionKind.BLOCK, remove_original=True)
    job = post_job("see attached")
    args = (FOUND, None, ChannelClass.CLINICAL, Content.IMAGE, ChannelPolicy(), [_image(None)])
    await pipeline.enforce.carry_out(job, block, *args)
    (alert,) = gateway.of("alert")
    assert "F1" in alert["text"] and "scan.png" not in alert["text"]
    await pipeline.enforce.carry_out(job, block, *args)  # a retried job: once per file
    assert len(gateway.of("files.delete")) == 1 and len(gateway.of("alert")) == 1


async def test_a_post_that_stays_up_keeps_its_files() -> None:
    block = Action(kind=ActionKind.BLOCK, remove_original=True)
    _removed, gateway = await _carry_out(block, Content.IMAGE, [_image(None)], can_delete=False)
    assert gateway.of("files.delete") == []


async def test_a_held_image_is_kept_until_the_poster_answers_then_deleted() -> None:
    pipeline = Pipeline(fake_deps())
    gateway = pipeline.deps.gateway
    assert isinstance(gateway, RecordingGateway)
    confirm = Action(kind=ActionKind.CONFIRM, remove_original=True, confirm_timeout_seconds=600)
    await pipeline.enforce.carry_out(
        post_job("see attached"),
        confirm,
        FOUND,
        None,
        ChannelClass.CLINICAL,
        Content.IMAGE,
        ChannelPolicy(),
        [_image(b"clean copy")],
    )
    assert gateway.of("files.delete") == []  # the answer may need it again
    store = pipeline.deps.store
    (confirm_id,) = store.pending  # type: ignore[attr-defined]
    await pipeline.confirms.choose(confirm_id, "U1", "withdrawn", channel_id="C1")
    assert gateway.of("files.delete") == [{"file": "F1"}]


async def test_with_an_offer_and_an_override_open_the_files_go_when_the_last_settles() -> None:
    pipeline = Pipeline(fake_deps())
    gateway = pipeline.deps.gateway
    assert isinstance(gateway, RecordingGateway)
    block = Action(
        kind=ActionKind.BLOCK, remove_original=True, offer_redacted=True, offer_override=True
    )
    await pipeline.enforce.carry_out(
        post_job("see attached"),
        block,
        FOUND,
        None,
        ChannelClass.CLINICAL,
        Content.IMAGE,
        ChannelPolicy(),
        [_image(b"clean copy")],
    )
    store = pipeline.deps.store
    offer, override = sorted(store.pending, key=lambda i: i[0] != "o")  # type: ignore[attr-defined]
    assert offer.startswith("o") and override.startswith("j")
    await pipeline.confirms.expire(offer)  # the offer lapses; the override may still repost them
    assert gateway.of("files.delete") == []
    await pipeline.confirms.expire(override)
    assert gateway.of("files.delete") == [{"file": "F1"}]
