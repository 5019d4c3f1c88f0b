"""Install lifecycle: when a workspace uninstalls the app or revokes tokens, stop using them.

`app_uninstalled` and `tokens_revoked` (https://docs.slack.dev/reference/events/app_uninstalled,
https://docs.slack.dev/reference/events/tokens_revoked; no scope needed) are handled by Bolt's
own `AsyncTokenRevocationListeners`, which delete the installation (or only the revoked bot
or user tokens) from our installation store, so the gateway's token lookups find nothing and
no later job acts with a dead token. On uninstall the workspace's own settings go too. In
single-workspace mode the configured token is dead: that is logged loudly, nothing else can
be done from here.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_bolt.listener.async_builtins import AsyncTokenRevocationListeners

from bot.logging import log_event
from bot.services import Services

log = logging.getLogger(__name__)


async def handle_lifecycle_event(
    ack: AsyncAck,
    body: dict[str, Any],
    context: AsyncBoltContext,
    services: Services,
    revocations: AsyncTokenRevocationListeners | None,
) -> None:
    event = body.get("event") if isinstance(body.get("event"), dict) else {}
    kind = str((event or {}).get("type") or "")
    team = context.team_id or body.get("team_id")
    if revocations is None:
        log_event(
            log,
            logging.ERROR,
            "the app was uninstalled or its tokens revoked: SLACK_BOT_TOKEN no longer works",
            team_id=team,
            event_type=kind,
        )
    elif kind == "app_uninstalled":
        await revocations.handle_app_uninstalled_events(context)
        if team:
            await services.store.delete_workspace_settings(str(team))
    else:
        await revocations.handle_tokens_revoked_events(event or {}, context)
    if revocations is not None:
        log_event(
            log, logging.WARNING, "installation tokens dropped", team_id=team, event_type=kind
        )
    await ack()


def register(app: AsyncApp, services: Services) -> None:
    store = app.installation_store  # set only in OAuth mode
    revocations = AsyncTokenRevocationListeners(store) if store is not None else None

    async def on_event(ack: AsyncAck, body: dict[str, Any], context: AsyncBoltContext) -> None:
        await handle_lifecycle_event(ack, body, context, services, revocations)

    for event_type in ("app_uninstalled", "tokens_revoked"):
        app.event(event_type)(on_event)
