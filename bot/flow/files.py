"""Files shared in a post: download with the bot token, scan in the workers, decide per file.

Each file ends up as a `FileOutcome`: an image or DICOM scanned for PHI (with its de-identified
copy), or unscannable (type, size), or a failure (download or scan broke: fail closed). Bytes
live only in memory for the length of a job; pending confirms and offers keep the file's
`url_private` and download it again when the poster answers.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from bot import metrics
from bot.detect.types import Verdict
from bot.errors import DetectionError, SlackGatewayError, UnscannableError
from bot.flow.deps import FlowDeps
from bot.logging import log_event
from bot.policy import Action, ChannelClass, ChannelPolicy, Content, decide

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What one shared file turned out to be; `redacted` is set for a scanned file with PHI."""

    file_id: str
    name: str
    url: str
    content: Content
    verdict: Verdict
    kinds: tuple[str, ...] = ()
    data: bytes | None = None
    redacted: bytes | None = None
    safe_name: str | None = None  # the name with identifiers replaced (`pipeline.safe_copy`)
    canvas: bool = False  # a shared canvas: a document, never deleted (`kept_canvas_ids`)

    def action(self, channel_class: ChannelClass, policy: ChannelPolicy) -> Action:
        return decide(self.verdict, channel_class, policy, self.content)

    def meta(self) -> dict[str, Any]:
        """What a pending confirm or offer keeps: ids and the download URL, never bytes."""
        return {
            "id": self.file_id,
            "name": self.name,
            "safe_name": self.safe_name or self.name,
            "url_private": self.url,
        }


def _url(meta: dict[str, Any]) -> str:
    return str(meta.get("url_private_download") or meta.get("url_private") or "")


async def fetch(deps: FlowDeps, meta: dict[str, Any], team_id: str) -> bytes:
    """Download one file (raises `UnscannableError` past the size cap, `SlackGatewayError`)."""
    size = meta.get("size")
    limit = deps.settings.max_file_bytes
    if isinstance(size, int) and size > limit:
        raise UnscannableError("file larger than MAX_FILE_BYTES")
    return await deps.gateway.download(_url(meta), limit, team_id=team_id or None)


CANVAS_MIMETYPE = "application/vnd.slack-docs"


def is_canvas(meta: dict[str, Any]) -> bool:
    """A canvas shared in a post: Slack lists it as a file with `filetype` "quip", mimetype
    `application/vnd.slack-docs` and `pretty_type` "Canvas" (files.list and file_share
    messages as exporters capture them); its bytes are no image, its words come from
    `canvases.getContent`."""
    return (
        meta.get("filetype") in ("quip", "canvas")
        or meta.get("mimetype") == CANVAS_MIMETYPE
        or str(meta.get("pretty_type") or "").lower() == "canvas"
    )


async def scan_canvas(
    deps: FlowDeps, meta: dict[str, Any], team_id: str, job_id: str
) -> FileOutcome:
    """Scan a shared canvas's markdown as text. One the bot cannot read (no `canvases:read`,
    not visible to it) is unscannable, a scan that fails is a failure: both fail closed."""
    file_id, name = str(meta.get("id") or ""), str(meta.get("name") or "canvas")

    def outcome(content: Content, verdict: Verdict = Verdict.PHI, **extra: Any) -> FileOutcome:
        return FileOutcome(file_id, name, _url(meta), content, verdict, canvas=True, **extra)

    try:
        text = await deps.gateway.canvas_content(file_id, team_id=team_id or None)
    except SlackGatewayError as exc:
        log_event(
            log,
            logging.WARNING,
            "canvas not readable",
            job_id=job_id,
            file_id=file_id,
            error=exc.error,
        )
        return outcome(Content.UNSCANNABLE)
    if not text.strip():
        return outcome(Content.TEXT, Verdict.CLEAN)
    try:
        with metrics.SCAN_LATENCY.labels(content="text").time():
            found = await deps.scanner.scan_text(
                text, await deps.vocabulary(team_id), await deps.staff(team_id)
            )
    except DetectionError:
        log_event(log, logging.ERROR, "canvas scan failed; failure policy applies", job_id=job_id)
        return outcome(Content.FAILURE)
    return outcome(Content.TEXT, found.result.verdict, kinds=tuple(found.result.kinds))


