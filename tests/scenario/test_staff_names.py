"""A workspace member's name, untitled, is staff talk; a stranger's is a patient's (issue 13).

The directory comes from the stand-in's `users.list`, paged as Slack pages it."""

from __future__ import annotations

import pytest

from bot.detect.types import Verdict
from tests.scenario.conftest import Harness


async def test_a_members_name_is_not_phi_but_a_strangers_is(h: Harness) -> None:
    services = h.server.services
    probe = await services.scanner.scan_text("Tobias is on call this weekend")
    if probe.result.verdict is not Verdict.PHI:
        pytest.skip("needs the real detector (the regex double reads no names)")
    h.ws.add_user("priya.ravel", real_name="Priya Ravel")
    h.ws.add_user("glinda.s", real_name="Tobias Southgood", deleted=True)  # gone: not staff

    # #partner-clinic is external: PHI there is blocked (the post removed, the poster told).
    ok, _ = await h.post(h.maria, h.partner, "Priya is on call this weekend")
    await h.settle()
    assert h.ws.find_message(h.partner.id, ok["ts"]) is not None
    assert h.ephemerals(h.maria, h.partner) == []

    stranger, _ = await h.post(h.maria, h.partner, "Tobias is on call this weekend")
    await h.slack.wait_for("chat.postEphemeral")
    await h.settle()
    assert h.ws.find_message(h.partner.id, stranger["ts"]) is None
    assert len(h.ephemerals(h.maria, h.partner)) == 1
    assert h.slack.count("users.list") >= 1

    # Tobias joins the workspace: `team_join` drops the cached directory, so the same words
    # are staff talk from the next post on.
    delivery = await h.sender.event(h.ws.join("tobias.wren", real_name="Tobias Wren"))
    assert delivery.status == 200
    again, _ = await h.post(h.maria, h.partner, "Tobias is on call this weekend")
    await h.settle()
    assert h.ws.find_message(h.partner.id, again["ts"]) is not None
    assert len(h.ephemerals(h.maria, h.partner)) == 1
