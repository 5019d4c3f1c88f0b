"""Replies to `/phi`: rules name their topic and link to it, `check` escapes and quotes its
preview, help lists admin settings to admins only."""

from __future__ import annotations

import json

from bot import messages as m
from bot import rules
from bot.detect.types import Verdict


def test_every_rules_message_names_its_topic_and_links_to_it() -> None:
    for t in rules.all_topics():
        text = json.dumps(m.rules_message(t))
        assert t.title in text and f"#{t.anchor}" in text


def test_check_result_escapes_and_quotes_the_preview() -> None:
    msg = m.check_result(Verdict.PHI, ["NAME"], "a & b <c>\nsecond line")
    text = msg["blocks"][1]["text"]["text"]
    assert "&amp;" in text and "&lt;c&gt;" in text and ">second line" in text
    assert "nothing you check is stored" in json.dumps(msg)
    assert len(m.check_result(Verdict.CLEAN, [], "")["blocks"]) == 3  # no preview when clean


def test_help_for_admins_lists_the_override_setting_and_the_app_home_settings() -> None:
    admin, member = str(m.help_message(True)["blocks"]), str(m.help_message(False)["blocks"])
    assert "/phi policy set override on" in admin and "App Home" in admin
    assert "override" not in member
