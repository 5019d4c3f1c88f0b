"""History sweeps against the stand-in: paced pages, a 429, a restart in the middle."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.scan_pool import Engine, ScanWorkers
from bot.web.server import start_server
from tests.scenario.conftest import CLEAN_TEXT, PHI_TEXT, Harness, MakeHarness

PHI_REPLY = "Her daughter Anna Kowalczyk can be reached on 617-555-0143 about the discharge"


async def _wait_done(store: Any, sweep_id: str, timeout: float = 60.0) -> Any:
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        sweep = await store.get_sweep(sweep_id)
        if sweep is not None and sweep.status != "running":
            return sweep
        await asyncio.sleep(0.1)
    raise AssertionError("the sweep did not finish in time")


def _history(h: Harness) -> None:
    """Past posts the bot never saw: 5 top-level (2 with PHI), one thread with 3 replies."""
    ws = h.ws
    ws.post_as_user(h.maria.id, h.ward.id, CLEAN_TEXT)
    ws.post_as_user(h.omar.id, h.ward.id, PHI_TEXT)
    root = ws.post_as_user(h.maria.id, h.ward.id, "Handover thread for tonight")
    for text in ("Bed 4 is stable", PHI_REPLY, "Thanks, noted"):
        ws.post_as_user(h.omar.id, h.ward.id, text, thread_ts=root["ts"])
    ws.post_as_user(h.omar.id, h.ward.id, "Rota for next week is up")
    ws.post_as_user(h.maria.id, h.ward.id, PHI_TEXT.replace("4829173", "5521904"))


async def test_a_sweep_survives_a_restart_and_a_429_and_counts_each_post_once(
    make_harness: MakeHarness, scan_engine: Engine
) -> None:
    h = await make_harness(sweep_page_size=2, sweep_interval_seconds=0.3)
    _history(h)
    h.slack.fail_next("conversations.history", "ratelimited", retry_after=1)
    sweep, started = await h.server.services.pipeline.sweeps.start(
        h.ws.team_id, h.ward.id, h.ines.id, days=30
    )
    assert started
    store: Any = h.server.services.store
    # Stop the app once the sweep is part-way through its pages.
    deadline = asyncio.get_running_loop().time() + 30
    while (await store.get_sweep(sweep.sweep_id)).state["pages"] < 2:
        assert asyncio.get_running_loop().time() < deadline, "sweep made no progress"
        await asyncio.sleep(0.05)
    settings = h.server.services.settings
    await h.server.stop()
    mid = await store_snapshot(settings, sweep.sweep_id)
    assert mid.status == "running" and mid.state["phase"] == "history"
    server = await start_server(
        settings, host="127.0.0.1", port=0, scanner=ScanWorkers(settings, engine=scan_engine)
    )
    try:
        done = await _wait_done(server.services.store, sweep.sweep_id)
    finally:
        await server.stop()
    state = done.state
    assert done.status == "done"
    assert state["scanned"] == 8  # 5 top-level + 3 replies, each once despite the restart
    assert state["found"] == 3
    assert state["acted"] == 0  # report only
    assert state["rate_limited"] == 1
    assert {"NAME", "ID"} <= set(state["kinds"])
    # Pages: 6 top-level messages / 2 per page = 3 history pages, then the thread's replies
    # (4 with the parent, 2 per page): 2 pages. The 429 cost one more call.
    assert h.slack.count("conversations.history") == 3 + 1
    assert h.slack.count("conversations.replies") == 2
    for call in h.slack.calls("conversations.history"):
        assert call.args.get("limit") == "2"
    # One progress message in the alert channel, updated in place, ending as the summary.
    progress = h.bot_posts(h.alerts)
    assert len(progress) == 1
    assert h.slack.count("chat.update", ok=True) >= 2
    final = progress[0]
    assert "finished" in final.text
    body = str(final.blocks)
    assert body.count("slack.com/archives/" + h.ward.id) == 3
    for secret in ("Varga", "4829173", "5521904", "Kowalczyk", "555-0143"):
        assert secret not in body and secret not in final.text
    # Nothing was removed in report-only mode.
    assert h.slack.count("chat.delete") == 0


async def store_snapshot(settings: Any, sweep_id: str) -> Any:
    from bot.store import open_store

    store = await open_store(settings)
    try:
        return await store.get_sweep(sweep_id)
    finally:
        await store.close()


async def test_an_apply_sweep_has_the_policy_act_on_past_posts(h: Harness) -> None:
    h.server.services.settings.sweep_interval_seconds = 0.0
    past = h.ws.post_as_user(h.omar.id, h.partner.id, PHI_TEXT)
    h.ws.post_as_user(h.maria.id, h.partner.id, CLEAN_TEXT)
    sweep, _ = await h.server.services.pipeline.sweeps.start(
        h.ws.team_id, h.partner.id, h.ines.id, days=7, mode="apply"
    )
    done = await _wait_done(h.server.services.store, sweep.sweep_id)
    await h.settle(20)
    assert (done.state["scanned"], done.state["found"], done.state["acted"]) == (2, 1, 1)
    assert h.ws.find_message(h.partner.id, past["ts"]) is None  # external: blocked
    # A second sweep finds nothing left to act on and applies nothing twice.
    again, _ = await h.server.services.pipeline.sweeps.start(
        h.ws.team_id, h.partner.id, h.ines.id, days=7, mode="apply"
    )
    second = await _wait_done(h.server.services.store, again.sweep_id)
    assert (second.state["scanned"], second.state["found"]) == (1, 0)
    assert h.slack.count("chat.delete", ok=True) == 1


def _reply(delivery: Any) -> dict[str, Any]:
    assert delivery.status == 200
    body = delivery.json()
    assert body["response_type"] == "ephemeral"
    return dict(body)


async def test_a_non_admin_cannot_sweep_with_the_command(h: Harness) -> None:
    for text in ("sweep", "sweep 30d apply", "sweep apply"):
        refused = _reply(await h.sender.command(h.maria.id, h.ward.id, text))
        assert "only workspace admins" in str(refused["blocks"]).lower()
    assert await h.server.services.store.running_sweep(h.ws.team_id, h.ward.id) is None
    assert h.slack.count("conversations.history") == 0


async def test_an_admin_starts_one_sweep_per_channel_and_help_lists_it(h: Harness) -> None:
    # Stays running for the test: two posts at one a page make a second page, 10 minutes on (a
    # channel read in one page ends its sweep with that page, whatever the interval).
    h.ws.post_as_user(h.omar.id, h.ward.id, CLEAN_TEXT)
    h.ws.post_as_user(h.omar.id, h.ward.id, CLEAN_TEXT)
    h.server.services.settings.sweep_page_size = 1
    h.server.services.settings.sweep_interval_seconds = 600.0
    started = _reply(await h.sender.command(h.ines.id, h.ward.id, "sweep 2w"))
    assert "started for the last 14 days" in started["text"]
    assert f"<#{h.alerts.id}>" in started["text"]
    again = _reply(await h.sender.command(h.ines.id, h.ward.id, "sweep"))
    assert "already running" in again["text"]
    bad = _reply(await h.sender.command(h.ines.id, h.ward.id, "sweep forever"))
    assert "Usage: `/phi sweep" in bad["text"]
    running = await h.server.services.store.running_sweep(h.ws.team_id, h.ward.id)
    assert running is not None and running.mode == "report" and running.requested_by == h.ines.id
    helped = _reply(await h.sender.command(h.ines.id, h.ward.id, "help"))
    assert "/phi sweep" in str(helped["blocks"])
    assert "/phi sweep" not in str(_reply(await h.sender.command(h.maria.id, h.ward.id, "help")))


async def test_adding_the_bot_to_a_channel_starts_a_report_only_sweep(h: Harness) -> None:
    h.server.services.settings.sweep_interval_seconds = 0.0
    channel = h.ws.add_channel("ward-7", members=[h.maria.id, h.omar.id])
    h.ws.post_as_user(h.omar.id, channel.id, PHI_TEXT)
    # Someone else joining does nothing; the bot joining starts the sweep.
    await h.sender.event(h.ws.member_joined_channel_event(h.ines.id, channel.id))
    assert await h.server.services.store.running_sweep(h.ws.team_id, channel.id) is None
    await h.sender.event(h.ws.member_joined_channel_event(h.ws.bot_user_id, channel.id, h.maria.id))
    store: Any = h.server.services.store
    deadline = asyncio.get_running_loop().time() + 30
    while True:
        history = [
            c for c in h.slack.calls("conversations.history") if c.args["channel"] == channel.id
        ]
        if history:
            break
        assert asyncio.get_running_loop().time() < deadline
        await asyncio.sleep(0.05)
    rows = await store.audit_rows(h.server.services.clock().replace(year=2000))
    start = next(r for r in rows if r["event"] == "sweep")
    sweep = await _wait_done(store, start["detail"]["sweep_id"])
    assert sweep.mode == "report" and sweep.requested_by == ""
    assert (sweep.state["scanned"], sweep.state["found"], sweep.state["acted"]) == (1, 1, 0)
    assert h.ws.find_message(channel.id, h.ws.channel_messages(channel.id)[0].ts) is not None


async def test_a_join_sweep_with_nowhere_to_report_still_runs(make_harness: MakeHarness) -> None:
    h = await make_harness(alert_channel=False, sweep_interval_seconds=0.0)
    channel = h.ws.add_channel("ward-9", members=[h.maria.id, h.omar.id])
    h.ws.post_as_user(h.omar.id, channel.id, PHI_TEXT)
    sweep, _ = await h.server.services.pipeline.sweeps.start(h.ws.team_id, channel.id, "", days=30)
    done = await _wait_done(h.server.services.store, sweep.sweep_id)
    assert done.status == "done" and done.state["found"] == 1
    assert h.slack.count("chat.postMessage") == 0


async def test_a_sweep_reports_to_the_workspaces_chosen_alert_channel(h: Harness) -> None:
    """`/phi alerts #channel` (per workspace) wins over the deployment's ADMIN_ALERT_CHANNEL."""
    h.server.services.settings.sweep_interval_seconds = 0.0
    security = h.ws.add_channel("ward-4-security", members=[h.ines.id])
    chose = await h.sender.command(h.ines.id, h.ward.id, f"alerts <#{security.id}|ward-4-security>")
    assert "now go to" in _reply(chose)["text"]
    h.ws.post_as_user(h.omar.id, h.ward.id, PHI_TEXT)
    started = _reply(await h.sender.command(h.ines.id, h.ward.id, "sweep 7d"))
    assert f"<#{security.id}>" in started["text"]
    running = await h.server.services.store.running_sweep(h.ws.team_id, h.ward.id)
    assert running is not None
    done = await _wait_done(h.server.services.store, running.sweep_id)
    assert done.state["destination"] == security.id
    summaries = [m for m in h.bot_posts(security) if "sweep" in m.text.lower()]
    assert len(summaries) == 1 and "finished" in summaries[0].text
    assert not [m for m in h.bot_posts(h.alerts) if "sweep" in m.text.lower()]


