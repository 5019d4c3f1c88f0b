"""Finding our own earlier post, so a post whose answer was lost is recorded, not repeated.

Every post carries its idempotency key in message metadata (`POST_MARK`); before posting again
the gateway reads the conversation since the recorded intent and looks for that key. Split out
of `bot.slack.gateway` so the look-up's paging and 429 rules read on their own.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from bot.errors import SlackGatewayError, SlackRateLimited
from bot.logging import log_event
from bot.store.api import ActionLog

log = logging.getLogger(__name__)

# `event_type` of the message metadata that carries a post's idempotency key (ids only).
POST_MARK = "phiwarden_post"
# How far before the recorded intent to look for an earlier attempt (clock skew with Slack).
FIND_MARGIN_S = 300.0
# Pages of the look-up: of up to 200 messages, or 15 where Slack caps `limit` for apps outside
# the Marketplace (changelog 2025-05-29); a channel busier than that since the intent is not
# searched further.
FIND_PAGES = 5
FIND_DEFERRALS = 2  # 429s a look-up may send its job back for (the job has 5 tries in all)

# One page of a paginated read, tried once (`SlackGateway.read_page`).
ReadPage = Callable[..., Awaitable[dict[str, Any]]]


def post_metadata(key: str) -> dict[str, Any]:
    """The message metadata that marks a post as ours for `key` (ids only, no text)."""
    return {"event_type": POST_MARK, "event_payload": {"key": key}}


def _is_ours(message: dict[str, Any], key: str) -> bool:
    meta = message.get("metadata") or {}
    return bool(
        meta.get("event_type") == POST_MARK and (meta.get("event_payload") or {}).get("key") == key
    )


async def find_post(
    read_page: ReadPage,
    actions: ActionLog,
    key: str,
    channel: str,
    thread_ts: str | None,
    since: float,
    *,
    team_id: str | None = None,
) -> dict[str, Any] | None:
    """Our earlier post for `key` in `channel` (or its thread), if Slack has it.

    Bounded below by `oldest` (the recorded intent, less a margin for clock skew) and to
    `FIND_PAGES` pages: with Slack's 15-message pages for apps outside the Marketplace that is
    75 posts since the intent. A look-up that fails or runs out of pages returns None, so the
    caller posts (at-least-once) rather than dropping the action. A 429 (one history call a
    minute) raises `SlackRateLimited` with the page reached recorded, so the job comes back
    after Retry-After and goes on from there; past `FIND_DEFERRALS` it posts instead, so the
    job's own tries are not spent on the look-up.
    """
    method = "conversations.replies" if thread_ts else "conversations.history"
    args: dict[str, Any] = {
        "channel": channel,
        "oldest": f"{max(0.0, since - FIND_MARGIN_S):.6f}",
        "limit": "200",
        "include_all_metadata": "true",
    }
    if thread_ts:
        args["ts"] = thread_ts
    # Where an earlier attempt's look-up stopped for a 429 (so one page a minute still
    # gets through the channel), and how many times it was put off.
    progress_key = f"{key}:lookup"
    progress = await actions.get_action(progress_key) or {}
    page, deferrals = int(progress.get("page") or 0), int(progress.get("deferrals") or 0)
    if progress.get("cursor"):
        args["cursor"] = str(progress["cursor"])
    while page < FIND_PAGES:
        try:
            data = await read_page(method, team_id=team_id, **args)
        except SlackRateLimited:
            if deferrals >= FIND_DEFERRALS:
                log_event(log, logging.WARNING, "earlier post look-up cut short", job_id=key)
                return None  # at-least-once beats never, and the job's tries are kept
            # The job comes back after Retry-After (durably, without holding a worker) and
            # goes on from this page. Apps outside the Marketplace get one history call a
            # minute since 2025-05-29 (see `bot.flow.sweep`).
            await actions.record_action(
                progress_key,
                {"page": page, "cursor": args.get("cursor"), "deferrals": deferrals + 1},
                replace=True,
            )
            raise
        except SlackGatewayError as exc:
            log_event(
                log,
                logging.WARNING,
                "could not look for an earlier post",
                job_id=key,
                error=exc.error,
            )
            return None
        for message in data.get("messages") or []:
            if _is_ours(message, key):
                log_event(log, logging.INFO, "slack post found, not repeated", job_id=key)
                return {"ok": True, "channel": channel, "ts": message.get("ts")}
        cursor = (data.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return None
        args["cursor"] = cursor
        page += 1
    log_event(log, logging.WARNING, "earlier post look-up cut short", job_id=key)
    return None