async def scan_file(deps: FlowDeps, meta: dict[str, Any], team_id: str, job_id: str) -> FileOutcome:
    file_id, name, url = str(meta.get("id") or ""), str(meta.get("name") or "file"), _url(meta)

    def outcome(content: Content, verdict: Verdict = Verdict.PHI, **extra: Any) -> FileOutcome:
        return FileOutcome(file_id, name, url, content, verdict, **extra)

    if is_canvas(meta):
        return await scan_canvas(deps, meta, team_id, job_id)
    if not url:
        return outcome(Content.UNSCANNABLE)
    try:
        data = await fetch(deps, meta, team_id)
    except UnscannableError:
        return outcome(Content.UNSCANNABLE)
    except SlackGatewayError as exc:
        log_event(
            log,
            logging.WARNING,
            "file download failed; failure policy applies",
            job_id=job_id,
            file_id=file_id,
            error=exc.error,
        )
        return outcome(Content.FAILURE)
    try:
        with metrics.SCAN_LATENCY.labels(content="image").time():
            result = await deps.scanner.scan_file(data, name)
    except DetectionError:
        log_event(
            log,
            logging.ERROR,
            "file scan failed; failure policy applies",
            job_id=job_id,
            file_id=file_id,
        )
        return outcome(Content.FAILURE)
    if not result.scannable:
        log_event(
            log,
            logging.INFO,
            "file not scannable",
            job_id=job_id,
            file_id=file_id,
            file_type=str(result.content_type or "unknown"),
        )
        return outcome(Content.UNSCANNABLE)
    return outcome(
        Content.IMAGE,
        Verdict(result.verdict),
        kinds=tuple(result.kinds),
        data=data,
        redacted=result.redacted if result.verdict is not Verdict.CLEAN else None,
    )


async def resolve(deps: FlowDeps, meta: dict[str, Any], team_id: str) -> dict[str, Any]:
    """A file entry with its URLs; Slack Connect files may come without them.

    Shared from another organisation, a file can arrive as `{"id", "mode": "file_access",
    "file_access": "check_file_info"}` (https://docs.slack.dev/reference/events/message/file_share,
    "Slack Connect files"): `files.info` gives the full object. If that fails the entry stays
    without a URL and counts as unscannable (the channel's `unscannable_action`, fail closed).
    """
    if _url(meta) or not meta.get("id"):
        return meta
    try:
        info = await deps.gateway.file_info(str(meta["id"]), team_id=team_id or None)
    except SlackGatewayError as exc:
        log_event(
            log, logging.WARNING, "files.info failed", file_id=meta.get("id"), error=exc.error
        )
        return meta
    keep = (
        "name",
        "mimetype",
        "filetype",
        "pretty_type",
        "size",
        "url_private",
        "url_private_download",
    )
    return {**meta, **{k: info[k] for k in keep if info.get(k) is not None}}


async def scan_files(
    deps: FlowDeps, files: list[dict[str, Any]], team_id: str, job_id: str
) -> list[FileOutcome]:
    resolved = [await resolve(deps, meta, team_id) for meta in files]
    return [await scan_file(deps, meta, team_id, job_id) for meta in resolved]


async def upload_copies(
    deps: FlowDeps,
    key: str,
    team_id: str,
    channel: str,
    thread_ts: str | None,
    files: list[dict[str, Any]],
    comment: str,
    *,
    redacted: bool,
) -> int:
    """Download `files` again and upload them (de-identified when `redacted`); returns uploads."""
    uploaded = 0
    for index, meta in enumerate(files):
        try:
            data = await fetch(deps, meta, team_id)
        except (UnscannableError, SlackGatewayError):
            continue
        if redacted:
            try:
                result = await deps.scanner.scan_file(data, str(meta.get("name") or "file"))
            except DetectionError:
                continue
            if not result.scannable:
                continue
            data = result.redacted if result.redacted is not None else data
        name = meta.get("safe_name") if redacted else meta.get("name")
        await deps.gateway.upload(
            f"{key}:file{index}",
            channel,
            thread_ts,
            str(name or meta.get("safe_name") or "file"),
            data,
            comment if index == 0 else "",
            team_id=team_id or None,
        )
        uploaded += 1
    return uploaded


def blocked_ids(outcomes: list[FileOutcome]) -> list[str]:
    """Files of a removed post to delete from Slack: all but those scanned and found clean.

    Canvases are never deleted: `files.delete` on a canvas deletes the whole document, for
    every channel it is shared in and with everything else it holds (`kept_canvas_ids`).
    """
    return [
        o.file_id for o in outcomes if o.file_id and not o.canvas and o.verdict is not Verdict.CLEAN
    ]


def kept_canvas_ids(outcomes: list[FileOutcome]) -> list[str]:
    """Canvases of a removed post that were not found clean: admins are told, by id."""
    return [
        o.file_id for o in outcomes if o.file_id and o.canvas and o.verdict is not Verdict.CLEAN
    ]


async def upload_outcomes(
    deps: FlowDeps,
    key: str,
    team_id: str,
    channel: str,
    thread_ts: str | None,
    outcomes: list[FileOutcome],
    first_comment: str,
) -> int:
    """Upload the de-identified copy of each scanned file (clean ones as they were)."""
    uploaded = 0
    for index, outcome in enumerate(outcomes):
        data = outcome.redacted
        if data is None and outcome.content is Content.IMAGE and outcome.verdict is Verdict.CLEAN:
            data = outcome.data
        if data is None:
            continue  # unscannable or failed files are never reposted
        await deps.gateway.upload(
            f"{key}:file{index}",
            channel,
            thread_ts,
            outcome.safe_name or outcome.name,
            data,
            first_comment if uploaded == 0 else "",
            team_id=team_id or None,
        )
        uploaded += 1
    return uploaded
