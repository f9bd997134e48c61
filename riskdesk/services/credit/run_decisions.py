"""A scoring run's decision records, each written once with its outcome and rule flags
(``services.credit.scoring_job``).

The decisions of the scores the run wrote are copied from them inside the database (a
million rows never pass through Python twice), the band deciding the outcome there unless
a rule did: the applications with a rule hit come from a temporary table of their fired
codes, highest severity and outcome, joined to the scores in the same ``INSERT ... SELECT``.
They were marked by a second, joined UPDATE before, which on the servers wrote every marked
decision twice, a new row version in its three unique indexes on PostgreSQL (200,000
applications, 37,000 with a hit: the UPDATE 0.3-0.4 s on either server, issue 34).
Decisions reusing an earlier score of the model take the band under the policy in force,
and their outcome and flags from the run.
``current_slot`` 1 marks the application's current decision (unique per application).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    case,
    func,
    literal,
)

from riskdesk.domain.enums import SEVERITY_RANK, Band, DecisionOutcome
from riskdesk.domain.scoring import DecisionRecord, Score
from riskdesk.domain.tables import table_of
from riskdesk.storage.bulk import insert_columns, scalar_value
from riskdesk.storage.mysql_keys import derived_rows
from riskdesk.storage.temporary import temporary_table

S, D = table_of(Score).c, table_of(DecisionRecord).c
MARKS = Table("rd_rule_marks", MetaData(),
              Column("application_id", Integer, primary_key=True, autoincrement=False),
              Column("flags", String(255), nullable=False),
              Column("max_severity", String(8)),
              Column("outcome", String(16), nullable=False),
              prefixes=["TEMPORARY"])
M = MARKS.c


def rule_marks(app_ids: np.ndarray, codes: pd.Series, max_rank: np.ndarray,
               outcome: np.ndarray) -> dict[str, list[Any]]:
    """The applications with any rule hit: the codes that fired (from ``codes``, by
    application id), their highest severity and the outcome they lead to."""
    hit = max_rank > 0
    names = {v: k.value for k, v in SEVERITY_RANK.items()}
    ids = app_ids[hit]
    return {"application_id": ids.tolist(),
            "flags": pd.Series(ids).map(codes).fillna("").astype(str).str.slice(0, 255)
            .tolist(),
            "max_severity": [names.get(int(r)) for r in max_rank[hit].tolist()],
            "outcome": outcome[hit].tolist()}


def insert_decisions(conn: Connection, *, run_id: int, versions: Mapping[str, int],
                     now: datetime, reused: Mapping[str, Sequence[Any]],
                     marks: Mapping[str, list[Any]]) -> None:
    """The run's decisions (see the module's docstring): ``versions`` the model, rule set
    and policy versions' ids by column, ``reused`` the columns of the decisions on earlier
    scores (outcome included), ``marks`` those of :func:`rule_marks`."""
    table = table_of(DecisionRecord)
    same = {**versions, "run_id": run_id, "current_slot": 1}
    by_band = case((S.band == Band.APPROVE.value, literal(DecisionOutcome.AUTO_APPROVE.value)),
                   else_=literal(DecisionOutcome.FLAGGED.value))
    names = ["application_id", "score_id", *same, "flags", "max_severity", "outcome", "band",
             "pd", "points", "decided_at"]
    fixed = [literal(v) for v in same.values()]
    with temporary_table(conn, MARKS), derived_rows(conn):  # keys: the run's own scores
        if marks["application_id"]:
            insert_columns(conn, MARKS, marks)
        conn.execute(table.insert().from_select(names, (
            table_of(Score).outerjoin(MARKS, M.application_id == S.application_id)
            .select().with_only_columns(
                S.application_id, S.id, *fixed, func.coalesce(M.flags, literal("")),
                M.max_severity, func.coalesce(M.outcome, by_band), S.band, S.pd, S.points,
                literal(now, DateTime))
            .where(S.run_id == run_id).order_by(S.application_id))))
    if reused["application_id"]:
        marked = dict(zip(marks["application_id"], zip(marks["flags"], marks["max_severity"],
                                                        strict=True), strict=True))
        found = [marked.get(a, ("", None)) for a in reused["application_id"]]
        insert_columns(conn, table, {**reused, "flags": [f for f, _ in found],
                                     "max_severity": [s for _, s in found]},
                       same={**same, "decided_at": scalar_value(conn, now)})
