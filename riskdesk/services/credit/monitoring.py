"""Monthly model monitoring: is today's population still like the training data, does the
model still rank known outcomes, and how often do officers override a decline?

PSI compares the month's score and top features with the distributions stored in the model's
metadata at training time. The numbers are stored (MonitorRun) for the monthly report.
"""
from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import and_, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from riskdesk.domain.applications import Application
from riskdesk.domain.cases import Case
from riskdesk.domain.enums import Band, CaseKind
from riskdesk.domain.scoring import DecisionRecord, MonitorRun, Score
from riskdesk.domain.tables import table_of
from riskdesk.i18n import translate
from riskdesk.scoring import metrics
from riskdesk.scoring.features import matrix
from riskdesk.scoring.fingerprints import fingerprints, is_training_row, unpack
from riskdesk.scoring.train import definition_of, outcome_line
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.credit import challenger
from riskdesk.services.credit.explanations import load_features
from riskdesk.services.credit.model_review import band_intervals, open_if_drifted
from riskdesk.services.credit.registry import active, canonical_json, meta_of
from riskdesk.services.credit.rulesets import current_policy
from riskdesk.services.credit.scoring_job import NoActiveModel
from riskdesk.services.periods import current_month, period
from riskdesk.services.permissions import Action, require
from riskdesk.services.reporting.monthly import final_decisions
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
        month = month or current_month(session)
        per = period(session, month=month)
        conn = session.connection()
        meta = meta_of(model)
        scored = frame_of(conn, select(A.id, A.outcome, S.pd).join_from(
            table_of(Application), table_of(Score),
            and_(S.application_id == A.id, S.model_version_id == model.id)).where(
            per.holds(A.submitted_at, A.created_at)).order_by(A.id))
        n = len(scored)
        ref = meta["reference"]
        # the default definition the model's outcomes follow, stored with the run (issue 31)
        details: dict[str, Any] = {"features": {}, "outcome_definition": definition_of(meta)}
        score_psi = auc = ks = None
        if n:
            p = scored["pd"].astype(float).to_numpy()
            score_psi = metrics.psi(ref["pd"]["shares"], metrics.bin_shares(p, ref["pd"]["edges"]))
            top = [f for f in ref.get("importance", {}) if f in ref][:TOP_FEATURES]
            feats = load_features(conn, ids=scored["id"].tolist())
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
            auc, ks, measured = discrimination(scored, p, x, meta, policy=_policy(session, actor))
            details.update(measured)
        else:
            details.update(discrimination(scored, np.zeros(0), pd.DataFrame(), meta)[2])
        # Officers' decisions on decline-band applications that became final this month
        # (a decision still waiting for its checker is not one): docs/periods.md.
        final = final_decisions(session, p=per)
        in_band: set[int] = set()
        ids = sorted(final)
        for start in range(0, len(ids), 900):
            in_band.update(int(i) for i in conn.execute(select(C.id).join_from(
                table_of(Case), table_of(DecisionRecord), D.id == C.decision_record_id).where(
                C.id.in_(ids[start:start + 900]), C.kind == CaseKind.PRE_LOAN.value,
                D.band == Band.DECLINE.value)).scalars())
        decided = len(in_band)
        overridden = sum(1 for i in in_band if final[i] == "approve")
        override_rate = overridden / decided if decided else None
        details.update({"decline_band_decided": decided, "overridden": overridden})
        # The challenger in shadow beside the model on the month's decisions (issue 32).
        versus = challenger.compare(session, decisions=select(D.id).join_from(
            table_of(DecisionRecord), table_of(Application), A.id == D.application_id).where(
            D.current_slot == 1, per.holds(A.submitted_at, A.created_at)),
            policy=_policy(session, actor))
        if versus is not None:
            details["challenger"] = versus.as_dict()
        run = MonitorRun(month=month, model_version_id=model.id or 0,
                         computed_at=utcnow(session), computed_by=actor.username,
                         applications=n, score_psi=score_psi, auc=auc, ks=ks,
                         override_rate=override_rate, details=canonical_json(details))
        session.add(run)
        session.flush()
        review = open_if_drifted(session, actor, model=model, run=run, details=details)  # issue 32
        audit.append(session, actor, action="model.monitor", entity_type="monitor_run",
                     entity_id=run.id or 0, after={
            "month": month, "model_version": model.id, "applications": n,
            "score_psi": score_psi, "auc": auc, "ks": ks, "auc_rows": details["auc_rows"],
            "training_rows_excluded": details["training_rows_excluded"],
            "override_rate": override_rate})
    lines = _report(run, json.loads(run.details), model.id or 0)
    if review is not None:
        lines.append(translate("Monitoring", "model review case {id} opened").format(id=review))
    return lines


