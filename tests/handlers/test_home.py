"""`app_home_opened`: the Home tab is published for the user who opened it, only for the Home
tab, and a Slack failure is logged (by its error code) instead of failing the lazy listener."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock

import pytest

from bot.errors import SlackGatewayError
from handlers.home import ack_only, publish_for


def _body(**event: Any) -> dict[str, Any]:
    return {"team_id": "T1", "event": {"type": "app_home_opened", "user": "U1", **event}}


@pytest.fixture
def publish(monkeypatch: pytest.MonkeyPatch) -> AsyncMock:
    mock = AsyncMock()
    monkeypatch.setattr("handlers.home.publish_home", mock)
    return mock


@pytest.mark.parametrize("tab", [{"tab": "home"}, {}])
async def test_the_home_tab_is_published_for_its_user(
    publish: AsyncMock, tab: dict[str, Any]
) -> None:
    services = MagicMock()
    await publish_for(_body(**tab), services)
    publish.assert_awaited_once_with(services, "T1", "U1")


@pytest.mark.parametrize("event", [{"tab": "messages"}, {"tab": "about"}, {"user": ""}])
async def test_other_tabs_and_events_without_a_user_publish_nothing(
    publish: AsyncMock, event: dict[str, Any]
) -> None:
    await publish_for(_body(**event), MagicMock())
    publish.assert_not_awaited()


async def test_a_slack_failure_is_logged_not_raised(
    publish: AsyncMock, caplog: pytest.LogCaptureFixture
) -> None:
    publish.side_effect = SlackGatewayError("views.publish", "not_enabled")
    with caplog.at_level("ERROR", logger="handlers.home"):
        await publish_for(_body(), MagicMock())
    (record,) = [r for r in caplog.records if r.name == "handlers.home"]
    assert getattr(record, "fields", {}).get("error") == "not_enabled"


async def test_the_event_is_acked_at_once() -> None:
    ack = AsyncMock()
    await ack_only(ack)
    ack.assert_awaited_once_with()
