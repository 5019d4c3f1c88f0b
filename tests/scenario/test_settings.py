"""Stories: admins change the workspace's settings from App Home; nobody else can.

Buttons on the admin's Home tab open modals (`views.open`), the submissions save through the
same checks `/phi` uses, and every change is audited. A non-admin sees the summary without a
button, and a crafted click or submission (the shapes of bolt-python's own fixtures,
tests/payloads/block_actions.json and view_submission.json) is refused and audited, ids only.
"""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

import pytest

from bot.messages import ids
from bot.policy import EXTERNAL_RISK, PolicyAction
from tests import payloads
from tests.scenario.conftest import Harness

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
# What an admin or an attacker might type: synthetic, and must appear in no log line.
SECRET_TERM = "Wilhelmina Zabrowski"


async def _home(h: Harness, user: Any) -> Any:
    before = h.slack.count("views.publish")
    await h.sender.event(h.ws.app_home_opened_event(user.id))
    await h.slack.wait_for("views.publish", before + 1)
    view = h.ws.home_view(user.id)
    assert view is not None
    return view


def _buttons(view: Any) -> set[str]:
    return {
        str(e.get("action_id"))
        for b in view.body.get("blocks", [])
        for e in b.get("elements", [])
        if e.get("type") == "button"
    }


async def _open(h: Harness, user: Any, home: Any, action_id: str) -> Any:
    before = h.slack.count("views.open")
    await h.sender.click(user.id, home, action_id)
    await h.slack.wait_for("views.open", before + 1)
    return h.ws.open_modals(user.id)[-1]


def _hold_sweeps_running(h: Harness) -> None:
    """A sweep of #ward-4 stays running for the rest of the test: two posts at one a page make
    a second page, and it waits 10 minutes. (A channel read in one page ends its sweep with that
    page, however long the interval: the test raced the first page job and, when the job won,
    the second submission started a new sweep instead of being refused.)"""
    h.server.services.settings.sweep_page_size = 1
    h.server.services.settings.sweep_interval_seconds = 600.0
    for _ in range(2):
        h.ws.post_as_user(h.omar.id, h.ward.id, "Team huddle moved to 3pm")


async def _first_page_read(h: Harness, sweep_id: str) -> None:
    """Wait until the sweep's first page job has saved its cursor; the sweep must be running."""
    store: Any = h.server.services.store
    for _ in range(600):
        sweep = await store.get_sweep(sweep_id)
        if sweep.seq >= 1:
            assert sweep.status == "running", sweep.status
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the sweep's first page was not read in time")


async def _refusals(h: Harness) -> list[dict[str, Any]]:
    store: Any = h.server.services.store
    return [
        r
        for r in await store.audit_rows(EPOCH)
        if r["event"] == "settings" and r["action"] == "refused"
    ]


async def test_admins_see_the_settings_buttons_and_others_see_none(h: Harness) -> None:
    ines_home, maria_home = await _home(h, h.ines), await _home(h, h.maria)
    assert set(ids.SETTINGS_ACTION_IDS) - {ids.ACTION_SETTINGS_TERM_REMOVE} <= _buttons(ines_home)
    assert "Admin alerts go to" in str(ines_home.body)
    assert _buttons(maria_home) == set()
    assert "Settings" not in str(maria_home.body)


