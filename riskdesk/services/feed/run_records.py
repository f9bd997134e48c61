"""A scoring run's feed records (issue 29), written by the database in one statement.

The records are those :func:`riskdesk.services.feed.records.scoring_decisions` describes (and
the migration's backfill writes from it): one per decision of the run in application order,
its rule codes from the decision's flags and its feature codes from the score's first three
reasons, numbered under the same locked head as ``records.record_final``. They are written by
one ``INSERT ... SELECT`` over the run's decisions: a million ``FinalDecision`` objects were
28 s of CPU of a million-application run, and reading the decisions back through the driver
to build the rows a column at a time still 12 s (issue 35). Each distinct flag string is
spelled by :func:`records._rule_codes` once, in Python, and handed to the statement as a
``CASE``; the features are joined as ``records._codes`` joins them. A run's decisions are
approvals and flags, never urgent.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, case, func, literal, null, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import Session

from riskdesk.domain.applications import Application
from riskdesk.domain.feed import FeedRecord
from riskdesk.domain.scoring import DecisionRecord, ScoreReason
from riskdesk.domain.tables import table_of
from riskdesk.services.feed.records import TOP_REASONS, _locked_head, _rule_codes
from riskdesk.storage.clock import utcnow

D, A, R = table_of(DecisionRecord).c, table_of(Application).c, table_of(ScoreReason).c


def record_scoring_run(session: Session, *, run_id: int, decided_by: str,
                       audit_seq: int | None) -> int:
    """Feed records for a scoring run's decisions, in the run's transaction; how many."""
    conn = session.connection()
    mine = D.run_id == run_id
    flags = [f for (f,) in conn.execute(select(D.flags).where(mine).distinct())]
    if not flags:
        return 0
    # The score's first reasons by rank, looked up once in the derived table (its window
    # function keeps the database from copying the lookups into the outer query).
    on_pg = conn.dialect.name == "postgresql"
    runs = (select(D.id, D.outcome, D.flags, D.model_version_id, D.rule_set_id,
                   D.policy_version_id, A.application_no,
                   *([_top_array()] if on_pg else _top_each()),
                   D.application_id.label("app"),
                   func.row_number().over(order_by=D.application_id).label("n"))
            .join_from(table_of(DecisionRecord), table_of(Application),
                       A.id == D.application_id)
            .where(mine).subquery())
    t = runs.c
    features = [t.top[k + 1] for k in range(TOP_REASONS)] if on_pg else \
        [t[f"f{k}"] for k in range(TOP_REASONS)]
    spelled = {f or "": _rule_codes(f or "") for f in flags}
    changed = {f: s for f, s in spelled.items() if s != f}
    table = table_of(FeedRecord)
    head = _locked_head(session)
    first = head.seq + 1
    columns: dict[str, Any] = {
        "seq": t.n + (first - 1), "source": literal("score"), "source_id": t.id,
        "application_no": t.application_no, "loan_no": literal(""), "decision": t.outcome,
        "rule_codes": case(changed, value=t.flags, else_=t.flags) if changed else t.flags,
        "feature_codes": _joined(features),
        "model_version_id": t.model_version_id, "rule_set_id": t.rule_set_id,
        "policy_version_id": t.policy_version_id, "decided_by": literal(decided_by),
        "checked_by": literal(""),
        "final_at": literal(utcnow(session), table.c.final_at.type),
        "audit_seq": null() if audit_seq is None else literal(audit_seq, Integer),
        "signature": null()}
    # in numbering order, said by the window's own key (one application, one decision of the
    # run): PostgreSQL then writes the rows as its window sorted them instead of sorting
    # 200,000 wide rows again by ``n`` on disk
    query = select(*(v.label(k) for k, v in columns.items())).order_by(t.app)
    n = int(conn.execute(table.insert().from_select(list(columns), query)
                         .execution_options(preserve_rowcount=True)).rowcount)
    head.seq = first + n - 1
    session.flush()
    return n


def _top_each() -> list[Any]:
    """The first reasons one lookup each (SQLite, MariaDB: the fastest form measured there)."""
    return [select(R.feature).where(R.score_id == D.score_id).order_by(R.rank)
            .limit(1).offset(k).scalar_subquery().label(f"f{k}") for k in range(TOP_REASONS)]


def _top_array() -> Any:
    """PostgreSQL: the first reasons in one lookup, as an array (at 200,000 decisions the
    three lookups each, 600,000 index probes, were about 0.68 s of the statement's
    1.46-1.66 s; one lookup 0.47 s, issue 34)."""
    first = (select(R.feature, R.rank).where(R.score_id == D.score_id).order_by(R.rank)
             .limit(TOP_REASONS).correlate(table_of(DecisionRecord)).subquery("first"))
    return select(func.array_agg(aggregate_order_by(first.c.feature, first.c.rank))) \
        .scalar_subquery().label("top")


def _joined(features: list[Any]) -> Any:
    """``records._codes`` of a score's first reasons in SQL: the present ones joined by
    ``;`` (a score has its first k reasons or none; feature names are never empty and three
    of at most 64 characters stay under the column's 255)."""
    whens = [(features[k].is_(None), _concat(features[:k])) for k in range(len(features))]
    return case(*whens, else_=_concat(features))


def _concat(parts: list[Any]) -> Any:
    if not parts:
        return literal("")
    out = parts[0]
    for part in parts[1:]:
        out = out + literal(";") + part
    return out
