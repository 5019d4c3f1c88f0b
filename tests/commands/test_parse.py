"""`/phi` text -> typed command: every subcommand, tolerant spacing and case, safe errors."""

from __future__ import annotations

import pytest
from faker import Faker

from bot.commands.parse import (
    ApproveCommand,
    CheckCommand,
    Command,
    HelpCommand,
    InvalidCommand,
    ResetPolicyCommand,
    RulesCommand,
    SetPolicyCommand,
    ShowPolicyCommand,
    UnapproveCommand,
    parse_command,
    requires_admin,
)
from bot.policy import ChannelClass, PolicyAction, default_policy, merge_policy

A = PolicyAction


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (None, HelpCommand()),
        ("", HelpCommand()),
        ("   ", HelpCommand()),
        ("help", HelpCommand()),
        ("  HELP  ", HelpCommand()),
        ("rules", RulesCommand(None)),
        ("Rules", RulesCommand(None)),
        ("rules consent", RulesCommand("consent")),
        ("rules   External   Sharing", RulesCommand("external")),
        ("rules share", RulesCommand("external")),
        ("rules ids", RulesCommand("identifiers")),
        ("rules phi", RulesCommand("identifiers")),
        ("rules images", RulesCommand("images")),
        ("rules photo", RulesCommand("images")),
        ("rules alternatives", RulesCommand("alternatives")),
        ("rules consequences", RulesCommand("consequences")),
        ("rules approved channels", RulesCommand("approved")),
        ("rule why", RulesCommand("consequences")),
        ("policy", ShowPolicyCommand()),
        ("POLICY show", ShowPolicyCommand()),
        ("policy reset", ResetPolicyCommand()),
        ("policy   set   text   REDACT", SetPolicyCommand("text_action", A.REDACT, "text")),
        ("policy set images confirm", SetPolicyCommand("image_action", A.CONFIRM, "images")),
        ("policy set image allow", SetPolicyCommand("image_action", A.ALLOW, "images")),
        (
            "policy set unscannable block",
            SetPolicyCommand("unscannable_action", A.BLOCK, "unscannable"),
        ),
        (
            "policy set files confirm",
            SetPolicyCommand("unscannable_action", A.CONFIRM, "unscannable"),
        ),
        ("policy set failure allow", SetPolicyCommand("failure_action", A.ALLOW, "failure")),
        ("policy set timeout 10m", SetPolicyCommand("confirm_timeout_seconds", 600, "timeout")),
        ("policy set timeout 600s", SetPolicyCommand("confirm_timeout_seconds", 600, "timeout")),
        ("policy set timeout 1H", SetPolicyCommand("confirm_timeout_seconds", 3600, "timeout")),
        ("policy set timeout 1m", SetPolicyCommand("confirm_timeout_seconds", 60, "timeout")),
        ("policy set timeout 24h", SetPolicyCommand("confirm_timeout_seconds", 86400, "timeout")),
        ("policy set low on", SetPolicyCommand("act_on_low", True, "low")),
        ("policy set low OFF", SetPolicyCommand("act_on_low", False, "low")),
        ("policy set expiry redact", SetPolicyCommand("timeout_action", A.REDACT, "expiry")),
        (
            "policy set offer_redacted off",
            SetPolicyCommand("offer_redacted_image", False, "offer_redacted"),
        ),
        ("approve", ApproveCommand()),
        (" Approve ", ApproveCommand()),
        ("unapprove", UnapproveCommand()),
    ],
)
def test_parse(text: str | None, want: Command) -> None:
    assert parse_command(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "rules gardening",
        "policy set",
        "policy set text",
        "policy set text nuke",
        "policy set text block now",
        "policy set unscannable redact",
        "policy set failure redact",
        "policy set timeout 30s",
        "policy set timeout 25h",
        "policy set timeout forever",
        "policy set low maybe",
        "policy set expiry confirm",
        "policy set colour blue",
        "policy delete",
        "approve everything",
        "check",
        "check    ",
        "frobnicate",
    ],
)
def test_invalid_input_gives_a_clear_message(text: str) -> None:
    got = parse_command(text)
    assert isinstance(got, InvalidCommand)
    assert got.message and "`" in got.message  # names what to type instead


def test_check_keeps_the_text_verbatim_and_unescapes_slack_entities() -> None:
    got = parse_command("CHECK   Pt  seen today &amp; MRN &lt;4471923&gt;  ")
    assert got == CheckCommand("Pt  seen today & MRN <4471923>")


def test_check_text_stays_out_of_repr() -> None:
    got = parse_command("check Maria Gonzalez 4471923")
    assert "Maria" not in repr(got) and "4471923" not in repr(got)


def test_errors_never_echo_what_was_typed() -> None:
    fake = Faker()
    Faker.seed(4)
    for _ in range(20):
        name, mrn = fake.name(), str(fake.random_number(digits=7, fix_len=True))
        for text in (
            f"{name} MRN {mrn}",
            f"rules {name}",
            f"policy set text {name}",
            f"policy set {name} block",
            f"policy set timeout {mrn}",
        ):
            got = parse_command(text)
            assert isinstance(got, InvalidCommand)
            for word in name.split():
                if len(word) > 3:
                    assert word.lower() not in got.message.lower(), text
            assert mrn not in got.message


