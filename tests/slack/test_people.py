"""`PeopleDirectory`: pages `users.list` by cursor, skips deleted users and bots, caches per
workspace, and falls back to the empty directory (names stay patients') when Slack refuses."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from bot.errors import SlackGatewayError
from bot.slack.people import PAGE_LIMIT, PeopleDirectory

# Shaped like the users.list example at https://docs.slack.dev/reference/methods/users.list
# (synthetic names).
PAGE_1 = {
    "ok": True,
    "members": [
        {
            "id": "W012A3CDE",
            "team_id": "T012AB3C4",
            "name": "spengler",
            "deleted": False,
            "real_name": "Priya Ravel",
            "is_bot": False,
            "profile": {
                "real_name": "Priya Ravel",
                "real_name_normalized": "Priya Ravel",
                "display_name": "priya.r (she/her)",
                "first_name": "Priya",
                "last_name": "Ravel",
            },
        },
        {
            "id": "W07QCRPA4",
            "name": "glinda",
            "deleted": True,
            "profile": {"real_name": "Glinda Southgood", "display_name": "Glinda"},
        },
    ],
    "cache_ts": 1498777272,
    "response_metadata": {"next_cursor": "dXNlcjpVMEc5V0ZYTlo="},
}
PAGE_2 = {
    "ok": True,
    "members": [
        {
            "id": "B0BOT",
            "name": "pagerbot",
            "is_bot": True,
            "real_name": "Hollis Pager",
            "profile": {"real_name": "Hollis Pager"},
        },
        {"id": "USLACKBOT", "name": "slackbot", "real_name": "Slackbot", "profile": {}},
        {
            "id": "W0KEN",
            "name": "ken",
            "deleted": False,
            "is_bot": False,
            "profile": {"real_name": "", "display_name": "Kenji Oduya"},
        },
    ],
    "response_metadata": {"next_cursor": ""},
}


class FakeSlack:
    def __init__(self, fail: str | None = None) -> None:
        self.calls: list[tuple[str, str | None, dict[str, Any]]] = []
        self.fail = fail

    async def call(self, method: str, *, team_id: str | None = None, **kwargs: Any) -> Any:
        self.calls.append((method, team_id, kwargs))
        await asyncio.sleep(0)
        if self.fail:
            raise SlackGatewayError(method, self.fail)
        return PAGE_2 if kwargs.get("cursor") == "dXNlcjpVMEc5V0ZYTlo=" else PAGE_1


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_pages_by_cursor_and_keeps_only_current_people() -> None:
    slack = FakeSlack()
    people = PeopleDirectory(slack)
    staff = await people.for_team("T1")
    assert [(m, t) for m, t, _ in slack.calls] == [("users.list", "T1")] * 2
    assert slack.calls[0][2] == {"limit": PAGE_LIMIT}
    assert slack.calls[1][2] == {"limit": PAGE_LIMIT, "cursor": "dXNlcjpVMEc5V0ZYTlo="}
    assert staff.knows(["Priya"]) and staff.knows(["Priya", "Ravel"])
    assert staff.knows(["Kenji", "Oduya"])  # display name only, on the second page
    assert not staff.knows(["Glinda"])  # deleted
    assert not staff.knows(["Hollis"])  # a bot
    assert not staff.knows(["Tobias"])


async def test_cached_per_team_until_ttl_or_invalidation() -> None:
    slack, clock = FakeSlack(), Clock()
    people = PeopleDirectory(slack, ttl=60, monotonic=clock)
    first = await people.for_team("T1")
    assert await people.for_team("T1") is first
    assert len(slack.calls) == 2
    await people.for_team("T2")  # each installation has its own
    assert len(slack.calls) == 4
    clock.now += 61
    refreshed = await people.for_team("T1")
    assert refreshed is not first and refreshed.version != first.version
    assert len(slack.calls) == 6
    people.invalidate("T1")
    await people.for_team("T1")
    assert len(slack.calls) == 8


async def test_concurrent_scans_share_one_fetch() -> None:
    slack = FakeSlack()
    people = PeopleDirectory(slack)
    got = await asyncio.gather(*(people.for_team("T1") for _ in range(5)))
    assert len(slack.calls) == 2 and all(g is got[0] for g in got)


async def test_missing_scope_fails_closed_with_one_line_and_no_names(
    caplog: pytest.LogCaptureFixture,
) -> None:
    slack, clock = FakeSlack(fail="missing_scope"), Clock()
    people = PeopleDirectory(slack, retry_after=30, monotonic=clock)
    with caplog.at_level(logging.INFO):
        staff = await people.for_team("T1")
        await people.for_team("T1")  # the failure is cached: no storm of calls
    assert len(staff) == 0 and not staff.knows(["Priya"])
    assert len(slack.calls) == 1
    lines = [r for r in caplog.records if r.name == "bot.slack.people"]
    assert len(lines) == 1 and "missing_scope" in lines[0].getMessage() + str(lines[0].__dict__)
    clock.now += 31
    slack.fail = None
    assert (await people.for_team("T1")).knows(["Priya"])
    assert "Priya" not in caplog.text and "Ravel" not in caplog.text
