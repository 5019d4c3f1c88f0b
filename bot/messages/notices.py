"""What the poster and the admins see after `decide()`: short, kind, specific, linked to the rules.

Kinds of detail are named ("a name and a date"), never the values. Every notice ends with a
link to the rules topic behind it (`Action.rule`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.messages.ids import (
    ACTION_ATTEST,
    ACTION_POST_REDACTED,
    ACTION_POST_REDACTED_OFFER,
    ACTION_WITHDRAW,
    BLOCK_CONFIRM_ACTIONS,
    BLOCK_OFFER_ACTIONS,
)
from bot.messages.kit import (
    Block,
    Message,
    actions,
    button,
    context,
    describe_kinds,
    link,
    message,
    section,
)
from bot.messages.override import override_block
from bot.policy import ActionKind, Content
from bot.rules import DEFAULT_DOCS_URL, topic

# Button labels (Slack allows 75 characters).
ATTEST_LABEL = "Patient consent is documented and this channel is approved"
POST_REDACTED_LABEL = "Post a de-identified version instead"
WITHDRAW_LABEL = "Withdraw"
OFFER_REDACTED_IMAGE_LABEL = "Post the redacted image"

SAFE_ALTERNATIVES = (
    'post a de-identified version (no names, dates, MRNs or exact ages: say "a patient in '
    'their 60s")',
    "use an approved clinical channel or your hospital's secure messaging",
)


def human_duration(seconds: int) -> str:
    """600 -> "10 minutes", 3600 -> "1 hour", 90 -> "90 seconds"."""
    for unit, size in (("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return f"{seconds} seconds"


def rules_footer(rule: str, base_url: str = DEFAULT_DOCS_URL) -> Block:
    """A context line linking to the rules topic that explains a notice."""
    found = topic(rule) if rule else None
    if found is None:
        return context(f"{link(base_url, 'Sharing rules')} · `/phi rules`")
    return context(f"Why? {link(found.url(base_url), found.title)} · `/phi rules {found.key}`")


def _what(content: Content) -> str:
    return {Content.IMAGE: "image", Content.UNSCANNABLE: "file"}.get(content, "message")


def block_notice(
    kinds: Sequence[str],
    *,
    rule: str,
    content: Content = Content.TEXT,
    removed: bool = True,
    offer_id: str | None = None,
    override_id: str | None = None,
    rules_url: str = DEFAULT_DOCS_URL,
) -> Message:
    """Ephemeral: the post was removed (or must be), what kinds were found, why, and what instead.

    `offer_id` (images) adds a button to post the redacted copy; its value is that opaque id.
    `override_id` (where the policy allows overrides) adds the button that opens the override
    modal (`bot.messages.override`).
    `removed=False` is the fallback without an admin token: ask the poster to delete it.
    """
    what = _what(content)
    found = describe_kinds(kinds)
    if removed:
        lead = f":no_entry: *I removed your {what}* because it contains {found}."
    else:
        lead = (
            f":warning: *Your {what} contains {found}.* I can't remove it myself, so please "
            "delete it now; the workspace admins have been told."
        )
    explained = topic(rule)
    why = explained.summary if explained else "Identifiable patient details can't be shared here."
    blocks: list[Block] = [
        section(f"{lead}\n{why}"),
        section("*Instead you can*\n" + "\n".join(f"• {a}" for a in SAFE_ALTERNATIVES)),
    ]
    if offer_id:
        blocks.append(
            actions(
                BLOCK_OFFER_ACTIONS,
                [
                    button(
                        OFFER_REDACTED_IMAGE_LABEL, ACTION_POST_REDACTED_OFFER, offer_id, "primary"
                    )
                ],
            )
        )
    if override_id:
        blocks.append(override_block(override_id))
    blocks.append(rules_footer(rule, rules_url))
    verb = "was removed" if removed else "needs removing"
    return message(f"Your {what} {verb}: it contains {found}.", blocks)


def confirm_prompt(
    kinds: Sequence[str],
    *,
    confirm_id: str,
    timeout_seconds: int,
    on_timeout: ActionKind = ActionKind.BLOCK,
    removed: bool = True,
    offer_redacted: bool = True,
    content: Content = Content.TEXT,
    rule: str = "consent",
    rules_url: str = DEFAULT_DOCS_URL,
) -> Message:
    """Ephemeral: the post is hidden; attest consent, post a de-identified copy, or withdraw.

    Every button's `value` is the opaque `confirm_id` and nothing else. `offer_redacted=False`
    drops the de-identify button where no copy can be made (unscannable files, failures).
    """
    what = _what(content)
    if content is Content.UNSCANNABLE:
        found = "a file phiwarden can't check"
        lead_found = "I can't check this type of file for patient details"
    elif content is Content.FAILURE:
        found = "content phiwarden couldn't finish checking"
        lead_found = "I couldn't finish checking it for patient details"
    else:
        found = describe_kinds(kinds)
        lead_found = f"it contains {found}"
    if removed:
        lead = f":lock: *I've hidden your {what} for now*: {lead_found}."
    else:
        lead = f":warning: *Please check your {what}*: {lead_found}. It is still visible."
    body = (
        f"{lead}\nIdentifiable details may be shared here only with the patient's documented "
        "consent, in a channel your institution has approved. What would you like to do?"
    )
    elements = [button(ATTEST_LABEL, ACTION_ATTEST, confirm_id, "primary")]
    if offer_redacted:
        elements.append(button(POST_REDACTED_LABEL, ACTION_POST_REDACTED, confirm_id))
    elements.append(button(WITHDRAW_LABEL, ACTION_WITHDRAW, confirm_id))
    then = (
        "a de-identified version is posted"
        if on_timeout is ActionKind.REDACT
        else f"your {what} stays removed"
    )
    blocks: list[Block] = [
        section(body),
        actions(BLOCK_CONFIRM_ACTIONS, elements),
        context(f"If you don't choose within {human_duration(timeout_seconds)}, {then}."),
        rules_footer(rule, rules_url),
    ]
    return message(f"Your {what} is on hold: {found}. Choose what to do.", blocks)


def _outcome(text: str, rule: str = "", rules_url: str = DEFAULT_DOCS_URL) -> Message:
    blocks: list[Block] = [section(text)]
    if rule:
        blocks.append(rules_footer(rule, rules_url))
    return message(_plain(text.split("\n", 1)[0]), blocks)


_EMOJI_CODE = re.compile(r":[a-z0-9_+-]+:")


def _plain(mrkdwn: str) -> str:
    """Notification fallback: emoji codes dropped whole, then bold/italic marks."""
    return re.sub(r"[*_]", "", _EMOJI_CODE.sub("", mrkdwn)).strip()


def restored_notice(removed: bool = True) -> Message:
    """Replaces the confirm prompt after a valid attestation (`removed`: the post had been hidden)."""
    where = "your post is back in the channel" if removed else "your post can stay"
    return _outcome(
        f":white_check_mark: *Thank you.* Your consent attestation is recorded and {where}."
    )


def overridden_notice() -> Message:
    """Replaces the block notice after an override with a justification put the post back."""
    return _outcome(
        ":white_check_mark: *Done.* Your post is back in the channel. The override and the "
        "fact that you justified it are recorded in the audit trail (your words are not)."
    )


def not_restored_notice() -> Message:
    """The hidden post's words could not be read back (its key is gone after a restart)."""
    return _outcome(
        "Your post could not be put back: phiwarden no longer holds it. It stays removed; "
        "post it again if it may be shared here."
    )


