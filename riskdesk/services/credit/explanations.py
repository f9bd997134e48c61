"""Reason codes of scores: the model's booster, the thread that computes exact contributions
beside the scoring job, the reasons of an application on request (computed and stored the
first time they are asked for), and the model inputs of stored applications."""
from __future__ import annotations

import contextlib
import functools
import os
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select
from sqlmodel import Session

from riskdesk.config import compute_threads
from riskdesk.domain.applications import Application, ApplicationFeatures
from riskdesk.domain.scoring import DecisionRecord, ModelVersion, Score, ScoreReason
from riskdesk.domain.tables import table_of
from riskdesk.errors import NotFound
from riskdesk.i18n import translate
from riskdesk.scoring import reasons as reason_codes
from riskdesk.services.actor import Actor
from riskdesk.services.credit.registry import meta_of
from riskdesk.services.permissions import Action, require
from riskdesk.storage.bulk import column_values, frame_of, insert_columns

if TYPE_CHECKING:  # XGBoost, pandas, NumPy load on first use, not with the case window (issue 35)
    import numpy as np
    import pandas as pd
    import xgboost as xgb

A, F = table_of(Application).c, table_of(ApplicationFeatures).c
S, D, R = table_of(Score).c, table_of(DecisionRecord).c, table_of(ScoreReason).c
NUMERIC = ("amount", "apr", "upfront_fee", "monthly_fee", "other_fees")


@functools.lru_cache(maxsize=4)
def booster_of(sha256: str, artefact: bytes) -> xgb.Booster:
    import xgboost as xgb

    booster = xgb.Booster()
    booster.load_model(bytearray(artefact))
    booster.set_param({"nthread": compute_threads()})
    return booster


class Explainer:
    """Exact contributions (XGBoost releases the GIL) computed on a second thread beside the
    job's own, which reads, checks and writes. That thread and the OpenMP threads it starts
    run at a lower priority where the system allows it (Linux): they take every core
    the job's own thread leaves, and never crowd it off its core, which would only make the
    whole job wait for it at the end. ``pending``: (positions in the scope, top reasons
    being computed) pairs, in the order asked."""

    def __init__(self, model: ModelVersion) -> None:
        self._booster = booster_of(model.artefact_sha256, model.artefact)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="riskdesk-reasons",
                                        initializer=_lower_priority)
        self.pending: list[tuple[np.ndarray, Future[pd.DataFrame]]] = []

    def submit(self, rows: np.ndarray, x: pd.DataFrame, features: list[str]) -> None:
        self.pending.append((rows, self._pool.submit(_explain, self._booster, x, features)))

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _lower_priority() -> None:
    """Nice +10 for the calling thread only. Only Linux takes a thread id here (elsewhere
    the same number could name another process); Windows workstations run it as is."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            own = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
            # relative: an absolute 10 left a job started at nice -5 (the bench) with its
            # reasons below every other process on a busy machine
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), min(19, own + 10))


def _explain(booster: xgb.Booster, x: pd.DataFrame, features: list[str]) -> pd.DataFrame:
    """Top reasons of each row of ``x`` (``row`` = position in ``x``), in chunks."""
    import pandas as pd

    parts = []
    for start in range(0, len(x), 20_000):
        chunk = x.iloc[start:start + 20_000]
        top = reason_codes.top_reasons(reason_codes.contributions(booster, chunk), chunk,
                                       features)
        top["row"] += start
        parts.append(top)
    return pd.concat(parts, ignore_index=True)


def _write_reasons(conn: Connection, booster: xgb.Booster, x: pd.DataFrame,
                   features: list[str], score_ids: np.ndarray) -> int:
    return insert_reasons(conn, top=_explain(booster, x, features), score_ids=score_ids)


def insert_reasons(conn: Connection, *, top: pd.DataFrame, score_ids: np.ndarray) -> int:
    import numpy as np

    top = top.assign(score_id=score_ids[top["row"].to_numpy()])
    insert_columns(conn, table_of(ScoreReason), {
        "score_id": top["score_id"].astype(np.int64).tolist(), "rank": top["rank"].tolist(),
        "feature": top["feature"].tolist(), "value": top["value"].tolist(),
        "contribution": column_values(conn, top["contribution"])})
    return len(top)


def reasons_for(session: Session, actor: Actor, *, application_id: int) -> list[dict[str, Any]]:
    """The current decision's reason codes; computed and stored on first request. Stored
    reasons (the usual case) are read without pandas, XGBoost or NumPy, so opening a case
    does not load them (issue 35)."""
    require(actor, Action.APPLICATION_VIEW)
    conn = session.connection()
    row = conn.execute(select(D.score_id, S.model_version_id).join_from(
        table_of(DecisionRecord), table_of(Score), S.id == D.score_id).where(
        D.application_id == application_id, D.current_slot == 1)).first()
    if row is None:
        raise NotFound(translate("Scoring", "Application {id} has not been scored.").format(
            id=application_id))
    score_id, model_id = row
    stored = conn.execute(select(R.rank, R.feature, R.value, R.contribution).where(
        R.score_id == score_id).order_by(R.rank)).fetchall()
    if not stored:
        import numpy as np

        from riskdesk.scoring.features import matrix

        model = session.get(ModelVersion, model_id)
        assert model is not None
        meta = meta_of(model)
        frame = load_features(conn, ids=[application_id])
        x = matrix(frame, meta["features"], meta["categories"])
        _write_reasons(conn, booster_of(model.artefact_sha256, model.artefact), x,
                       meta["features"], np.asarray([score_id]))
        stored = conn.execute(select(R.rank, R.feature, R.value, R.contribution).where(
            R.score_id == score_id).order_by(R.rank)).fetchall()
    names = ("rank", "feature", "value", "contribution")
    return reason_codes.as_dicts({name: [r[i] for r in stored] for i, name in enumerate(names)})


def load_features(conn: Connection, *, ids: list[int]) -> pd.DataFrame:
    """Model inputs of the given applications, in the order given."""
    import pandas as pd

    cols = [c for c in F if c.name != "application_id"]
    parts = []
    for start in range(0, len(ids), 900):
        part = ids[start:start + 900]
        q = select(A.id, *[A[n] for n in NUMERIC], A.term_months, A.repayment_type, A.product,
                   A.channel, A.purpose, A.stated_age, *cols) \
            .outerjoin(table_of(ApplicationFeatures), F.application_id == A.id) \
            .where(A.id.in_(part))
        parts.append(frame_of(conn, q))
    if not parts:
        return pd.DataFrame()
    frame = pd.concat(parts, ignore_index=True).set_index("id").loc[ids].reset_index()
    for name in NUMERIC:
        frame[name] = frame[name].astype(float)
    return frame
