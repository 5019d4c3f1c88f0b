"""`bot.commands.settings` over a real SQLite store: only admins, `/phi`'s own validation, the
Slack Connect floor, and a refusal audited with ids only."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.commands import settings
from bot.config import Settings
from bot.messages import ids
from bot.policy import EXTERNAL_RISK, ChannelClass, PolicyAction
from bot.store import open_store
from tests.commands.test_phi import ADMIN, MEMBER, PhiServices

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


class SettingsServices(PhiServices):
    def clock(self) -> datetime:
        return datetime(2026, 12, 2, tzinfo=UTC)


@pytest.fixture
async def services(tmp_path: Path) -> AsyncIterator[SettingsServices]:
    store = await open_store(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/s.sqlite3"))
    try:
        yield SettingsServices(store)
    finally:
        await store.close()


def _select(block: str, action: str, value: str) -> dict[str, Any]:
    return {block: {action: {"type": "static_select", "selected_option": {"value": value}}}}


async def test_a_member_is_refused_and_the_refusal_is_audited_without_content(
    services: SettingsServices,
) -> None:
    assert not await settings.admin_or_refuse(
        services,  # type: ignore[arg-type]
        "T1",
        MEMBER,
        ids.VIEW_SETTINGS_TERM_ADD,
    )
    assert not await settings.admin_or_refuse(services, "T1", MEMBER, "made-up<script>")  # type: ignore[arg-type]
    rows = [r for r in await services.store.audit_rows(EPOCH) if r["event"] == "settings"]
    assert [r["detail"]["surface"] for r in rows] == [ids.VIEW_SETTINGS_TERM_ADD, "unknown"]
    assert await settings.admin_or_refuse(services, "T1", ADMIN, ids.VIEW_SETTINGS_ALERTS)  # type: ignore[arg-type]


async def test_the_workspace_default_is_saved_field_by_field_with_errors_on_their_block(
    services: SettingsServices,
) -> None:
    values = {
        **_select(ids.BLOCK_SET_TEXT, ids.ACTION_SET_TEXT, "redact"),
        ids.BLOCK_SET_TIMEOUT: {
            ids.ACTION_SET_TIMEOUT: {"type": "plain_text_input", "value": "3d"}
        },
    }
    errors = await settings.save_policy(services, "T1", ADMIN, "*", values)  # type: ignore[arg-type]
    assert list(errors) == [ids.BLOCK_SET_TIMEOUT]
    assert await services.store.get_default_policy("T1") is None
    values[ids.BLOCK_SET_TIMEOUT][ids.ACTION_SET_TIMEOUT]["value"] = "30m"
    assert await settings.save_policy(services, "T1", ADMIN, "*", values) == {}  # type: ignore[arg-type]
    saved = await services.store.get_default_policy("T1")
    assert saved is not None and saved.text_action is PolicyAction.REDACT
    assert saved.confirm_timeout_seconds == 1800


async def test_a_slack_connect_channel_needs_the_risk_box_below_block(
    services: SettingsServices,
) -> None:
    services.channels.kind = ChannelClass.EXTERNAL
    values = _select(ids.BLOCK_SET_TEXT, ids.ACTION_SET_TEXT, "allow")
    errors = await settings.save_policy(services, "T1", ADMIN, "C0PARTNER", values)  # type: ignore[arg-type]
    assert list(errors) == [ids.BLOCK_SET_RISK]
    values[ids.BLOCK_SET_RISK] = {
        ids.ACTION_SET_RISK: {"type": "checkboxes", "selected_options": [{"value": "accept"}]}
    }
    assert await settings.save_policy(services, "T1", ADMIN, "C0PARTNER", values) == {}  # type: ignore[arg-type]
    saved = await services.store.get_policy("T1", "C0PARTNER")
    assert saved is not None and saved.accepted_risk == EXTERNAL_RISK


async def test_a_scope_that_is_not_a_channel_id_saves_nothing(services: SettingsServices) -> None:
    values = _select(ids.BLOCK_SET_TEXT, ids.ACTION_SET_TEXT, "allow")
    for scope in ("", "T2:C1", "c1", "**"):
        assert await settings.save_policy(services, "T1", ADMIN, scope, values)  # type: ignore[arg-type]
    assert await services.store.list_policies("T1") == {}


async def test_terms_use_the_commands_validation(services: SettingsServices) -> None:
    def add(kind: str, term: str) -> dict[str, Any]:
        return {
            ids.BLOCK_SET_TERM_KIND: {
                ids.ACTION_SET_TERM_KIND: {
                    "type": "radio_buttons",
                    "selected_option": {"value": kind},
                }
            },
            ids.BLOCK_SET_TERM: {ids.ACTION_SET_TERM: {"type": "plain_text_input", "value": term}},
        }

    assert await settings.save_term(services, "T1", ADMIN, add("institution", "42"), add=True)  # type: ignore[arg-type]
    assert await settings.save_term(services, "T1", ADMIN, add("bogus", "poll"), add=True)  # type: ignore[arg-type]
    assert await settings.save_term(services, "T1", ADMIN, add("not_name", "poll"), add=True) == {}  # type: ignore[arg-type]
    assert await services.store.list_terms("T1") == [("not_name", "poll")]
    remove = _select(ids.BLOCK_SET_TERM_REMOVE, ids.ACTION_SET_TERM_REMOVE, "not_name:poll")
    assert await settings.save_term(services, "T1", ADMIN, remove, add=False) == {}  # type: ignore[arg-type]
    assert await services.store.list_terms("T1") == []


def test_a_refusal_is_shown_on_the_first_input_block() -> None:
    view = {"blocks": [{"type": "section"}, {"type": "input", "block_id": "b2"}]}
    assert settings.first_input_block(view) == "b2"
    assert settings.first_input_block({"blocks": []}) is None
