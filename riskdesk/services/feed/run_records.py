"""A scoring run's feed records (issue 29), built a column at a time.

The records are those :func:`riskdesk.services.feed.records.scoring_decisions` describes (and
the migration's backfill writes from it): one per decision of the run in application order,
its rule codes from the decision's flags and its feature codes from the score's first three
reasons, numbered under the same locked head as ``records.record_final``. A million
``FinalDecision`` objects, their row dicts and the reasons' per-score lists were 28 s of CPU
of a million-application run (issue 35); here the rows come through the driver as columns and
each distinct flag string and each distinct set of features is spelled once. A run's
decisions are approvals and flags, never urgent.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from riskdesk.domain.applications import Application
from riskdesk.domain.feed import FeedRecord
from riskdesk.domain.scoring import DecisionRecord, ScoreReason
from riskdesk.domain.tables import table_of
from riskdesk.services.feed.records import TOP_REASONS, _codes, _locked_head, _rule_codes
from riskdesk.storage.bulk import bound_columns, frame_of, insert_columns
from riskdesk.storage.clock import utcnow

if TYPE_CHECKING:  # pandas loads with the scoring job, not with the window (issue 35)
    import pandas as pd

D, A, R = table_of(DecisionRecord).c, table_of(Application).c, table_of(ScoreReason).c


def record_scoring_run(session: Session, *, run_id: int, decided_by: str,
                       audit_seq: int | None) -> int:
    """Feed records for a scoring run's decisions, in the run's transaction; how many."""
    import numpy as np
    import pandas as pd

    conn = session.connection()
    rows = frame_of(conn, select(D.id, D.score_id, D.outcome, D.flags, D.model_version_id,
                                 D.rule_set_id, D.policy_version_id, A.application_no)
                    .join_from(table_of(DecisionRecord), table_of(Application),
                               A.id == D.application_id)
                    .where(D.run_id == run_id).order_by(D.application_id))
    n = len(rows)
    if n == 0:
        return 0
    reasons = frame_of(conn, select(R.score_id, R.feature).where(R.score_id.in_(
        select(D.score_id).where(D.run_id == run_id))).order_by(R.score_id, R.rank))
    flags = rows["flags"].fillna("").astype(str)
    features = pd.Series(rows["score_id"].to_numpy(np.int64)).map(top_features(reasons))
    spelled = {f: _rule_codes(f) for f in flags.unique().tolist()}
    table = table_of(FeedRecord)
    stamp = bound_columns(conn, table, [{"final_at": utcnow(session)}])["final_at"][0]
    columns: dict[str, list[Any]] = {
        "source": ["score"] * n, "source_id": _ints(rows["id"]),
        "application_no": rows["application_no"].tolist(), "loan_no": [""] * n,
        "decision": rows["outcome"].tolist(), "rule_codes": flags.map(spelled).tolist(),
        "feature_codes": features.astype(object).where(features.notna(), "").tolist(),
        "model_version_id": _ints(rows["model_version_id"]),
        "rule_set_id": _ints(rows["rule_set_id"]),
        "policy_version_id": _ints(rows["policy_version_id"]),
        "decided_by": [decided_by] * n, "checked_by": [""] * n, "final_at": [stamp] * n,
        "audit_seq": [audit_seq] * n, "signature": [None] * n}
    head = _locked_head(session)
    first = head.seq + 1
    insert_columns(conn, table, {"seq": list(range(first, first + n)), **columns})
    head.seq = first + n - 1
    session.flush()
    return n


def _ints(s: pd.Series) -> list[int | None]:
    return [None if v is None or v != v else int(v) for v in s.tolist()]


def top_features(reasons: pd.DataFrame) -> pd.Series:
    """By score id, the features of its first :data:`TOP_REASONS` reasons (``reasons``:
    score_id, feature, ordered by score and rank) spelled as ``records._features`` spells
    them. Each score's set is one integer (its features' codes as digits), each distinct set
    spelled once: a few thousand sets for a million scores."""
    import numpy as np
    import pandas as pd

    if reasons.empty:
        return pd.Series(dtype=object)
    sid = reasons["score_id"].to_numpy(np.int64)
    starts = np.flatnonzero(np.r_[True, sid[1:] != sid[:-1]])  # runs of one score
    group = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(sid)]))
    pos = np.arange(len(sid)) - starts[group]
    codes, names = pd.factorize(reasons["feature"].astype(object))
    base = len(names) + 1  # digit 0: no reason at that rank
    key = np.zeros(len(starts), dtype=np.int64)
    for k in range(TOP_REASONS):
        digit = np.zeros(len(starts), dtype=np.int64)
        at = pos == k
        digit[group[at]] = codes[at] + 1
        key = key * base + digit
    spelled: dict[int, str] = {}
    for value in np.unique(key).tolist():
        digits, rest = [], value
        for _ in range(TOP_REASONS):
            rest, digit = divmod(rest, base)
            digits.append(digit)
        spelled[value] = _codes([str(names[d - 1]) for d in reversed(digits) if d])
    return pd.Series(pd.Series(key).map(spelled).to_numpy(), index=sid[starts])