async def test_an_admin_picks_the_alert_channel_in_a_modal(h: Harness) -> None:
    security = h.ws.add_channel("ward-4-security", members=[h.ines.id])
    modal = await _open(h, h.ines, await _home(h, h.ines), ids.ACTION_SETTINGS_ALERTS)
    assert modal.body["callback_id"] == ids.VIEW_SETTINGS_ALERTS
    refused = await h.sender.submit_view(
        h.ines.id, modal, {ids.ACTION_SET_CONVERSATION: h.partner.id}
    )
    assert "Slack Connect" in json.loads(refused.text)["errors"][ids.BLOCK_SET_ALERT_CHANNEL]
    done = await h.sender.submit_view(h.ines.id, modal, {ids.ACTION_SET_CONVERSATION: security.id})
    assert done.status == 200 and not done.text.strip()
    store: Any = h.server.services.store
    assert (await store.get_workspace_settings(h.ws.team_id)).alert_channel == security.id
    assert h.bot_posts(security), "the chosen channel was proved with a first post"
    await h.slack.wait_for("views.publish", 3)  # opened, then after each of two submissions
    assert f"<#{security.id}>" in str(h.ws.home_view(h.ines.id).body)  # republished


async def test_an_admin_adds_and_removes_terms_in_modals(h: Harness) -> None:
    store: Any = h.server.services.store
    modal = await _open(h, h.ines, await _home(h, h.ines), ids.ACTION_SETTINGS_TERM_ADD)
    bad = await h.sender.submit_view(
        h.ines.id, modal, {ids.ACTION_SET_TERM_KIND: "institution", ids.ACTION_SET_TERM: "1234"}
    )
    assert ids.BLOCK_SET_TERM in json.loads(bad.text)["errors"]
    await h.sender.submit_view(
        h.ines.id,
        modal,
        {ids.ACTION_SET_TERM_KIND: "institution", ids.ACTION_SET_TERM: "St Elsewhere"},
    )
    assert await store.list_terms(h.ws.team_id) == [("institution", "st elsewhere")]
    home = await _home(h, h.ines)
    assert ids.ACTION_SETTINGS_TERM_REMOVE in _buttons(home)
    remove = await _open(h, h.ines, home, ids.ACTION_SETTINGS_TERM_REMOVE)
    (select,) = [b["element"] for b in remove.body["blocks"] if b["type"] == "input"]
    (option,) = select["options"]
    await h.sender.submit_view(h.ines.id, remove, {ids.ACTION_SET_TERM_REMOVE: option["value"]})
    assert await store.list_terms(h.ws.team_id) == []
    audited = [r for r in await store.audit_rows(EPOCH) if r["event"] == "terms_change"]
    assert [r["action"] for r in audited] == ["add", "remove"]


async def test_an_admin_sets_the_workspace_default_and_a_channels_policy(h: Harness) -> None:
    store: Any = h.server.services.store
    home = await _home(h, h.ines)
    form = await _open(h, h.ines, home, ids.ACTION_SETTINGS_DEFAULT_POLICY)
    answers = {
        ids.ACTION_SET_TEXT: "redact",
        ids.ACTION_SET_TIMEOUT: "20m",
        ids.ACTION_SET_FLAGS: ["allow_override"],
    }
    await h.sender.submit_view(h.ines.id, form, answers)
    default = await store.get_default_policy(h.ws.team_id)
    assert default is not None and default.text_action is PolicyAction.REDACT
    assert default.confirm_timeout_seconds == 1200 and default.allow_override

    # A channel: pick it, then its own form (response_action update), filled with its policy.
    pick = await _open(h, h.ines, home, ids.ACTION_SETTINGS_CHANNEL_POLICY)
    updated = await h.sender.submit_view(
        h.ines.id, pick, {ids.ACTION_SET_CONVERSATION: h.partner.id}
    )
    assert json.loads(updated.text)["response_action"] == "update"
    assert pick.body["callback_id"] == ids.VIEW_SETTINGS_POLICY
    assert pick.body["private_metadata"] == h.partner.id
    allow = {ids.ACTION_SET_TEXT: "allow", ids.ACTION_SET_TIMEOUT: "10m"}
    refused = await h.sender.submit_view(h.ines.id, pick, allow)
    assert ids.BLOCK_SET_RISK in json.loads(refused.text)["errors"]
    assert await store.get_policy(h.ws.team_id, h.partner.id) is None
    await h.sender.submit_view(h.ines.id, pick, {**allow, ids.ACTION_SET_RISK: ["accept"]})
    partner = await store.get_policy(h.ws.team_id, h.partner.id)
    assert partner is not None and partner.text_action is PolicyAction.ALLOW
    assert partner.accepted_risk == EXTERNAL_RISK
    changes = [r for r in await store.audit_rows(EPOCH) if r["event"] == "policy_change"]
    assert [r["user_id"] for r in changes] == [h.ines.id, h.ines.id]


