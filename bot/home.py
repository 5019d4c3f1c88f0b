"""App Home content: the rules for everyone; for admins, the settings (with the buttons that open
their modals, `bot.messages.settings`), channel policies, recent counts, the compliance summary
of the last 30 days and the workspace vocabulary. Non-admins never see a settings button."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from bot.messages.home import home_view
from bot.messages.kit import Block, View
from bot.messages.report_home import compliance_summary, vocabulary_section
from bot.messages.settings import settings_section
from bot.report.data import gather

if TYPE_CHECKING:
    from bot.services import Services

RECENT = timedelta(days=7)
REPORT_PERIOD = timedelta(days=30)
HOME_BLOCKS_MAX = 100  # Slack's limit for a view


async def build_home(services: Services, team_id: str, user_id: str) -> View:
    """The `views.publish` payload for this user (counts and ids only, never content)."""
    if not await services.is_admin(team_id, user_id):
        return home_view(False, {}, {}, rules_url=services.settings.rules_url)
    store = services.store
    policies = await store.list_policies(team_id)
    counts = await store.recent_counts(team_id, services.clock() - RECENT)
    default = await store.get_default_policy(team_id)
    approved = await store.list_approved(team_id)
    view = home_view(
        True,
        policies,
        counts,
        approved=approved,
        workspace_default=default,
        rules_url=services.settings.rules_url,
    )
    now = services.clock()
    summary = await gather(store, now - REPORT_PERIOD, now, team_id)
    terms = await store.list_terms(team_id)
    chosen = (await store.get_workspace_settings(team_id)).alert_channel
    controls = settings_section(
        chosen,
        fallback=services.alerts.fallback_label(),
        terms=terms,
        workspace_default=default,
    )
    rules, rest = _split_after_rules(list(view["blocks"]))
    extra = compliance_summary(summary) + vocabulary_section(terms)
    # The settings sit right after the rules, so the 100-block cut never drops the buttons.
    view["blocks"] = (rules + controls + rest + extra)[:HOME_BLOCKS_MAX]
    return view


def _split_after_rules(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """The rules blocks (up to the first header after them) and the rest."""
    for i, block in enumerate(blocks[1:], start=1):
        if block.get("type") == "header":
            return blocks[:i], blocks[i:]
    return blocks, []


async def publish_home(services: Services, team_id: str, user_id: str) -> None:
    view = await build_home(services, team_id, user_id)
    await services.gateway.publish_home(user_id, view, team_id=team_id or None)
