"""Personal data: encryption, keyed hashes, masks, and no plain values on disk (issue 3)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from sqlalchemy import Engine, select

from riskdesk.config import KEYRING_KEY_SERVICE
from riskdesk.domain.applications import Applicant, Application
from riskdesk.errors import KeyUnavailable
from riskdesk.security.datakey import DataCipher, load_cipher
from riskdesk.security.masking import mask_card, mask_id_no, mask_name, mask_phone
from riskdesk.services.actor import Actor
from riskdesk.services.intake.applications import import_frame
from riskdesk.storage.session import unit_of_work
from tests.helpers import sample


def test_masks() -> None:
    assert mask_id_no("110101199003071234") == "110101********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_card("6222021234567890123") == "622202*********0123"
    assert mask_name("张三丰") == "张**"


def test_cipher_roundtrip_and_field_binding() -> None:
    c = DataCipher("k1", b"\x01" * 32)
    blob = c.encrypt("phone", "13812345678")
    assert c.decrypt("phone", blob) == "13812345678"
    assert c.encrypt("phone", "13812345678") != blob  # random nonce
    with pytest.raises(KeyUnavailable, match="another column"):
        c.decrypt("id_no", blob)  # bound to its column
    assert c.digest("phone", "13812345678") == c.digest("phone", "13812345678")
    assert c.digest("phone", "13812345678") != c.digest("card", "13812345678")
    assert c.digest("phone", "x") != DataCipher("k2", b"\x02" * 32).digest("phone", "x")
    many = c.encrypt_many("phone", ["13812345678"] * 50)
    assert len({b[:12] for b in many}) == 50  # a fresh nonce per value
    assert all(c.decrypt("phone", b) == "13812345678" for b in many)
    assert c.digest_many("phone", ["13812345678"]) == [c.digest("phone", "13812345678")]


def test_stored_values_decrypt_with_the_keyring_key(engine: Engine,
                                                    actors: dict[str, Actor]) -> None:
    frame = sample(5)
    import_frame(engine, actors["officer"], frame=frame, file_name="t.csv", sha256="0" * 64)
    with unit_of_work(engine, write=False) as session:
        cipher = load_cipher(session, create=False)
        person = session.scalars(select(Applicant).order_by(Applicant.id)).first()
        app = session.scalars(select(Application).order_by(Application.id)).first()
        assert person is not None and app is not None
        assert cipher.decrypt("id_no", person.id_no_enc) in set(frame["id_no"])
        assert cipher.decrypt("phone", app.phone_enc) in set(frame["phone"])
        assert person.id_no_masked == mask_id_no(cipher.decrypt("id_no", person.id_no_enc))


def test_missing_key_is_a_clear_error(sqlite_engine: Engine, sqlite_actors: dict) -> None:
    import_frame(sqlite_engine, sqlite_actors["officer"], frame=sample(2), file_name="t",
                 sha256="0" * 64)
    with unit_of_work(sqlite_engine, write=False) as session:
        key_id = load_cipher(session, create=False).key_id
    keyring.delete_password(KEYRING_KEY_SERVICE, key_id)
    with pytest.raises(KeyUnavailable) as info, unit_of_work(sqlite_engine) as session:
        load_cipher(session)
    assert key_id in str(info.value) and "escrow" in str(info.value)


def test_no_plain_pii_in_sqlite_file_or_wal(sqlite_engine: Engine, sqlite_path: Path,
                                            sqlite_actors: dict) -> None:
    """Acceptance: `strings` over the database and its WAL finds no ID number or phone."""
    frame = sample(300, seed=11)
    import_frame(sqlite_engine, sqlite_actors["officer"], frame=frame, file_name="t",
                 sha256="0" * 64)
    files = [p for p in (sqlite_path, Path(f"{sqlite_path}-wal")) if p.exists()]
    assert Path(f"{sqlite_path}-wal").exists()
    text = "".join(subprocess.run(["strings", "-n", "6", str(p)], capture_output=True,
                                  text=True, check=True).stdout for p in files)
    blob = b"".join(p.read_bytes() for p in files)
    for value in list(frame["id_no"]) + list(frame["phone"]) + [c for c in frame["card_no"] if c]:
        assert value not in text
        assert value.encode() not in blob


def test_key_escrow_roundtrip_restores_access(sqlite_engine: Engine, sqlite_path: Path,
                                              sqlite_actors: dict) -> None:
    """docs/keys.md: export to escrow (admin only, audited), lose the key, import it back."""
    from riskdesk.errors import PermissionDenied
    from riskdesk.services.audit.keys import export_data_key
    from tests.conftest import PASSWORD
    from tests.helpers import run_cli

    frame = sample(3)
    import_frame(sqlite_engine, sqlite_actors["officer"], frame=frame, file_name="t",
                 sha256="0" * 64)
    with pytest.raises(PermissionDenied):
        export_data_key(sqlite_engine, sqlite_actors["officer"])
    out = run_cli("key", "export", "--db", str(sqlite_path), "--user", "admin",
                  env={"RISKDESK_PASSWORD": PASSWORD})
    assert out.returncode == 0, out.stderr
    data_key, *pins = out.stdout.splitlines()  # then the pinned administrator key (issue 24)
    key_id, secret = data_key.split()
    assert [p.split()[0] for p in pins] == ["admin-key"]
    keyring.delete_password(KEYRING_KEY_SERVICE, key_id)
    restored = subprocess.run([sys.executable, "-m", "riskdesk", "key", "import", key_id],
                              input=secret + "\n", capture_output=True, text=True, check=False)
    assert restored.returncode == 0, restored.stderr
    with unit_of_work(sqlite_engine, write=False) as session:
        cipher = load_cipher(session, create=False)
        person = session.scalars(select(Applicant).order_by(Applicant.id)).first()
        assert person is not None
        assert cipher.decrypt("id_no", person.id_no_enc) in set(frame["id_no"])
        from riskdesk.domain.audit import AuditEvent
        assert "key.export" in session.scalars(select(AuditEvent.action)).all()
    assert secret not in " ".join(p.read_text(errors="ignore") for p in [sqlite_path])


def test_keyed_hash_is_standard_hmac_sha256() -> None:
    """The pad-caching implementation must stay byte-for-byte RFC 2104 HMAC-SHA256."""
    import hashlib
    import hmac

    c = DataCipher("k1", b"\x07" * 32)
    expected = hmac.new(c._mac_key, b"phone:13812345678", hashlib.sha256).hexdigest()
    assert c.digest("phone", "13812345678") == expected
    assert c.digest_many("phone", ["13812345678", "x"])[0] == expected


def test_key_rotation_resumes_and_keeps_every_value_and_hash(
        sqlite_engine: Engine, sqlite_path: Path, sqlite_actors: dict) -> None:
    from riskdesk.errors import Cancelled
    from riskdesk.services.audit.keys import export_data_key, rotate_key
    from riskdesk.tasks import TaskState

    frame = sample(30, seed=5)
    import_frame(sqlite_engine, sqlite_actors["officer"], frame=frame, file_name="t",
                 sha256="1" * 64)
    with unit_of_work(sqlite_engine, write=False) as session:
        cipher = load_cipher(session, create=False)
        old_key = cipher.key_id
        before = {p.id: (cipher.decrypt("id_no", p.id_no_enc), p.id_no_hash)
                  for p in session.scalars(select(Applicant))}
        phones = {a.id: (cipher.decrypt("phone", a.phone_enc), a.phone_hash)
                  for a in session.scalars(select(Application))}

    class StopAfterOneBatch(TaskState):
        def progress(self, fraction: float, message: str = "") -> None:
            super().progress(fraction, message)
            self.cancel()

    with pytest.raises(Cancelled):  # the machine stops half way
        rotate_key(sqlite_engine, sqlite_actors["admin"], batch=5, state=StopAfterOneBatch())
    with unit_of_work(sqlite_engine, write=False) as session:
        keys = {p.key_id for p in session.scalars(select(Applicant))}
        cipher = load_cipher(session, create=False)
        assert len(keys) == 2 and cipher.key_id != old_key  # half under each key ...
        assert all(cipher.decrypt("id_no", p.id_no_enc) == before[p.id][0]  # ... all readable
                   for p in session.scalars(select(Applicant)))
    done = rotate_key(sqlite_engine, sqlite_actors["admin"], batch=5)  # run again: resumes
    assert done.resumed and done.key_id == cipher.key_id
    with unit_of_work(sqlite_engine, write=False) as session:
        cipher = load_cipher(session, create=False)
        for p in session.scalars(select(Applicant)):
            assert p.key_id == done.key_id
            assert (cipher.decrypt("id_no", p.id_no_enc), p.id_no_hash) == before[p.id]
        for a in session.scalars(select(Application)):
            assert a.key_id == done.key_id
            assert (cipher.decrypt("phone", a.phone_enc), a.phone_hash) == phones[a.id]
            # the search hash of a known phone still finds it
            assert cipher.digest("phone", phones[a.id][0]) == a.phone_hash
        from riskdesk.domain.audit import AuditEvent
        actions = session.scalars(select(AuditEvent.action)).all()
    assert actions.count("key.rotate.start") == 1 and "key.rotate.finish" in actions
    escrow = dict(export_data_key(sqlite_engine, sqlite_actors["admin"]))
    assert set(escrow) == {old_key, done.key_id}  # the search key and the new one
    again = rotate_key(sqlite_engine, sqlite_actors["admin"], batch=50)  # a second rotation
    assert not again.resumed and again.applicants == len(before)


def test_a_refused_key_rotation_says_rotation(sqlite_engine: Engine,
                                             sqlite_actors: dict[str, Actor]) -> None:
    """Issue 24: `riskdesk db rotate-key` refused said the user "may not export the data key"."""
    from riskdesk.errors import PermissionDenied
    from riskdesk.services.audit.keys import rotate_key

    with pytest.raises(PermissionDenied) as refused:
        rotate_key(sqlite_engine, sqlite_actors["compliance"])
    assert "compliance may not rotate the data key" in str(refused.value)
    assert "export" not in str(refused.value)
