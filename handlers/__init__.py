"""Thin Bolt listeners; each module exposes `register(app, services)`.

`MODULES` is the order `bot.app.build_app` registers them in; `fallback` must stay last.
"""

from handlers import (
    actions,
    channels,
    commands,
    fallback,
    feedback,
    files,
    home,
    lifecycle,
    membership,
    messages,
    people,
    settings,
    views,
)

MODULES = (
    messages,
    files,
    channels,
    lifecycle,
    membership,
    people,
    commands,
    actions,
    feedback,
    views,
    settings,
    home,
    fallback,
)

__all__ = ["MODULES"]