def withdrawn_notice(removed: bool = True) -> Message:
    if removed:
        return _outcome(":wastebasket: *Withdrawn.* Your post stays removed; nothing else to do.")
    return _outcome(
        ":wastebasket: *Withdrawn.* I couldn't remove your post myself, so please delete it now."
    )


def redacted_posted_notice() -> Message:
    """After "Post a de-identified version instead", or after a REDACT action."""
    return _outcome(
        ":white_check_mark: *Done.* A de-identified version was posted in your name; the "
        "original stays removed."
    )


def repost_failed_notice(refusal: str, *, redacted: bool = True) -> Message:
    """The original is removed but Slack refused the copy meant to replace it (`refusal`: the
    Slack error code, never content)."""
    safe = refusal if re.fullmatch(r"[a-z0-9_]{1,64}", refusal) else "unknown"
    if redacted:
        then = "Please post a version without patient identifiers yourself."
        copy = "the de-identified copy"
    else:
        then = "Please post it again yourself."
        copy = "your post back"
    return _outcome(
        f":warning: *Your post stays removed*: Slack would not take {copy} (`{safe}`). {then}"
    )


def redacted_notice(
    kinds: Sequence[str], rule: str = "identifiers", rules_url: str = DEFAULT_DOCS_URL
) -> Message:
    """Ephemeral to the poster after a REDACT: what was taken out, and why."""
    return _outcome(
        f":pencil2: *I replaced your message with a de-identified copy*: it contained "
        f"{describe_kinds(kinds)}. The copy is posted in your name.",
        rule,
        rules_url,
    )


