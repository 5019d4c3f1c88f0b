"""OAuth installation and state stores: tokens encrypted at rest, newest install wins."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet
from slack_sdk.oauth.installation_store import Bot, Installation

from bot.config import Settings
from bot.errors import ConfigError
from bot.store import Store
from bot.store.crypto import TokenCipher
from bot.store.installations import DbInstallationStore, DbOAuthStateStore
from bot.store.models import installations

KEY = Fernet.generate_key().decode()


def install(team: str = "T1", user: str = "U1", bot_token: str = "xoxb-secret-1") -> Installation:
    return Installation(
        app_id="A1",
        team_id=team,
        team_name="General Hospital",
        user_id=user,
        bot_token=bot_token,
        bot_id="B1",
        bot_user_id="UBOT",
        bot_scopes=["chat:write", "channels:history"],
        user_token="xoxp-secret-2",
        installed_at=1700000000.0,
    )


async def test_tokens_round_trip_but_are_encrypted_in_the_database(store: Store) -> None:
    inst, _ = store.oauth_stores(Settings(token_encryption_key=KEY, slack_client_id="CID"))
    await inst.async_save(install())
    found = await inst.async_find_installation(enterprise_id=None, team_id="T1")
    assert found is not None
    assert (found.bot_token, found.user_token, found.bot_user_id) == (
        "xoxb-secret-1",
        "xoxp-secret-2",
        "UBOT",
    )
    assert found.bot_scopes == ["chat:write", "channels:history"]
    bot = await inst.async_find_bot(enterprise_id=None, team_id="T1")
    assert bot is not None and bot.bot_token == "xoxb-secret-1"
    async with store.engine.connect() as conn:
        dump = repr((await conn.execute(sa.select(installations))).all())
    assert "xoxb-secret-1" not in dump and "xoxp-secret-2" not in dump


async def test_newest_install_wins_and_other_teams_are_separate(store: Store) -> None:
    inst, _ = store.oauth_stores(Settings(token_encryption_key=KEY))
    await inst.async_save(install(bot_token="xoxb-old"))
    await inst.async_save(install(bot_token="xoxb-new", user="U2"))
    await inst.async_save(install(team="T2", bot_token="xoxb-t2"))
    bot = await inst.async_find_bot(enterprise_id=None, team_id="T1")
    assert bot is not None and bot.bot_token == "xoxb-new"
    user_install = await inst.async_find_installation(
        enterprise_id=None, team_id="T1", user_id="U1"
    )
    assert user_install is not None and user_install.bot_token == "xoxb-new"
    assert await inst.async_find_installation(enterprise_id=None, team_id="T3") is None


async def test_rotated_bot_and_deletes(store: Store) -> None:
    inst, _ = store.oauth_stores(Settings(token_encryption_key=KEY))
    await inst.async_save(install())
    await inst.async_save_bot(
        Bot(
            team_id="T1",
            bot_token="xoxb-rotated",
            bot_id="B1",
            bot_user_id="UBOT",
            installed_at=1700000100.0,
        )
    )
    bot = await inst.async_find_bot(enterprise_id=None, team_id="T1")
    assert bot is not None and bot.bot_token == "xoxb-rotated"
    await inst.async_delete_all(enterprise_id=None, team_id="T1")
    assert await inst.async_find_bot(enterprise_id=None, team_id="T1") is None
    assert await inst.async_find_installation(enterprise_id=None, team_id="T1") is None


async def test_without_key_saving_tokens_is_a_clear_config_error(store: Store) -> None:
    inst = DbInstallationStore(store.engine, None, TokenCipher(""))
    with pytest.raises(ConfigError, match="TOKEN_ENCRYPTION_KEY is not set"):
        await inst.async_save(install())


def test_bad_or_rotated_key_errors_name_the_fix() -> None:
    with pytest.raises(ConfigError, match="not a valid Fernet key"):
        TokenCipher("not-a-key")
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    secret = TokenCipher(old).encrypt("xoxb-1")
    with pytest.raises(ConfigError, match="rotated"):
        TokenCipher(new).decrypt(secret)
    assert TokenCipher(f"{new},{old}").decrypt(secret) == "xoxb-1"


async def test_oauth_state_is_single_use_and_expires(store: Store) -> None:
    states = DbOAuthStateStore(store.engine)
    state = await states.async_issue()
    assert len(state) >= 32
    assert await states.async_consume(state) is True
    assert await states.async_consume(state) is False
    expired = DbOAuthStateStore(store.engine, expiration_seconds=-1)
    assert await expired.async_consume(await expired.async_issue()) is False
