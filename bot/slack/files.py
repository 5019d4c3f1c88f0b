"""Slack files: fetch a shared file's bytes, and upload a redacted copy with the v2 flow.

`download_file` streams `url_private` with the bot token and stops at `max_bytes`, so a huge
upload never sits in memory; it sends the token only to Slack's file hosts (or the host of the
configured Web API, for the stand-in), because a token sent elsewhere is a leaked token. A
missing or rejected token makes Slack answer with a redirect to a sign-in page, which is
reported as an error rather than returned as "file bytes".

`upload_file_v2` is the `files.getUploadURLExternal` -> POST bytes -> `files.completeUploadExternal`
flow that replaced `files.upload`; the completion shares the file into the thread with the
initial comment (the attribution to the poster). No Bolt import here: callers pass an
`AsyncWebClient` (or, for downloads, a plain `aiohttp.ClientSession`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Collection
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import FileTooLargeError, SlackGatewayError

CHUNK = 64 * 1024
SLACK_FILE_HOSTS = ("files.slack.com", "slack-files.com")
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


def allowed_hosts_for(client_or_session: AsyncWebClient | aiohttp.ClientSession) -> set[str]:
    """Slack's file hosts plus the Web API host the client talks to (the stand-in in tests)."""
    hosts = set(SLACK_FILE_HOSTS)
    base_url = getattr(client_or_session, "base_url", None)
    if isinstance(base_url, str) and base_url:
        host = urlsplit(base_url).hostname
        if host:
            hosts.add(host)
    return hosts


def _host_allowed(url: str, hosts: Collection[str]) -> bool:
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme not in ("https", "http"):
        return False
    if parts.scheme == "http" and host not in ("127.0.0.1", "localhost", "::1"):
        return False  # the token never travels in clear text except to a local stand-in
    return host in hosts or host.endswith(".slack.com") or host.endswith(".slack-edge.com")


async def download_file(
    client_or_session: AsyncWebClient | aiohttp.ClientSession,
    url_private: str,
    bot_token: str,
    max_bytes: int,
    *,
    allowed_hosts: Collection[str] | None = None,
    attempts: int = 3,
    timeout_s: float = 60.0,
) -> bytes:
    """The file's bytes, streamed, at most `max_bytes` (else `FileTooLargeError`).

    Raises `SlackGatewayError("files.download", reason)` when Slack refuses or keeps failing.
    """
    hosts = allowed_hosts if allowed_hosts is not None else allowed_hosts_for(client_or_session)
    if not _host_allowed(url_private, hosts):
        raise SlackGatewayError("files.download", "url_not_a_slack_file_host")
    session, owned = _session(client_or_session)
    try:
        for attempt in range(attempts):
            try:
                return await _fetch(session, url_private, bot_token, max_bytes, timeout_s)
            except _Retry as retry:
                if attempt + 1 >= attempts:
                    raise SlackGatewayError("files.download", retry.reason) from None
                await asyncio.sleep(
                    retry.delay if retry.delay is not None else min(8.0, 0.5 * 2**attempt)
                )
        raise SlackGatewayError("files.download", "no_attempts")  # pragma: no cover - attempts >= 1
    finally:
        if owned:
            await session.close()


