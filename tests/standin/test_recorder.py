"""The stand-in's recorder: calls kept in order and filtered by method and outcome, `last`
raises when there was none, and `wait_for` wakes on a new call or times out saying what it saw."""

from __future__ import annotations

import asyncio

import pytest

from bot.standin.recorder import Call, Recorder


def _call(method: str, ok: bool = True) -> Call:
    return Call(
        method=method,
        args={},
        token_kind="bot",
        ok=ok,
        error=None if ok else "x",
        status=200,
    )


def test_calls_are_kept_in_order_and_filtered() -> None:
    recorder = Recorder()
    for call in (_call("chat.postMessage"), _call("chat.delete", ok=False), _call("chat.delete")):
        recorder.record(call)
    assert [c.method for c in recorder.calls()] == [
        "chat.postMessage",
        "chat.delete",
        "chat.delete",
    ]
    assert recorder.count("chat.delete") == 2 and recorder.count("chat.delete", ok=True) == 1
    assert recorder.count(ok=False) == 1
    assert recorder.last("chat.delete").ok is True
    with pytest.raises(LookupError):
        recorder.last("views.open")
    recorder.clear()
    assert recorder.calls() == []


async def test_wait_for_wakes_when_the_call_arrives() -> None:
    recorder = Recorder()

    async def later() -> None:
        await asyncio.sleep(0.05)
        recorder.record(_call("chat.postMessage"))
        recorder.record(_call("chat.delete"))

    task = asyncio.create_task(later())
    found = await recorder.wait_for("chat.delete", timeout=5)
    await task
    assert [c.method for c in found] == ["chat.delete"]


async def test_wait_for_times_out_naming_what_it_saw() -> None:
    recorder = Recorder()
    recorder.record(_call("auth.test"))
    recorder.record(_call("chat.delete", ok=False))
    with pytest.raises(TimeoutError, match=r"chat.delete called 0 times, wanted 1.*auth.test"):
        await recorder.wait_for("chat.delete", timeout=0.1, ok=True)
