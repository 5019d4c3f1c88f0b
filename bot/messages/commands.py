"""Replies to `/phi`: help, rules, check results, policy display and changes, refusals."""

from __future__ import annotations

from collections.abc import Sequence

from bot.detect.types import Verdict
from bot.messages.kit import (
    Block,
    Message,
    bullets,
    context,
    describe_kinds,
    divider,
    escape,
    header,
    link,
    message,
    section,
    truncate,
)
from bot.messages.notices import human_duration, rules_footer
from bot.policy import EXTERNAL_RISK, ChannelClass, ChannelPolicy, PolicyAction
from bot.rules import DEFAULT_DOCS_URL, RuleTopic, all_topics

_PREVIEW_MAX = 2500

ACTION_LABELS = {
    PolicyAction.ALLOW: "Allow (log only)",
    PolicyAction.REDACT: "Redact: replace with a de-identified copy",
    PolicyAction.BLOCK: "Block: remove and explain",
    PolicyAction.CONFIRM: "Confirm: hide until the poster attests consent",
}

CLASS_LABELS = {
    ChannelClass.APPROVED: "an approved clinical channel",
    ChannelClass.CLINICAL: "a clinical channel (not approved for PHI)",
    ChannelClass.EXTERNAL: "an external (Slack Connect) channel",
    ChannelClass.DM: "a direct message",
}

# Where a policy came from, as `bot.policy.effective_policy` chose it.
SOURCE_CHANNEL = "channel"
SOURCE_WORKSPACE = "workspace"
SOURCE_DEFAULT = "default"
_SOURCE_LABELS = {
    SOURCE_CHANNEL: "Set by an admin for this channel.",
    SOURCE_WORKSPACE: "The workspace default.",
    SOURCE_DEFAULT: "The built-in default for this kind of channel.",
}


def help_message(is_admin: bool, rules_url: str = DEFAULT_DOCS_URL) -> Message:
    lines = [
        "`/phi rules [topic]`: the sharing rules (" + ", ".join(t.key for t in all_topics()) + ")",
        "`/phi check <text>`: see what phiwarden would find, privately; nothing is stored",
        "`/phi policy`: what happens to patient details in this channel",
    ]
    admin = [
        "`/phi policy set <setting> <value>`: settings `text`, `images`, `unscannable`, `failure` "
        "(allow, redact, block, confirm), `timeout` (10m, 1h), `expiry` (block, redact), `low` (on, off)",
        "`/phi policy set override on`: let posters put a blocked post back with a written "
        "justification (off by default; audited, counted in the report)",
        "`/phi policy reset`: back to the defaults",
        "`/phi approve` / `/phi unapprove`: mark this channel approved for PHI, or not",
        "`/phi alerts #channel` (or `here`, `off`): where this workspace's admin alerts go",
        "`/phi sweep [30d] [apply]`: scan this channel's past posts, threads and files; report "
        "only unless `apply` (then the channel's policy acts on what it finds)",
        "`/phi terms list`, `/phi terms add not-a-name <word>`, `/phi terms add institution "
        '"<name>"`, `/phi terms remove <kind> <term>`: this workspace\'s vocabulary',
        "App Home, *Settings*: the alert channel, the vocabulary, the workspace default and a "
        "channel's policy, in forms (admins only; every change audited)",
    ]
    blocks: list[Block] = [
        section("*phiwarden* keeps patient details out of the wrong channels.\n" + bullets(lines))
    ]
    if is_admin:
        blocks.append(section("*For admins*\n" + bullets(admin)))
    blocks.append(context(link(rules_url, "All the sharing rules")))
    return message("phiwarden commands: /phi rules, /phi check, /phi policy", blocks)


