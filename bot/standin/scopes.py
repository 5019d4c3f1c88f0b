"""Which OAuth scopes each Web API method needs, as the stand-in enforces them.

The app's tests use `scopes_for` to check that every method the code calls is covered by a
scope `manifest.yml` requests (and that the manifest asks for nothing unused).
"""

from __future__ import annotations

DEFAULT_BOT_SCOPES: tuple[str, ...] = (
    "chat:write",
    "channels:history",
    "groups:history",
    "im:history",
    "mpim:history",
    "channels:read",
    "groups:read",
    "im:read",
    "mpim:read",
    "users:read",
    "files:read",
    "files:write",
    "canvases:read",
    "channels:write.topic",
    "groups:write.topic",
    "mpim:write.topic",
    "commands",
)
DEFAULT_USER_SCOPES: tuple[str, ...] = ("chat:write", "files:write")

_READ = ("channels:read", "groups:read", "im:read", "mpim:read")
_HISTORY = ("channels:history", "groups:history", "im:history", "mpim:history")
_WRITE_TOPIC = ("channels:write.topic", "groups:write.topic", "mpim:write.topic")

# method -> scopes of which the token needs at least one (for conversations.* the one matching
# the conversation's type: channels:* public, groups:* private, im:* DMs, mpim:* group DMs).
METHOD_SCOPES: dict[str, tuple[str, ...]] = {
    "auth.test": (),
    "chat.postMessage": ("chat:write",),
    "chat.postEphemeral": ("chat:write",),
    "chat.update": ("chat:write",),
    "chat.delete": ("chat:write",),
    "chat.getPermalink": (),
    "conversations.info": _READ,
    "conversations.setTopic": _WRITE_TOPIC,
    "conversations.setPurpose": _WRITE_TOPIC,
    "conversations.members": _READ,
    "conversations.list": _READ,
    "conversations.join": ("channels:join",),
    "conversations.history": _HISTORY,
    "conversations.replies": _HISTORY,
    "users.info": ("users:read",),
    "users.list": ("users:read",),
    "users.conversations": _READ,
    "team.info": ("team:read",),
    "views.open": (),
    "views.push": (),
    "views.update": (),
    "views.publish": (),
    "files.info": ("files:read",),
    "canvases.getContent": ("canvases:read",),
    "files.delete": ("files:write",),
    "files.getUploadURLExternal": ("files:write",),
    "files.completeUploadExternal": ("files:write",),
    "oauth.v2.access": (),
    "apps.connections.open": ("connections:write",),  # app-level token only
    # not Web API methods, but they need a scope too
    "files.download": ("files:read",),
}


def scopes_for(method: str) -> tuple[str, ...]:
    """Scopes (any of) `method` needs; KeyError for a method the stand-in does not serve."""
    return METHOD_SCOPES[method]
