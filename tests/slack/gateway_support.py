"""What the gateway's tests share: a gateway on the stand-in with recorded sleeps, and an
action log whose process dies between Slack's answer and the record."""

from __future__ import annotations

from typing import Any

from bot.config import Settings
from bot.slack.gateway import MemoryActionLog, SlackGateway
from bot.standin import StandIn


def make_gateway(
    slack: StandIn, *, admin: bool = True, sleeps: list[float] | None = None, max_attempts: int = 4
) -> SlackGateway:
    settings = Settings(
        slack_api_url=slack.api_url,
        slack_bot_token=slack.bot_token,
        slack_admin_user_token=slack.admin_token if admin else None,
    )

    async def sleep(seconds: float) -> None:
        if sleeps is not None:
            sleeps.append(seconds)

    return SlackGateway(
        settings, sleep=sleep, max_attempts=max_attempts, base_delay=0.5, max_delay=8
    )


class CrashAfterSlack(MemoryActionLog):
    """An action log whose process "dies" after Slack answered but before the step was recorded."""

    async def record_action(self, key: str, result: dict[str, Any]) -> None:
        if not key.endswith(":intent"):
            raise RuntimeError("killed before the record")
        await super().record_action(key, result)
