"""Monthly model monitoring: is today's population still like the training data, does the
model still rank known outcomes, and how often do officers override a decline?

PSI compares the month's score and top features with the distributions stored in the model's
metadata at training time. The numbers are stored (MonitorRun) for the monthly report.
"""
from __future__ import annotations

import json
from typing import Any

import numpy as np
from sqlalchemy import and_, case, func, select
from sqlalchemy.engine import Engine

from riskdesk.domain.applications import Application
from riskdesk.domain.cases import Case
from riskdesk.domain.enums import Band
from riskdesk.domain.scoring import DecisionRecord, MonitorRun, Score
from riskdesk.domain.tables import table_of
from riskdesk.i18n import translate
from riskdesk.scoring import metrics
from riskdesk.scoring.features import matrix
from riskdesk.services import audit
from riskdesk.services.actor import Actor
from riskdesk.services.models import active, canonical_json, meta_of
from riskdesk.services.monthly import month_bounds
from riskdesk.services.permissions import Action, require
from riskdesk.services.scoring import NoActiveModel, load_features
from riskdesk.storage.bulk import frame_of
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work

TOP_FEATURES = 5
A, S, D, C = (table_of(m).c for m in (Application, Score, DecisionRecord, Case))


def monitor(engine: Engine, actor: Actor, *, month: str | None = None) -> list[str]:
    require(actor, Action.MODEL_MONITOR)
    with unit_of_work(engine) as session:
        model = active(session)
        if model is None:
            raise NoActiveModel(translate("Scoring", "No model is active."))
        month = month or utcnow(session).strftime("%Y-%m")
        start, end = month_bounds(month)
        conn = session.connection()
        meta = meta_of(model)
        scored = frame_of(conn, select(A.id, A.outcome, S.pd).join_from(
            table_of(Application), table_of(Score),
            and_(S.application_id == A.id, S.model_version_id == model.id)).where(
            A.submitted_at >= start, A.submitted_at < end).order_by(A.id))
        n = len(scored)
        ref = meta["reference"]
        details: dict[str, Any] = {"features": {}}
        score_psi = auc = ks = None
        if n:
            p = scored["pd"].astype(float).to_numpy()
            score_psi = metrics.psi(ref["pd"]["shares"], metrics.bin_shares(p, ref["pd"]["edges"]))
            top = [f for f in ref.get("importance", {}) if f in ref][:TOP_FEATURES]
            feats = load_features(conn, scored["id"].tolist())
            x = matrix(feats, meta["features"], meta["categories"])
            for name in top:
                col = x[name]
                if name in meta["categories"]:
                    values = col.cat.codes.to_numpy().astype(float)
                    values[values < 0] = np.nan
                else:
                    values = col.to_numpy(dtype=float)
                details["features"][name] = round(metrics.psi(
                    ref[name]["shares"], metrics.bin_shares(values, ref[name]["edges"])), 4)
            known = scored["outcome"].notna()
            y = (scored.loc[known, "outcome"] == "bad").astype(int).to_numpy()
            details["known_outcomes"] = int(known.sum())
            if known.any() and 0 < y.sum() < len(y):
                auc = metrics.auc(y, p[known.to_numpy()])
                ks = metrics.ks(y, p[known.to_numpy()])
        declines = conn.execute(select(func.count(), func.sum(
            case((C.decision == "approve", 1), else_=0))).join_from(
            table_of(Case), table_of(DecisionRecord), D.id == C.decision_record_id).where(
            D.band == Band.DECLINE.value, C.decision.is_not(None),
            C.updated_at >= start, C.updated_at < end)).first()
        decided, overridden = (int(declines[0] or 0), int(declines[1] or 0)) if declines \
            else (0, 0)
        override_rate = overridden / decided if decided else None
        details.update({"decline_band_decided": decided, "overridden": overridden})
        run = MonitorRun(month=month, model_version_id=model.id or 0,
                         computed_at=utcnow(session), computed_by=actor.username,
                         applications=n, score_psi=score_psi, auc=auc, ks=ks,
                         override_rate=override_rate, details=canonical_json(details))
        session.add(run)
        session.flush()
        audit.append(session, actor, "model.monitor", "monitor_run", run.id or 0, after={
            "month": month, "model_version": model.id, "applications": n,
            "score_psi": score_psi, "auc": auc, "ks": ks, "override_rate": override_rate})
    return _report(run, json.loads(run.details), model.id or 0)


def _fmt(v: float | None, pattern: str = "{:.4f}") -> str:
    return translate("Monitoring", "n/a") if v is None else pattern.format(v)


def _report(run: MonitorRun, details: dict[str, Any], model_id: int) -> list[str]:
    lines = [translate("Monitoring", "model {m}, {month}: {n} scored applications").format(
        m=model_id, month=run.month, n=run.applications),
        translate("Monitoring", "score PSI against training: {v} (< 0.10 stable, 0.10-0.25 "
                  "watch, > 0.25 shifted)").format(v=_fmt(run.score_psi))]
    for name, value in details.get("features", {}).items():
        lines.append(translate("Monitoring", "  feature PSI {name}: {v}").format(
            name=name, v=_fmt(value)))
    lines.append(translate("Monitoring", "known outcomes: {k}; AUC {auc}, KS {ks}").format(
        k=details.get("known_outcomes", 0), auc=_fmt(run.auc), ks=_fmt(run.ks)))
    lines.append(translate("Monitoring", "override rate (decline band approved by an officer): "
                           "{rate} of {n} decided").format(
        rate=_fmt(run.override_rate, "{:.1%}"), n=details.get("decline_band_decided", 0)))
    return lines
