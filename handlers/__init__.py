"""Thin Bolt listeners; each module exposes `register(app, services)`.

`MODULES` is the order `bot.app.build_app` registers them in; `fallback` must stay last.
"""

from handlers import (
    actions,
    channels,
    commands,
    fallback,
    files,
    home,
    lifecycle,
    messages,
    views,
)

MODULES = (messages, files, channels, lifecycle, commands, actions, views, home, fallback)

__all__ = ["MODULES"]
