"""A stand-in Web API call's context: Slack's errors for a missing token or scope (with `needed`
and `provided`, as Slack sends them), the scope family by conversation type, arguments parsed as
form and JSON bodies carry them, and channels visible only as they are to that token."""

from __future__ import annotations

from typing import Any

import pytest

from bot.standin import Workspace
from bot.standin.context import CallContext, SlackError
from bot.standin.model import Token


def _ctx(ws: Workspace, token: Token | None, **args: Any) -> CallContext:
    return CallContext(ws=ws, method="test.method", token=token, args=args)


def _ws() -> tuple[Workspace, Token]:
    ws = Workspace()
    maria = ws.add_user("maria", user_id="U0MARIA")
    ws.add_channel("ward-4", members=[maria.id], channel_id="C0PUBLIC")
    ws.add_channel("icu", kind="private", members=[maria.id], bot_member=False, channel_id="G0ICU")
    return ws, ws.tokens[ws.bot_token]


def _code(call: Any) -> str:
    with pytest.raises(SlackError) as caught:
        call()
    return caught.value.code


def test_no_token_is_not_authed_and_a_missing_scope_says_what_was_needed() -> None:
    ws, bot = _ws()
    assert _code(lambda: _ctx(ws, None).auth) == "not_authed"
    with pytest.raises(SlackError) as caught:
        _ctx(ws, bot).require_scope("admin.nope", "also:nope")
    assert caught.value.code == "missing_scope"
    assert caught.value.extra["needed"] == "admin.nope,also:nope"
    assert "chat:write" in caught.value.extra["provided"].split(",")
    _ctx(ws, bot).require_scope("chat:write", "admin.nope")  # any one of them is enough


def test_the_conversation_scope_depends_on_the_conversation_type() -> None:
    ws, _ = _ws()
    only_channels = ws.add_token("bot", ws.bot_user_id, ("channels:history",))
    ctx = _ctx(ws, only_channels)
    ctx.require_conversation_scope(ws.channels["C0PUBLIC"], "history")
    with pytest.raises(SlackError) as caught:
        ctx.require_conversation_scope(ws.channels["G0ICU"], "history")
    assert caught.value.extra["needed"] == "groups:history"


def test_arguments_parse_as_form_and_json_bodies_carry_them() -> None:
    ws, bot = _ws()
    ctx = _ctx(ws, bot, a="true", b=False, n="12", j='{"x": 1}', k=[1], empty="", d={"x": 1})
    assert ctx.bool_arg("a") is True and ctx.bool_arg("b") is False
    assert ctx.bool_arg("missing", default=True) is True
    assert ctx.int_arg("n") == 12 and ctx.int_arg("missing", default=3) == 3
    assert (
        ctx.json_arg("j") == {"x": 1} and ctx.json_arg("k") == [1] and ctx.json_arg("empty") is None
    )
    assert _code(lambda: ctx.str_arg("missing")) == "invalid_arguments"
    assert _code(lambda: ctx.opt_str("d")) == "invalid_arguments"  # an object is not a string
    assert _code(lambda: ctx.int_arg("missing", required=True)) == "invalid_arguments"
    assert _code(lambda: _ctx(ws, bot, j="{no").json_arg("j")) == "invalid_arguments"
    assert _code(lambda: _ctx(ws, bot, a="maybe").bool_arg("a")) == "invalid_arguments"


def test_a_private_channel_is_not_found_by_a_token_whose_user_is_not_in_it() -> None:
    ws, bot = _ws()
    assert _ctx(ws, bot, channel="C0PUBLIC").channel().id == "C0PUBLIC"
    assert _code(lambda: _ctx(ws, bot, channel="G0ICU").channel()) == "channel_not_found"
    assert _code(lambda: _ctx(ws, bot, channel="C0NONE").channel()) == "channel_not_found"
    assert _code(lambda: _ctx(ws, bot, user="U0NOBODY").user()) == "user_not_found"
    assert _code(lambda: _ctx(ws, bot).require_member(ws.channels["G0ICU"])) == "not_in_channel"
