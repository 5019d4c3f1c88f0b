"""The OAuth install flow: Slack's consent page (`/oauth/v2/authorize`) and `oauth.v2.access`.

The consent page approves at once as the workspace admin (or refuses when
`Workspace.oauth_consent` is False) and redirects to the app's `redirect_uri` with a code,
so the app's `/slack/install` -> `/slack/oauth_redirect` flow runs end to end.
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

from aiohttp import web

from bot.standin.context import JSON, CallContext, Handler, SlackError
from bot.standin.recorder import Call, Recorder
from bot.standin.workspace import Workspace


class OAuthRoutes:
    def __init__(self, workspace: Workspace, recorder: Recorder) -> None:
        self.ws = workspace
        self.recorder = recorder

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/oauth/v2/authorize", self._authorize)

    async def _authorize(self, request: web.Request) -> web.StreamResponse:
        query = request.query
        args = {k: query.get(k, "") for k in ("client_id", "scope", "user_scope", "redirect_uri")}
        redirect_uri = query.get("redirect_uri") or self.ws.oauth_redirect_url
        error: str | None = None
        if query.get("client_id") != self.ws.client_id:
            error = "invalid_client_id"
        elif not redirect_uri:
            error = "bad_redirect_uri"
        self.recorder.record(
            Call(
                "oauth.authorize",
                args,
                None,
                error is None,
                error,
                400 if error else 302,
                time.time(),
            )
        )
        if error or not redirect_uri:
            return web.Response(status=400, text=f"Slack could not start the install: {error}")
        state = query.get("state", "")
        if not self.ws.oauth_consent:
            raise web.HTTPFound(
                f"{redirect_uri}?{urlencode({'error': 'access_denied', 'state': state})}"
            )
        code = self.ws.issue_oauth_code(
            _scopes(query.get("scope", "")),
            _scopes(query.get("user_scope", "")),
            redirect_uri=query.get("redirect_uri"),
        )
        raise web.HTTPFound(f"{redirect_uri}?{urlencode({'code': code, 'state': state})}")


def _scopes(value: str) -> tuple[str, ...]:
    return tuple(s for s in value.replace(" ", ",").split(",") if s)


def oauth_v2_access(ctx: CallContext) -> JSON:
    """Exchange an install code for a bot token (and a user token if user scopes were asked)."""
    client_id, client_secret = ctx.basic_auth or (
        ctx.opt_str("client_id") or "",
        ctx.opt_str("client_secret") or "",
    )
    ws = ctx.ws
    if client_id != ws.client_id:
        raise SlackError("invalid_client_id")
    if client_secret != ws.client_secret:
        raise SlackError("bad_client_secret")
    code = ws.oauth_codes.get(ctx.opt_str("code") or "")
    if code is None or code.used:
        raise SlackError("invalid_code")
    redirect_uri = ctx.opt_str("redirect_uri")
    if code.redirect_uri and redirect_uri != code.redirect_uri:
        raise SlackError("bad_redirect_uri")
    code.used = True
    bot = ws.add_token("bot", ws.bot_user_id, code.scopes)
    authed_user: JSON = {"id": code.installer_id}
    if code.user_scopes:
        user_token = ws.add_token("user", code.installer_id, code.user_scopes)
        authed_user.update(
            {
                "scope": ",".join(code.user_scopes),
                "access_token": user_token.token,
                "token_type": "user",
            }
        )
    return {
        "app_id": ws.app_id,
        "authed_user": authed_user,
        "scope": ",".join(code.scopes),
        "token_type": "bot",
        "access_token": bot.token,
        "bot_user_id": ws.bot_user_id,
        "team": {"id": ws.team_id, "name": ws.team_name},
        # A workspace of an Enterprise Grid organisation names it, even when the install is not
        # org-wide (https://docs.slack.dev/reference/methods/oauth.v2.access).
        "enterprise": (
            {"id": ws.enterprise_id, "name": f"{ws.team_name} Grid"} if ws.enterprise_id else None
        ),
        "is_enterprise_install": False,
    }


METHODS: dict[str, Handler] = {"oauth.v2.access": oauth_v2_access}
