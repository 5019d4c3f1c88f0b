"""`phiwarden` itself (`bot.cli.main`): the subcommand table and what happens without one."""

from __future__ import annotations

import pytest

from bot.cli import SUBCOMMANDS, build_parser, main


def test_when_no_subcommand_is_given_then_help_is_printed_and_the_status_is_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([]) == 2
    out = capsys.readouterr().out
    assert out.startswith("usage: phiwarden") and all(name in out for name in SUBCOMMANDS)


def test_when_a_subcommand_is_parsed_then_it_carries_its_module_s_run() -> None:
    from bot.cli import scan

    args = build_parser().parse_args(["scan", "hello"])
    assert args.command == "scan" and args.handler is scan.run


def test_when_the_command_is_unknown_then_argparse_refuses_it() -> None:
    with pytest.raises(SystemExit) as exited:
        main(["frobnicate"])
    assert exited.value.code == 2
