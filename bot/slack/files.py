"""Slack files: fetch a shared file's bytes, and upload a redacted copy with the v2 flow.

`download_file` streams `url_private` with the bot token and stops at `max_bytes`, so a huge
upload never sits in memory. With a valid token Slack's file host often answers with a
redirect: to another Slack host that still wants the token (Enterprise Grid's
`files-origin.slack.com`, NousResearch/hermes-agent#114483) or to a pre-signed CDN URL on
`*.slack-edge.com` that needs none (nextlevelbuilder/goclaw#233). So redirects are followed
here, hop by hop, never by the HTTP client: each hop's host is checked against `FileHosts`,
the token goes only to Slack's own hosts (GovSlack's `slack-gov.com` instead when
`SLACK_API_URL` points there) and never to the CDN, and any other host ends the download. A
missing or rejected token makes Slack redirect to its sign-in page (HTML), which is reported
as an error rather than returned as "file bytes"
(https://docs.slack.dev/messaging/working-with-files#authentication).

`upload_file_v2` is the `files.getUploadURLExternal` -> POST bytes -> `files.completeUploadExternal`
flow that replaced `files.upload`; the completion shares the file into the thread with the
initial comment (the attribution to the poster). No Bolt import here: callers pass an
`AsyncWebClient` (or, for downloads, a plain `aiohttp.ClientSession`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import FileTooLargeError, SlackGatewayError

CHUNK = 64 * 1024
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
# Slack's own domains, where the bot token may go (files.slack.com, files-origin.slack.com,
# the workspace's <team>.slack.com). "GovSlack does not run on the slack.com domain. Instead,
# it runs on the separate domain slack-gov.com" (https://api.slack-gov.com/gov-slack/about), and
# its data is isolated from commercial Slack: a GovSlack token never goes to slack.com.
SLACK_DOMAIN, GOVSLACK_DOMAIN = "slack.com", "slack-gov.com"
# Where Slack sends pre-signed file URLs; followed without the token. slack-files.com serves
# `permalink_public` and pre-signed downloads (curie-eng/curie#2718).
CDN_DOMAINS = ("slack-edge.com", "slack-files.com")


def _within(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"


@dataclass(frozen=True, slots=True)
class FileHosts:
    """Which hosts a download may visit, and which of them may see the bot token.

    `token_domains`: https hosts in these domains get the token. `token_origins`: exact
    origins that get it too (the configured Web API's, so a local stand-in works).
    `cdn_domains`: https hosts followed without the token. `local_cdn`: for a loopback
    stand-in, other loopback origins are followed without the token (its "CDN").
    """

    token_domains: tuple[str, ...] = (SLACK_DOMAIN,)
    token_origins: frozenset[str] = frozenset()
    cdn_domains: tuple[str, ...] = CDN_DOMAINS
    local_cdn: bool = False

    @classmethod
    def for_api_url(cls, api_url: str | None) -> FileHosts:
        """The hosts for the Web API the app is configured with (`SLACK_API_URL`)."""
        parts = urlsplit(api_url or "")
        host = (parts.hostname or "").lower()
        if _within(host, GOVSLACK_DOMAIN):
            return cls(token_domains=(GOVSLACK_DOMAIN,))
        if not host or _within(host, SLACK_DOMAIN):
            return cls()
        local = parts.scheme == "http" and host in _LOOPBACK
        if parts.scheme != "https" and not local:
            return cls()  # a token never travels in clear text to anything but a loopback host
        return cls(token_origins=frozenset({_origin(api_url or "")}), local_cdn=local)

    def token_allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if _origin(url) in self.token_origins:
            return True
        return parts.scheme == "https" and any(_within(host, d) for d in self.token_domains)

    def tokenless_allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if self.local_cdn and parts.scheme == "http" and host in _LOOPBACK:
            return True
        return parts.scheme == "https" and any(_within(host, d) for d in self.cdn_domains)


def hosts_for(client_or_session: AsyncWebClient | aiohttp.ClientSession) -> FileHosts:
    """The `FileHosts` for the Web API a client talks to (slack.com unless told otherwise)."""
    if isinstance(client_or_session, AsyncWebClient):
        return FileHosts.for_api_url(client_or_session.base_url)
    return FileHosts.for_api_url(None)


async def download_file(
    client_or_session: AsyncWebClient | aiohttp.ClientSession,
    url_private: str,
    bot_token: str,
    max_bytes: int,
    *,
    hosts: FileHosts | None = None,
    attempts: int = 3,
    timeout_s: float = 60.0,
) -> bytes:
    """The file's bytes, streamed, at most `max_bytes` (else `FileTooLargeError`).

    Raises `SlackGatewayError("files.download", reason)` when Slack refuses or keeps failing,
    or a redirect leads off Slack (`redirect_off_slack`).
    """
    allowed = hosts if hosts is not None else hosts_for(client_or_session)
    if not allowed.token_allowed(url_private):
        raise SlackGatewayError("files.download", "url_not_a_slack_file_host")
    session, owned = _session(client_or_session)
    try:
        for attempt in range(attempts):
            try:
                return await _follow(session, url_private, bot_token, max_bytes, timeout_s, allowed)
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


class _Redirect(Exception):
    def __init__(self, location: str) -> None:
        super().__init__("redirect")
        self.location = location


async def _follow(
    session: aiohttp.ClientSession,
    url: str,
    token: str,
    max_bytes: int,
    timeout_s: float,
    hosts: FileHosts,
) -> bytes:
    """GET `url`, following up to `MAX_REDIRECTS` redirects, each hop's host checked first."""
    send_token = True
    for _ in range(MAX_REDIRECTS + 1):
        try:
            return await _fetch(session, url, token if send_token else None, max_bytes, timeout_s)
        except _Redirect as hop:
            url = urljoin(url, hop.location)
            if hosts.token_allowed(url):
                send_token = True
            elif hosts.tokenless_allowed(url):
                send_token = False  # a pre-signed CDN URL: the token stays behind
            else:
                raise SlackGatewayError("files.download", "redirect_off_slack") from None
    raise SlackGatewayError("files.download", "too_many_redirects")


async def _fetch(
    session: aiohttp.ClientSession,
    url: str,
    token: str | None,
    max_bytes: int,
    timeout_s: float,
) -> bytes:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        async with session.get(
            url,
            headers=headers,
            allow_redirects=False,
            timeout=aiohttp.ClientTimeout(total=timeout_s),
        ) as response:
            if response.status in _REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise SlackGatewayError("files.download", "redirect_without_location")
                raise _Redirect(location)
            if response.status in _RETRY_STATUSES:
                retry_after = response.headers.get("Retry-After")
                delay = float(retry_after) if retry_after and retry_after.isdigit() else None
                raise _Retry(f"http_{response.status}", delay)
            if response.status == 404:
                raise SlackGatewayError("files.download", "file_not_found")
            if response.status != 200:
                raise SlackGatewayError("files.download", f"http_{response.status}")
            if response.content_type == "text/html":
                # Slack's sign-in page, where a missing or rejected token is redirected.
                raise SlackGatewayError("files.download", "not_authed")
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
    existing = client_or_session.session  # the client's own, when it was given one
    if existing is not None and not existing.closed:
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