def rules_message(found: RuleTopic | None, rules_url: str = DEFAULT_DOCS_URL) -> Message:
    """One topic in full, or (None) the list of topics with their summaries."""
    if found is None:
        items = [f"*{t.title}* (`/phi rules {t.key}`)\n{t.summary}" for t in all_topics()]
        blocks: list[Block] = [header("Sharing rules"), section("\n\n".join(items))]
        blocks.append(context(link(rules_url, "Read them all")))
        return message("Sharing rules: " + ", ".join(t.key for t in all_topics()), blocks)
    blocks = [header(found.title), section(f"{found.summary}\n\n{bullets(found.points)}")]
    for heading, points in found.sections:
        blocks.append(section(f"*{heading}*\n{bullets(points)}"))
    blocks.append(context(link(found.url(rules_url), "Read this on the rules page")))
    return message(f"{found.title}: {found.summary}", blocks)


def check_result(
    verdict: Verdict | str,
    kinds: Sequence[str],
    redacted_preview: str,
    rules_url: str = DEFAULT_DOCS_URL,
) -> Message:
    """The private answer to `/phi check`: verdict, kinds, and the de-identified text.

    `redacted_preview` is plain text (it is escaped here), already stripped of identifiers.
    """
    verdict = Verdict(verdict)
    if verdict is Verdict.CLEAN:
        lead = ":white_check_mark: *No patient identifiers found.*"
    elif verdict is Verdict.LOW:
        lead = (
            f":large_yellow_circle: *One weak detail found* ({describe_kinds(kinds)}). Alone it "
            "rarely identifies anyone, but together with another detail it could."
        )
    else:
        lead = (
            f":red_circle: *This counts as patient information*: {describe_kinds(kinds)}. "
            "It could not be posted as is outside an approved channel."
        )
    blocks: list[Block] = [section(lead)]
    if verdict is not Verdict.CLEAN and redacted_preview.strip():
        quoted = "\n".join(
            f">{line}" for line in escape(truncate(redacted_preview, _PREVIEW_MAX)).splitlines()
        )
        blocks.append(section(f"*De-identified version*\n{quoted}"))
    blocks.append(context("Only you can see this; nothing you check is stored."))
    blocks.append(rules_footer("identifiers", rules_url))
    return message(f"phiwarden check: {verdict.value}", blocks)


def _policy_lines(policy: ChannelPolicy, channel_class: ChannelClass) -> list[str]:
    images = ACTION_LABELS[policy.image_action]
    if policy.image_action is PolicyAction.BLOCK and policy.offer_redacted_image:
        images += ", offering a redacted copy"
    if policy.image_action is PolicyAction.ALLOW and channel_class is ChannelClass.APPROVED:
        images += ", with a reminder about identifier banners"
    expiry = (
        "a de-identified copy is posted"
        if policy.timeout_action is PolicyAction.REDACT
        else "the post stays removed"
    )
    lines = [
        f"*Text with patient details:* {ACTION_LABELS[policy.text_action]}",
        f"*Images with patient details:* {images}",
        f"*Files phiwarden can't read:* {ACTION_LABELS[policy.unscannable_action]}",
        f"*If the checker fails:* {ACTION_LABELS[policy.failure_action]}",
        f"*Consent wait:* {human_duration(policy.confirm_timeout_seconds)}, then {expiry}",
        "*A single weak detail:* "
        + ("treated like patient details" if policy.act_on_low else "ignored"),
        "*Override of a block:* "
        + (
            "the poster may put a blocked text or image back with a written justification"
            if policy.allow_override
            else "not allowed"
        ),
    ]
    if channel_class is ChannelClass.DM:
        lines.append(DM_TRUTH)
    return lines


# What "block" can really do in a DM: Slack deletes another person's message only for a user
# token of someone in the conversation (chat.delete answers `channel_not_found` otherwise), and
# a bot token deletes only the bot's own posts. An admin is rarely in a DM.
DM_TRUTH = (
    "*In a direct message:* phiwarden can remove a post only if a workspace admin whose token "
    'it holds is in the conversation, which in a DM is rarely so. Otherwise "remove" means: '
    "the poster is asked to delete it, and admins are alerted (ids and kinds only, never the "
    "text)."
)


