"""`TokenCipher`: tokens at rest are Fernet ciphertext; keys rotate; no key, no storing."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from bot.errors import ConfigError
from bot.store.crypto import TokenCipher

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()
TOKEN = "xoxb-synthetic-0000"


def test_when_a_token_is_stored_then_only_ciphertext_is_kept_and_it_reads_back() -> None:
    cipher = TokenCipher(OLD)
    sealed = cipher.encrypt(TOKEN)
    assert sealed is not None and TOKEN not in sealed
    assert cipher.decrypt(sealed) == TOKEN


def test_when_keys_rotate_then_old_tokens_still_read_and_new_ones_use_the_first_key() -> None:
    old_sealed = TokenCipher(OLD).encrypt(TOKEN)
    rotated = TokenCipher(f"{NEW}, {OLD}")
    assert rotated.decrypt(old_sealed) == TOKEN
    new_sealed = rotated.encrypt(TOKEN)
    assert TokenCipher(NEW).decrypt(new_sealed) == TOKEN  # the first key encrypted it


def test_when_the_key_that_sealed_a_token_is_gone_then_the_error_says_how_to_rotate() -> None:
    sealed = TokenCipher(OLD).encrypt(TOKEN)
    with pytest.raises(ConfigError, match="list the new key first") as caught:
        TokenCipher(NEW).decrypt(sealed)
    assert TOKEN not in str(caught.value)


@pytest.mark.parametrize("keys", ["", "   "])
def test_when_no_key_is_set_then_nothing_can_be_stored(keys: str) -> None:
    cipher = TokenCipher(keys)
    assert not cipher.configured
    assert cipher.encrypt(None) is None and cipher.decrypt(None) is None  # no token: fine
    with pytest.raises(ConfigError, match="TOKEN_ENCRYPTION_KEY is not set"):
        cipher.encrypt(TOKEN)


def test_when_the_key_is_not_a_fernet_key_then_start_up_is_refused() -> None:
    with pytest.raises(ConfigError, match="not a valid Fernet key"):
        TokenCipher("not-a-key")


def test_when_no_keys_are_given_then_the_environment_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TOKEN_ENCRYPTION_KEY", OLD)
    assert TokenCipher().configured
