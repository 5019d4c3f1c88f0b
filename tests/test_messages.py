"""Block Kit builders: Slack's limits, ids the handlers listen for, and no PHI in what we say."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from faker import Faker

from bot import messages as m
from bot import rules
from bot.detect.types import Kind, Verdict
from bot.messages import ids
from bot.messages.consent import CHANNEL_NO, CHANNEL_YES, CONSENT_POINT_KEYS, INTENDED_USE_CODES
from bot.messages.limits import problems
from bot.messages.notices import human_duration
from bot.policy import ActionKind, ChannelClass, ChannelPolicy, Content, default_policy

KINDS = ["NAME", "DATE", "ID"]
ALL_KINDS = [str(k) for k in Kind]
CONFIRM_ID = "c0123456789abcdef01234567"


def _messages() -> dict[str, Callable[[], dict[str, Any]]]:
    clinical = default_policy(ChannelClass.CLINICAL)
    out: dict[str, Callable[[], dict[str, Any]]] = {
        "block": lambda: m.block_notice(KINDS, rule="identifiers"),
        "block_image_offer": lambda: m.block_notice(
            ["FACE"], rule="images", content=Content.IMAGE, offer_id="o1"
        ),
        "block_not_removed": lambda: m.block_notice(ALL_KINDS, rule="external", removed=False),
        "block_override": lambda: m.block_notice(KINDS, rule="identifiers", override_id="j1"),
        "block_image_offer_override": lambda: m.block_notice(
            ["FACE"], rule="images", content=Content.IMAGE, offer_id="o1", override_id="j1"
        ),
        "overridden": m.overridden_notice,
        "block_unknown_rule": lambda: m.block_notice([], rule="nope"),
        "redact_repost": lambda: m.redact_repost(
            "Pt [NAME] seen [DATE], stable", user_id="U1"
        ).messages[0],
        "attested_repost": lambda: m.attested_repost("restored text", user_id="U1").messages[0],
        "repost_failed": lambda: m.repost_failed_notice("msg_blocks_too_long"),
        "file_kept_alert": lambda: m.file_kept_alert(
            channel_id="C1", user_id="U1", file_id="F0123ABCD", refusal="cant_delete_file"
        ),
        "file_kept_alert_odd": lambda: m.file_kept_alert(
            channel_id="C1", user_id="U1", file_id="F0123ABCD", refusal="Weird Code!"
        ),
        "repost_attached": lambda: m.redact_repost("x " * 40_000, user_id="U1").messages[0],
        "repost_failed_attested": lambda: m.repost_failed_notice("is_archived", redacted=False),
        "confirm": lambda: m.confirm_prompt(KINDS, confirm_id=CONFIRM_ID, timeout_seconds=600),
        "confirm_unscannable": lambda: m.confirm_prompt(
            [],
            confirm_id=CONFIRM_ID,
            timeout_seconds=3600,
            content=Content.UNSCANNABLE,
            offer_redacted=False,
            removed=False,
            rule="checks",
        ),
        "confirm_failure": lambda: m.confirm_prompt(
            [],
            confirm_id=CONFIRM_ID,
            timeout_seconds=60,
            content=Content.FAILURE,
            on_timeout=ActionKind.REDACT,
            rule="checks",
        ),
        "restored": m.restored_notice,
        "restored_flagged": lambda: m.restored_notice(removed=False),
        "withdrawn": m.withdrawn_notice,
        "withdrawn_flagged": lambda: m.withdrawn_notice(removed=False),
        "redacted_posted": m.redacted_posted_notice,
        "redacted_notice": lambda: m.redacted_notice(KINDS),
        "timed_out_block": lambda: m.timed_out_notice(ActionKind.BLOCK),
        "timed_out_redact": lambda: m.timed_out_notice(ActionKind.REDACT),
        "timed_out_flagged": lambda: m.timed_out_notice(ActionKind.BLOCK, removed=False),
        "already_resolved": m.already_resolved_notice,
        "reminder": lambda: m.image_reminder(["NAME", "ID", "DATE"]),
        "unscannable": lambda: m.unscannable_notice(ActionKind.BLOCK),
        "unscannable_kept": lambda: m.unscannable_notice(ActionKind.NONE, removed=False),
        "failure": lambda: m.failure_notice(ActionKind.BLOCK),
        "failure_kept": lambda: m.failure_notice(ActionKind.NONE, removed=False),
        "failure_too_long": lambda: m.failure_notice(ActionKind.BLOCK, too_long=True),
        "failure_too_long_kept": lambda: m.failure_notice(
            ActionKind.NONE, removed=False, too_long=True
        ),
        "help": lambda: m.help_message(False),
        "help_admin": lambda: m.help_message(True),
        "rules_index": lambda: m.rules_message(None),
        "check_clean": lambda: m.check_result(Verdict.CLEAN, [], ""),
        "check_low": lambda: m.check_result("low", ["DATE"], "seen [DATE]"),
        "check_phi": lambda: m.check_result(Verdict.PHI, KINDS, "[NAME], [AGE], seen [DATE]"),
        "policy": lambda: m.policy_message(
            clinical, channel_id="C1", channel_class=ChannelClass.CLINICAL
        ),
        "policy_admin": lambda: m.policy_message(
            default_policy(ChannelClass.APPROVED),
            channel_id="C1",
            channel_class=ChannelClass.APPROVED,
            source=m.SOURCE_CHANNEL,
            is_admin=True,
        ),
        "policy_updated": lambda: m.policy_updated(
            clinical, channel_id="C1", channel_class=ChannelClass.CLINICAL, changed="text"
        ),
        "policy_reset": lambda: m.policy_updated(
            clinical, channel_id="C1", channel_class=ChannelClass.CLINICAL, changed=None
        ),
        "approved": lambda: m.approval_changed("C1", True),
        "unapproved": lambda: m.approval_changed("C1", False),
        "approval_refused_ext": lambda: m.approval_refused("external"),
        "approval_refused_dm": lambda: m.approval_refused("dm"),
        "refusal": m.admin_refusal,
        "error": lambda: m.command_error("Try again."),
    }
    for t in rules.all_topics():
        out[f"rules_{t.key}"] = lambda t=t: m.rules_message(t)  # type: ignore[misc]
    for reason in m.AlertReason:
        for action in ActionKind:
            out[f"alert_{reason}_{action}"] = lambda r=reason, a=action: m.admin_alert(  # type: ignore[misc]
                channel_id="C1", user_id="U1", kinds=KINDS, action=a, removed=False, reason=r
            )
    return out


MESSAGES = _messages()


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_every_message_fits_slack_limits(name: str) -> None:
    payload = MESSAGES[name]()
    assert problems(payload, "message") == []
    json.dumps(payload)  # plain data all the way down


def test_every_rules_message_names_its_topic_and_links_to_it() -> None:
    for t in rules.all_topics():
        text = json.dumps(m.rules_message(t))
        assert t.title in text and f"#{t.anchor}" in text


# Notices: kinds, never values -------------------------------------------------------------


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


def test_redact_repost_is_attributed_and_keeps_placeholders_readable() -> None:
    msg = m.redact_repost(
        "Seen <NAME> on <DATE> with <@U2> in <#C9|ward>", user_id="U123"
    ).messages[0]
    text = json.dumps(msg)
    assert "[NAME]" in text and "[DATE]" in text and "<NAME>" not in text
    assert "<@U2>" in text and "<#C9|ward>" in text  # Slack mentions survive
    assert "Posted by <@U123>, identifiers removed by phiwarden" in text
    assert msg["blocks"][-1]["type"] == "context"
    assert m.redacted_image_comment("U9") == "Posted by <@U9>, identifiers removed by phiwarden"


def test_check_result_escapes_and_quotes_the_preview() -> None:
    msg = m.check_result(Verdict.PHI, ["NAME"], "a & b <c>\nsecond line")
    text = msg["blocks"][1]["text"]["text"]
    assert "&amp;" in text and "&lt;c&gt;" in text and ">second line" in text
    assert "nothing you check is stored" in json.dumps(msg)
    assert len(m.check_result(Verdict.CLEAN, [], "")["blocks"]) == 3  # no preview when clean


def test_admin_alert_has_where_who_what_but_no_content() -> None:
    msg = m.admin_alert(
        channel_id="C42",
        user_id="U7",
        kinds=["ID"],
        action=ActionKind.BLOCK,
        removed=False,
        reason=m.AlertReason.CANNOT_REMOVE,
    )
    text = json.dumps(msg)
    assert "<#C42>" in text and "<@U7>" in text and "an ID number" in text
    assert "Still visible" in text and "SLACK_ADMIN_USER_TOKEN" in text


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


# The consent modal -----------------------------------------------------------------------


def _state(
    points: tuple[str, ...] = CONSENT_POINT_KEYS,
    use: str | None = "teaching",
    channel: str | None = CHANNEL_YES,
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for p in m.CONSENT_POINTS:
        chosen = [{"value": "yes"}] if p.key in points else []
        values[p.block_id] = {
            ids.ACTION_CONSENT_POINT: {"type": "checkboxes", "selected_options": chosen}
        }
    values[ids.BLOCK_INTENDED_USE] = {
        ids.ACTION_INTENDED_USE: {
            "type": "static_select",
            "selected_option": {"value": use} if use else None,
        }
    }
    values[ids.BLOCK_CHANNEL_APPROVED] = {
        ids.ACTION_CHANNEL_APPROVED: {
            "type": "radio_buttons",
            "selected_option": {"value": channel} if channel else None,
        }
    }
    return values


def test_consent_modal_shape() -> None:
    view = m.consent_modal(CONFIRM_ID)
    assert problems(view, "modal") == []
    assert view["callback_id"] == ids.VIEW_CONSENT and view["private_metadata"] == CONFIRM_ID
    inputs = [b for b in view["blocks"] if b["type"] == "input"]
    assert [b["block_id"] for b in inputs] == [
        *ids.CONSENT_POINT_BLOCKS,
        ids.BLOCK_INTENDED_USE,
        ids.BLOCK_CHANNEL_APPROVED,
    ]
    assert all(not b.get("optional", False) for b in inputs), "every input is required"
    assert [b["element"]["type"] for b in inputs[6:]] == ["static_select", "radio_buttons"]
    uses = [o["value"] for o in inputs[6]["element"]["options"]]
    assert uses == list(INTENDED_USE_CODES)
    assert "approved by your institution for PHI" in inputs[7]["label"]["text"]


def test_complete_submission_validates_and_parses() -> None:
    state = _state()
    assert m.validate_consent_submission(state) == {}
    got = m.parse_consent_submission(state)
    assert got == m.ConsentSubmission(CONSENT_POINT_KEYS, "teaching", True) and got.complete


@pytest.mark.parametrize("missing", CONSENT_POINT_KEYS)
def test_each_consent_point_is_required(missing: str) -> None:
    state = _state(points=tuple(k for k in CONSENT_POINT_KEYS if k != missing))
    errors = m.validate_consent_submission(state)
    (block_id,) = errors
    assert block_id == next(p.block_id for p in m.CONSENT_POINTS if p.key == missing)
    assert not m.parse_consent_submission(state).complete


def test_channel_not_approved_is_rejected_with_an_explanation() -> None:
    errors = m.validate_consent_submission(_state(channel=CHANNEL_NO))
    assert set(errors) == {ids.BLOCK_CHANNEL_APPROVED}
    assert (
        "approved" in errors[ids.BLOCK_CHANNEL_APPROVED]
        and "de-identified" in errors[ids.BLOCK_CHANNEL_APPROVED]
    )
    assert m.parse_consent_submission(_state(channel=CHANNEL_NO)).channel_approved is False


def test_missing_answers_and_forged_values_are_errors() -> None:
    errors = m.validate_consent_submission(_state(use="sell_to_press", channel=None))
    assert set(errors) == {ids.BLOCK_INTENDED_USE, ids.BLOCK_CHANNEL_APPROVED}
    forged = _state()
    forged[ids.BLOCK_CONSENT_USES] = {
        ids.ACTION_CONSENT_POINT: {"selected_options": [{"value": "no"}]}
    }
    assert ids.BLOCK_CONSENT_USES in m.validate_consent_submission(forged)
    empty = m.validate_consent_submission({})
    assert len(empty) == 8
    junk: dict[str, Any] = {
        ids.BLOCK_INTENDED_USE: "x",
        ids.BLOCK_CHANNEL_APPROVED: {ids.ACTION_CHANNEL_APPROVED: 3},
    }
    assert len(m.validate_consent_submission(junk)) == 8


def test_error_strings_fit_slack() -> None:
    for error in m.validate_consent_submission(
        _state(points=(), use=None, channel=CHANNEL_NO)
    ).values():
        assert 0 < len(error) <= 250


# App Home ---------------------------------------------------------------------------------


def test_home_for_everyone_shows_rules_only() -> None:
    view = m.home_view(False, {"C1": default_policy(ChannelClass.CLINICAL)}, {"block": 3})
    assert problems(view, "home") == []
    text = json.dumps(view)
    assert all(t.title in text for t in rules.all_topics())
    assert "C1" not in text and "Blocked" not in text


def test_home_for_admins_shows_policies_and_counts() -> None:
    policies = {"C1": default_policy(ChannelClass.CLINICAL), "C2": ChannelPolicy()}
    view = m.home_view(
        True,
        policies,
        {"block": 3, "consent": 1, "custom_thing": 2},
        approved={"C3"},
        workspace_default=ChannelPolicy(),
    )
    assert problems(view, "home") == []
    text = json.dumps(view)
    assert "<#C1>" in text and "<#C3> (approved)" in text
    assert "*Blocked:* 3" in text and "*Consent attested:* 1" in text and "Custom thing" in text


def test_home_with_many_channels_stays_within_limits() -> None:
    fake = Faker()
    Faker.seed(1)
    policies = {f"C{fake.unique.random_number(digits=9)}": ChannelPolicy() for _ in range(1000)}
    view = m.home_view(True, policies, {k.value: 10 for k in ActionKind})
    assert problems(view, "home") == []
    assert "more" in json.dumps(view)


# The limits checker itself can fail ------------------------------------------------------


def test_limits_checker_catches_violations() -> None:
    bad = {
        "text": "x",
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}},
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "b" * 76},
                        "action_id": "a" * 256,
                        "value": "v",
                    }
                ],
            },
            {"type": "header", "text": {"type": "mrkdwn", "text": "h"}},
            {
                "type": "input",
                "label": {"type": "plain_text", "text": "l"},
                "element": {"type": "checkboxes", "action_id": "a", "options": []},
            },
            {"type": "section", "block_id": "dup", "text": {"type": "mrkdwn", "text": "ok"}},
            {"type": "section", "block_id": "dup", "text": {"type": "mrkdwn", "text": "ok"}},
        ],
    }
    found = "\n".join(problems(bad))
    for needle in (
        "3001 > 3000",
        "76 > 75",
        "action_id",
        "must be plain_text",
        "only in modals",
        "options",
        "duplicate",
    ):
        assert needle in found
    assert problems({"text": "x", "blocks": [{"type": "divider"}] * 51})
    assert problems(
        {
            "type": "modal",
            "title": {"type": "plain_text", "text": "t" * 25},
            "blocks": [{"type": "divider"}],
        },
        "modal",
    )


def test_when_outcome_notice_then_fallback_text_has_no_mangled_emoji_codes() -> None:
    from bot.messages import restored_notice, withdrawn_notice

    for built in (restored_notice(), withdrawn_notice()):
        assert built["text"][0].isupper(), built["text"]
        assert "whitecheckmark" not in built["text"] and "wastebasket" not in built["text"]
        assert ":" not in built["text"].split(".")[0]


def test_the_limits_checker_allows_ten_checkboxes_at_most() -> None:
    options = [
        {"text": {"type": "plain_text", "text": f"o{i}"}, "value": f"v{i}"} for i in range(11)
    ]
    view = {
        "type": "modal",
        "title": {"type": "plain_text", "text": "t"},
        "submit": {"type": "plain_text", "text": "s"},
        "blocks": [
            {
                "type": "input",
                "label": {"type": "plain_text", "text": "l"},
                "element": {"type": "checkboxes", "action_id": "a", "options": options},
            }
        ],
    }
    assert any("1..10 options" in p for p in problems(view, "modal"))
    view["blocks"][0]["element"]["options"] = options[:10]
    assert problems(view, "modal") == []


def test_help_for_admins_lists_the_override_setting_and_the_app_home_settings() -> None:
    admin, member = str(m.help_message(True)["blocks"]), str(m.help_message(False)["blocks"])
    assert "/phi policy set override on" in admin and "App Home" in admin
    assert "override" not in member
