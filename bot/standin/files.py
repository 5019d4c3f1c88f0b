"""File hosting as Slack does it: `url_private` needs a token, uploads go to a one-off URL.

Without a valid `Authorization: Bearer` token Slack does not answer 401: it redirects to its
sign-in page, so a careless downloader receives HTML instead of the image. The stand-in does
the same, which is exactly the trap the app's file pipeline must detect.

With a valid token Slack often answers 302 too, to a pre-signed URL on its CDN
(`*.slack-edge.com`; nextlevelbuilder/goclaw#233, openclaw/openclaw#63523). The stand-in
always does: a valid download is redirected to a second server (its "CDN", another port) that
serves the bytes for a signed, short-lived URL and, like a pre-signed object store URL, refuses
a request that also carries an `Authorization` header (S3 answers 400 "Only one auth mechanism
allowed"). A downloader that follows redirects blindly with the token fails here; one that
treats every redirect as "not signed in" fails at the first hop.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
import time

from aiohttp import web

from bot.standin.faults import Faults
from bot.standin.model import File, Token
from bot.standin.recorder import Call, Recorder
from bot.standin.workspace import Workspace

SIGNIN_HTML = (
    "<!DOCTYPE html><html><head><title>Sign in | Slack</title></head>"
    "<body><h1>Sign in to your workspace</h1></body></html>"
)


CDN_URL_TTL_S = 60


class FileRoutes:
    def __init__(self, workspace: Workspace, recorder: Recorder, faults: Faults) -> None:
        self.ws = workspace
        self.recorder = recorder
        self.faults = faults
        self.cdn_base_url = ""
        self._secret = secrets.token_bytes(16)
        self._cdn: web.AppRunner | None = None

    async def start_cdn(self, host: str) -> None:
        """Serve the CDN on its own free port (another origin than the Web API)."""
        app = web.Application()
        app.router.add_get("/cdn/{file_id}/{name}", self._cdn_download)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, host, 0)
        await site.start()
        sockets = getattr(site._server, "sockets", None) or []
        self.cdn_base_url = f"http://{host}:{int(sockets[0].getsockname()[1])}/"
        self._cdn = runner

    async def stop_cdn(self) -> None:
        if self._cdn is not None:
            await self._cdn.cleanup()
            self._cdn = None

    def _signature(self, file_id: str, expires: str) -> str:
        return hmac.new(self._secret, f"{file_id}:{expires}".encode(), hashlib.sha256).hexdigest()

    def _presigned(self, file: File) -> str:
        expires = str(int(time.time()) + CDN_URL_TTL_S)
        sig = self._signature(file.id, expires)
        return f"{self.cdn_base_url}cdn/{file.id}/{file.name}?Expires={expires}&Signature={sig}"

    async def _cdn_download(self, request: web.Request) -> web.Response:
        file_id = request.match_info["file_id"]
        args: dict[str, object] = {"file": file_id}
        if "Authorization" in request.headers:
            self._record("files.cdn", args, None, "authorization_header_refused", 400)
            return web.Response(status=400, text="InvalidArgument: Only one auth mechanism allowed")
        expires = request.query.get("Expires", "")
        good = hmac.compare_digest(
            request.query.get("Signature", ""), self._signature(file_id, expires)
        )
        if not good or not expires.isdigit() or int(expires) < time.time():
            self._record("files.cdn", args, None, "signature_invalid", 403)
            return web.Response(status=403, text="AccessDenied")
        file = self.ws.files.get(file_id)
        if file is None:
            self._record("files.cdn", args, None, "file_not_found", 404)
            return web.Response(status=404, text="NoSuchKey")
        self._record("files.cdn", args, None, None, 200)
        return web.Response(body=file.content, content_type=file.mimetype)

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/files-pri/{team_file}/download/{name}", self._download)
        app.router.add_get("/files-pri/{team_file}/{name}", self._download)
        app.router.add_post("/upload/v1/{slot}", self._upload)
        app.router.add_get("/signin", self._signin)

    async def _signin(self, request: web.Request) -> web.Response:
        return web.Response(text=SIGNIN_HTML, content_type="text/html")

    def _record(
        self,
        method: str,
        args: dict[str, object],
        token: Token | None,
        error: str | None,
        status: int,
    ) -> None:
        self.recorder.record(
            Call(
                method,
                dict(args),
                token.kind if token else None,
                error is None,
                error,
                status,
                time.time(),
            )
        )

    async def _download(self, request: web.Request) -> web.StreamResponse:
        _, _, file_id = request.match_info["team_file"].rpartition("-")
        args: dict[str, object] = {"file": file_id}
        fault = self.faults.take("files.download")
        if fault is not None and fault.delay:
            await asyncio.sleep(fault.delay)
        if fault is not None and (fault.status or fault.error):
            status = fault.status or (429 if fault.error == "ratelimited" else 500)
            self._record("files.download", args, None, fault.error or f"http_{status}", status)
            headers = {"Retry-After": str(fault.retry_after)} if status == 429 else {}
            return web.Response(status=status, headers=headers)
        header = request.headers.get("Authorization", "")
        token = (
            self.ws.tokens.get(header.removeprefix("Bearer ").strip())
            if header.startswith("Bearer ")
            else None
        )
        file = self.ws.files.get(file_id)
        if (
            token is None
            or token.kind == "app"
            or token.revoked
            or "files:read" not in token.scopes
        ):
            error = "not_authed" if not header else "invalid_auth"
            if token is not None:
                error = "missing_scope"
            self._record("files.download", args, token, error, 302)
            raise web.HTTPFound(f"/signin?redir={request.path}")
        if file is None or not self._can_read(token, file):
            self._record("files.download", args, token, "file_not_found", 404)
            return web.Response(status=404, text="Not Found")
        self._record("files.download", args, token, None, 302)
        raise web.HTTPFound(self._presigned(file))

    def _can_read(self, token: Token, file: File) -> bool:
        if token.user_id == file.user:
            return True
        for channel_id in file.channels:
            channel = self.ws.channels.get(channel_id)
            if channel is not None and (
                channel.kind == "public" or token.user_id in channel.members
            ):
                return True
        return False

    async def _upload(self, request: web.Request) -> web.Response:
        slot = self.ws.uploads.get(request.match_info["slot"])
        fault = self.faults.take("files.upload")
        if fault is not None and fault.delay:
            await asyncio.sleep(fault.delay)
        if fault is not None and (fault.status or fault.error):
            status = fault.status or 500
            self._record("files.upload", {}, None, fault.error or f"http_{status}", status)
            return web.Response(status=status)
        if slot is None:
            self._record("files.upload", {}, None, "invalid_upload_url", 404)
            return web.Response(status=404, text="Not Found")
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            field = form.get("file") or form.get("filename")
            if isinstance(field, web.FileField):
                content = field.file.read()
            else:
                content = str(field or "").encode()
        else:
            content = await request.read()
        slot.content = content
        token = self.ws.tokens.get(slot.token)
        self._record(
            "files.upload", {"file": slot.file_id, "bytes": len(content)}, token, None, 200
        )
        return web.Response(text=f"OK - {len(content)}")
