"""Held content at rest: the words of a post waiting for its scan or for its author, encrypted.

A scan job keeps the post's texts until it is scanned, and a pending confirm keeps the hidden
post until the poster answers or the timeout passes (both rows drop them when done). In
between they sit in the database, so they are sealed with Fernet (`cryptography`), the same
machinery as Slack tokens (`bot.store.crypto`): a copy of the database, its WAL or a backup
holds ciphertext only. Only the fields that can hold PHI are sealed (`SEALED_FIELDS`); ids,
kinds and flags stay readable so a record whose key is gone is still resolved safely.

The key never comes from the database. In order of preference:

1. `TOKEN_ENCRYPTION_KEY` (comma-separated for rotation; the first encrypts);
2. derived from `SLACK_SIGNING_SECRET` with HKDF-SHA256, so every replica of one deployment
   shares it without a new setting;
3. neither set (a Socket Mode run without a signing secret): a key made at start-up and held
   in memory only. Held posts then do not survive a restart: their record opens as
   "unreadable" and the post stays removed (the poster is told it could not be restored).

Records written under an earlier key choice still open while that key is available (the
derived key is always tried after `TOKEN_ENCRYPTION_KEY`).
"""

from __future__ import annotations

import base64
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from bot.errors import ConfigError

SEALED_KEY = "sealed"
UNREADABLE = "unreadable"
# Fields of a job or confirm payload that can hold what a person wrote (or a file's name).
SEALED_FIELDS = frozenset({"text", "parts", "redacted", "files"})
_HKDF_INFO = b"phiwarden held content v1"


def derived_key(secret: str) -> bytes:
    """A Fernet key from a secret the deployment already has (HKDF-SHA256, fixed info)."""
    raw = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO).derive(
        secret.encode()
    )
    return base64.urlsafe_b64encode(raw)


class PayloadSealer:
    """Seals the PHI-bearing fields of a payload dict into one Fernet token, and opens it."""

    def __init__(self, token_keys: str | None = None, signing_secret: str | None = None) -> None:
        keys: list[bytes] = []
        if token_keys and token_keys.strip():
            try:
                keys += [k.strip().encode() for k in token_keys.split(",") if k.strip()]
                fernets = [Fernet(k) for k in keys]
            except (ValueError, TypeError) as exc:
                raise ConfigError(
                    "TOKEN_ENCRYPTION_KEY is not a valid Fernet key (32 url-safe base64 bytes)"
                ) from exc
        else:
            fernets = []
        if signing_secret:
            fernets.append(Fernet(derived_key(signing_secret)))
        self.ephemeral = not fernets
        if self.ephemeral:
            fernets.append(Fernet(Fernet.generate_key()))
        self._fernet = MultiFernet(fernets)

    @property
    def source(self) -> str:
        """Where the encrypting key comes from (for the start-up log line and docs)."""
        return "memory" if self.ephemeral else "environment"

    def seal(self, payload: dict[str, Any] | None) -> dict[str, Any] | None:
        if payload is None:
            return None
        held = {k: v for k, v in payload.items() if k in SEALED_FIELDS}
        rest = {k: v for k, v in payload.items() if k not in SEALED_FIELDS}
        if held:
            blob = json.dumps(held, separators=(",", ":"), ensure_ascii=False).encode()
            rest[SEALED_KEY] = self._fernet.encrypt(blob).decode()
        return rest

    def open(self, stored: dict[str, Any] | None) -> dict[str, Any]:
        """The payload as it was sealed; a record this process cannot decrypt comes back with
        its readable fields and `unreadable: True` (never an exception with content in it)."""
        if not stored:
            return {}
        out = dict(stored)
        token = out.pop(SEALED_KEY, None)
        if not isinstance(token, str):
            return out  # written before sealing existed (or nothing was held)
        try:
            held = json.loads(self._fernet.decrypt(token.encode()))
        except (InvalidToken, ValueError):
            out[UNREADABLE] = True
            return out
        if isinstance(held, dict):
            out.update(held)
        return out
