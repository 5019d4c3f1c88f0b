"""The storage protocols and records: `Store` implements every storage protocol member with the
same kind of callable (so any protocol-typed caller can be handed the store), records are frozen,
and `WorkspaceSettings` validates what it stores and ignores what a newer version wrote."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import ValidationError

from bot.store import Store, api

STORE_PROTOCOLS = [
    api.PolicyStore,
    api.AuditStore,
    api.ScanTally,
    api.SweepStore,
    api.TermStore,
    api.ConfirmStore,
    api.EventDedupe,
    api.JobStore,
    api.ReportSource,
    api.ActionLog,
    api.ConsentStore,
    api.WorkspaceSettingsStore,
]


def _members(protocol: type) -> dict[str, Any]:
    return {
        name: value
        for name, value in vars(protocol).items()
        if not name.startswith("_") and (callable(value) or isinstance(value, property))
    }


def test_every_protocol_of_the_module_is_checked_here() -> None:
    protocols = {
        value
        for value in vars(api).values()
        if inspect.isclass(value)
        and getattr(value, "_is_protocol", False)
        and value.__module__ == api.__name__
    }
    assert protocols - set(STORE_PROTOCOLS) == {api.JobQueue}  # queues implement that one


@pytest.mark.parametrize("protocol", STORE_PROTOCOLS, ids=lambda p: p.__name__)
def test_the_store_implements_each_member_of_each_storage_protocol(protocol: type) -> None:
    members = _members(protocol)
    assert members, protocol
    for name, wanted in members.items():
        assert hasattr(Store, name), f"Store lacks {protocol.__name__}.{name}"
        got = inspect.getattr_static(Store, name)  # the definition, whichever mixin has it
        if isinstance(wanted, property):
            assert isinstance(got, property), name
            continue
        assert inspect.iscoroutinefunction(got) == inspect.iscoroutinefunction(wanted), name
        assert inspect.isasyncgenfunction(got) or not inspect.isasyncgenfunction(wanted), name


@pytest.mark.parametrize(
    "record",
    [
        api.ScanJob(job_id="E1", team_id="T1", channel_id="C1", kind="message", payload={}),
        api.AuditEvent(team_id="T1", channel_id="C1", user_id="U1", event="scan"),
        api.ConsentAttestation(
            attestation_id="A1",
            team_id="T1",
            channel_id="C1",
            user_id="U1",
            confirm_id="CF1",
            points=("written",),
            intended_use="treatment",
            channel_approved=True,
            at=datetime(2026, 11, 1, tzinfo=UTC),
        ),
    ],
    ids=lambda r: type(r).__name__,
)
def test_records_are_frozen(record: Any) -> None:
    first = dataclasses.fields(record)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, first, "changed")


def test_workspace_settings_validate_the_alert_channel_and_ignore_unknown_fields() -> None:
    assert api.WorkspaceSettings().alert_channel is None
    assert api.WorkspaceSettings(alert_channel="C0ALERTS").alert_channel == "C0ALERTS"
    for bad in ("#alerts", "U0PERSON", "c0lower", "C1"):
        with pytest.raises(ValidationError):
            api.WorkspaceSettings(alert_channel=bad)
    newer = api.WorkspaceSettings.model_validate({"alert_channel": "G0PRIV", "future": 1})
    assert newer.alert_channel == "G0PRIV" and not hasattr(newer, "future")
    with pytest.raises(ValidationError):
        newer.alert_channel = "C0OTHER"  # type: ignore[misc]
