"""Data key escrow: an administrator exports the key for safekeeping; the export is audited."""
from __future__ import annotations

from sqlalchemy import Engine

from riskdesk.security.datakey import export_key, load_cipher
from riskdesk.services import audit
from riskdesk.services.actor import Actor
from riskdesk.services.permissions import Action, require
from riskdesk.storage.session import unit_of_work


def export_data_key(engine: Engine, actor: Actor) -> tuple[str, str]:
    require(actor, Action.KEY_EXPORT)
    with unit_of_work(engine) as session:
        cipher = load_cipher(session)
        audit.append(session, actor, "key.export", "data_key", cipher.key_id)
        return cipher.key_id, export_key(cipher.key_id)
