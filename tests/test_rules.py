"""The rules knowledge base: topics, aliases, the facts it must carry, and docs/rules.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import rules
from bot.policy import ChannelClass, Content, PolicyAction, rule_for

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "rules.md"
REQUIRED = (
    "consent",
    "images",
    "external",
    "identifiers",
    "alternatives",
    "consequences",
    "approved",
)


def test_required_topics_exist_with_content() -> None:
    keys = [t.key for t in rules.all_topics()]
    assert set(REQUIRED) <= set(keys)
    assert len(keys) == len(set(keys))
    for t in rules.all_topics():
        assert t.title and t.summary and len(t.points) >= 3
        assert rules.topic(t.key) is t


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("external sharing", "external"),
        ("External  Sharing", "external"),
        ("share", "external"),
        ("slack connect", "external"),
        ("ids", "identifiers"),
        ("phi", "identifiers"),
        ("safe harbor", "identifiers"),
        ("photo", "images"),
        ("monitor", "images"),
        ("consent", "consent"),
        ("Patient consent", "consent"),
        ("alternatives", "alternatives"),
        ("why", "consequences"),
        ("approved channels", "approved"),
        ("files", "checks"),
        ("rules for images", "images"),
    ],
)
def test_aliases(name: str, key: str) -> None:
    found = rules.topic(name)
    assert found is not None and found.key == key


@pytest.mark.parametrize("name", ["", "gardening", "the weather today"])
def test_unknown_topic(name: str) -> None:
    assert rules.topic(name) is None


def test_consent_has_the_six_points() -> None:
    consent = rules.topic("consent")
    assert consent is not None and len(consent.points) == 6
    text = " ".join(consent.points).lower()
    for needle in (
        "intended use",
        "actual image",
        "never be fully",
        "withdraw",
        "separately",
        "care",
    ):
        assert needle in text


def test_identifiers_carry_the_combination_rule_and_all_18_safe_harbor_identifiers() -> None:
    ids = rules.topic("identifiers")
    assert ids is not None and "combination" in ids.summary
    ((heading, safe_harbor),) = ids.sections
    assert "18" in heading and len(safe_harbor) == 18


def test_consequences_cite_the_figures() -> None:
    text = " ".join(rules.topic("consequences").points)  # type: ignore[union-attr]
    assert "56%" in text and "14%" in text and "fines" in text


def test_external_includes_institutional_checks_and_hipaa_authorization() -> None:
    ext = rules.topic("external")
    assert ext is not None and "HIPAA authorization" in ext.summary
    assert len(ext.sections[0][1]) == 5


def test_images_warn_about_the_monitor_banner() -> None:
    text = " ".join(rules.topic("images").points).lower()  # type: ignore[union-attr]
    assert "monitor" in text and "banner" in text


def test_every_rule_key_decide_can_return_is_a_topic() -> None:
    for content in Content:
        for cls in ChannelClass:
            for action in PolicyAction:
                assert rules.topic(rule_for(content, cls, action)) is not None


def test_urls_use_the_configurable_base_and_the_heading_anchor() -> None:
    t = rules.topic("external")
    assert t is not None
    assert t.url() == f"{rules.DEFAULT_DOCS_URL}#external-sharing"
    assert (
        t.url("https://intranet.example/rules") == "https://intranet.example/rules#external-sharing"
    )
    assert rules.slug("What identifies a patient") == "what-identifies-a-patient"


def test_docs_rules_md_is_generated_from_rules_py() -> None:
    assert DOCS.read_text(encoding="utf-8") == rules.render_markdown(), (
        "docs/rules.md is stale: run `python -m bot.rules > docs/rules.md`"
    )


def test_docs_have_a_heading_for_every_topic_and_every_point() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    headings = {line[3:] for line in docs.splitlines() if line.startswith("## ")}
    for t in rules.all_topics():
        assert t.title in headings
        for point in t.points:
            assert f"- {point}" in docs


def test_settings_default_rules_url_matches_the_rules_module() -> None:
    from bot.config import Settings

    assert Settings().rules_url == rules.DEFAULT_DOCS_URL


def _linking_builders() -> set[str]:
    """The message builders of `bot.messages` that link the rules page (take `rules_url`)."""
    import ast

    names: set[str] = set()
    for path in (ROOT / "bot" / "messages").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                args = [a.arg for a in [*node.args.args, *node.args.kwonlyargs]]
                if "rules_url" in args:
                    names.add(node.name)
    return names


def test_every_caller_outside_the_builders_passes_the_deployment_s_rules_url() -> None:
    """The builders default to the project's page so their own tests stay short; everything
    that sends a message must hand in `Settings.rules_url` (tests/scenario/test_rules_url.py
    shows the result)."""
    import ast

    builders = _linking_builders()
    assert {
        "block_notice",
        "confirm_prompt",
        "admin_alert",
        "help_message",
        "home_view",
    } <= builders
    missing: list[str] = []
    for package in ("bot", "handlers"):
        for path in (ROOT / package).rglob("*.py"):
            relative = path.relative_to(ROOT)
            if relative.parts[:2] in (("bot", "messages"), ("bot", "standin")):
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in builders and "rules_url" not in {k.arg for k in node.keywords}:
                    missing.append(f"{relative}:{node.lineno} {name}")
    assert missing == []