async def test_without_a_workspace_choice_a_sweep_reports_to_the_environment_default(
    h: Harness,
) -> None:
    h.server.services.settings.sweep_interval_seconds = 0.0
    sweep, _ = await h.server.services.pipeline.sweeps.start(
        h.ws.team_id, h.ward.id, h.ines.id, days=7
    )
    done = await _wait_done(h.server.services.store, sweep.sweep_id)
    assert done.state["destination"] == h.alerts.id


async def test_without_an_alert_channel_the_admin_gets_the_summary_in_their_dm(
    make_harness: MakeHarness,
) -> None:
    """Posted to a user id, the progress message lives in the DM Slack opened for it, and
    `chat.update` needs that conversation's id (a user id is `channel_not_found`)."""
    h = await make_harness(alert_channel=False)
    h.server.services.settings.sweep_interval_seconds = 0.0
    h.ws.post_as_user(h.omar.id, h.ward.id, PHI_TEXT)
    sweep, _ = await h.server.services.pipeline.sweeps.start(
        h.ws.team_id, h.ward.id, h.ines.id, days=7
    )
    done = await _wait_done(h.server.services.store, sweep.sweep_id)
    dm = h.ws.add_im(h.ines.id)
    assert done.state["destination"] == dm.id
    (summary,) = h.bot_posts(dm)
    assert "finished" in summary.text
    assert h.slack.count("chat.update", ok=False) == 0
