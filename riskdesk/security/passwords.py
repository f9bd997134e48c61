"""Password hashing with argon2id (RFC 9106 defaults from argon2-cffi).

A password is stretched once per sign-in, and that one argon2id run gives two things: the
verifier stored in ``app_user.password_hash`` and the key that wraps the user's private signing
key (services/admin/signing_keys.py). Both come from the same 64-byte argon2id output through
HMAC-SHA256 under different labels, so the stored verifier tells nothing about the wrapping
key, and sign-in pays for one slow KDF, not two. Stored as
``$rdkek1$argon2id$v=19$m=...,t=...,p=...$<salt>$<verifier>`` (base64 without padding).
Hashes of the older plain argon2-cffi form (``$argon2id$...``) still verify; sign-in replaces
them (``needs_rehash``).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import Type, hash_secret_raw

# The parameters new hashes get: argon2-cffi's RFC 9106 defaults (64 MiB, t=3, p=4). There is
# no setting or environment variable for them. The test suite's conftest replaces this object
# in its own processes only (tests/conftest.py, tests/core/test_users.py checks a fresh process
# gets these); checking a password always uses the parameters stored in its hash.
_hasher = PasswordHasher()
MIN_LENGTH = 8
PREFIX = "$rdkek1$argon2id$v=19$"
_RAW_LEN = 64


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def _params() -> tuple[int, int, int]:
    return _hasher.memory_cost, _hasher.time_cost, _hasher.parallelism


def _stretch(password: str, salt: bytes, m: int, t: int, p: int) -> tuple[bytes, bytes]:
    """(verifier, key-wrapping key) from one argon2id run."""
    raw = hash_secret_raw(password.encode("utf-8"), salt, time_cost=t, memory_cost=m,
                          parallelism=p, hash_len=_RAW_LEN, type=Type.ID)
    return (hmac.new(raw, b"riskdesk password verifier", hashlib.sha256).digest(),
            hmac.new(raw, b"riskdesk signing key wrap", hashlib.sha256).digest())


def hash_password(password: str) -> str:
    return hash_and_key(password)[0]


def hash_and_key(password: str) -> tuple[str, bytes]:
    """A new stored hash and the key-wrapping key that goes with it."""
    m, t, p = _params()
    salt = os.urandom(16)
    verifier, kek = _stretch(password, salt, m, t, p)
    return f"{PREFIX}m={m},t={t},p={p}${_b64(salt)}${_b64(verifier)}", kek


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    if not stored.startswith(PREFIX):
        return None
    try:
        params, salt, verifier = stored[len(PREFIX):].split("$")
        values = dict(item.split("=", 1) for item in params.split(","))
        return (int(values["m"]), int(values["t"]), int(values["p"]), _unb64(salt),
                _unb64(verifier))
    except (ValueError, KeyError):
        return None


def unlock(stored_hash: str, password: str) -> bytes | None:
    """The key-wrapping key when ``password`` is right (None when it is not, or when the hash
    is of the older form, which holds no key: see :func:`needs_rehash`)."""
    parsed = _parse(stored_hash)
    if parsed is None:
        return None
    m, t, p, salt, verifier = parsed
    mine, kek = _stretch(password, salt, m, t, p)
    return kek if hmac.compare_digest(mine, verifier) else None


def verify_password(stored_hash: str, password: str) -> bool:
    if stored_hash.startswith(PREFIX):
        return unlock(stored_hash, password) is not None
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    parsed = _parse(stored_hash)
    return parsed is None or parsed[:3] != (*_params(),)
