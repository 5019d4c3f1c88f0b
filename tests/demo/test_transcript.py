"""The demo's transcript: recorded Web API calls as lines a person reads (names, not ids; the
token a delete used; buttons offered), look-ups left out, refusals said plainly."""

from __future__ import annotations

from typing import Any

from bot.demo.transcript import describe, readable
from bot.standin import Call, Workspace


def _ws() -> tuple[Workspace, str, str, str]:
    ws = Workspace()
    maria = ws.add_user("maria", user_id="U0MARIA")
    ward = ws.add_channel("ward-4", members=[maria.id], channel_id="C0WARD4")
    dm = ws.add_channel("dm", kind="im", members=[maria.id], channel_id="D0MARIA")
    return ws, maria.id, ward.id, dm.id


def _call(method: str, ok: bool = True, token_kind: str = "bot", **args: Any) -> Call:
    return Call(
        method=method,
        args=args,
        token_kind=token_kind,
        ok=ok,
        error=None if ok else "channel_not_found",
        status=200,
    )


def test_readable_turns_markup_into_names_and_labels_and_trims() -> None:
    ws, maria, ward, _ = _ws()
    text = f"*Hi* <@{maria}> in <#{ward}|x>: see <https://example.org/a|the guide> :wave: now"
    assert readable(ws, text) == "Hi @maria in #ward-4: see the guide now"
    assert readable(ws, "<@U0NOBODY> <#C0NOWHERE>") == "@someone #channel"
    long = readable(ws, "x" * 300, limit=20)
    assert len(long) == 20 and long.endswith("…")


def test_a_delete_says_where_and_with_which_token() -> None:
    ws, _, ward, dm = _ws()
    assert (
        describe(ws, _call("chat.delete", token_kind="user", channel=ward))
        == "bot deleted the message in #ward-4 (with the admin token)"
    )
    assert describe(ws, _call("chat.delete", channel=dm)) == (
        "bot deleted the message in a DM (with the bot token)"
    )


def test_an_ephemeral_names_its_reader_and_lists_its_buttons() -> None:
    ws, maria, ward, _ = _ws()
    blocks = [
        {"type": "section", "text": {"type": "mrkdwn", "text": "This looks like *PHI*."}},
        {
            "type": "actions",
            "elements": [
                {"type": "button", "text": {"type": "plain_text", "text": "Post redacted"}},
                {"type": "button", "text": {"type": "plain_text", "text": "Withdraw"}},
            ],
        },
    ]
    line = describe(ws, _call("chat.postEphemeral", channel=ward, user=maria, blocks=blocks))
    assert line == "ephemeral to @maria: This looks like PHI. [buttons: Post redacted, Withdraw]"


def test_a_post_joins_its_sections_and_says_when_it_is_in_a_thread() -> None:
    ws, _, ward, _ = _ws()
    blocks = [
        {"type": "section", "fields": [{"type": "mrkdwn", "text": "*Kind*\nNAME"}]},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "by phiwarden"}]},
    ]
    line = describe(ws, _call("chat.postMessage", channel=ward, thread_ts="1.2", blocks=blocks))
    assert line == "bot posted in #ward-4 (in the thread): Kind: NAME · by phiwarden"
    plain = describe(ws, _call("chat.postMessage", channel="U0MARIA", text="hello"))
    assert plain == "bot posted in a DM to @maria: hello"


def test_look_ups_are_left_out_and_refusals_are_said() -> None:
    ws, maria, _, _ = _ws()
    assert describe(ws, _call("auth.test")) is None
    assert describe(ws, _call("conversations.info", channel="C0WARD4")) is None
    assert describe(ws, _call("chat.delete", ok=False)) == (
        "Slack refused chat.delete (channel_not_found)"
    )
    assert describe(ws, _call("views.publish", user_id=maria)) == (
        "bot published the App Home for @maria"
    )
    view = {"title": {"type": "plain_text", "text": "Consent"}}
    assert describe(ws, _call("views.open", view=view)) == "bot opened the 'Consent' dialog"
