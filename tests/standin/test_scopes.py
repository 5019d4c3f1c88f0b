"""The scope table: every method the stand-in serves is in it (the manifest check in
tests/test_app.py relies on that), and the tokens it hands out by default can do their jobs."""

from __future__ import annotations

import pytest

from bot.standin import api_chat, api_conversations, api_files, api_views, oauth
from bot.standin.scopes import (
    DEFAULT_BOT_SCOPES,
    DEFAULT_USER_SCOPES,
    METHOD_SCOPES,
    scopes_for,
)

SERVED = {
    **api_chat.METHODS,
    **api_conversations.METHODS,
    **api_files.METHODS,
    **api_views.METHODS,
    **oauth.METHODS,
}


def test_every_method_the_standin_serves_has_a_row_in_the_scope_table() -> None:
    missing = sorted(set(SERVED) - set(METHOD_SCOPES))
    assert not missing, f"add these to METHOD_SCOPES: {missing}"


def test_a_method_the_standin_does_not_serve_has_no_scopes_made_up() -> None:
    with pytest.raises(KeyError):
        scopes_for("admin.users.remove")


@pytest.mark.parametrize(
    ("method", "family"),
    [
        ("conversations.history", "history"),
        ("conversations.replies", "history"),
        ("conversations.info", "read"),
        ("conversations.members", "read"),
        ("users.conversations", "read"),
    ],
)
def test_a_conversations_method_takes_the_scope_of_each_conversation_type(
    method: str, family: str
) -> None:
    # https://api.slack.com/methods/conversations.history: channels:, groups:, im:, mpim:history
    assert set(scopes_for(method)) == {
        f"{t}:{family}" for t in ("channels", "groups", "im", "mpim")
    }


def test_the_default_bot_token_can_read_history_post_and_look_up_people() -> None:
    for method in ("chat.postMessage", "conversations.history", "users.info", "files.info"):
        assert set(scopes_for(method)) & set(DEFAULT_BOT_SCOPES), method


def test_the_default_bot_token_lacks_join_so_a_missing_scope_can_be_seen() -> None:
    # tests/standin/test_api_chat.py expects missing_scope from conversations.join
    assert not set(scopes_for("conversations.join")) & set(DEFAULT_BOT_SCOPES)


def test_the_admin_user_token_can_delete_posts_and_files() -> None:
    for method in ("chat.delete", "files.delete"):
        assert set(scopes_for(method)) & set(DEFAULT_USER_SCOPES), method
