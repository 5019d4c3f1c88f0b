"""Notices to posters and admins: kinds and rules, never values; buttons carry only ids."""

from __future__ import annotations

import json

import pytest

from bot import messages as m
from bot import rules
from bot.detect.types import Kind
from bot.messages import ids
from bot.messages.notices import human_duration
from bot.policy import Content

KINDS = ["NAME", "DATE", "ID"]
ALL_KINDS = [str(k) for k in Kind]
CONFIRM_ID = "c0123456789abcdef01234567"


def test_block_notice_names_kinds_rule_and_alternatives() -> None:
    msg = m.block_notice(["NAME", "AGE"], rule="external")
    text = json.dumps(msg)
    assert "a name and an exact age" in text
    assert rules.topic("external").summary in text  # type: ignore[union-attr]
    assert "de-identified" in text and "approved" in text
    assert "#external-sharing" in text and "/phi rules external" in text
    assert "was removed" in msg["text"]


def test_block_notice_without_removal_asks_the_poster_to_delete() -> None:
    text = json.dumps(m.block_notice(["ID"], rule="identifiers", removed=False))
    assert "delete it" in text and "I removed" not in text


def test_image_offer_button_carries_only_the_offer_id() -> None:
    msg = m.block_notice(["FACE"], rule="images", content=Content.IMAGE, offer_id="offer-1")
    (act,) = [b for b in msg["blocks"] if b["type"] == "actions"]
    assert act["block_id"] == ids.BLOCK_OFFER_ACTIONS
    (btn,) = act["elements"]
    assert (btn["action_id"], btn["value"]) == (ids.ACTION_POST_REDACTED_OFFER, "offer-1")
    assert "image" in msg["text"]
    assert not [
        b for b in m.block_notice(["FACE"], rule="images")["blocks"] if b["type"] == "actions"
    ]


def test_confirm_prompt_has_three_buttons_carrying_only_the_confirm_id() -> None:
    msg = m.confirm_prompt(["NAME", "DATE"], confirm_id=CONFIRM_ID, timeout_seconds=900)
    (act,) = [b for b in msg["blocks"] if b["type"] == "actions"]
    assert act["block_id"] == ids.BLOCK_CONFIRM_ACTIONS
    assert [e["action_id"] for e in act["elements"]] == [
        ids.ACTION_ATTEST,
        ids.ACTION_POST_REDACTED,
        ids.ACTION_WITHDRAW,
    ]
    assert {e["value"] for e in act["elements"]} == {CONFIRM_ID}
    labels = [e["text"]["text"] for e in act["elements"]]
    assert labels == [
        "Patient consent is documented and this channel is approved",
        "Post a de-identified version instead",
        "Withdraw",
    ]
    text = json.dumps(msg)
    assert "15 minutes" in text and "stays removed" in text and "a name and a date" in text


def test_confirm_prompt_for_files_has_no_de_identify_button() -> None:
    msg = m.confirm_prompt(
        [],
        confirm_id=CONFIRM_ID,
        timeout_seconds=600,
        content=Content.UNSCANNABLE,
        offer_redacted=False,
        rule="checks",
    )
    (act,) = [b for b in msg["blocks"] if b["type"] == "actions"]
    assert [e["action_id"] for e in act["elements"]] == [ids.ACTION_ATTEST, ids.ACTION_WITHDRAW]
    assert "file" in msg["text"]


def test_builders_never_see_values_so_cannot_leak_them() -> None:
    # Kinds are the only thing a notice gets; an unknown "kind" that is really a value is not echoed.
    msg = m.block_notice(["Maria Gonzalez"], rule="identifiers")
    assert "Maria" not in json.dumps(msg) and "an identifier" in json.dumps(msg)


def test_every_kind_has_a_label() -> None:
    text = json.dumps(m.block_notice(ALL_KINDS, rule="identifiers"))
    assert "an identifier" not in text


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (60, "1 minute"),
        (600, "10 minutes"),
        (3600, "1 hour"),
        (86400, "24 hours"),
        (90, "90 seconds"),
    ],
)
def test_human_duration(seconds: int, words: str) -> None:
    assert human_duration(seconds) == words


def test_when_outcome_notice_then_fallback_text_has_no_mangled_emoji_codes() -> None:
    from bot.messages import restored_notice, withdrawn_notice

    for built in (restored_notice(), withdrawn_notice()):
        assert built["text"][0].isupper(), built["text"]
        assert "whitecheckmark" not in built["text"] and "wastebasket" not in built["text"]
        assert ":" not in built["text"].split(".")[0]
