"""App Home content: the rules for everyone; for admins, channel policies, recent counts, the
compliance summary of the last 30 days and the workspace vocabulary."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from bot.messages.home import home_view
from bot.messages.kit import View
from bot.messages.report_home import compliance_summary, vocabulary_section
from bot.report.data import gather

if TYPE_CHECKING:
    from bot.services import Services

RECENT = timedelta(days=7)
REPORT_PERIOD = timedelta(days=30)
HOME_BLOCKS_MAX = 100  # Slack's limit for a view


async def build_home(services: Services, team_id: str, user_id: str) -> View:
    """The `views.publish` payload for this user (counts and ids only, never content)."""
    if not await services.is_admin(team_id, user_id):
        return home_view(False, {}, {})
    store = services.store
    policies = await store.list_policies(team_id)
    counts = await store.recent_counts(team_id, services.clock() - RECENT)
    default = await store.get_default_policy(team_id)
    approved = await store.list_approved(team_id)
    view = home_view(True, policies, counts, approved=approved, workspace_default=default)
    now = services.clock()
    summary = await gather(store, now - REPORT_PERIOD, now, team_id)
    extra = compliance_summary(summary) + vocabulary_section(await store.list_terms(team_id))
    view["blocks"] = (list(view["blocks"]) + extra)[:HOME_BLOCKS_MAX]
    return view


async def publish_home(services: Services, team_id: str, user_id: str) -> None:
    view = await build_home(services, team_id, user_id)
    await services.gateway.publish_home(user_id, view, team_id=team_id or None)
