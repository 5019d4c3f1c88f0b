"""The demo: start the stand-in and the bot, replay a clinical conversation, print what happened.

Everything runs on loopback with generated credentials and a throw-away SQLite database. Each
step says what it expects the bot to do (by Web API method); a missing or unwanted action makes
the demo exit non-zero, so it doubles as a smoke test of the whole app.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from bot.config import load_settings
from bot.demo.transcript import describe, readable
from bot.messages import ids
from bot.standin import EventSender, StandIn, Workspace
from bot.standin.model import Channel, User
from bot.store.api import JobStore

# Synthetic: an invented patient, record number and birth date.
PHI_POST = "Mrs Elena Varga, MRN 4829173, DOB 03/14/1958, post-op day 2: wound looks clean, can someone review her drain?"
CHATTER = "Morning all, handover is at 7:30 in the ward office. Coffee is on me."
CONSENT = {
    ids.ACTION_CONSENT_POINT: ["yes"],
    ids.ACTION_INTENDED_USE: "care_team",
    ids.ACTION_CHANNEL_APPROVED: "yes",
}


@dataclass
class Cast:
    maria: User
    omar: User
    ines: User
    ward: Channel
    partner: Channel
    icu: Channel
    alerts: Channel


def seed(ws: Workspace) -> Cast:
    maria = ws.add_user("maria", real_name="Maria Alvarez (RN)")
    omar = ws.add_user("omar", real_name="Omar Haddad (MD)")
    ines = ws.add_user("ines", real_name="Ines Kowalski (Slack admin)", is_admin=True)
    people = [maria.id, omar.id, ines.id]
    return Cast(
        maria,
        omar,
        ines,
        ward=ws.add_channel("ward-4", members=people),
        partner=ws.add_channel("partner-clinic", members=people, is_ext_shared=True),
        icu=ws.add_channel("icu-secure", kind="private", members=people),
        alerts=ws.add_channel("phi-alerts", members=[ines.id]),
    )


@dataclass
class Demo:
    slack: StandIn
    sender: EventSender
    store: JobStore  # the demo waits on its queue depth
    out: TextIO
    failures: list[str] = field(default_factory=list)

    @property
    def ws(self) -> Workspace:
        return self.slack.workspace

    async def settle(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not await self.store.queue_depth():
                await asyncio.sleep(0.1)
                if not await self.store.queue_depth():
                    return
            await asyncio.sleep(0.05)

    async def step(
        self,
        title: str,
        act: Callable[[], Awaitable[Any]],
        *,
        expect: dict[str, int],
        forbid: tuple[str, ...] = (),
    ) -> Any:
        print(f"\n▶ {title}", file=self.out)
        before = len(self.slack.calls())
        result = await act()
        for method, count in expect.items():
            already = len([c for c in self.slack.calls()[:before] if c.method == method])
            with contextlib.suppress(TimeoutError):  # a missing action is reported below
                await self.slack.wait_for(method, already + count, timeout=15, ok=True)
        await self.settle()
        new = self.slack.calls()[before:]
        for call in new:
            line = describe(self.ws, call)
            if line:
                print(f"    {line}", file=self.out)
        if not any(describe(self.ws, c) for c in new) and not isinstance(result, str):
            print("    (the bot did nothing: nothing to do)", file=self.out)
        if isinstance(result, str):
            print(f"    {result}", file=self.out)
        for method, count in expect.items():
            got = len([c for c in new if c.method == method and c.ok])
            if got != count:
                self.failures.append(f"{title}: expected {count} x {method}, saw {got}")
        for method in forbid:
            if any(c.method == method for c in new):
                self.failures.append(f"{title}: unexpected {method}")
        return result

    async def say(self, user: User, channel: Channel, text: str) -> dict[str, Any]:
        print(f"    @{user.name} in #{channel.name}: {readable(self.ws, text, 120)}", file=self.out)
        event = self.ws.post_as_user(user.id, channel.id, text)
        delivery = await self.sender.event(event)
        if delivery.status != 200:
            self.failures.append(f"event not acknowledged ({delivery.status})")
        return event

    async def command(self, user: User, channel: Channel, text: str) -> str:
        print(f"    @{user.name} in #{channel.name}: /phi {text}", file=self.out)
        delivery = await self.sender.command(user.id, channel.id, text)
        body = delivery.json() if delivery.status == 200 else {}
        if not body:
            self.failures.append(f"/phi {text}: no reply")
            return "(no reply)"
        return f"/phi reply, only @{user.name} sees it: {readable(self.ws, str(body.get('text', '')), 200)}"


async def script(demo: Demo, cast: Cast) -> None:
    ws = demo.ws
    await demo.step(
        "Clean chatter in #ward-4 (a clinical channel)",
        lambda: demo.say(cast.omar, cast.ward, CHATTER),
        expect={},
        forbid=("chat.delete", "chat.postEphemeral", "chat.postMessage"),
    )
    await demo.step(
        "Maria posts patient details in #ward-4",
        lambda: demo.say(cast.maria, cast.ward, PHI_POST),
        expect={"chat.delete": 1, "chat.postEphemeral": 1},
        forbid=("chat.postMessage",),
    )
    prompt = (
        ws.ephemerals_for(cast.maria.id, cast.ward.id)[-1]
        if ws.ephemerals_for(cast.maria.id, cast.ward.id)
        else None
    )
    if prompt is None:
        demo.failures.append("no confirm prompt to click")
        return

    async def attest() -> str:
        print(
            "    @maria clicks “Patient consent is documented and this channel is approved”",
            file=demo.out,
        )
        await demo.sender.click(cast.maria.id, prompt, ids.ACTION_ATTEST)
        await demo.slack.wait_for("views.open", timeout=10)
        return "modal opened"

    await demo.step("Maria attests consent", attest, expect={"views.open": 1})
    modals = ws.open_modals(cast.maria.id)
    if not modals:
        demo.failures.append("no consent modal")
        return

    async def submit() -> None:
        print(
            "    @maria ticks all six consent points, picks “care team”, answers that the channel is approved, submits",
            file=demo.out,
        )
        await demo.sender.submit_view(cast.maria.id, modals[-1], CONSENT)

    await demo.step(
        "The consent form is submitted",
        submit,
        expect={"chat.postMessage": 1, "chat.postEphemeral": 1},
    )
    await demo.step(
        "The same message in #partner-clinic (Slack Connect, shared with another organisation)",
        lambda: demo.say(cast.maria, cast.partner, PHI_POST),
        expect={"chat.delete": 1, "chat.postEphemeral": 1, "chat.postMessage": 1},
    )
    await demo.step(
        "The same message in #icu-secure (approved for patient care)",
        lambda: demo.say(cast.maria, cast.icu, PHI_POST),
        expect={},
        forbid=("chat.delete", "chat.postEphemeral"),
    )
    await demo.step(
        "Omar looks up the consent rules",
        lambda: demo.command(cast.omar, cast.ward, "rules consent"),
        expect={},
    )
    await demo.step(
        "Maria (not an admin) tries to relax #ward-4's policy",
        lambda: demo.command(cast.maria, cast.ward, "policy set text allow"),
        expect={},
    )
    await demo.step(
        "Ines (Slack admin) sets #ward-4 to redact",
        lambda: demo.command(cast.ines, cast.ward, "policy set text redact"),
        expect={},
    )
    await demo.step(
        "Maria posts patient details in #ward-4 again",
        lambda: demo.say(cast.maria, cast.ward, PHI_POST),
        expect={"chat.delete": 1, "chat.postMessage": 1, "chat.postEphemeral": 1},
    )


async def run_demo(out: TextIO, *, data_dir: Path | None = None) -> int:
    """Run the whole demo; returns the process exit code (0 when every step happened)."""
    from bot.scan_pool import ScanWorkers
    from bot.web.server import start_server

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="phiwarden-demo-") as tmp:
        folder = data_dir or Path(tmp)
        ws = Workspace(team_name="Phiwarden General Hospital")
        cast = seed(ws)
        slack = await StandIn.start(ws)
        server = None
        try:
            # The environment's other settings still count, so a bad one is one line here too.
            settings = load_settings(
                slack_api_url=slack.api_url,
                slack_bot_token=slack.bot_token,
                slack_signing_secret=slack.signing_secret,
                slack_admin_user_token=slack.admin_token,
                database_url=f"sqlite+aiosqlite:///{folder}/demo.sqlite3",
                admin_alert_channel=cast.alerts.id,
                admin_user_ids=[],
                log_level="WARNING",
            )
            print(
                "Starting the local Slack stand-in and phiwarden (loading the PHI engine)…",
                file=out,
            )
            server = await start_server(
                settings, host="127.0.0.1", port=0, scanner=ScanWorkers(settings, in_process=True)
            )
            await server.services.store.set_approved(ws.team_id, cast.icu.id, True, cast.ines.id)
            print(
                f"phiwarden is serving {server.url}/slack/events; Slack stand-in at {slack.api_url}",
                file=out,
            )
            demo = Demo(
                slack, slack.sender(f"{server.url}/slack/events"), server.services.store, out
            )
            await script(demo, cast)
        finally:
            if server is not None:
                await server.stop()
            await slack.stop()
    elapsed = time.monotonic() - started
    if demo.failures:
        print(f"\n✗ demo finished in {elapsed:.1f}s with problems:", file=out)
        for failure in demo.failures:
            print(f"  - {failure}", file=out)
        return 1
    print(f"\n✓ demo finished in {elapsed:.1f}s: every step did what the policy says.", file=out)
    return 0
