"""The history sweep's progress message and summary: counts, kinds and links only, a stop said
in words, at most `MAX_LINKS` links with the rest counted."""

from __future__ import annotations

import json
from typing import Any

from bot.messages.limits import problems
from bot.messages.sweep import MAX_LINKS, progress, summary
from bot.store.api import Sweep


def _sweep(mode: str = "report") -> Sweep:
    return Sweep(
        sweep_id="S1",
        team_id="T1",
        channel_id="C42",
        requested_by="U1",
        mode=mode,
        oldest="0",
        status="running",
        seq=1,
        state={},
    )


def _text(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False)


def test_progress_shows_the_counts_and_the_threads_still_to_read() -> None:
    state = {"scanned": 120, "found": 3, "acted": 0, "phase": "replies", "threads": ["1.1", "2.2"]}
    msg = progress(_sweep(), state)
    text = _text(msg)
    assert "*Scanned* 120 · *found* 3 · *acted on* 0 · 2 thread(s) still to read" in text
    assert "report only: nothing is changed" in text and "<#C42>" in text
    assert "thread(s)" not in _text(progress(_sweep(), {**state, "phase": "history"}))
    assert problems(msg, "message") == []


def test_the_summary_links_each_hit_by_its_kinds_and_counts_the_rest() -> None:
    hits = [{"kinds": ["NAME"]} for _ in range(MAX_LINKS + 5)]
    links = [f"https://x.slack.com/archives/C42/p{i}" for i in range(MAX_LINKS)]
    state: dict[str, Any] = {
        "scanned": 500,
        "found": MAX_LINKS + 5,
        "hits": hits,
        "kinds": ["NAME"],
    }
    msg = summary(_sweep(), state, links)
    text = _text(msg)
    assert text.count("https://x.slack.com/archives/C42/p") == MAX_LINKS
    assert f"<{links[0]}|post 1: a name>" in text and "…and 5 more" in text
    assert "/phi sweep apply" in text  # report mode says how to apply
    assert "/phi sweep apply" not in _text(summary(_sweep("apply"), state, links))
    assert problems(msg, "message") == []


def test_a_hit_without_a_link_is_listed_by_its_label() -> None:
    state = {"found": 1, "hits": [{"kinds": ["ID"]}]}
    assert "• post 1: an ID number" in _text(summary(_sweep(), state, []))


def test_a_stopped_sweep_says_why_in_words() -> None:
    stopped = _text(summary(_sweep(), {"error": "not_in_channel"}, []))
    assert "stopped" in stopped and "not a member of the channel" in stopped
    unknown = _text(summary(_sweep(), {"error": "weird_error"}, []))
    assert "Slack refused the history read" in unknown
    assert "finished" in _text(summary(_sweep(), {}, [])["blocks"])
