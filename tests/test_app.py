"""The app as Slack sees it: the manifest covers every method and event the code uses."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import yaml

from bot.app import BOT_SCOPES
from bot.standin.scopes import METHOD_SCOPES
from handlers import MODULES

ROOT = Path(__file__).resolve().parents[1]
METHOD = re.compile(
    r"^(auth|chat|conversations|users|views|files|team|reactions|im|apps)\.[a-z][a-zA-Z]+$"
)
# Strings shaped like methods that are not Web API calls: hosts, and error labels.
NOT_METHODS = {"files.upload"}
# Methods the app calls inside slack_bolt / slack_sdk rather than by name in our code.
LIBRARY_CALLS = {"auth.test"}


def _manifest() -> dict[str, Any]:
    return dict(yaml.safe_load((ROOT / "manifest.yml").read_text()))


def _string_literals(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    return {
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def methods_called() -> set[str]:
    """Web API method names written anywhere in the app's code (not the stand-in's)."""
    found: set[str] = set(LIBRARY_CALLS)
    for path in [*(ROOT / "bot").rglob("*.py"), *(ROOT / "handlers").rglob("*.py")]:
        if "standin" in path.parts or "detect" in path.parts:
            continue
        found |= {s for s in _string_literals(path) if METHOD.match(s) and s not in NOT_METHODS}
    return found


def test_the_gateway_calls_the_methods_we_expect() -> None:
    called = methods_called()
    assert {
        "chat.delete",
        "chat.postMessage",
        "chat.postEphemeral",
        "views.open",
        "views.publish",
        "users.info",
        "conversations.info",
        "files.getUploadURLExternal",
        "files.completeUploadExternal",
        "files.download",
    } <= called


def test_every_method_called_is_covered_by_a_manifest_scope() -> None:
    bot_scopes = set(_manifest()["oauth_config"]["scopes"]["bot"])
    user_scopes = set(_manifest()["oauth_config"]["scopes"].get("user") or [])
    for method in sorted(methods_called()):
        needed = METHOD_SCOPES[method]
        if method == "conversations.info":  # every conversation type the bot may sit in
            assert set(needed) <= bot_scopes, method
        elif needed:
            assert set(needed) & bot_scopes, f"{method} needs one of {needed}"
    assert "chat:write" in user_scopes  # the admin user token deletes users' posts
    assert "files:write" in user_scopes  # ... and their blocked files (files.delete)


def test_oauth_install_asks_for_the_manifest_bot_scopes() -> None:
    assert set(BOT_SCOPES) == set(_manifest()["oauth_config"]["scopes"]["bot"])


def test_manifest_subscribes_to_what_the_handlers_listen_for() -> None:
    manifest = _manifest()
    events = set(manifest["settings"]["event_subscriptions"]["bot_events"])
    assert {
        "message.channels",
        "message.groups",
        "message.im",
        "message.mpim",
        "app_home_opened",
    } <= events
    commands = {c["command"] for c in manifest["features"]["slash_commands"]}
    assert "/phi" in commands
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    for url in (
        manifest["settings"]["event_subscriptions"]["request_url"],
        manifest["settings"]["interactivity"]["request_url"],
        *(c["url"] for c in manifest["features"]["slash_commands"]),
    ):
        assert url.endswith("/slack/events")
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True


def test_only_bot_app_imports_slack_bolt() -> None:
    importers = []
    for path in (ROOT / "bot").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(n.split(".")[0] == "slack_bolt" for n in names):
                importers.append(path.relative_to(ROOT).as_posix())
    assert sorted(set(importers)) == ["bot/app.py"]


def test_every_handler_module_registers_and_fallback_is_last() -> None:
    assert all(callable(getattr(m, "register", None)) for m in MODULES)
    assert MODULES[-1].__name__ == "handlers.fallback"
