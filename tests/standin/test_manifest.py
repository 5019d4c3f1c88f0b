"""`manifest.yml` follows Slack's app manifest schema and asks only for what phiwarden uses."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.standin import manifest as mf
from bot.standin.workspace import DEFAULT_BOT_SCOPES, DEFAULT_USER_SCOPES

TOP_LEVEL = {
    "_metadata", "display_information", "features", "oauth_config", "settings",
    "outgoing_domains", "functions", "workflows", "datastores", "types",
}  # fmt: skip
# Slack's scope names (the subset a bot or user token may request that matters here).
KNOWN_BOT_SCOPES = {
    "app_mentions:read", "canvases:read", "canvases:write", "channels:history", "channels:join",
    "channels:manage", "channels:read", "channels:write.topic", "groups:write.topic",
    "im:write.topic", "mpim:write.topic",
    "chat:write", "chat:write.customize", "chat:write.public", "commands", "files:read",
    "files:write", "groups:history", "groups:read", "groups:write", "im:history", "im:read",
    "im:write", "mpim:history", "mpim:read", "mpim:write", "reactions:read", "reactions:write",
    "team:read", "users:read", "users:read.email", "users.profile:read", "usergroups:read",
}  # fmt: skip
KNOWN_USER_SCOPES = KNOWN_BOT_SCOPES - {"commands", "chat:write.customize", "chat:write.public"}
HTTPS = re.compile(r"^https://[A-Za-z0-9._-]+(:\d+)?(/[^\s]*)?$")


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return mf.load_manifest()


def _schema_errors(m: dict[str, Any]) -> list[str]:
    """Slack's manifest rules as its validator applies them; one message per violation."""
    errors: list[str] = []

    def check(condition: bool, message: str) -> None:
        if not condition:
            errors.append(message)

    check(set(m) <= TOP_LEVEL, f"unknown top-level keys {sorted(set(m) - TOP_LEVEL)}")
    info = m.get("display_information")
    check(isinstance(info, dict), "display_information is required")
    info = info if isinstance(info, dict) else {}
    name = info.get("name")
    check(isinstance(name, str) and 1 <= len(name) <= 35, "display name 1-35 chars")
    description = info.get("description", "")
    check(isinstance(description, str) and len(description) <= 140, "description <= 140 chars")
    if "long_description" in info:
        long = info["long_description"]
        check(isinstance(long, str) and 175 <= len(long) <= 4000, "long_description 175-4000")
    if "background_color" in info:
        color = str(info["background_color"])
        check(bool(re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", color)), "bad color")

    features = m.get("features", {})
    bot_user = features.get("bot_user")
    if bot_user is not None:
        display = bot_user.get("display_name")
        check(isinstance(display, str) and 1 <= len(display) <= 80, "bot display_name 1-80")
        check(isinstance(bot_user.get("always_online", False), bool), "always_online bool")
    home = features.get("app_home", {})
    for key in ("home_tab_enabled", "messages_tab_enabled", "messages_tab_read_only_enabled"):
        check(isinstance(home.get(key, False), bool), f"app_home.{key} must be a boolean")
    for command in features.get("slash_commands", []):
        name = command.get("command", "")
        check(bool(re.fullmatch(r"/[a-z0-9_\-]{1,31}", name)), f"command {name!r}")
        check(bool(HTTPS.match(str(command.get("url", "")))), f"{name} url must be https")
        check(0 < len(str(command.get("description", ""))) <= 2000, f"{name} description")
        check(len(str(command.get("usage_hint", ""))) <= 1000, f"{name} usage_hint")
        check(isinstance(command.get("should_escape", False), bool), "should_escape bool")

    oauth = m.get("oauth_config", {})
    for url in oauth.get("redirect_urls", []):
        check(bool(HTTPS.match(url)), f"redirect url {url} must be https")
    scopes = oauth.get("scopes", {})
    check(set(scopes) <= {"bot", "user"}, "scopes has only bot and user")
    for scope in scopes.get("bot", []):
        check(scope in KNOWN_BOT_SCOPES, f"unknown bot scope {scope}")
    for scope in scopes.get("user", []):
        check(scope in KNOWN_USER_SCOPES, f"unknown user scope {scope}")
    check(len(scopes.get("bot", [])) == len(set(scopes.get("bot", []))), "duplicate bot scope")
    if scopes.get("bot"):
        check(bot_user is not None, "bot scopes need features.bot_user")

    settings = m.get("settings", {})
    events = settings.get("event_subscriptions", {})
    if events:
        check(bool(HTTPS.match(str(events.get("request_url", "")))), "events url must be https")
        for event in events.get("bot_events", []):
            check(event in mf.EVENT_SCOPES, f"unknown bot event {event}")
            scope = mf.EVENT_SCOPES.get(event)
            check(scope is None or scope in scopes.get("bot", []), f"{event} needs {scope}")
        check(len(events.get("bot_events", [])) <= 100, "at most 100 bot events")
    interactivity = settings.get("interactivity", {})
    check(isinstance(interactivity.get("is_enabled", False), bool), "interactivity.is_enabled")
    if interactivity.get("is_enabled"):
        check(bool(HTTPS.match(str(interactivity.get("request_url", "")))), "interactivity url")
    for key in ("org_deploy_enabled", "socket_mode_enabled", "token_rotation_enabled"):
        check(isinstance(settings.get(key, False), bool), f"settings.{key} must be a boolean")
    if features.get("slash_commands"):
        check("commands" in scopes.get("bot", []), "slash commands need the commands scope")
    return errors


def test_when_manifest_is_read_then_it_follows_slacks_schema(manifest: dict[str, Any]) -> None:
    assert _schema_errors(manifest) == []


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("display_information", "name"), "p" * 36, "display name 1-35 chars"),
        (("display_information", "description"), "d" * 141, "description <= 140 chars"),
        (("settings", "event_subscriptions", "request_url"), "http://x/slack/events", "events url must be https"),
        (("settings", "event_subscriptions", "bot_events"), ["message.everything"], "unknown bot event message.everything"),
        (("oauth_config", "scopes", "bot"), ["chat:write", "message.channels"], "unknown bot scope message.channels"),
        (("settings", "socket_mode_enabled"), "no", "settings.socket_mode_enabled must be a boolean"),
    ],
)  # fmt: skip
def test_when_a_rule_is_broken_then_the_validator_says_so(
    manifest: dict[str, Any], path: tuple[str, ...], value: object, expected: str
) -> None:
    broken: dict[str, Any] = yaml_copy(manifest)
    node = broken
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    assert expected in _schema_errors(broken)


