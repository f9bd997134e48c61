"""Personal Ed25519 signing keys: make one, wrap its private half under a key derived from the
user's password (AES-256-GCM), sign an audit event's canonical text, check a signature.

A signature as stored beside an event reads ``<fingerprint>:d:<base64 signature>``: made over
the database's identity and the event's canonical text, so that an event signed in a copy of
the database (staging, a restored backup given its own identity) does not verify in the
original. Signatures from before that binding read ``<fingerprint>:<base64 signature>`` (over
the canonical text alone). The fingerprint names the public key (the first 32 hex digits of
its SHA-256).
"""
from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

DOMAIN = b"riskdesk audit event v1\n"  # a signature over an event is good for nothing else
BOUND_DOMAIN = b"riskdesk audit event v2\n"  # ... and, since, for no other database either
BOUND = "d:"  # the mark of a signature bound to a database's identity


def _message(text: str, database: str | None) -> bytes:
    if database is None:
        return DOMAIN + text.encode("utf-8")
    return BOUND_DOMAIN + database.encode("utf-8") + b"\n" + text.encode("utf-8")


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(public_b64: str) -> str:
    return hashlib.sha256(base64.b64decode(public_b64)).hexdigest()[:32]


def valid_public_key(public_b64: object) -> bool:
    """Whether ``public_b64`` is the base64 of 32 raw bytes that load as an Ed25519 key."""
    if not isinstance(public_b64, str):
        return False
    try:
        raw = base64.b64decode(public_b64, validate=True)
        if len(raw) != 32:
            return False
        Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:  # binascii.Error is a ValueError
        return False
    return True


def grouped(fp: str) -> str:
    """A fingerprint in groups of four digits, for reading aloud."""
    return " ".join(fp[i:i + 4] for i in range(0, len(fp), 4))


@dataclass(frozen=True)
class Signer:
    """An unlocked private key, held in memory for a signed-in session only."""
    public_key: str  # base64 of the 32 raw bytes
    _key: Ed25519PrivateKey = field(repr=False, compare=False)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def sign(self, text: str, database: str | None = None) -> str:
        """``database``: the identity of the database the event is recorded in (None only
        for the unbound form of events signed before the binding, kept for tests)."""
        sig = base64.b64encode(self._key.sign(_message(text, database))).decode()
        return f"{self.fingerprint}:{BOUND if database is not None else ''}{sig}"


def new_signer() -> Signer:
    key = Ed25519PrivateKey.generate()
    return Signer(base64.b64encode(_raw_public(key.public_key())).decode(), key)


def _aad(user_id: int, public_key: str) -> bytes:
    return f"riskdesk signing key|{user_id}|{public_key}".encode()


def wrap(signer: Signer, kek: bytes, user_id: int) -> str:
    """The private half encrypted under ``kek`` (bound to the user and the public half)."""
    raw = signer._key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    nonce = os.urandom(12)
    return base64.b64encode(nonce + AESGCM(kek).encrypt(
        nonce, raw, _aad(user_id, signer.public_key))).decode()


def unwrap(wrapped: str, kek: bytes, user_id: int, public_key: str) -> Signer | None:
    """The signer, or None when the key does not open it (another password, another user)."""
    try:
        data = base64.b64decode(wrapped)
        raw = AESGCM(kek).decrypt(data[:12], data[12:], _aad(user_id, public_key))
    except (InvalidTag, ValueError):
        return None
    key = Ed25519PrivateKey.from_private_bytes(raw)
    if base64.b64encode(_raw_public(key.public_key())).decode() != public_key:
        return None
    return Signer(public_key, key)


def split(signature: str | None) -> tuple[str, str] | None:
    """(fingerprint, base64 signature) of a stored signature; None when there is none."""
    if not signature or ":" not in signature:
        return None
    fp, _, sig = signature.partition(":")
    return fp, sig


def is_bound(signature: str) -> bool:
    """Whether the signature part of :func:`split` was made over a database's identity."""
    return signature.startswith(BOUND)


def check(public_key: str, signature: str, text: str, database: str | None = None) -> bool:
    """Whether ``signature`` (the part after the fingerprint) is the key's over ``text``; a
    bound one over ``text`` in the database ``database`` (and never when that is None)."""
    bound = is_bound(signature)
    if bound and database is None:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key)).verify(
            base64.b64decode(signature[len(BOUND):] if bound else signature),
            _message(text, database if bound else None))
    except (InvalidSignature, ValueError):
        return False
    return True
