"""'This isn't patient information': on every notice, to the admins, audited, counted."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import aiohttp

from bot.messages.feedback import ACTION_FALSE_POSITIVE, BUTTON_TEXT
from tests.scenario.conftest import PHI_TEXT, Harness

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


async def _reports(h: Harness, count: int, timeout: float = 15.0) -> list[dict[str, Any]]:
    store: Any = h.server.services.store
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        rows = [r for r in await store.audit_rows(EPOCH) if r["event"] == "false_positive"]
        if len(rows) >= count or asyncio.get_running_loop().time() > deadline:
            return rows
        await asyncio.sleep(0.05)


async def test_the_poster_reports_a_notice_and_admins_get_kinds_and_recognizers_only(
    h: Harness,
) -> None:
    await h.post(h.maria, h.partner, PHI_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    notice = h.ephemerals(h.maria, h.partner)[-1]
    assert BUTTON_TEXT in str(notice.blocks)
    alerts_before = len(h.bot_posts(h.alerts))
    # Omar, who was not the poster, crafts the same click: refused, nothing recorded.
    await h.sender.click(h.omar.id, notice, ACTION_FALSE_POSITIVE)
    await h.sender.click(h.maria.id, notice, ACTION_FALSE_POSITIVE)
    await h.sender.click(h.maria.id, notice, ACTION_FALSE_POSITIVE)  # twice: reported once
    await h.settle(10)
    (row,) = await _reports(h, 1)
    assert row["user_id"] == h.maria.id and row["channel_id"] == h.partner.id
    assert {"NAME", "ID"} <= set(row["kinds"])
    recognizers = row["detail"]["recognizers"]
    assert recognizers, "the recognizers that fired are named"
    new_alerts = h.bot_posts(h.alerts)[alerts_before:]
    assert len(new_alerts) == 1
    report = new_alerts[0]
    assert "False-positive report" in report.text and h.maria.id in report.text
    assert recognizers[0] in str(report.blocks)
    for secret in ("Varga", "4829173", "03/14/1958"):
        assert secret not in str(report.blocks) and secret not in report.text
    thanks = h.ephemerals(h.maria, h.partner)[-1]
    assert "Thanks" in thanks.text
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{h.server.url}/metrics") as response,
    ):
        exposed = await response.text()
    line = f'phiwarden_false_positive_reports_total{{recognizer="{recognizers[0]}"}}'
    assert line in exposed