def policy_message(
    policy: ChannelPolicy,
    *,
    channel_id: str,
    channel_class: ChannelClass,
    source: str = SOURCE_DEFAULT,
    is_admin: bool = False,
) -> Message:
    """`/phi policy`: the effective policy of this channel and where it comes from."""
    blocks: list[Block] = [
        section(
            f"*phiwarden policy for <#{channel_id}>*, {CLASS_LABELS[channel_class]}.\n{_SOURCE_LABELS.get(source, '')}"
        ),
        section("\n".join(_policy_lines(policy, channel_class))),
    ]
    if is_admin:
        blocks.append(
            context(
                "Change it with `/phi policy set text redact`, `/phi policy set timeout 30m`, or `/phi policy reset`."
            )
        )
    return message(f"phiwarden policy for <#{channel_id}>", blocks)


def policy_updated(
    policy: ChannelPolicy, *, channel_id: str, channel_class: ChannelClass, changed: str | None
) -> Message:
    """After `policy set` (`changed` = the short setting name) or `policy reset` (None)."""
    lead = (
        f"Reset <#{channel_id}> to the defaults."
        if changed is None
        else f"Updated `{changed}` for <#{channel_id}>."
    )
    blocks: list[Block] = [
        section(f":white_check_mark: {lead} The change is recorded in the audit trail."),
        section("\n".join(_policy_lines(policy, channel_class))),
    ]
    return message(lead, blocks)


def approval_changed(channel_id: str, approved: bool, rules_url: str = DEFAULT_DOCS_URL) -> Message:
    if approved:
        text = (
            f":white_check_mark: <#{channel_id}> is now an *approved clinical channel*: patient "
            "details may be posted here for care, with a reminder for identifying images."
        )
    else:
        text = f":white_check_mark: <#{channel_id}> is *no longer approved*; posts are checked under the clinical policy."
    return message(
        text, [section(text + " Recorded in the audit trail."), rules_footer("approved", rules_url)]
    )


def approval_refused(reason: str, rules_url: str = DEFAULT_DOCS_URL) -> Message:
    """`/phi approve` where approval would be meaningless (see `bot.policy.approval_blocker`)."""
    if reason == "external":
        text = "Slack Connect channels can't be marked approved: they are shared with another organisation."
    else:
        text = (
            "Direct messages can't be marked approved. Use an approved channel for patient details."
        )
    return message(text, [section(f":no_entry: {text}"), rules_footer("external", rules_url)])


def alerts_status(channel_id: str | None, fallback: str | None) -> Message:
    """Where this workspace's admin alerts go now (`/phi alerts`)."""
    if channel_id:
        text = f":rotating_light: Admin alerts for this workspace go to <#{channel_id}>."
    elif fallback:
        text = f":rotating_light: Admin alerts go to {fallback} (the deployment's default)."
    else:
        text = (
            ":warning: Admin alerts for this workspace *go nowhere*: set a channel with "
            "`/phi alerts #channel` (invite phiwarden there first)."
        )
    return message(text, [section(text)])


def alerts_changed(channel_id: str | None) -> Message:
    if channel_id:
        text = f":white_check_mark: Admin alerts for this workspace now go to <#{channel_id}>."
    else:
        text = (
            ":white_check_mark: This workspace no longer has its own alert channel; alerts go "
            "to the deployment's default, if it has one."
        )
    return message(text, [section(text)])


# Why `/phi alerts` refused a channel.
ALERTS_REFUSALS = {
    "external": "Alerts name channels and people, so they cannot go to a Slack Connect channel "
    "shared with another organisation. Pick an internal channel.",
    "dm": "Alerts need a channel the admins share, not a DM. Pick a channel.",
    "cannot_post": "I could not post in that channel. Invite phiwarden there first "
    "(`/invite @phiwarden`), then try again.",
}


def alerts_refused(reason: str) -> Message:
    text = ALERTS_REFUSALS[reason]
    return message(text, [section(f":no_entry: {text}")])


