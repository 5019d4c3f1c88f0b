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
# Button on a block notice where the policy allows it: override the block with a written
# justification (opens the override modal). `value` is an opaque override id.
ACTION_OVERRIDE = "phiwarden_override"

BLOCK_CONFIRM_ACTIONS = "phiwarden_confirm_actions"
BLOCK_OFFER_ACTIONS = "phiwarden_offer_actions"
BLOCK_OVERRIDE_ACTIONS = "phiwarden_override_actions"

# The consent modal: callback_id, and private_metadata carries the confirm_id.
VIEW_CONSENT = "phiwarden_consent"
# The override modal: callback_id; private_metadata carries the override id; one text input.
VIEW_OVERRIDE = "phiwarden_override"
BLOCK_OVERRIDE_JUSTIFICATION = "phiwarden_override_justification"
ACTION_OVERRIDE_JUSTIFICATION = "phiwarden_override_justification_input"

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

# App Home settings (admins only): the buttons, the modals' callback_ids, and their inputs.
BLOCK_HOME_SETTINGS = "phiwarden_home_settings"
BLOCK_HOME_SETTINGS_ACTIONS = "phiwarden_home_settings_actions"
ACTION_SETTINGS_ALERTS = "phiwarden_settings_alerts"
ACTION_SETTINGS_TERM_ADD = "phiwarden_settings_term_add"
ACTION_SETTINGS_TERM_REMOVE = "phiwarden_settings_term_remove"
ACTION_SETTINGS_DEFAULT_POLICY = "phiwarden_settings_default_policy"
ACTION_SETTINGS_CHANNEL_POLICY = "phiwarden_settings_channel_policy"
ACTION_SETTINGS_SWEEP = "phiwarden_settings_sweep"
SETTINGS_ACTION_IDS = (
    ACTION_SETTINGS_ALERTS,
    ACTION_SETTINGS_TERM_ADD,
    ACTION_SETTINGS_TERM_REMOVE,
    ACTION_SETTINGS_DEFAULT_POLICY,
    ACTION_SETTINGS_CHANNEL_POLICY,
    ACTION_SETTINGS_SWEEP,
)
VIEW_SETTINGS_ALERTS = "phiwarden_settings_alerts_view"
VIEW_SETTINGS_TERM_ADD = "phiwarden_settings_term_add_view"
VIEW_SETTINGS_TERM_REMOVE = "phiwarden_settings_term_remove_view"
VIEW_SETTINGS_PICK_CHANNEL = "phiwarden_settings_pick_channel_view"
VIEW_SETTINGS_POLICY = "phiwarden_settings_policy_view"
VIEW_SETTINGS_SWEEP = "phiwarden_settings_sweep_view"
SETTINGS_VIEW_IDS = (
    VIEW_SETTINGS_ALERTS,
    VIEW_SETTINGS_TERM_ADD,
    VIEW_SETTINGS_TERM_REMOVE,
    VIEW_SETTINGS_PICK_CHANNEL,
    VIEW_SETTINGS_POLICY,
    VIEW_SETTINGS_SWEEP,
)
BLOCK_SET_ALERT_CHANNEL = "phiwarden_set_alert_channel"
BLOCK_SET_CHANNEL = "phiwarden_set_channel"
ACTION_SET_CONVERSATION = "phiwarden_set_conversation"
BLOCK_SET_TERM_KIND = "phiwarden_set_term_kind"
ACTION_SET_TERM_KIND = "phiwarden_set_term_kind_radio"
BLOCK_SET_TERM = "phiwarden_set_term"
ACTION_SET_TERM = "phiwarden_set_term_input"
BLOCK_SET_TERM_REMOVE = "phiwarden_set_term_remove"
ACTION_SET_TERM_REMOVE = "phiwarden_set_term_remove_select"
BLOCK_SET_TEXT = "phiwarden_set_text"
BLOCK_SET_IMAGES = "phiwarden_set_images"
BLOCK_SET_UNSCANNABLE = "phiwarden_set_unscannable"
BLOCK_SET_FAILURE = "phiwarden_set_failure"
ACTION_SET_TEXT = "phiwarden_set_text_select"
ACTION_SET_IMAGES = "phiwarden_set_images_select"
ACTION_SET_UNSCANNABLE = "phiwarden_set_unscannable_select"
ACTION_SET_FAILURE = "phiwarden_set_failure_select"
BLOCK_SET_TIMEOUT = "phiwarden_set_timeout"
ACTION_SET_TIMEOUT = "phiwarden_set_timeout_input"
BLOCK_SET_FLAGS = "phiwarden_set_flags"
ACTION_SET_FLAGS = "phiwarden_set_flags_checkboxes"
BLOCK_SWEEP_CHANNEL = "phiwarden_sweep_channel"
BLOCK_SWEEP_WINDOW = "phiwarden_sweep_window"
ACTION_SWEEP_WINDOW = "phiwarden_sweep_window_select"
BLOCK_SWEEP_MODE = "phiwarden_sweep_mode"
ACTION_SWEEP_MODE = "phiwarden_sweep_mode_radio"
BLOCK_SET_RISK = "phiwarden_set_risk"
ACTION_SET_RISK = "phiwarden_set_risk_checkbox"

ALL_ACTION_IDS = (
    ACTION_ATTEST,
    ACTION_POST_REDACTED,
    ACTION_WITHDRAW,
    ACTION_POST_REDACTED_OFFER,
    ACTION_OVERRIDE,
    ACTION_OVERRIDE_JUSTIFICATION,
    ACTION_CONSENT_POINT,
    ACTION_INTENDED_USE,
    ACTION_CHANNEL_APPROVED,
    *SETTINGS_ACTION_IDS,
)