async def test_a_non_admin_cannot_open_a_settings_modal_with_a_crafted_click(
    h: Harness,
) -> None:
    ines_home = await _home(h, h.ines)
    for action_id in ids.SETTINGS_ACTION_IDS:
        if action_id == ids.ACTION_SETTINGS_TERM_REMOVE:
            continue
        # Maria replays the admin's Home buttons under her own user id.
        delivery = await h.sender.click(h.maria.id, ines_home, action_id)
        assert delivery.status == 200
    clicked = len(ids.SETTINGS_ACTION_IDS) - 1
    deadline = asyncio.get_running_loop().time() + 10
    while len(await _refusals(h)) < clicked and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.05)
    assert h.slack.count("views.open") == 0
    refusals = await _refusals(h)
    assert len(refusals) == clicked and {r["user_id"] for r in refusals} == {h.maria.id}


def _crafted_submission(h: Harness, user_id: str, **view: Any) -> str:
    """bolt-python's view_submission fixture, re-addressed to this workspace and a user."""
    body = payloads.body("view_submission")
    body["team"] = {"id": h.ws.team_id, "domain": h.ws.domain}
    body["user"] = {"id": user_id, "username": "maria", "name": "maria", "team_id": h.ws.team_id}
    body["api_app_id"] = h.ws.app_id
    body["view"].update(team_id=h.ws.team_id, app_id=h.ws.app_id, **view)
    return urlencode({"payload": json.dumps(body)})


@pytest.mark.parametrize(
    ("callback_id", "metadata", "values"),
    [
        (
            ids.VIEW_SETTINGS_POLICY,
            "*",
            {
                ids.BLOCK_SET_TEXT: {
                    ids.ACTION_SET_TEXT: {
                        "type": "static_select",
                        "selected_option": {"value": "allow"},
                    }
                }
            },
        ),
        (
            ids.VIEW_SETTINGS_TERM_ADD,
            "",
            {
                ids.BLOCK_SET_TERM_KIND: {
                    ids.ACTION_SET_TERM_KIND: {
                        "type": "radio_buttons",
                        "selected_option": {"value": "not_name"},
                    }
                },
                ids.BLOCK_SET_TERM: {
                    ids.ACTION_SET_TERM: {"type": "plain_text_input", "value": SECRET_TERM}
                },
            },
        ),
        (
            ids.VIEW_SETTINGS_SWEEP,
            "",
            {
                ids.BLOCK_SWEEP_CHANNEL: {
                    ids.ACTION_SET_CONVERSATION: {
                        "type": "conversations_select",
                        "selected_conversation": "C0FAKE0001",
                    }
                },
                ids.BLOCK_SWEEP_MODE: {
                    ids.ACTION_SWEEP_MODE: {
                        "type": "radio_buttons",
                        "selected_option": {"value": "apply"},
                    }
                },
            },
        ),
        (
            ids.VIEW_SETTINGS_ALERTS,
            "",
            {
                ids.BLOCK_SET_ALERT_CHANNEL: {
                    ids.ACTION_SET_CONVERSATION: {
                        "type": "conversations_select",
                        "selected_conversation": "C0FAKE0001",
                    }
                }
            },
        ),
    ],
)
async def test_a_non_admins_crafted_settings_submission_is_refused_and_audited(
    h: Harness,
    caplog: pytest.LogCaptureFixture,
    callback_id: str,
    metadata: str,
    values: dict[str, Any],
) -> None:
    caplog.set_level(logging.DEBUG)
    store: Any = h.server.services.store
    raw = _crafted_submission(
        h,
        h.maria.id,
        callback_id=callback_id,
        private_metadata=metadata,
        state={"values": values},
    )
    delivery = await h.sender.post(raw, "application/x-www-form-urlencoded")
    assert delivery.status == 200
    answer = json.loads(delivery.text)
    assert answer["response_action"] == "errors"
    assert "Only workspace admins" in next(iter(answer["errors"].values()))
    assert await store.get_default_policy(h.ws.team_id) is None
    assert await store.list_terms(h.ws.team_id) == []
    assert (await store.get_workspace_settings(h.ws.team_id)).alert_channel is None
    assert await store.running_sweep(h.ws.team_id, "C0FAKE0001") is None
    assert h.slack.count("conversations.history") == 0
    (refusal,) = await _refusals(h)
    assert refusal["user_id"] == h.maria.id and refusal["detail"]["surface"] == callback_id
    assert SECRET_TERM not in caplog.text and SECRET_TERM not in str(refusal)
    assert "settings refused: not an admin" in caplog.text