def alerts_test_post() -> Message:
    """Posted once into a channel chosen for alerts, so admins know it works (no content)."""
    text = (
        ":rotating_light: phiwarden will post this workspace's admin alerts here: where and "
        "by whom patient details were shared and what was done, never the content."
    )
    return message(text, [section(text)])


def sweep_started(
    channel_id: str, *, days: int, mode: str, destination: str, already_running: bool
) -> Message:
    """The private answer to `/phi sweep`: where the one progress message will be."""
    where = f"<#{destination}>" if destination.startswith(("C", "G")) else "your DM with phiwarden"
    if already_running:
        text = f"A history sweep of <#{channel_id}> is already running; its progress is in {where}."
    else:
        what = (
            "report only: nothing is changed"
            if mode == "report"
            else "applying this channel's policy"
        )
        text = (
            f"History sweep of <#{channel_id}> started for the last {days} days ({what}). "
            f"Slack allows one history page a minute, so it takes a while; progress is in {where}."
        )
    return message(text, [section(f":mag: {text}")])


_TERM_KIND_LABELS = {"not_name": "not a name", "institution": "institution"}


def terms_list(terms: list[tuple[str, str]]) -> Message:
    """The workspace's vocabulary, for admins (their own words, shown back to them)."""
    if not terms:
        text = "This workspace has no vocabulary yet. Add words with `/phi terms add`."
        return message(text, [section(text)])
    lines = [f"{_TERM_KIND_LABELS.get(k, k)}: {escape(t)}" for k, t in terms[:90]]
    if len(terms) > 90:
        lines.append(f"…and {len(terms) - 90} more")
    return message(
        f"Workspace vocabulary: {len(terms)} term(s)",
        [section("*Workspace vocabulary*\n" + bullets(lines))],
    )


def terms_changed(action: str, kind: str, term: str, changed: bool) -> Message:
    label = _TERM_KIND_LABELS.get(kind, kind)
    if action == "add":
        text = (
            f"Added to this workspace's vocabulary ({label}): {escape(term)}. It applies from the next post."
            if changed
            else f"Already in this workspace's vocabulary ({label})."
        )
    else:
        text = (
            f"Removed from this workspace's vocabulary ({label})."
            if changed
            else f"Not in this workspace's vocabulary ({label})."
        )
    return message(text, [section(f":books: {text}")])


def relaxation_refused(
    channel_class: str, setting: str, rules_url: str = DEFAULT_DOCS_URL
) -> Message:
    """`/phi policy set` below block in a Slack Connect channel or DM, without the risk named."""
    where = "a Slack Connect channel" if channel_class == "external" else "a direct message"
    text = (
        f"Not changed: this is {where}, where anything not blocked is seen outside your "
        "organisation, so phiwarden only blocks here. To accept that risk on the record, "
        f"repeat the command followed by `accept-risk {EXTERNAL_RISK}`; the change and "
        "who made it go into the audit trail."
    )
    example = f"`/phi policy set {setting} <value> accept-risk {EXTERNAL_RISK}`"
    return message(
        text,
        [section(f":no_entry: {text}"), context(example), rules_footer("external", rules_url)],
    )


def admin_refusal() -> Message:
    text = (
        "Only workspace admins and phiwarden admins can change policy, approve channels, "
        "sweep history or change the vocabulary. `/phi policy` shows what applies here."
    )
    return message(text, [section(f":lock: {text}")])


def command_error(problem: str) -> Message:
    """A clear reply to a `/phi` line we could not read; `problem` never quotes the user's text."""
    return message(problem, [section(f":thinking_face: {problem}"), context("Try `/phi help`.")])


def home_section_rules(rules_url: str = DEFAULT_DOCS_URL) -> list[Block]:
    """The rules part of the App Home, shown to everyone."""
    blocks: list[Block] = [header("Sharing patient information in Slack")]
    for t in all_topics():
        blocks.append(section(f"*{t.title}*\n{t.summary} {link(t.url(rules_url), 'Read more')}"))
    blocks.append(divider())
    return blocks
