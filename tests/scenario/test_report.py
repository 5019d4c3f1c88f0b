"""The compliance report over what the bot really did: posts in, figures out, no PHI."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.report import render_html
from bot.report.data import gather
from tests.scenario.conftest import CLEAN_TEXT, PHI_TEXT, Harness


async def test_the_report_counts_scanned_posts_findings_actions_and_time_to_act(
    h: Harness,
) -> None:
    await h.post(h.maria, h.ward, CLEAN_TEXT)
    await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    store: Any = h.server.services.store
    now = h.server.services.clock()
    data = await gather(store, now - timedelta(hours=1), now + timedelta(minutes=1), h.ws.team_id)
    assert data.posts_scanned == 2  # the clean post too, though the trail never records it
    assert data.posts_with_findings == 1
    assert data.actions == {"block": 1}
    assert {by_class.get("external") for by_class in data.findings.values()} == {1}
    assert "NAME" in data.findings and "ID" in data.findings
    assert len(data.latencies_ms) == 1 and 0 <= data.latencies_ms[0] < 60_000
    html = render_html(data)
    assert "Varga" not in html and "4829173" not in html and "03/14/1958" not in html


async def test_app_home_shows_admins_the_compliance_summary_and_vocabulary(h: Harness) -> None:
    await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    await h.sender.command(h.ines.id, h.ward.id, "terms add institution St Elsewhere")
    await h.sender.event(h.ws.app_home_opened_event(h.maria.id))
    await h.sender.event(h.ws.app_home_opened_event(h.ines.id))
    await h.slack.wait_for("views.publish", 2)
    maria_home, ines_home = h.ws.home_view(h.maria.id), h.ws.home_view(h.ines.id)
    assert maria_home is not None and ines_home is not None
    assert "Compliance, last 30 days" not in str(maria_home.body)
    body = str(ines_home.body)
    assert "Compliance, last 30 days" in body and "*Posts scanned* 1" in body
    assert "1 institution(s)" in body
    assert "Varga" not in body and "4829173" not in body and "Elsewhere" not in body
