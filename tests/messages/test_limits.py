"""The Block Kit limits checker every message test relies on: it catches each violation."""

from __future__ import annotations

from bot.messages.limits import problems


def test_limits_checker_catches_violations() -> None:
    bad = {
        "text": "x",
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}},
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "b" * 76},
                        "action_id": "a" * 256,
                        "value": "v",
                    }
                ],
            },
            {"type": "header", "text": {"type": "mrkdwn", "text": "h"}},
            {
                "type": "input",
                "label": {"type": "plain_text", "text": "l"},
                "element": {"type": "checkboxes", "action_id": "a", "options": []},
            },
            {"type": "section", "block_id": "dup", "text": {"type": "mrkdwn", "text": "ok"}},
            {"type": "section", "block_id": "dup", "text": {"type": "mrkdwn", "text": "ok"}},
        ],
    }
    found = "\n".join(problems(bad))
    for needle in (
        "3001 > 3000",
        "76 > 75",
        "action_id",
        "must be plain_text",
        "only in modals",
        "options",
        "duplicate",
    ):
        assert needle in found
    assert problems({"text": "x", "blocks": [{"type": "divider"}] * 51})
    assert problems(
        {
            "type": "modal",
            "title": {"type": "plain_text", "text": "t" * 25},
            "blocks": [{"type": "divider"}],
        },
        "modal",
    )


def test_the_limits_checker_allows_ten_checkboxes_at_most() -> None:
    options = [
        {"text": {"type": "plain_text", "text": f"o{i}"}, "value": f"v{i}"} for i in range(11)
    ]
    view = {
        "type": "modal",
        "title": {"type": "plain_text", "text": "t"},
        "submit": {"type": "plain_text", "text": "s"},
        "blocks": [
            {
                "type": "input",
                "label": {"type": "plain_text", "text": "l"},
                "element": {"type": "checkboxes", "action_id": "a", "options": options},
            }
        ],
    }
    assert any("1..10 options" in p for p in problems(view, "modal"))
    view["blocks"][0]["element"]["options"] = options[:10]
    assert problems(view, "modal") == []