def timed_out_notice(
    applied: ActionKind, removed: bool = True, rules_url: str = DEFAULT_DOCS_URL
) -> Message:
    """Replaces the confirm prompt when nobody answered in time and the default was applied."""
    if applied is ActionKind.REDACT:
        result = "so a de-identified version was posted instead of the original"
    elif removed:
        result = "so your post stays removed"
    else:
        result = "and I couldn't remove your post myself, so please delete it now"
    return _outcome(
        f":hourglass: *Time's up.* No choice was made in time, {result}.", "consent", rules_url
    )


def already_resolved_notice() -> Message:
    """For a button clicked after the request was handled, withdrawn or expired."""
    return _outcome(":information_source: This request has already been handled or has expired.")


def image_reminder(kinds: Sequence[str], rules_url: str = DEFAULT_DOCS_URL) -> Message:
    """Approved channels: the image stays, with a gentle nudge about its identifier banner."""
    text = (
        f":wave: *A quick check:* your image seems to show {describe_kinds(kinds)}. A name, MRN "
        "or birth-date banner at the edge of a screen is easy to miss. This channel is approved "
        "for patient details, so the image stays up; crop such details when the care team "
        "doesn't need them."
    )
    return message(
        "Your image seems to show identifying details.",
        [section(text), rules_footer("images", rules_url)],
    )


def setting_notice(
    kinds: Sequence[str],
    setting: str,
    *,
    removed: bool,
    replaced: bool = False,
    rules_url: str = DEFAULT_DOCS_URL,
) -> Message:
    """Patient details in a channel topic or purpose (description).

    phiwarden replaces the value with its de-identified copy where Slack lets it
    (`replaced`); otherwise the header keeps showing it until a member changes it, so the
    poster is asked to, and admins are alerted either way.
    """
    what = {"topic": "topic", "purpose": "description", "channel_name": "name"}.get(
        setting, "description"
    )
    found = describe_kinds(kinds)
    if replaced:
        lead = (
            f":warning: *The channel {what} you set contained {found}.* I replaced it with a "
            "copy without them. The workspace admins have been told."
        )
    else:
        lead = (
            f":warning: *The channel {what} you set contains {found}.* Please change it now: "
            "it stays on show at the top of the channel. The workspace admins have been told."
        )
    if removed:
        lead += " I removed the announcement of the change from the conversation."
    return message(
        f"The channel {what} you set contained {found}: I replaced it."
        if replaced
        else f"The channel {what} you set contains {found}: please change it.",
        [section(lead), rules_footer("external", rules_url)],
    )


def unscannable_notice(
    action: ActionKind, *, removed: bool = True, rules_url: str = DEFAULT_DOCS_URL
) -> Message:
    """A file phiwarden cannot read, blocked by the channel's unscannable policy.

    Never names the file: a file name can itself identify a patient. For a CONFIRM action use
    `confirm_prompt(..., content=Content.UNSCANNABLE, offer_redacted=False)` instead.
    """
    if removed and action is not ActionKind.NONE:
        lead = ":no_entry: *I removed your file* because I can't check this file type or size for patient details."
    else:
        lead = ":warning: *I can't check this file* for patient details. If it identifies a patient, please delete it."
    text = (
        f"{lead}\nImages (PNG, JPEG, HEIC) and DICOM files can be checked. Share other "
        "documents through your institution's approved systems."
    )
    return message(
        "A file could not be checked for patient details.",
        [section(text), rules_footer("checks", rules_url)],
    )


def failure_notice(
    action: ActionKind,
    *,
    removed: bool = True,
    too_long: bool = False,
    rules_url: str = DEFAULT_DOCS_URL,
) -> Message:
    """The checker failed and the channel fails closed: say so plainly, suggest a retry.

    `too_long`: nothing failed, the post holds more text than one check reads; a retry would
    meet the same limit, so the poster is asked to split it instead.
    """
    if too_long:
        done = (
            "so I removed it as a precaution"
            if removed and action is not ActionKind.NONE
            else ("please make sure it holds no patient identifiers")
        )
        text = (
            f":warning: *Your post is too long for me to check*, {done}.\nPlease split it into "
            "shorter posts."
        )
        return message(
            "Your post was too long to check.", [section(text), rules_footer("checks", rules_url)]
        )
    if removed and action is not ActionKind.NONE:
        lead = ":warning: *I couldn't finish checking your post*, so I removed it as a precaution."
    else:
        lead = ":warning: *I couldn't finish checking your post.* Please make sure it holds no patient identifiers."
    text = (
        f"{lead}\nPlease try again in a minute. If it keeps happening, let your Slack admins know."
    )
    return message(
        "Your post could not be checked.", [section(text), rules_footer("checks", rules_url)]
    )
