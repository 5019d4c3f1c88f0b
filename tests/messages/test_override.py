"""The override modal and button: Slack's limits, a bounded justification, ids only."""

from __future__ import annotations

from bot import messages as m
from bot.messages import ids
from bot.messages.limits import problems

KINDS = ["NAME", "DATE", "ID"]


def test_override_modal_fits_slack_and_asks_for_a_bounded_justification() -> None:
    from bot.messages.override import (
        MAX_JUSTIFICATION_CHARS,
        MIN_JUSTIFICATION_CHARS,
        override_modal,
        validate_justification,
    )

    view = override_modal("j0123")
    assert problems(view, "modal") == []
    assert view["callback_id"] == ids.VIEW_OVERRIDE and view["private_metadata"] == "j0123"
    (field,) = [b for b in view["blocks"] if b["type"] == "input"]
    element = field["element"]
    assert element["type"] == "plain_text_input" and element["multiline"] is True
    assert (element["min_length"], element["max_length"]) == (
        MIN_JUSTIFICATION_CHARS,
        MAX_JUSTIFICATION_CHARS,
    )
    assert validate_justification("x" * 5)
    assert validate_justification("1" * 40), "digits alone are not a justification"
    assert validate_justification("y" * (MAX_JUSTIFICATION_CHARS + 1))
    assert validate_justification("The registrar needs this to find the chart tonight") == {}


def test_the_override_button_carries_only_the_override_id() -> None:
    notice = m.block_notice(KINDS, rule="identifiers", override_id="j1")
    (button,) = [
        e
        for b in notice["blocks"]
        for e in b.get("elements", [])
        if e.get("action_id") == ids.ACTION_OVERRIDE
    ]
    assert button["value"] == "j1"
