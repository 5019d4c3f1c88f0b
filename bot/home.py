"""App Home content: the rules for everyone; for admins, channel policies and recent counts."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from bot.messages.home import home_view
from bot.messages.kit import View

if TYPE_CHECKING:
    from bot.services import Services

RECENT = timedelta(days=7)


async def build_home(services: Services, team_id: str, user_id: str) -> View:
    """The `views.publish` payload for this user (counts and ids only, never content)."""
    if not await services.is_admin(team_id, user_id):
        return home_view(False, {}, {})
    store = services.store
    policies = await store.list_policies(team_id)
    counts = await store.recent_counts(team_id, services.clock() - RECENT)
    default = await store.get_default_policy(team_id)
    approved = await store.list_approved(team_id)
    return home_view(True, policies, counts, approved=approved, workspace_default=default)


async def publish_home(services: Services, team_id: str, user_id: str) -> None:
    view = await build_home(services, team_id, user_id)
    await services.gateway.publish_home(user_id, view, team_id=team_id or None)
