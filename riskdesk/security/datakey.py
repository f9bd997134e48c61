"""The data key that encrypts national ID numbers, phones and bank cards.

A random 256-bit master key per database lives in the OS keyring (service
``riskdesk-data-key``, entry = key id); the database stores only the key id and a check value.
Two keys are derived from it with HKDF: one for AES-256-GCM, one for the HMAC-SHA256 search
hashes. The field name is bound into both, so a ciphertext or hash cannot be moved to another
column. If the key is lost the ciphertexts cannot be read; masked forms, hashes (grouping and
exact search of a value you already know) and everything else remain. See docs/keys.md.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from collections.abc import Iterable, Sequence

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlmodel import Session, col, select

from riskdesk.config import KEYRING_KEY_SERVICE
from riskdesk.domain.keys import DataKey
from riskdesk.errors import KeyUnavailable
from riskdesk.i18n import translate
from riskdesk.storage.clock import utcnow

_NONCE = 12
_CHECK_TEXT = b"riskdesk data key check"


def _derive(master: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master)


class DataCipher:
    """Encrypts with the active data key, decrypts with whichever key a value was written
    under, and hashes with the search key (the database's first key: see rotate_key)."""

    def __init__(self, key_id: str, master: bytes, *, search_master: bytes | None = None,
                 older: dict[str, bytes] | None = None) -> None:
        self.key_id = key_id
        self._aead = AESGCM(_derive(master, b"riskdesk/aes-gcm/v1"))
        self._older = [AESGCM(_derive(m, b"riskdesk/aes-gcm/v1"))
                       for k, m in (older or {}).items() if k != key_id]
        self._check_key = _derive(master, b"riskdesk/hmac/v1")
        self._mac_key = _derive(search_master or master, b"riskdesk/hmac/v1")
        # HMAC-SHA256 (RFC 2104) with the padded key states hashed once per key, not per value.
        block = self._mac_key.ljust(64, b"\0")
        self._inner = hashlib.sha256(bytes(b ^ 0x36 for b in block))
        self._outer = hashlib.sha256(bytes(b ^ 0x5C for b in block))

    @property
    def check_value(self) -> str:
        return hmac.new(self._check_key, _CHECK_TEXT, hashlib.sha256).hexdigest()

    def encrypt(self, field: str, value: str) -> bytes:
        nonce = os.urandom(_NONCE)
        return nonce + self._aead.encrypt(nonce, value.encode(), field.encode())

    def decrypt(self, field: str, blob: bytes) -> str:
        """AES-GCM authenticates: a value under another key fails cleanly, then the older
        keys of a rotation are tried."""
        from cryptography.exceptions import InvalidTag

        for aead in (self._aead, *self._older):
            try:
                return aead.decrypt(blob[:_NONCE], blob[_NONCE:], field.encode()).decode()
            except InvalidTag:
                continue
        raise KeyUnavailable(translate(
            "Keys", "A stored value cannot be decrypted with the data keys this computer "
            "holds (another key, or a value moved from another column)."))

    def encrypt_bytes(self, aad: str, data: bytes) -> bytes:
        """A file's bytes (evidence files): a fresh nonce, ``aad`` bound in (what the bytes
        belong to, so a ciphertext cannot be moved to another record)."""
        nonce = os.urandom(_NONCE)
        return nonce + self._aead.encrypt(nonce, data, aad.encode())

    def decrypt_bytes(self, aad: str, blob: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag

        for aead in (self._aead, *self._older):
            try:
                return aead.decrypt(blob[:_NONCE], blob[_NONCE:], aad.encode())
            except InvalidTag:
                continue
        raise KeyUnavailable(translate(
            "Keys", "A stored file cannot be decrypted with the data keys this computer holds "
            "(another key, or a file moved from another record)."))

    def digest(self, field: str, value: str) -> str:
        return self.digest_many(field, [value])[0]

    def encrypt_many(self, field: str, values: Sequence[str]) -> list[bytes]:
        """One random draw for all nonces (96 bits each, as for single values)."""
        encrypt, ad = self._aead.encrypt, field.encode()
        pool = os.urandom(_NONCE * len(values))
        nonces = [pool[i:i + _NONCE] for i in range(0, len(pool), _NONCE)]
        return [nonce + encrypt(nonce, v.encode(), ad) for nonce, v in
                zip(nonces, values, strict=True)]

    def digest_many(self, field: str, values: Iterable[str]) -> list[str]:
        """HMAC-SHA256 of ``field:value`` for each value; a third of the cost of one
        ``hmac.digest`` call per value on a million rows."""
        inner = self._inner.copy()
        inner.update(f"{field}:".encode())
        icopy, ocopy = inner.copy, self._outer.copy
        out = []
        for v in values:
            i = icopy()
            i.update(v.encode())
            o = ocopy()
            o.update(i.digest())
            out.append(o.hexdigest())
        return out


def _keyring_get(key_id: str) -> bytes | None:
    import keyring  # loaded when a key is read, not with every module that encrypts (issue 35)
    import keyring.errors

    try:
        raw = keyring.get_password(KEYRING_KEY_SERVICE, key_id)
    except keyring.errors.KeyringError as exc:
        raise KeyUnavailable(
            translate("Keys", "The OS keyring cannot be read: {error}").format(error=exc)
        ) from exc
    return base64.b64decode(raw) if raw else None


def _keyring_set(key_id: str, master: bytes) -> None:
    import keyring
    import keyring.errors

    try:
        keyring.set_password(KEYRING_KEY_SERVICE, key_id, base64.b64encode(master).decode())
    except keyring.errors.KeyringError as exc:
        raise KeyUnavailable(
            translate("Keys", "The OS keyring cannot store the data key: {error}").format(
                error=exc
            )
        ) from exc


def export_key(key_id: str) -> str:
    """The base64 master key for escrow (an admin action, audited by the caller)."""
    master = _keyring_get(key_id)
    if master is None:
        raise KeyUnavailable(_missing_message(key_id))
    return base64.b64encode(master).decode()


def import_key(key_id: str, encoded: str) -> None:
    _keyring_set(key_id, base64.b64decode(encoded))


def _missing_message(key_id: str) -> str:
    return translate(
        "Keys",
        "Data key {key_id} is not in this computer's keyring. Restore it from the escrow copy "
        "with `riskdesk key import` (see docs/keys.md); without it encrypted personal data "
        "cannot be read.",
    ).format(key_id=key_id)


def _checked(row: DataKey) -> bytes:
    stored = _keyring_get(row.key_id)
    if stored is None:
        raise KeyUnavailable(_missing_message(row.key_id))
    if not hmac.compare_digest(DataCipher(row.key_id, stored).check_value, row.check_value):
        raise KeyUnavailable(
            translate(
                "Keys", "The keyring holds a different key under the id {key_id} than the one "
                "this database was encrypted with."
            ).format(key_id=row.key_id)
        )
    return stored


def new_key(session: Session) -> DataCipher:
    """A fresh master key in the keyring and its row (not yet active)."""
    key_id = "dk-" + secrets.token_hex(6)
    master = secrets.token_bytes(32)
    _keyring_set(key_id, master)
    cipher = DataCipher(key_id, master)
    session.add(DataKey(key_id=key_id, check_value=cipher.check_value, active=False,
                        created_at=utcnow(session)))
    session.flush()
    return cipher


def load_cipher(session: Session, *, create: bool = True) -> DataCipher:
    """The database's data keys: the active one encrypts, the first one (the search key)
    hashes, any other still in the keyring decrypts values a rotation has not reached."""
    rows = list(session.exec(select(DataKey).order_by(col(DataKey.created_at),
                                                      col(DataKey.key_id))))
    active = next((r for r in rows if r.active), None)
    if active is None:
        if rows:
            raise KeyUnavailable(translate("Keys", "This database has no active data key."))
        if not create:
            raise KeyUnavailable(translate("Keys", "This database has no data key yet."))
        cipher = new_key(session)
        row = session.get(DataKey, cipher.key_id)
        assert row is not None
        row.active = True
        session.flush()
        return cipher
    master = _checked(active)
    search = master if rows[0].key_id == active.key_id else _checked(rows[0])
    older = {}
    for r in rows:
        if r.key_id != active.key_id:
            stored = _keyring_get(r.key_id)
            if stored is not None:
                older[r.key_id] = stored
    return DataCipher(active.key_id, master, search_master=search, older=older)


def database_keys(session: Session) -> list[tuple[str, str]]:
    """Every key of this database (id, base64) for escrow: the active one, the search key
    and those a rotation still needs."""
    return [(r.key_id, export_key(r.key_id)) for r in session.exec(
        select(DataKey).order_by(col(DataKey.created_at), col(DataKey.key_id)))]