async def test_a_non_admin_cannot_change_settings_with_commands_either(h: Harness) -> None:
    store: Any = h.server.services.store
    for text in (
        "alerts here",
        f'terms add not-a-name "{SECRET_TERM}"',
        "policy set override on",
        "sweep 30d apply",
    ):
        delivery = await h.sender.command(h.maria.id, h.ward.id, text)
        assert "only workspace admins" in delivery.text.lower()
    assert await store.list_terms(h.ws.team_id) == []
    assert await store.get_policy(h.ws.team_id, h.ward.id) is None
    assert await store.running_sweep(h.ws.team_id, h.ward.id) is None


async def test_a_policy_form_whose_scope_is_not_a_channel_id_is_refused(h: Harness) -> None:
    """Even an admin's forged `private_metadata` names nothing but a channel of this workspace."""
    store: Any = h.server.services.store
    values = {
        ids.BLOCK_SET_TEXT: {
            ids.ACTION_SET_TEXT: {"type": "static_select", "selected_option": {"value": "allow"}}
        }
    }
    for scope in ("T0OTHER:C0123", "", "c0lower", "*" * 2):
        raw = _crafted_submission(
            h,
            h.ines.id,
            callback_id=ids.VIEW_SETTINGS_POLICY,
            private_metadata=scope,
            state={"values": values},
        )
        delivery = await h.sender.post(raw, "application/x-www-form-urlencoded")
        assert json.loads(delivery.text)["response_action"] == "errors"
    assert await store.list_policies(h.ws.team_id) == {}
    assert await store.get_default_policy(h.ws.team_id) is None


async def test_an_admin_sweeps_a_channel_from_a_modal_once_at_a_time(h: Harness) -> None:
    _hold_sweeps_running(h)
    store: Any = h.server.services.store
    home = await _home(h, h.ines)
    modal = await _open(h, h.ines, home, ids.ACTION_SETTINGS_SWEEP)
    answers = {
        ids.ACTION_SET_CONVERSATION: h.ward.id,
        ids.ACTION_SWEEP_WINDOW: "90",
        ids.ACTION_SWEEP_MODE: "report",
    }
    done = await h.sender.submit_view(h.ines.id, modal, answers)
    assert done.status == 200 and not done.text.strip()
    running = await store.running_sweep(h.ws.team_id, h.ward.id)
    assert running is not None and running.mode == "report" and running.requested_by == h.ines.id
    await _first_page_read(h, running.sweep_id)  # no race with the first page job
    again = await _open(h, h.ines, await _home(h, h.ines), ids.ACTION_SETTINGS_SWEEP)
    refused = await h.sender.submit_view(h.ines.id, again, answers)
    assert "already running" in json.loads(refused.text)["errors"][ids.BLOCK_SWEEP_CHANNEL]
