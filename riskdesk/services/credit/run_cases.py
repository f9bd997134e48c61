"""The pre-loan cases a scoring run opens for what it flagged, and the open cases of
re-scored applications brought up to their new decision (``services.credit.scoring_job``)."""
from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy import Connection, and_, bindparam, case, or_

from riskdesk.domain.cases import Case
from riskdesk.domain.enums import CLOSED_STATUSES, Band, CaseKind, DecisionOutcome, Severity
from riskdesk.domain.scoring import DecisionRecord
from riskdesk.domain.tables import table_of
from riskdesk.services.cases.opening import open_cases
from riskdesk.storage.bulk import select_in
from riskdesk.storage.mysql_keys import derived_rows

C, D = table_of(Case).c, table_of(DecisionRecord).c


def open_flagged(conn: Connection, *, run_id: int, now: datetime, due: datetime) -> None:
    """A pre-loan case for each application this run flagged that has none yet, opened in
    the database on this run's decision (``services.cases.opening.open_cases``).
    Priority 1: decline band or a high-severity hit; 2: review band with a medium hit;
    3: review band or a medium hit alone; 4: the rest."""
    decline, review = D.band == Band.DECLINE.value, D.band == Band.REVIEW.value
    high = D.max_severity == Severity.HIGH.value
    medium = D.max_severity.in_([Severity.MEDIUM.value, Severity.HIGH.value])
    priority = case((or_(decline, high), 1), (and_(review, medium), 2),
                    (or_(review, medium), 3), else_=4)
    # the cases' keys: this run's decisions and their applications, or none (users)
    with derived_rows(conn):
        open_cases(conn, kind=CaseKind.PRE_LOAN.value, priority=priority, now=now,
                   due_at=due,
                   decisions=[D.run_id == run_id, D.outcome == DecisionOutcome.FLAGGED.value])


def refresh_open(conn: Connection, *, frame: pd.DataFrame) -> None:
    """Open cases of re-scored applications show (and are checked against) the new decision;
    a decided case keeps the one it was decided on."""
    had = frame["has_case"].to_numpy()
    if not had.any():
        return
    current = select_in(conn, table_of(DecisionRecord), "application_id",
                        ["id", "pd", "points", "band", "flags"],
                        frame["id"].to_numpy()[had].tolist(), where={"current_slot": 1})
    statement = (table_of(Case).update()
                 .where(C.application_id == bindparam("app"),
                        C.kind == CaseKind.PRE_LOAN.value,
                        *(C.status != closed for closed in CLOSED_STATUSES))
                 .values(pd=bindparam("pd_"), points=bindparam("points_"),
                         band=bindparam("band_"), flags=bindparam("flags_"),
                         decision_record_id=bindparam("record")))
    conn.execute(statement, [
        {"app": a, "record": r, "pd_": p, "points_": q, "band_": b, "flags_": f}
        for a, r, p, q, b, f in current])
