"""Step 4: carry out an `Action` in Slack, each step once.

Remove the original (needs the admin user token for people's posts; without it the poster is
warned and admins are alerted), repost a de-identified copy, hold the post for consent, and
tell the poster why. Every Slack side effect carries an idempotency key made of the job id
and the step, so a job that is retried after a crash never posts twice.
"""

from __future__ import annotations

from bot import metrics
from bot.flow import files as files_flow
from bot.flow.confirms import Confirms, Found
from bot.flow.deps import FlowDeps
from bot.flow.files import FileOutcome
from bot.flow.intake import job_parts
from bot.flow.notify import Notifier
from bot.messages import notices, reposts
from bot.messages.admin_alerts import AlertReason
from bot.messages.kit import Message
from bot.messages.reposts import FileRepost, Repost, fits
from bot.policy import Action, ActionKind, ChannelClass, ChannelPolicy, Content, decide_timeout
from bot.slack.content import message_text
from bot.slack.gateway import Removal
from bot.store.api import ScanJob


class Enforcer:
    """Does what `policy.decide()` said for one scanned post."""

    def __init__(self, deps: FlowDeps, notify: Notifier, confirms: Confirms) -> None:
        self.deps, self.notify, self.confirms = deps, notify, confirms

    async def carry_out(
        self,
        job: ScanJob,
        action: Action,
        found: Found,
        redacted: str | None,
        channel_class: ChannelClass,
        content: Content,
        policy: ChannelPolicy,
        outcomes: list[FileOutcome] | None = None,
    ) -> bool:
        """Do what `action` says; returns whether the original post was removed."""
        outcomes = outcomes or []
        rules_url = self.deps.settings.rules_url  # every notice links the deployment's rules
        if action.kind is ActionKind.NONE:
            if action.alert_admins:
                await self.notify.alert(
                    job, action, found.kinds, removed=False, reason=_failure_reason(found)
                )
            return False
        p = job.payload
        key, channel, user = job.job_id, job.channel_id, str(p["user"])
        thread_ts = p.get("thread_ts")
        kinds = found.kinds
        gateway = self.deps.gateway
        if action.kind is ActionKind.REMIND:
            await self.notify.tell(
                f"{key}:remind", job, notices.image_reminder(kinds, rules_url=rules_url)
            )
            metrics.ACTIONS.labels(action="remind").inc()
            return False
        can_redact = (
            (redacted is not None) if content is Content.TEXT else any(o.redacted for o in outcomes)
        )
        safe_text = redacted if redacted is not None else message_text(job_parts(p))
        plan: FileRepost | Repost | None = None
        if action.kind is ActionKind.REDACT and can_redact:
            # Built and checked against Slack's limits before anything is removed: an original
            # is never deleted for a copy Slack would refuse.
            plan = (
                reposts.file_repost(user, safe_text, redacted=True, rules_url=rules_url)
                if outcomes
                else reposts.redact_repost(safe_text, user_id=user, rules_url=rules_url)
            )
            if not fits(plan):
                can_redact, plan = False, None
        if action.kind is ActionKind.REDACT and not can_redact:
            action = action.model_copy(update={"kind": ActionKind.BLOCK, "repost_redacted": False})
        removal = Removal(False)
        if action.remove_original:
            removal = await gateway.delete_user_message(channel, str(p["ts"]), team_id=job.team_id)
        removed = removal.removed
        msg: Message
        keep_files = False
        if action.kind is ActionKind.REDACT:
            if removed and plan is not None:
                done = await self.notify.repost_planned(
                    f"{key}:repost",
                    job.team_id,
                    channel,
                    thread_ts,
                    plan,
                    lambda where, comment: files_flow.upload_outcomes(
                        self.deps, f"{key}:repost", job.team_id, channel, where, outcomes, comment
                    ),
                    broadcast=bool(p.get("broadcast")),
                )
                msg = (
                    notices.repost_failed_notice(done.refusal)
                    if done.refusal
                    else notices.redacted_posted_notice()
                )
            else:
                msg = notices.block_notice(
                    kinds, rule=action.rule, removed=False, rules_url=rules_url
                )
        elif action.kind is ActionKind.CONFIRM:
            keep_files = True  # downloaded again when the poster answers; deleted after that
            on_timeout = decide_timeout(channel_class, policy, content).kind
            confirm_id = await self.confirms.save_pending(
                job, action, found, redacted, removed, on_timeout, outcomes
            )
            msg = notices.confirm_prompt(
                kinds,
                confirm_id=confirm_id,
                timeout_seconds=action.confirm_timeout_seconds or 600,
                on_timeout=on_timeout,
                removed=removed,
                offer_redacted=can_redact,
                content=content,
                rule=action.rule or "consent",
                rules_url=rules_url,
            )
        elif p.get("setting"):
            # The header keeps showing the value until it changes: put the de-identified value
            # there (empty when the scan failed and there is none), as the poster would have to.
            replaced = await gateway.replace_setting(
                channel, str(p["setting"]), redacted or "", team_id=job.team_id
            )
            msg = notices.setting_notice(
                kinds, str(p["setting"]), removed=removed, replaced=replaced, rules_url=rules_url
            )
        elif content is Content.UNSCANNABLE:
            msg = notices.unscannable_notice(action.kind, removed=removed, rules_url=rules_url)
        elif content is Content.FAILURE:
            msg = notices.failure_notice(
                action.kind, removed=removed, too_long=found.too_long, rules_url=rules_url
            )
        else:
            offer_id = None
            if action.offer_redacted and removed and any(o.redacted for o in outcomes):
                offer_id = await self.confirms.save_pending(
                    job, action, found, redacted, removed, ActionKind.BLOCK, outcomes, offer=True
                )
                keep_files = True  # the offer downloads them again; deleted once it is settled
            override_id = None
            if action.offer_override and removed:
                override_id = await self.confirms.save_pending(
                    job, action, found, redacted, removed, ActionKind.BLOCK, outcomes, override=True
                )
                keep_files = True  # an override reposts them; deleted once it is settled
            msg = notices.block_notice(
                kinds,
                rule=action.rule,
                content=content,
                removed=removed,
                offer_id=offer_id,
                override_id=override_id,
                rules_url=rules_url,
            )
        await self.notify.tell(f"{key}:notice", job, msg)
        if not removed:
            await self.notify.alert(
                job,
                action,
                kinds,
                removed=False,
                reason=AlertReason.CANNOT_REMOVE,
                refusal=removal.refusal,  # what chat.delete answered, told to admins
            )
        elif action.alert_admins:
            reason = (
                _failure_reason(found)
                if content is Content.FAILURE
                else AlertReason.SETTING
                if p.get("setting")
                else AlertReason.EXTERNAL
            )
            await self.notify.alert(job, action, kinds, removed=True, reason=reason)
        if removed and not keep_files:
            await self.notify.remove_files(
                key, job.team_id, channel, user, files_flow.blocked_ids(outcomes)
            )
        if removed and action.kind is not ActionKind.CONFIRM:  # a held post's: `confirms`
            await self.notify.keep_canvases(
                key, job.team_id, channel, user, files_flow.kept_canvas_ids(outcomes)
            )
        metrics.ACTIONS.labels(action=str(action.kind)).inc()
        return removed


def _failure_reason(found: Found) -> AlertReason:
    """A post too long for one scan is not a detector failure: admins are told which it was."""
    return AlertReason.TOO_LONG if found.too_long else AlertReason.DETECTOR_FAILURE
