"""`phiwarden run --socket-mode`: the same flows over a Socket Mode connection."""

from __future__ import annotations

from pathlib import Path

from bot.config import Settings
from bot.scan_pool import Engine, ScanWorkers
from bot.standin import StandIn, Workspace
from bot.web.server import start_server
from tests.scenario.conftest import PHI_TEXT


async def test_an_event_over_socket_mode_is_acted_on(tmp_path: Path, scan_engine: Engine) -> None:
    ws = Workspace()
    maria = ws.add_user("maria")
    partner = ws.add_channel("partner-clinic", members=[maria.id], is_ext_shared=True)
    async with StandIn.start(ws) as slack:
        settings = Settings(
            slack_api_url=slack.api_url,
            slack_bot_token=slack.bot_token,
            slack_app_token=slack.app_token,
            slack_admin_user_token=slack.admin_token,
            database_url=f"sqlite+aiosqlite:///{tmp_path}/sm.sqlite3",
        )
        server = await start_server(
            settings, port=0, socket_mode=True, scanner=ScanWorkers(settings, engine=scan_engine)
        )
        try:
            await slack.socket.wait_connected()
            sender = slack.socket_sender()
            delivery = await sender.event(ws.post_as_user(maria.id, partner.id, PHI_TEXT))
            assert delivery.status == 200
            await slack.wait_for("chat.postEphemeral")
            assert slack.count("chat.delete", ok=True) == 1
            reply = await sender.command(maria.id, partner.id, "help")
            assert reply.status == 200 and "/phi rules" in reply.text
        finally:
            await server.stop()
