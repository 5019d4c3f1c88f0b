"""Multi-workspace distribution: Slack OAuth installation and state stores on our database.

`DbInstallationStore` implements slack_sdk's `AsyncInstallationStore` (Bolt's OAuth flow calls
it), keeping tokens Fernet-encrypted (`bot.store.crypto`) and everything else as JSON. Rows are
never updated: each install or token refresh adds a row and the newest wins, as in slack_sdk's
own SQL stores. `DbOAuthStateStore` issues single-use OAuth `state` values with an expiry.
This module does not import slack_bolt (DESIGN.md: only `bot/app.py` does).
"""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.store.crypto import TokenCipher
from bot.store.models import installations, oauth_states, utcnow

TOKEN_FIELDS = ("bot_token", "user_token", "bot_refresh_token", "user_refresh_token")
BOT_FIELDS = (
    "app_id",
    "enterprise_id",
    "enterprise_name",
    "team_id",
    "team_name",
    "bot_token",
    "bot_id",
    "bot_user_id",
    "bot_scopes",
    "bot_refresh_token",
    "bot_token_expires_at",
    "is_enterprise_install",
    "installed_at",
)
log = logging.getLogger(__name__)


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    """Datetimes as epoch seconds (slack_sdk accepts them back), tokens removed."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in TOKEN_FIELDS:
            continue
        out[key] = value.timestamp() if isinstance(value, datetime) else value
    for key in ("bot_token_expires_at", "user_token_expires_at"):
        if out.get(key) is not None:
            out[key] = int(out[key])
    return out


class DbInstallationStore(AsyncInstallationStore):
    """Installations per (client id, enterprise, team[, user]); the newest row wins."""

    def __init__(self, engine: AsyncEngine, client_id: str | None, cipher: TokenCipher) -> None:
        self.engine, self.client_id, self.cipher = engine, client_id or "", cipher

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        data = _jsonable(installation.to_dict())
        data["custom_values"] = dict(installation.custom_values or {})
        await self._insert("installation", data, installation.user_id, installation)

    async def async_save_bot(self, bot: Bot) -> None:
        await self._insert("bot", _jsonable(bot.to_dict()), None, bot)

    async def _insert(
        self, kind: str, data: dict[str, Any], user_id: str | None, source: Installation | Bot
    ) -> None:
        data["_kind"] = kind
        tokens = {
            f"{name}_enc": self.cipher.encrypt(getattr(source, name, None)) for name in TOKEN_FIELDS
        }
        async with self.engine.begin() as conn:
            await conn.execute(
                sa.insert(installations).values(
                    client_id=self.client_id,
                    enterprise_id=source.enterprise_id,
                    team_id=None if source.is_enterprise_install else source.team_id,
                    user_id=user_id,
                    is_enterprise_install=bool(source.is_enterprise_install),
                    bot_user_id=source.bot_user_id,
                    data=data,
                    installed_at=utcnow(),
                    **tokens,
                )
            )

    def _where(
        self, enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None
    ) -> list[sa.ColumnElement[bool]]:
        c = installations.c
        where = [
            c.client_id == self.client_id,
            c.enterprise_id.is_(None)
            if enterprise_id is None
            else c.enterprise_id == enterprise_id,
        ]
        if not is_enterprise_install:
            where.append(c.team_id.is_(None) if team_id is None else c.team_id == team_id)
        return where

    async def _latest(self, where: list[sa.ColumnElement[bool]]) -> Any:
        query = (
            sa.select(installations)
            .where(*where)
            .order_by(installations.c.installed_at.desc(), installations.c.id.desc())
            .limit(1)
        )
        async with self.engine.connect() as conn:
            return (await conn.execute(query)).one_or_none()

    def _tokens(self, row: Any) -> dict[str, str | None]:
        return {name: self.cipher.decrypt(getattr(row, f"{name}_enc")) for name in TOKEN_FIELDS}

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        where = self._where(enterprise_id, team_id, is_enterprise_install)
        row = await self._latest([*where, installations.c.bot_token_enc.is_not(None)])
        if row is None:
            return None
        data = {k: v for k, v in row.data.items() if k in BOT_FIELDS}
        tokens = self._tokens(row)
        return Bot(
            **{
                **data,
                "bot_token": tokens["bot_token"],
                "bot_refresh_token": tokens["bot_refresh_token"],
            }
        )

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        where = self._where(enterprise_id, team_id, is_enterprise_install)
        where.append(installations.c.data["_kind"].as_string() == "installation")
        if user_id is not None:
            where.append(installations.c.user_id == user_id)
        row = await self._latest(where)
        if row is None:
            return None
        data = {k: v for k, v in row.data.items() if k != "_kind"}
        installation = Installation(**{**data, **self._tokens(row)})
        if user_id is not None:
            # A later bot token (refreshed, or another user's install) wins for the bot part.
            bot = await self.async_find_bot(
                enterprise_id=enterprise_id,
                team_id=team_id,
                is_enterprise_install=is_enterprise_install,
            )
            if bot is not None and bot.bot_token != installation.bot_token:
                installation.bot_token = bot.bot_token
                installation.bot_id = bot.bot_id
                installation.bot_user_id = bot.bot_user_id
                installation.bot_scopes = bot.bot_scopes
                installation.bot_refresh_token = bot.bot_refresh_token
                installation.bot_token_expires_at = bot.bot_token_expires_at
        return installation

    async def find_bot_by_team(self, team_id: str | None) -> Bot | None:
        """The workspace's bot, whatever its Enterprise Grid organisation.

        Bolt stores `enterprise_id` for a workspace of a Grid organisation even when the
        install is not org-wide (bolt-python's `Installation`; oauth.v2.access returns the
        `enterprise`, https://docs.slack.dev/reference/methods/oauth.v2.access), while our
        gateway knows only the team. Team ids are unique across Slack, so the team alone finds
        the installation; org-wide installs are off (`org_deploy_enabled: false`).
        """
        row = await self._latest_of_team(team_id, bot=True)
        if row is None:
            return None
        return await self.async_find_bot(enterprise_id=row.enterprise_id, team_id=team_id)

    async def find_installation_by_team(self, team_id: str | None) -> Installation | None:
        """The workspace's latest installation (its installer and user token), any Grid org."""
        row = await self._latest_of_team(team_id, bot=False)
        if row is None:
            return None
        return await self.async_find_installation(enterprise_id=row.enterprise_id, team_id=team_id)

    async def _latest_of_team(self, team_id: str | None, *, bot: bool) -> Any:
        if not team_id:
            return None
        c = installations.c
        where = [c.client_id == self.client_id, c.team_id == team_id]
        if bot:
            where.append(c.bot_token_enc.is_not(None))
        else:
            where.append(c.data["_kind"].as_string() == "installation")
        return await self._latest(where)

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        where = self._where(enterprise_id, team_id, False)
        async with self.engine.begin() as conn:
            await conn.execute(
                sa.update(installations)
                .where(*where)
                .values(bot_token_enc=None, bot_refresh_token_enc=None)
            )
            await conn.execute(
                sa.delete(installations).where(
                    *where, installations.c.data["_kind"].as_string() == "bot"
                )
            )

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        where = self._where(enterprise_id, team_id, False)
        if user_id is not None:
            where.append(installations.c.user_id == user_id)
        where.append(installations.c.data["_kind"].as_string() == "installation")
        async with self.engine.begin() as conn:
            await conn.execute(sa.delete(installations).where(*where))


class DbOAuthStateStore(AsyncOAuthStateStore):
    """Single-use OAuth `state` values that expire after `expiration_seconds`."""

    def __init__(self, engine: AsyncEngine, expiration_seconds: int = 600) -> None:
        self.engine, self.expiration_seconds = engine, expiration_seconds

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        state = secrets.token_urlsafe(32)
        expires = utcnow() + timedelta(seconds=self.expiration_seconds)
        async with self.engine.begin() as conn:
            await conn.execute(sa.insert(oauth_states).values(state=state, expires_at=expires))
        return state

    async def async_consume(self, state: str) -> bool:
        stmt = sa.delete(oauth_states).where(
            oauth_states.c.state == state, oauth_states.c.expires_at > utcnow()
        )
        async with self.engine.begin() as conn:
            return (await conn.execute(stmt)).rowcount == 1


def installation_stores(
    engine: AsyncEngine, client_id: str | None, keys: str | None = None
) -> tuple[DbInstallationStore, DbOAuthStateStore]:
    """Both stores for Bolt's `AsyncOAuthSettings(installation_store=..., state_store=...)`."""
    return DbInstallationStore(engine, client_id, TokenCipher(keys)), DbOAuthStateStore(engine)