@pytest.mark.parametrize(
    ("text", "admin"),
    [
        ("help", False),
        ("rules", False),
        ("check x", False),
        ("policy", False),
        ("policy set text block", True),
        ("policy reset", True),
        ("approve", True),
        ("unapprove", True),
        ("nonsense", False),
    ],
)
def test_requires_admin(text: str, admin: bool) -> None:
    assert requires_admin(parse_command(text)) is admin


def test_set_command_feeds_merge_policy() -> None:
    got = parse_command("policy set timeout 30m")
    assert isinstance(got, SetPolicyCommand)
    merged = merge_policy(default_policy(ChannelClass.CLINICAL), got.as_overrides())
    assert merged.confirm_timeout_seconds == 1800


@pytest.mark.parametrize(
    ("text", "days", "mode"),
    [
        ("sweep", 30, "report"),
        ("sweep 7d", 7, "report"),
        ("sweep apply", 30, "apply"),
        ("SWEEP apply 2w", 14, "apply"),
        ("sweep 90d report", 90, "report"),
    ],
)
def test_when_sweep_is_typed_then_window_and_mode_are_read(text: str, days: int, mode: str) -> None:
    from bot.commands.parse import SweepCommand, requires_admin

    command = parse_command(text)
    assert command == SweepCommand(days=days, mode=mode)
    assert requires_admin(command)


@pytest.mark.parametrize("text", ["sweep 7d 8d", "sweep forever", "sweep 400d", "sweep Smith"])
def test_when_a_sweep_line_is_bad_then_usage_is_shown_without_the_words(text: str) -> None:
    from bot.commands.parse import InvalidCommand

    command = parse_command(text)
    assert isinstance(command, InvalidCommand)
    assert "Usage: `/phi sweep" in command.message and "Smith" not in command.message


@pytest.mark.parametrize(
    ("text", "action", "kind", "term"),
    [
        ("terms", "list", "", ""),
        ("terms list", "list", "", ""),
        ('terms add not-a-name "Grace Kelly"', "add", "not_name", "Grace Kelly"),
        ("terms add not-a-name poll", "add", "not_name", "poll"),
        ("terms add institution “St  Elsewhere”", "add", "institution", "St Elsewhere"),
        ("terms remove institution St Elsewhere", "remove", "institution", "St Elsewhere"),
    ],
)
def test_when_terms_are_typed_then_action_kind_and_term_are_read(
    text: str, action: str, kind: str, term: str
) -> None:
    from bot.commands.parse import TermsCommand, requires_admin

    command = parse_command(text)
    assert command == TermsCommand(action, kind, term)
    assert requires_admin(command)
    assert "Grace" not in repr(command) and "Elsewhere" not in repr(command)


@pytest.mark.parametrize(
    "text",
    [
        "terms add",
        "terms add person Jane Roe",
        "terms add not-a-name",
        "terms add not-a-name 1234",
        "terms add not-a-name " + "x" * 81,
        "terms add not-a-name a b c d e f g",
        "terms drop poll",
    ],
)
def test_when_a_terms_line_is_bad_then_usage_is_shown_without_the_words(text: str) -> None:
    from bot.commands.parse import InvalidCommand

    command = parse_command(text)
    assert isinstance(command, InvalidCommand) and "Usage: `/phi terms" in command.message
    assert "Jane" not in command.message


def test_accept_risk_is_parsed_only_with_the_named_risk() -> None:
    from bot.commands.parse import InvalidCommand, SetPolicyCommand, parse_command
    from bot.policy import EXTERNAL_RISK, PolicyAction

    ok = parse_command(f"policy set text allow accept-risk {EXTERNAL_RISK}")
    assert ok == SetPolicyCommand("text_action", PolicyAction.ALLOW, "text", EXTERNAL_RISK)
    assert isinstance(parse_command("policy set text allow accept-risk yes"), InvalidCommand)
    assert isinstance(
        parse_command(f"policy set timeout 10m accept-risk {EXTERNAL_RISK}"), InvalidCommand
    )


def test_override_is_a_setting_that_takes_on_off_and_the_accepted_risk() -> None:
    from bot.commands.parse import InvalidCommand, SetPolicyCommand, parse_command
    from bot.policy import EXTERNAL_RISK

    assert parse_command("policy set override on") == SetPolicyCommand(
        "allow_override", True, "override"
    )
    assert parse_command("policy set override off") == SetPolicyCommand(
        "allow_override", False, "override"
    )
    risky = parse_command(f"policy set override on accept-risk {EXTERNAL_RISK}")
    assert risky == SetPolicyCommand("allow_override", True, "override", EXTERNAL_RISK)
    assert isinstance(parse_command("policy set override maybe"), InvalidCommand)
