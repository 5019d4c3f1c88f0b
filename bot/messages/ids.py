"""Every `action_id`, `callback_id` and `block_id` phiwarden puts on a Slack surface.

Handlers register listeners with these names, so they live in one place. All start with
`phiwarden_` so they never collide with another app's ids in a shared workspace.
"""

from __future__ import annotations

PREFIX = "phiwarden_"

# Buttons on the confirm prompt (ephemeral). Each button's `value` is the opaque confirm_id.
ACTION_ATTEST = "phiwarden_attest"  # opens the consent modal
ACTION_POST_REDACTED = "phiwarden_post_redacted"  # post the de-identified version instead
ACTION_WITHDRAW = "phiwarden_withdraw"  # keep the post removed
# Button on a block notice for an image: post the redacted copy. `value` is an opaque offer id.
ACTION_POST_REDACTED_OFFER = "phiwarden_post_redacted_offer"
CONFIRM_ACTION_IDS = (ACTION_ATTEST, ACTION_POST_REDACTED, ACTION_WITHDRAW)

BLOCK_CONFIRM_ACTIONS = "phiwarden_confirm_actions"
BLOCK_OFFER_ACTIONS = "phiwarden_offer_actions"

# The consent modal: callback_id, and private_metadata carries the confirm_id.
VIEW_CONSENT = "phiwarden_consent"

# One required input block per consent point, so Slack itself refuses to submit the form until
# every point is ticked; `validate_consent_submission` checks again on our side.
BLOCK_CONSENT_USES = "phiwarden_consent_uses"
BLOCK_CONSENT_SHOWN = "phiwarden_consent_shown"
BLOCK_CONSENT_PERMANENCE = "phiwarden_consent_permanence"
BLOCK_CONSENT_WRITTEN = "phiwarden_consent_written"
BLOCK_CONSENT_SEPARATE = "phiwarden_consent_separate"
BLOCK_CONSENT_CARE = "phiwarden_consent_care"
CONSENT_POINT_BLOCKS = (
    BLOCK_CONSENT_USES,
    BLOCK_CONSENT_SHOWN,
    BLOCK_CONSENT_PERMANENCE,
    BLOCK_CONSENT_WRITTEN,
    BLOCK_CONSENT_SEPARATE,
    BLOCK_CONSENT_CARE,
)
ACTION_CONSENT_POINT = "phiwarden_consent_point"  # the checkbox inside each point block
CONSENT_POINT_VALUE = "yes"

BLOCK_INTENDED_USE = "phiwarden_intended_use"
ACTION_INTENDED_USE = "phiwarden_intended_use_select"

BLOCK_CHANNEL_APPROVED = "phiwarden_channel_approved"
ACTION_CHANNEL_APPROVED = "phiwarden_channel_approved_radio"

# App Home: the block that lists rules topics, and the admin sections.
BLOCK_HOME_RULES = "phiwarden_home_rules"
BLOCK_HOME_POLICIES = "phiwarden_home_policies"
BLOCK_HOME_COUNTS = "phiwarden_home_counts"

ALL_ACTION_IDS = (
    ACTION_ATTEST,
    ACTION_POST_REDACTED,
    ACTION_WITHDRAW,
    ACTION_POST_REDACTED_OFFER,
    ACTION_CONSENT_POINT,
    ACTION_INTENDED_USE,
    ACTION_CHANNEL_APPROVED,
)
