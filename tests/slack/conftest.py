"""The stand-in every Slack test here talks to."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.standin import StandIn, Workspace


@pytest.fixture
async def slack() -> AsyncIterator[StandIn]:
    async with StandIn.start(Workspace()) as stand_in:
        yield stand_in
