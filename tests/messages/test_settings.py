"""The App Home settings builders: every modal within Slack's limits; the Home section."""

from __future__ import annotations

from bot.messages import ids
from bot.messages.limits import problems
from bot.policy import ChannelClass, ChannelPolicy, default_policy

KINDS = ["NAME", "DATE", "ID"]


def test_every_settings_modal_fits_slacks_limits() -> None:
    from bot.messages import settings as forms

    many = [("institution" if i % 2 else "not_name", "w" * 70 + f" {i:03d}") for i in range(150)]
    views = [
        forms.alerts_modal(None),
        forms.alerts_modal("C0123ABCD"),
        forms.term_add_modal(),
        forms.term_remove_modal(many),
        forms.channel_pick_modal(),
        forms.sweep_modal(),
        forms.policy_modal(default_policy(ChannelClass.CLINICAL), scope="*", where="default"),
        forms.policy_modal(
            ChannelPolicy(allow_override=True, act_on_low=True),
            scope="C0123ABCD",
            where="<#C0123ABCD>",
            ask_risk=True,
        ),
    ]
    for view in views:
        assert problems(view, "modal") == [], view["callback_id"]
    (select,) = [b["element"] for b in views[3]["blocks"] if b["type"] == "input"]
    assert len(select["options"]) == 100  # Slack's most for a static select
    assert all(len(o["text"]["text"]) <= 75 for o in select["options"])


def test_the_settings_section_fits_a_home_tab_and_names_no_term() -> None:
    from bot.messages.settings import settings_section

    blocks = settings_section(
        None,
        fallback="<#C0ALERTS1>",
        terms=[("institution", "st elsewhere"), ("not_name", "poll")],
        workspace_default=None,
    )
    assert problems({"type": "home", "blocks": blocks}, "home") == []
    assert "st elsewhere" not in str(blocks) and "<#C0ALERTS1>" in str(blocks)
    buttons = {e["action_id"] for b in blocks for e in b.get("elements", []) if "action_id" in e}
    assert buttons == set(ids.SETTINGS_ACTION_IDS)
