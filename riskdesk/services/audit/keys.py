"""Data key escrow and rotation.

Escrow: an administrator exports the database's keys for safekeeping; the export is audited.

Rotation re-encrypts every stored ID number, phone and card under a new key, in batches that
each commit, so an interrupted rotation is resumed by running it again (rows record the key
they are under). The keyed search hashes stay under the database's first key, the search key:
fund-flow accounts and blacklist entries are kept only as hashes, so re-hashing them would
need plain values the bank deliberately does not hold. See docs/keys.md.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Engine, func, update
from sqlmodel import Session, col, select

from riskdesk.domain.applications import Applicant, Application
from riskdesk.domain.keys import DataKey
from riskdesk.domain.text_pii import TextPii
from riskdesk.i18n import translate
from riskdesk.security.datakey import database_keys, load_cipher, new_key
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.cases import evidence
from riskdesk.services.permissions import Action, require
from riskdesk.storage.session import unit_of_work
from riskdesk.tasks import TaskState


def export_data_key(engine: Engine, actor: Actor) -> list[tuple[str, str]]:
    require(actor, Action.KEY_EXPORT)
    with unit_of_work(engine) as session:
        load_cipher(session)  # checks the keys match the database before they go to escrow
        keys = database_keys(session)
        audit.append(session, actor, action="key.export", entity_type="data_key",
                     entity_id=keys[-1][0],
                     after={"keys": [k for k, _ in keys]})
        return keys


@dataclass(frozen=True)
class Rotation:
    key_id: str
    applicants: int = 0
    applications: int = 0
    resumed: bool = False
    free_text: int = 0  # values found in free text (issue 25)
    evidence_files: int = 0  # the bytes of evidence files (issue 27)


def _remaining(session: Session, key_id: str) -> int:
    return int(session.scalar(select(func.count()).select_from(Applicant).where(
        col(Applicant.key_id) != key_id)) or 0) + int(session.scalar(
        select(func.count()).select_from(Application).where(
            col(Application.key_id) != key_id)) or 0) + int(session.scalar(
        select(func.count()).select_from(TextPii).where(
            col(TextPii.key_id) != key_id)) or 0) + evidence.left_to_rotate(session, key_id=key_id)


def rotate_key(engine: Engine, actor: Actor, *, batch: int = 2000,
               state: TaskState | None = None) -> Rotation:
    """Start a rotation (a new active key) or resume the one under way, then re-encrypt."""
    require(actor, Action.KEY_ROTATE)
    state = state or TaskState()
    with unit_of_work(engine) as session:
        cipher = load_cipher(session, create=False)
        resumed = _remaining(session, cipher.key_id) > 0 and session.scalar(
            select(func.count()).select_from(DataKey)) != 1
        if not resumed:
            fresh = new_key(session)
            for row in session.exec(select(DataKey)):
                row.active = row.key_id == fresh.key_id
                session.add(row)
            session.flush()
            audit.append(session, actor, action="key.rotate.start", entity_type="data_key",
                         entity_id=fresh.key_id,
                         after={"previous": cipher.key_id})
            key_id = fresh.key_id
        else:
            key_id = cipher.key_id
    result = Rotation(key_id, resumed=resumed)
    total = None
    while True:
        state.check()
        with unit_of_work(engine) as session:
            cipher = load_cipher(session, create=False)
            total = total or max(_remaining(session, key_id), 1)
            people = session.exec(select(Applicant).where(col(Applicant.key_id) != key_id)
                                  .order_by(col(Applicant.id)).limit(batch)).all()
            for p in people:
                session.execute(update(Applicant).where(col(Applicant.id) == p.id).values(
                    id_no_enc=cipher.encrypt("id_no", cipher.decrypt("id_no", p.id_no_enc)),
                    key_id=key_id))
            apps = session.exec(select(Application).where(col(Application.key_id) != key_id)
                                .order_by(col(Application.id)).limit(batch)).all()
            for a in apps:
                values = {"phone_enc": cipher.encrypt("phone", cipher.decrypt(
                    "phone", a.phone_enc)), "key_id": key_id}
                if a.card_enc is not None:
                    values["card_enc"] = cipher.encrypt("card", cipher.decrypt(
                        "card", a.card_enc))
                session.execute(update(Application).where(col(Application.id) == a.id)
                                .values(**values))
            found = session.exec(select(TextPii).where(col(TextPii.key_id) != key_id)
                                 .order_by(col(TextPii.id)).limit(batch)).all()
            for t in found:
                field = f"text_pii.{t.kind}"
                session.execute(update(TextPii).where(col(TextPii.id) == t.id).values(
                    value_enc=cipher.encrypt(field, cipher.decrypt(field, t.value_enc)),
                    key_id=key_id))
            files = evidence.rotate_some(session, cipher=cipher, key_id=key_id)
            result = replace(result, applicants=result.applicants + len(people),
                             applications=result.applications + len(apps),
                             free_text=result.free_text + len(found),
                             evidence_files=result.evidence_files + files)
            left = _remaining(session, key_id)
        state.progress(1 - left / total, translate("Keys", "Re-encrypting: {n} values left")
                       .format(n=left))
        if not people and not apps and not found and not files:
            break
    with unit_of_work(engine) as session:
        audit.append(session, actor, action="key.rotate.finish", entity_type="data_key",
                     entity_id=key_id, after={
            "applicants": result.applicants, "applications": result.applications,
            "free_text": result.free_text, "evidence_files": result.evidence_files})
    import logging

    logging.getLogger(__name__).info("data key rotated to %s by %s: %s applicants, %s "
                                     "applications", key_id, actor.username,
                                     result.applicants, result.applications)
    return result