def _policy(session: Session, actor: Actor) -> tuple[float, float]:
    """The policy in force's band edges (approve below, decline from)."""
    pv = current_policy(session, actor)
    return float(pv.approve_below), float(pv.decline_from)


def discrimination(scored: pd.DataFrame, p: np.ndarray, x: pd.DataFrame,
                   meta: dict[str, Any], policy: tuple[float, float] | None = None
                   ) -> tuple[float | None, float | None, dict[str, Any]]:
    """AUC and KS on the month's applications with a known outcome that are not among the
    model's training rows (recognised by their fingerprints), and how they were counted:
    ``known_outcomes``, ``training_rows_excluded`` (None when the model has no fingerprints),
    ``auc_rows`` (rows measured) and ``auc_basis``: ``measured``; ``no_fingerprints`` (the
    model's metadata cannot tell its training rows apart, so nothing is measured rather than
    an AUC inflated by an unknown share of them); ``no_known_outcomes``; ``only_training_rows``
    (every known outcome is a training row); ``one_outcome`` (the rows left are all good or
    all bad). ``scored`` has the outcome column, ``p`` the PDs and ``x`` the model matrix,
    all in the same row order. With ``policy`` (approve below, decline from), ``bands``: each
    band's observed bad rate on the measured rows against its calibration interval (issue 32).
    """
    known = scored["outcome"].notna().to_numpy()
    out: dict[str, Any] = {"known_outcomes": int(known.sum()), "training_rows_excluded": None,
                           "auc_rows": 0}
    training = unpack(meta)
    if training is None:
        return None, None, out | {"auc_basis": "no_fingerprints"}
    if not known.any():
        return None, None, out | {"training_rows_excluded": 0, "auc_basis": "no_known_outcomes"}
    seen = is_training_row(fingerprints(x.iloc[np.flatnonzero(known)], meta["features"]),
                           training)
    rows = np.flatnonzero(known)[~seen]
    out |= {"training_rows_excluded": int(seen.sum()), "auc_rows": int(len(rows))}
    if not len(rows):
        return None, None, out | {"auc_basis": "only_training_rows"}
    y = (scored["outcome"].to_numpy()[rows] == "bad").astype(int)
    if policy is not None:
        out["bands"] = band_intervals(y, p[rows], *policy)
    if not 0 < y.sum() < len(y):
        return None, None, out | {"auc_basis": "one_outcome"}
    return metrics.auc(y, p[rows]), metrics.ks(y, p[rows]), out | {"auc_basis": "measured"}


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
    lines.append(discrimination_line(run.auc, run.ks, details))
    if details.get("outcome_definition"):
        lines.append("  " + outcome_line({"outcome_definition": details["outcome_definition"]}))
    lines.append(translate("Monitoring", "override rate (decline band approved by an officer): "
                           "{rate} of {n} decided").format(
        rate=_fmt(run.override_rate, "{:.1%}"), n=details.get("decline_band_decided", 0)))
    if details.get("challenger"):
        lines += challenger.lines(challenger.Comparison.from_dict(details["challenger"]))
    return lines


def discrimination_line(auc: float | None, ks: float | None, details: dict[str, Any]) -> str:
    """How AUC/KS were measured (or why not), from a run's figures and stored details."""
    k = details.get("known_outcomes", 0)
    basis = details.get("auc_basis")
    excluded, used = details.get("training_rows_excluded"), details.get("auc_rows", 0)
    if basis is None:  # a run stored before training rows were excluded
        return translate("Monitoring", "known outcomes: {k}; AUC {auc}, KS {ks} (training rows "
                         "not excluded)").format(k=k, auc=_fmt(auc), ks=_fmt(ks))
    if basis == "no_fingerprints":
        return translate("Monitoring", "known outcomes: {k}; AUC/KS not measured: the model "
                         "holds no fingerprints of its training rows, so they cannot be told "
                         "apart from new applications").format(k=k)
    if basis == "no_known_outcomes":
        return translate("Monitoring", "known outcomes: 0; AUC/KS not measured")
    if basis == "only_training_rows":
        return translate("Monitoring", "known outcomes: {k}, all of them training rows of the "
                         "model: no rows left for AUC/KS").format(k=k)
    if basis == "one_outcome":
        return translate("Monitoring", "known outcomes: {k}; training rows excluded: {t}; the "
                         "{n} rows left are all good or all bad: AUC/KS not measured").format(
            k=k, t=excluded, n=used)
    return translate("Monitoring", "known outcomes: {k}; training rows excluded: {t}; AUC {auc}, "
                     "KS {ks} on the other {n} rows").format(
        k=k, t=excluded, n=used, auc=_fmt(auc), ks=_fmt(ks))
