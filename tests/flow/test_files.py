"""`bot.flow.files` with a fake `FlowDeps`: each shared file becomes one `FileOutcome`, and
every way a file can break fails closed (unscannable or failure, never clean)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.detect.types import ImageFinding, ImageScanResult, Kind, Verdict
from bot.errors import DetectionError
from bot.flow import files
from bot.flow.deps import FlowDeps
from bot.flow.files import FileOutcome
from bot.policy import ActionKind, ChannelClass, ChannelPolicy, Content
from tests.flow.fakes import RecordingGateway, RegexScanner, fake_deps

URL = "https://files.slack.com/files-pri/T1-F1/scan.png"
PHI = ImageScanResult(
    Verdict.PHI, (ImageFinding(Kind.NAME, 0.9, (1, 2, 3, 4)),), redacted=b"painted"
)
CLEAN = ImageScanResult(Verdict.CLEAN, redacted=b"re-encoded")
UNSCANNABLE = ImageScanResult(Verdict.PHI, unscannable_reason="unsupported", content_type="pdf")


class CannedScanner(RegexScanner):
    """`scan_file` answers from a table keyed by the file's bytes; a missing key is a failure."""

    def __init__(self, results: dict[bytes, ImageScanResult]) -> None:
        super().__init__()
        self.results = results
        self.scanned: list[tuple[bytes, str | None]] = []

    async def scan_file(self, data: bytes, filename: str | None = None) -> ImageScanResult:
        self.scanned.append((data, filename))
        if data not in self.results:
            raise DetectionError("image scan failed (test)")
        return self.results[data]


def _deps(
    results: dict[bytes, ImageScanResult] | None = None, **downloads: bytes
) -> tuple[FlowDeps, RecordingGateway, CannedScanner]:
    deps = fake_deps()
    scanner = CannedScanner(results or {})
    deps.scanner = scanner
    gateway = deps.gateway
    assert isinstance(gateway, RecordingGateway)
    gateway.files.update({URL: b"orig"} | {f"https://f/{k}": v for k, v in downloads.items()})
    return deps, gateway, scanner


def _meta(**extra: Any) -> dict[str, Any]:
    return {"id": "F1", "name": "scan.png", "url_private": URL, **extra}


async def test_when_a_file_has_phi_then_its_outcome_keeps_kinds_and_the_redacted_copy() -> None:
    deps, gateway, scanner = _deps({b"orig": PHI})
    outcome = await files.scan_file(deps, _meta(), "T1", "Ev1")
    assert outcome == FileOutcome(
        "F1", "scan.png", URL, Content.IMAGE, Verdict.PHI, ("NAME",), b"orig", b"painted"
    )
    assert scanner.scanned == [(b"orig", "scan.png")]
    assert gateway.of("files.download") == [{"url": URL, "limit": deps.settings.max_file_bytes}]


async def test_when_a_file_is_clean_then_it_keeps_no_redacted_copy() -> None:
    deps, _, _ = _deps({b"orig": CLEAN})
    outcome = await files.scan_file(deps, _meta(), "T1", "Ev1")
    assert (outcome.content, outcome.verdict, outcome.redacted) == (
        Content.IMAGE, Verdict.CLEAN, None,
    )  # fmt: skip


async def test_when_the_download_url_is_given_then_it_wins_over_the_private_url() -> None:
    deps, gateway, _ = _deps({b"dl": CLEAN}, dl=b"dl")
    await files.scan_file(deps, _meta(url_private_download="https://f/dl"), "T1", "Ev1")
    assert [c["url"] for c in gateway.of("files.download")] == ["https://f/dl"]


@pytest.mark.parametrize(
    ("case", "meta", "refuse", "expected"),
    [
        ("no_url", {"id": "F1", "name": "x.png"}, None, Content.UNSCANNABLE),
        ("too_large", _meta(size=50 * 1024 * 1024 + 1), None, Content.UNSCANNABLE),
        ("download_refused", _meta(), "file_not_found", Content.FAILURE),
        ("scan_failed", _meta(url_private="https://f/broken"), None, Content.FAILURE),
        ("not_an_image", _meta(url_private="https://f/pdf"), None, Content.UNSCANNABLE),
    ],
)
async def test_when_a_file_cannot_be_scanned_then_it_fails_closed(
    case: str, meta: dict[str, Any], refuse: str | None, expected: Content
) -> None:
    deps, gateway, _ = _deps({b"pdf": UNSCANNABLE}, broken=b"broken", pdf=b"pdf")
    if refuse:
        gateway.refuse["files.download"] = refuse
    outcome = await files.scan_file(deps, meta, "T1", "Ev1")
    assert outcome.content is expected and outcome.verdict is Verdict.PHI
    assert outcome.data is None and outcome.redacted is None
    if case == "too_large":
        assert gateway.calls == []  # never downloaded


async def test_when_a_slack_connect_file_comes_without_urls_then_files_info_fills_them() -> None:
    deps, gateway, _ = _deps({b"orig": PHI})
    gateway.infos["F1"] = {"name": "scan.png", "size": 4, "url_private": URL, "user": "U9"}
    stub = {"id": "F1", "mode": "file_access", "file_access": "check_file_info"}
    (outcome,) = await files.scan_files(deps, [stub], "T1", "Ev1")
    assert outcome.content is Content.IMAGE and outcome.url == URL
    assert gateway.methods() == ["files.info", "files.download"]
    resolved = await files.resolve(deps, stub, "T1")
    assert "user" not in resolved  # only the file's own fields are kept


