"""What `manifest.yml` asks Slack for, so tests can check it against what the code uses.

`uncovered_methods` names Web API methods the code calls without a scope that allows them;
`unused_bot_scopes` names requested scopes nothing needs (Slack admins reject greedy apps).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from bot.standin.scopes import METHOD_SCOPES

MANIFEST_PATH = Path(__file__).resolve().parents[2] / "manifest.yml"

# Bot event -> the scope Slack requires before it lets an app subscribe to it.
EVENT_SCOPES: dict[str, str | None] = {
    "app_home_opened": None,
    "app_mention": "app_mentions:read",
    "app_uninstalled": None,
    "tokens_revoked": None,
    "member_joined_channel": "channels:read",
    "channel_shared": "channels:read",
    "channel_unshared": "channels:read",
    "file_shared": "files:read",
    "file_change": "files:read",
    "file_deleted": "files:read",
    "message.channels": "channels:history",
    "message.groups": "groups:history",
    "message.im": "im:history",
    "message.mpim": "mpim:history",
    "team_join": "users:read",
    "user_change": "users:read",
}


def load_manifest(path: Path | None = None) -> dict[str, Any]:
    with (path or MANIFEST_PATH).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ValueError("manifest.yml must be a mapping")
    return data


def _list(manifest: dict[str, Any], *keys: str) -> list[Any]:
    node: Any = manifest
    for key in keys:
        node = node.get(key, {}) if isinstance(node, dict) else {}
    return list(node) if isinstance(node, list) else []


def bot_scopes(manifest: dict[str, Any] | None = None) -> frozenset[str]:
    return frozenset(_list(manifest or load_manifest(), "oauth_config", "scopes", "bot"))


def user_scopes(manifest: dict[str, Any] | None = None) -> frozenset[str]:
    return frozenset(_list(manifest or load_manifest(), "oauth_config", "scopes", "user"))


def bot_events(manifest: dict[str, Any] | None = None) -> frozenset[str]:
    return frozenset(
        _list(manifest or load_manifest(), "settings", "event_subscriptions", "bot_events")
    )


def slash_commands(manifest: dict[str, Any] | None = None) -> frozenset[str]:
    commands = _list(manifest or load_manifest(), "features", "slash_commands")
    return frozenset(str(c.get("command")) for c in commands if isinstance(c, dict))


def uncovered_methods(methods: Iterable[str], scopes: Iterable[str] | None = None) -> list[str]:
    """Methods whose scopes are not all granted (phiwarden works in all four conversation
    types, so `conversations.info` needs each of channels/groups/im/mpim `:read`).

    A method the stand-in does not know is reported too: add it to `METHOD_SCOPES` first.
    """
    granted = frozenset(scopes) if scopes is not None else bot_scopes()
    missing = []
    for method in sorted(set(methods)):
        needed = METHOD_SCOPES.get(method)
        if needed is None or not granted.issuperset(needed):
            missing.append(method)
    return missing


def unused_bot_scopes(methods: Iterable[str], manifest: dict[str, Any] | None = None) -> list[str]:
    """Requested bot scopes that no called method, subscribed event or command needs."""
    manifest = manifest or load_manifest()
    needed: set[str] = set()
    for method in methods:
        needed.update(METHOD_SCOPES.get(method, ()))
    for event in bot_events(manifest):
        scope = EVENT_SCOPES.get(event)
        if scope:
            needed.add(scope)
    if slash_commands(manifest):
        needed.add("commands")
    return sorted(bot_scopes(manifest) - needed)