class _Retry(Exception):
    def __init__(self, reason: str, delay: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.delay = delay


async def _fetch(
    session: aiohttp.ClientSession, url: str, token: str, max_bytes: int, timeout_s: float
) -> bytes:
    headers = {"Authorization": f"Bearer {token}"}
    try:
        async with session.get(
            url,
            headers=headers,
            allow_redirects=False,
            timeout=aiohttp.ClientTimeout(total=timeout_s),
        ) as response:
            if response.status in (301, 302, 303, 307, 308):
                raise SlackGatewayError("files.download", "not_authed")  # Slack's sign-in redirect
            if response.status in _RETRY_STATUSES:
                retry_after = response.headers.get("Retry-After")
                delay = float(retry_after) if retry_after and retry_after.isdigit() else None
                raise _Retry(f"http_{response.status}", delay)
            if response.status == 404:
                raise SlackGatewayError("files.download", "file_not_found")
            if response.status != 200:
                raise SlackGatewayError("files.download", f"http_{response.status}")
            if response.content_type == "text/html":
                raise SlackGatewayError(
                    "files.download", "not_authed"
                )  # a sign-in page, not the file
            length = response.content_length
            if length is not None and length > max_bytes:
                raise FileTooLargeError(
                    f"file too large ({length // (1024 * 1024)} MiB, limit {max_bytes // (1024 * 1024)} MiB)"
                )
            buf = bytearray()
            async for chunk in response.content.iter_chunked(CHUNK):
                buf += chunk
                if len(buf) > max_bytes:
                    raise FileTooLargeError(
                        f"file too large (over {max_bytes // (1024 * 1024)} MiB)"
                    )
            return bytes(buf)
    except (TimeoutError, aiohttp.ClientConnectionError) as exc:
        raise _Retry(type(exc).__name__) from exc


def _session(
    client_or_session: AsyncWebClient | aiohttp.ClientSession,
) -> tuple[aiohttp.ClientSession, bool]:
    if isinstance(client_or_session, aiohttp.ClientSession):
        return client_or_session, False
    existing = getattr(client_or_session, "session", None)
    if isinstance(existing, aiohttp.ClientSession) and not existing.closed:
        return existing, False
    return aiohttp.ClientSession(), True


async def upload_file_v2(
    client: AsyncWebClient,
    channel_id: str,
    thread_ts: str | None,
    filename: str,
    data: bytes,
    initial_comment: str | None,
    *,
    title: str | None = None,
    alt_text: str | None = None,
    timeout_s: float = 120.0,
    on_slot: Callable[[str], Awaitable[None]] | None = None,
) -> dict[str, Any]:
    """Upload data into channel_id (thread thread_ts); returns the completed file object.

    `on_slot` hears the new file's id before anything is shared, so a caller can find the
    file again if the share's answer never arrives.
    """
    if not data:
        raise SlackGatewayError("files.getUploadURLExternal", "empty_file")
    try:
        slot = await client.files_getUploadURLExternal(
            filename=filename, length=len(data), alt_txt=alt_text
        )
    except SlackApiError as exc:
        raise SlackGatewayError("files.getUploadURLExternal", _error_of(exc)) from None
    upload_url, file_id = str(slot["upload_url"]), str(slot["file_id"])
    if on_slot is not None:
        await on_slot(file_id)
    session, owned = _session(client)
    try:
        async with session.post(
            upload_url,
            data=data,
            headers={"Content-Type": "application/octet-stream"},
            timeout=aiohttp.ClientTimeout(total=timeout_s),
        ) as response:
            if response.status != 200:
                raise SlackGatewayError("files.upload", f"http_{response.status}")
    except (TimeoutError, aiohttp.ClientConnectionError) as exc:
        raise SlackGatewayError("files.upload", type(exc).__name__) from exc
    finally:
        if owned:
            await session.close()
    try:
        done = await client.files_completeUploadExternal(
            files=[{"id": file_id, "title": title or filename}],
            channel_id=channel_id,
            thread_ts=thread_ts,
            initial_comment=initial_comment,
        )
    except SlackApiError as exc:
        raise SlackGatewayError("files.completeUploadExternal", _error_of(exc)) from None
    files = done.get("files") or []
    return dict(files[0]) if files else {"id": file_id}


def _error_of(exc: SlackApiError) -> str:
    """Slack's error code, or `http_<status>` for a bare HTTP failure with no JSON body."""
    data = exc.response.data
    if isinstance(data, dict) and data.get("error"):
        return str(data["error"])
    return f"http_{exc.response.status_code}"
