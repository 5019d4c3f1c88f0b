"""A single-workspace deployment acts on events whatever OAuth variables its environment holds."""

from __future__ import annotations

import pytest

from tests.scenario.conftest import PHI_TEXT, MakeHarness


@pytest.mark.parametrize("value", ["", "C0FROMENV"])
async def test_token_mode_acts_with_oauth_variables_in_the_environment(
    make_harness: MakeHarness,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
    value: str,
) -> None:
    """docker-compose's `${SLACK_CLIENT_ID:-}` set both variables empty: Bolt then ran its own
    OAuth flow, ignored SLACK_BOT_TOKEN and acted on no event (issues 11.13 and 12)."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.setenv("SLACK_CLIENT_ID", value)
    monkeypatch.setenv("SLACK_CLIENT_SECRET", value)
    h = await make_harness(slack_client_id=None, slack_client_secret=None)
    _, delivery = await h.post(h.maria, h.partner, PHI_TEXT)
    assert delivery.status == 200
    deletes = await h.slack.wait_for("chat.delete")
    assert deletes[0].ok