def test_when_a_command_lacks_its_slash_then_it_is_rejected(manifest: dict[str, Any]) -> None:
    broken = yaml_copy(manifest)
    broken["features"]["slash_commands"][0]["command"] = "phi"
    assert "command 'phi'" in _schema_errors(broken)


def test_when_the_app_is_installed_then_it_gets_its_events_command_and_urls(
    manifest: dict[str, Any],
) -> None:
    assert mf.slash_commands(manifest) == {"/phi"}
    assert {
        "message.channels",
        "message.groups",
        "message.im",
        "message.mpim",
        "app_home_opened",
    } <= mf.bot_events(manifest)
    settings = manifest["settings"]
    for url in (
        settings["event_subscriptions"]["request_url"],
        settings["interactivity"]["request_url"],
        manifest["features"]["slash_commands"][0]["url"],
    ):
        assert url.endswith("/slack/events")
    assert all(
        u.endswith("/slack/oauth_redirect") for u in manifest["oauth_config"]["redirect_urls"]
    )
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert settings["socket_mode_enabled"] is False


def test_when_the_standin_grants_scopes_then_they_are_the_manifests(
    manifest: dict[str, Any],
) -> None:
    assert frozenset(DEFAULT_BOT_SCOPES) == mf.bot_scopes(manifest)
    assert frozenset(DEFAULT_USER_SCOPES) == mf.user_scopes(manifest)


def test_when_methods_need_scopes_then_uncovered_ones_are_named(manifest: dict[str, Any]) -> None:
    granted = mf.bot_scopes(manifest)
    assert mf.uncovered_methods(["chat.delete", "users.info", "conversations.info"], granted) == []
    assert mf.uncovered_methods(["team.info", "conversations.join", "no.such"], granted) == [
        "conversations.join",
        "no.such",
        "team.info",
    ]


def test_when_a_scope_serves_nothing_then_it_is_reported_unused(manifest: dict[str, Any]) -> None:
    methods = ["chat.postMessage", "conversations.info", "users.info", "files.info"]
    unused = mf.unused_bot_scopes(methods, manifest)
    assert "files:write" in unused  # no upload in this call list
    assert "channels:history" not in unused  # needed by message.channels
    assert "commands" not in unused  # needed by /phi


def yaml_copy(data: dict[str, Any]) -> dict[str, Any]:
    import copy

    return copy.deepcopy(data)
