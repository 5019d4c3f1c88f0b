"""Report -> term -> the same message is no longer flagged, in that workspace only."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from bot.detect.types import Verdict
from bot.messages.feedback import ACTION_FALSE_POSITIVE
from tests.scenario.conftest import Harness
from tests.scenario.test_false_positive import _reports

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
# A ward named after a person: the detector reads a patient's name.
WARD_TEXT = "Meeting with Grace Kelly ward about the rota"


def _reply(delivery: Any) -> dict[str, Any]:
    assert delivery.status == 200
    return dict(delivery.json())


async def test_a_reported_word_becomes_vocabulary_and_stops_flagging_in_that_workspace(
    h: Harness,
) -> None:
    services = h.server.services
    first = await services.scanner.scan_text(WARD_TEXT)
    if first.result.verdict is not Verdict.PHI:
        pytest.skip("needs the real detector (the regex double does not misread the ward)")
    event, _ = await h.post(h.maria, h.partner, WARD_TEXT)
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    assert h.ws.find_message(h.partner.id, event["ts"]) is None  # blocked: external channel
    notice = h.ephemerals(h.maria, h.partner)[-1]
    await h.sender.click(h.maria.id, notice, ACTION_FALSE_POSITIVE)
    await h.settle(10)
    assert len(await _reports(h, 1)) == 1

    # A non-admin cannot add the word; an admin can.
    refused = _reply(
        await h.sender.command(h.maria.id, h.ward.id, 'terms add not-a-name "Grace Kelly"')
    )
    assert "only workspace admins" in str(refused["blocks"]).lower()
    assert await services.store.list_terms(h.ws.team_id) == []
    added = _reply(
        await h.sender.command(h.ines.id, h.ward.id, 'terms add not-a-name "Grace Kelly"')
    )
    assert "Added" in added["text"]
    listed = _reply(await h.sender.command(h.ines.id, h.ward.id, "terms list"))
    assert "grace kelly" in str(listed["blocks"])

    deletes = h.slack.count("chat.delete")
    notices = len(h.ephemerals(h.maria, h.partner))
    again, _ = await h.post(h.maria, h.partner, WARD_TEXT)
    await h.settle()
    assert h.ws.find_message(h.partner.id, again["ts"]) is not None  # left alone now
    assert h.slack.count("chat.delete") == deletes
    assert len(h.ephemerals(h.maria, h.partner)) == notices

    # Only in this workspace: another workspace's scan still flags the same words.
    other = await services.scanner.scan_text(WARD_TEXT, await services.vocabulary("T0OTHER"))
    assert other.result.verdict is Verdict.PHI
    # The change is audited, by kind and a hash: the trail keeps no free text.
    rows = [r for r in await services.store.audit_rows(EPOCH) if r["event"] == "terms_change"]
    assert len(rows) == 1 and rows[0]["user_id"] == h.ines.id
    assert rows[0]["detail"]["kind"] == "not_name" and "Grace" not in str(rows[0])

    removed = _reply(
        await h.sender.command(h.ines.id, h.ward.id, "terms remove not-a-name Grace Kelly")
    )
    assert "Removed" in removed["text"]
    third, _ = await h.post(h.maria, h.partner, WARD_TEXT)
    await h.settle()
    assert h.ws.find_message(h.partner.id, third["ts"]) is None  # flagged again
