"""Whatever flows a post takes, its PHI never reaches a log line or the audit trail."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from bot.messages import ids
from tests.scenario.conftest import PHI_TEXT, Harness

SECRETS = ("Varga", "4829173", "03/14/1958")


async def test_no_phi_in_logs_or_audit_rows(h: Harness, caplog: pytest.LogCaptureFixture) -> None:
    # Our code at DEBUG; libraries at INFO (aiosqlite and slack_sdk print SQL parameters and
    # request bodies at DEBUG, which `bot.logging.configure_logging` must keep switched off).
    caplog.set_level(logging.INFO)
    for name in ("bot", "handlers", "phiwarden"):
        caplog.set_level(logging.DEBUG, logger=name)
    await h.post(h.maria, h.partner, PHI_TEXT)  # block + admin alert
    await h.post(h.maria, h.ward, PHI_TEXT)  # confirm
    await h.slack.wait_for("chat.postEphemeral", 2)
    await h.settle()
    prompt = h.ephemerals(h.maria, h.ward)[-1]
    await h.sender.click(h.maria.id, prompt, ids.ACTION_ATTEST)
    await h.slack.wait_for("views.open")
    modal = h.ws.open_modals(h.maria.id)[-1]
    await h.sender.submit_view(
        h.maria.id,
        modal,
        {
            ids.ACTION_CONSENT_POINT: ["yes"],
            ids.ACTION_INTENDED_USE: "teaching",
            ids.ACTION_CHANNEL_APPROVED: "yes",
        },
    )
    await h.sender.command(h.maria.id, h.ward.id, f"check {PHI_TEXT}")
    await h.sender.command(h.maria.id, h.ward.id, f"policy set {PHI_TEXT}")
    await h.slack.wait_for("chat.postMessage", 2)
    await h.settle()
    logged = "\n".join(r.getMessage() + " " + str(getattr(r, "fields", "")) for r in caplog.records)
    rows = await h.server.services.store.audit_rows(datetime(2000, 1, 1, tzinfo=UTC))
    assert rows, "flows were audited"
    for secret in SECRETS:
        assert secret not in logged
        assert secret not in str(rows)
