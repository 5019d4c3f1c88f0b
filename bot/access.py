"""Who may change policy: workspace admins and owners (`users.info`) or configured admins.

Answers are cached briefly per user so a burst of commands costs one `users.info`; a Slack
error counts as "not an admin" (fail closed).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from bot.config import Settings
from bot.errors import SlackGatewayError
from bot.logging import log_event
from bot.slack.gateway import SlackGateway

log = logging.getLogger(__name__)


class AdminCheck:
    """`await is_admin(team_id, user_id)`: may this user change policy or approve channels?"""

    def __init__(
        self,
        settings: Settings,
        gateway: SlackGateway,
        *,
        ttl: float = 60.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.gateway = gateway
        self.ttl = ttl
        self._now = monotonic
        self._cache: dict[tuple[str, str], tuple[float, bool]] = {}

    async def is_admin(self, team_id: str, user_id: str) -> bool:
        if user_id in self.settings.admin_user_ids:
            return True
        key = (team_id, user_id)
        hit = self._cache.get(key)
        if hit is not None and self._now() - hit[0] < self.ttl:
            return hit[1]
        try:
            user = await self.gateway.user_info(user_id, team_id=team_id)
        except SlackGatewayError as exc:
            log_event(
                log,
                logging.WARNING,
                "users.info failed; treating as non-admin",
                user_id=user_id,
                error=exc.error,
            )
            return False
        answer = bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))
        self._cache[key] = (self._now(), answer)
        return answer