async def test_when_files_info_fails_then_the_file_stays_unscannable() -> None:
    deps, gateway, _ = _deps()
    gateway.refuse["files.info"] = "file_not_found"
    stub = {"id": "F1", "mode": "file_access", "file_access": "check_file_info"}
    (outcome,) = await files.scan_files(deps, [stub], "T1", "Ev1")
    assert outcome.content is Content.UNSCANNABLE and "files.download" not in gateway.methods()


async def test_when_a_file_already_has_a_url_then_files_info_is_not_asked() -> None:
    deps, gateway, _ = _deps()
    assert await files.resolve(deps, _meta(), "T1") == _meta()
    assert gateway.calls == []


async def test_when_outcomes_are_uploaded_then_only_redacted_or_clean_images_go() -> None:
    deps, gateway, _ = _deps()
    outcomes = [
        FileOutcome("F0", "a.pdf", "u0", Content.UNSCANNABLE, Verdict.PHI),
        FileOutcome(
            "F1",
            "b.png",
            "u1",
            Content.IMAGE,
            Verdict.PHI,
            data=b"o1",
            redacted=b"r1",
            safe_name="b-safe.png",
        ),
        FileOutcome("F2", "c.png", "u2", Content.IMAGE, Verdict.CLEAN, data=b"o2"),
        FileOutcome("F3", "d.png", "u3", Content.FAILURE, Verdict.PHI),
    ]
    uploaded = await files.upload_outcomes(deps, "Ev1:repost", "T1", "C1", "1.0", outcomes, "hi")
    assert uploaded == 2
    first, second = gateway.of("files.upload")
    assert (first["key"], first["name"], first["data"], first["comment"]) == (
        "Ev1:repost:file1", "b-safe.png", b"r1", "hi",
    )  # fmt: skip
    assert (second["key"], second["name"], second["data"], second["comment"]) == (
        "Ev1:repost:file2", "c.png", b"o2", "",
    )  # fmt: skip


async def test_when_redacted_copies_are_uploaded_again_then_they_are_rescanned() -> None:
    deps, gateway, scanner = _deps({b"orig": PHI, b"pdf": UNSCANNABLE}, pdf=b"pdf")
    kept = [
        {"id": "F1", "name": "scan.png", "safe_name": "scan-safe.png", "url_private": URL},
        {"id": "F2", "name": "x.pdf", "url_private": "https://f/pdf"},
        {"id": "F3", "name": "gone.png", "url_private": "https://f/gone"},
    ]
    gateway.refuse["files.download"] = "file_deleted"
    assert await files.upload_copies(deps, "k", "T1", "C1", None, kept, "c", redacted=True) == 0
    gateway.refuse.clear()
    kept.pop()
    uploaded = await files.upload_copies(deps, "k", "T1", "C1", None, kept, "c", redacted=True)
    assert uploaded == 1  # the unscannable one is never reposted
    (call,) = gateway.of("files.upload")
    assert (call["name"], call["data"]) == ("scan-safe.png", b"painted")
    assert [d for d, _ in scanner.scanned] == [b"orig", b"pdf"]


async def test_when_consented_copies_are_uploaded_then_they_go_as_posted() -> None:
    deps, gateway, scanner = _deps()
    kept = [{"id": "F1", "name": "scan.png", "safe_name": "s.png", "url_private": URL}]
    assert await files.upload_copies(deps, "k", "T1", "C1", "1.0", kept, "c", redacted=False) == 1
    (call,) = gateway.of("files.upload")
    assert (call["name"], call["data"], call["thread_ts"]) == ("scan.png", b"orig", "1.0")
    assert scanner.scanned == []


def test_when_a_file_is_kept_for_later_then_no_bytes_are_kept() -> None:
    outcome = FileOutcome("F1", "scan.png", URL, Content.IMAGE, Verdict.PHI, data=b"x",
                          redacted=b"y")  # fmt: skip
    assert outcome.meta() == {"id": "F1", "name": "scan.png", "safe_name": "scan.png",
                              "url_private": URL}  # fmt: skip


def test_when_a_file_outcome_is_decided_then_policy_decide_is_asked() -> None:
    outcome = FileOutcome("F1", "a.pdf", URL, Content.UNSCANNABLE, Verdict.PHI)
    action = outcome.action(ChannelClass.EXTERNAL, ChannelPolicy())
    assert action.kind is ActionKind.BLOCK


def test_a_removed_posts_files_go_except_clean_ones_and_canvases() -> None:
    canvas_phi = FileOutcome("F4", "Handover", "u4", Content.TEXT, Verdict.PHI, canvas=True)
    canvas_clean = FileOutcome("F5", "Rota", "u5", Content.TEXT, Verdict.CLEAN, canvas=True)
    outcomes = [
        FileOutcome("F0", "a.pdf", "u0", Content.UNSCANNABLE, Verdict.PHI),
        FileOutcome("F1", "b.png", "u1", Content.IMAGE, Verdict.PHI),
        FileOutcome("F2", "c.png", "u2", Content.IMAGE, Verdict.CLEAN),
        FileOutcome("F3", "d.png", "u3", Content.FAILURE, Verdict.PHI),
        canvas_phi,
        canvas_clean,
    ]
    # files.delete on a canvas deletes the whole document wherever it is shared: never.
    assert files.blocked_ids(outcomes) == ["F0", "F1", "F3"]
    assert files.kept_canvas_ids(outcomes) == ["F4"]
