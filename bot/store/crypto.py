"""Encryption of Slack tokens at rest (Fernet: AES-128-CBC + HMAC-SHA256, from `cryptography`).

The key comes from `TOKEN_ENCRYPTION_KEY` and never from the database, so a stolen database
copy holds no usable token. Several comma-separated keys allow rotation: the first encrypts,
any of them decrypts (`MultiFernet`). Generate a key with::

    python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"
"""

from __future__ import annotations

import os

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.errors import ConfigError

ENV_VAR = "TOKEN_ENCRYPTION_KEY"
_HOW = (
    'generate one with: python -c "from cryptography.fernet import Fernet; '
    'print(Fernet.generate_key().decode())"'
)


class TokenCipher:
    """Encrypts and decrypts token strings; `None` passes through (no token to protect)."""

    def __init__(self, keys: str | None = None) -> None:
        raw = keys if keys is not None else os.environ.get(ENV_VAR)
        self._fernet: MultiFernet | None = None
        if raw and raw.strip():
            try:
                self._fernet = MultiFernet(
                    [Fernet(k.strip().encode()) for k in raw.split(",") if k.strip()]
                )
            except (ValueError, TypeError) as exc:
                raise ConfigError(
                    f"{ENV_VAR} is not a valid Fernet key (32 url-safe base64 bytes); {_HOW}"
                ) from exc

    @property
    def configured(self) -> bool:
        return self._fernet is not None

    def _require(self) -> MultiFernet:
        if self._fernet is None:
            raise ConfigError(
                f"{ENV_VAR} is not set, so Slack tokens cannot be stored encrypted; {_HOW}"
            )
        return self._fernet

    def encrypt(self, token: str | None) -> str | None:
        if token is None:
            return None
        return self._require().encrypt(token.encode()).decode()

    def decrypt(self, ciphertext: str | None) -> str | None:
        if ciphertext is None:
            return None
        try:
            return self._require().decrypt(ciphertext.encode()).decode()
        except InvalidToken:
            raise ConfigError(
                f"a stored token cannot be decrypted with {ENV_VAR}; if the key was rotated, "
                "list the new key first and the old one after it, comma-separated"
            ) from None
