"""The demo as a smoke test: a step fails when an expected Web API call does not happen (or
fails) and when a forbidden one does, and prints what the bot did; the cast it seeds covers the
channel classes the script needs. (`tests/cli/test_demo.py` runs the whole demo.)"""

from __future__ import annotations

import io
from typing import Any
from unittest.mock import AsyncMock, MagicMock

from bot.demo.runner import Demo, seed
from bot.standin import Call, Workspace


class _Slack:
    """The part of `StandIn` a step reads: the workspace and the recorded calls."""

    def __init__(self, ws: Workspace) -> None:
        self.workspace = ws
        self.recorded: list[Call] = []

    def calls(self) -> list[Call]:
        return list(self.recorded)

    async def wait_for(self, method: str, count: int, *, timeout: float, ok: bool) -> None:
        if len([c for c in self.recorded if c.method == method and c.ok]) < count:
            raise TimeoutError(method)


def _demo() -> tuple[Demo, _Slack, Any]:
    ws = Workspace()
    cast = seed(ws)
    slack = _Slack(ws)
    store = MagicMock()
    store.queue_depth = AsyncMock(return_value=0)
    demo = Demo(slack=slack, sender=MagicMock(), store=store, out=io.StringIO())  # type: ignore[arg-type]
    return demo, slack, cast


def _call(method: str, ok: bool = True, **args: Any) -> Call:
    return Call(method=method, args=args, token_kind="bot", ok=ok, error=None, status=200)


async def test_a_step_whose_actions_happen_passes_and_prints_them() -> None:
    demo, slack, cast = _demo()

    async def act() -> None:
        slack.recorded.append(_call("chat.delete", channel=cast.ward.id))

    await demo.step("Maria posts", act, expect={"chat.delete": 1}, forbid=("chat.postMessage",))
    assert demo.failures == []
    assert "bot deleted the message in #ward-4" in demo.out.getvalue()  # type: ignore[attr-defined]


async def test_a_missing_or_failed_action_fails_the_step() -> None:
    demo, slack, cast = _demo()

    async def refused() -> None:
        slack.recorded.append(_call("chat.delete", ok=False, channel=cast.ward.id))

    await demo.step("Maria posts", refused, expect={"chat.delete": 1})
    assert demo.failures == ["Maria posts: expected 1 x chat.delete, saw 0"]


async def test_a_forbidden_action_fails_the_step_and_a_quiet_bot_is_said() -> None:
    demo, slack, cast = _demo()

    async def chatter() -> None:
        slack.recorded.append(_call("chat.delete", channel=cast.ward.id))

    await demo.step("Chatter", chatter, expect={}, forbid=("chat.delete",))
    assert demo.failures == ["Chatter: unexpected chat.delete"]

    async def nothing() -> None:
        return None

    await demo.step("Quiet", nothing, expect={})
    assert "(the bot did nothing: nothing to do)" in demo.out.getvalue()  # type: ignore[attr-defined]


def test_the_cast_covers_the_channel_classes_the_script_needs() -> None:
    ws = Workspace()
    cast = seed(ws)
    assert cast.partner.is_ext_shared and not cast.ward.is_ext_shared
    assert cast.icu.kind == "private"
    assert ws.users[cast.ines.id].is_admin and not ws.users[cast.maria.id].is_admin
    assert set(cast.alerts.members) == {cast.ines.id, ws.bot_user_id}
