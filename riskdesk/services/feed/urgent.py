"""Urgent actions at once (issue 29, item 4): a freeze or a call-the-loan is also written to the
feed folder (Settings, administrator) as its own sealed file, once its transaction commits:
``urgent-<seq>-<decision>.csv`` and its manifest, each written beside, fsynced and renamed, the
manifest last, so an origination job watching the folder for ``*.manifest.json`` only ever
sees whole files and blocks within seconds. No folder set: nothing is written (the records
still go out through the view and the exports).
"""
from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from riskdesk.domain.feed import FeedRecord
from riskdesk.services.feed.files import feed_folder, write_sealed
from riskdesk.storage.clock import utcnow

log = logging.getLogger(__name__)


def urgent_name(record: FeedRecord) -> str:
    return f"urgent-{record.seq:012d}-{record.decision}.csv"


def write_after_commit(session: Session, *, records: list[FeedRecord]) -> None:
    """Writes each record's sealed file when (and only if) ``session`` commits."""
    folder = feed_folder(session)
    if folder is None:
        return
    at = utcnow(session)

    def _write(_session: Session) -> None:
        for r in records:
            try:
                write_sealed(folder / urgent_name(r), [r], since=r.seq - 1,
                             exporter=r.checked_by or r.decided_by, at=at)
            except OSError:  # the decision stands; the view and exports still carry it
                log.exception("urgent feed file for sequence %s not written to %s", r.seq,
                              Path(folder))

    def _drop(_session: Session) -> None:
        if event.contains(session, "after_commit", _write):
            event.remove(session, "after_commit", _write)

    event.listen(session, "after_commit", _write, once=True)
    event.listen(session, "after_rollback", _drop, once=True)
