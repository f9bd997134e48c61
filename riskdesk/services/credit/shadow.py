"""Champion and challenger (issue 32, part 1): a model approved for shadow scores every
application the scoring job decides, beside the active model, and its scores are kept apart.

- Approval for shadow follows the model approval's own rules (:func:`registry.approvable`: a
  proposed model, a validator who neither trained nor proposed it, a validation report issued
  on it, findings), signed and audited in the same transaction; one challenger at a time
  (``model_version.shadow_slot`` is unique). Stopping it is the validator's too.
- In the job (:func:`score_beside`), after the active model's decisions are written: the
  challenger's PD, points and band, and the outcome they would have led to under the same
  policy and the same rule hits (a band outside approve, or a rule hit of medium severity or
  more, flags), one ``shadow_score`` row per decision. Nothing else reads them: no decision,
  case, feed record or window takes its score from there.
- Becoming the active model is the ordinary path: an admin proposes it, a validator approves
  it on its validation report (:func:`registry.approve` clears the shadow slot).

The comparison on the same applications is :mod:`riskdesk.services.credit.challenger`.
"""
from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd
from sqlalchemy import Connection, select, update
from sqlmodel import Session, col

from riskdesk.domain.enums import Band, ModelStatus, Severity
from riskdesk.domain.scoring import (
    DecisionRecord,
    ModelVersion,
    PolicyVersion,
    ScoreRun,
    ShadowScore,
)
from riskdesk.domain.tables import table_of
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.scoring import calibration
from riskdesk.scoring.features import matrix
from riskdesk.scoring.scorecard import points as to_points
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.credit.explanations import booster_of
from riskdesk.services.credit.registry import approvable, get, meta_of
from riskdesk.services.permissions import Action, require
from riskdesk.storage.bulk import frame_of, insert_columns, scalar_value
from riskdesk.storage.clock import utcnow

D = table_of(DecisionRecord).c
FLAGGING = (Severity.MEDIUM.value, Severity.HIGH.value)  # rule hits that flag on their own


def challenger(session: Session) -> ModelVersion | None:
    """The model scoring in shadow, if any."""
    return session.scalars(select(ModelVersion).where(
        col(ModelVersion.shadow_slot) == 1)).first()


def extra_features(session: Session, *, champion: ModelVersion) -> list[str]:
    """The challenger's features the active model does not read (the job reads them too)."""
    model = challenger(session)
    if model is None:
        return []
    have = set(meta_of(champion)["features"])
    return [f for f in meta_of(model)["features"] if f not in have]


def approve_for_shadow(session: Session, actor: Actor, *, model_id: int, report_sha256: str,
                       findings: str) -> ModelVersion:
    """A proposed model approved to score in shadow, on the same grounds as an activation
    (:func:`registry.approvable`); the challenger before it, if any, stops (retired). The
    signed event names the report, the findings and the model it replaces."""
    mv = get(session, model_id=model_id)
    report, findings = approvable(session, actor, mv=mv, report_sha256=report_sha256,
                                  findings=findings)
    previous = challenger(session)
    if previous is not None:
        _stop(session, previous)
    mv.status, mv.shadow_slot = ModelStatus.SHADOW, 1
    mv.shadow_approved_by, mv.shadow_approved_at = actor.username, utcnow(session)
    session.flush()
    audit.append(session, actor, action="model.shadow", entity_type="model_version",
                 entity_id=model_id, after={
        "artefact_sha256": mv.artefact_sha256, "proposed_by": mv.proposed_by,
        "trained_by": mv.created_by, "validation_report": report.report_no,
        "validation_sha256": report.sha256, "findings": findings[:4000],
        "replaced": previous.id if previous is not None else None})
    return mv


def stop(session: Session, actor: Actor) -> ModelVersion:
    """The challenger stops scoring in shadow (by who may approve one); its scores stay.
    A challenger in shadow goes back to retired (it can be proposed again); one already
    proposed for activation stays proposed."""
    require(actor, Action.MODEL_APPROVE)
    mv = challenger(session)
    if mv is None:
        raise InvalidInput(translate("Model", "No model is scoring in shadow."))
    _stop(session, mv)
    audit.append(session, actor, action="model.shadow.stop", entity_type="model_version",
                 entity_id=mv.id or 0,
                 after={"status": mv.status})
    return mv


def _stop(session: Session, mv: ModelVersion) -> None:
    status = ModelStatus.RETIRED if mv.status == ModelStatus.SHADOW else mv.status
    session.execute(update(ModelVersion).where(col(ModelVersion.id) == mv.id)
                    .values(shadow_slot=None, status=status))
    session.expire(mv)
    session.flush()


def score_beside(session: Session, actor: Actor, *, model: ModelVersion, run: ScoreRun,
                 frame: pd.DataFrame, policy: PolicyVersion, now: datetime) -> int:
    """The challenger's scores of the applications in ``frame`` (the job's scope, with the
    columns the challenger reads) beside the decisions ``run`` just wrote, and the audit
    event counting them; returns the rows written. Reads the decisions back rather than
    taking anything from the job, so the job's own path is the same with or without it."""
    conn = session.connection()
    decided = frame_of(conn, select(D.id, D.application_id, D.max_severity, D.outcome)
                       .where(D.run_id == run.id).order_by(D.application_id))
    if not len(decided):
        return 0
    meta = meta_of(model)
    rows = frame.set_index("id").loc[decided["application_id"].to_numpy()].reset_index()
    x = matrix(rows, meta["features"], meta["categories"])
    margin = booster_of(model.artefact_sha256, model.artefact).inplace_predict(
        x, predict_type="margin")
    pd_ = calibration.pd_of(meta, np.asarray(margin, dtype=float))  # a recalibrated one's map
    bands = bands_at(pd_, float(policy.approve_below), float(policy.decline_from))
    flagged = (bands != Band.APPROVE.value) | decided["max_severity"].isin(FLAGGING).to_numpy()
    changed = int((flagged != (decided["outcome"] == "flagged").to_numpy()).sum())
    n = _insert(conn, model, run, policy, now, decided, pd_, bands, flagged)
    audit.append(session, actor, action="model.shadow.score", entity_type="score_run",
                 entity_id=run.id or 0, after={
        "challenger": model.id, "champion": run.model_version_id, "scored": n,
        "flagged": int(flagged.sum()), "decision_would_change": changed})
    return n


def bands_at(pd_: np.ndarray, approve_below: float, decline_from: float) -> np.ndarray:
    """The policy band of each PD (as the job bands the active model's)."""
    return np.where(pd_ < approve_below, Band.APPROVE.value,
                    np.where(pd_ >= decline_from, Band.DECLINE.value, Band.REVIEW.value))


def _insert(conn: Connection, model: ModelVersion, run: ScoreRun, policy: PolicyVersion,
            now: datetime, decided: pd.DataFrame, pd_: np.ndarray, bands: np.ndarray,
            flagged: np.ndarray) -> int:
    return insert_columns(conn, table_of(ShadowScore), {
        "application_id": decided["application_id"].astype(int).tolist(),
        "decision_record_id": decided["id"].astype(int).tolist(),
        "pd": pd_.tolist(), "points": to_points(pd_).astype(int).tolist(),
        "band": bands.tolist(), "flagged": [bool(f) for f in flagged]},
        same={"model_version_id": model.id, "run_id": run.id,
              "policy_version_id": policy.id, "created_at": scalar_value(conn, now)})
