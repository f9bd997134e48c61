"""Drift and decay that lead to action (issue 32, part 2): the monthly monitoring run opens a
model-review case for compliance when the model in force has drifted or decayed, and the
validator closes it with a signed decision on the model.

What opens one (each found is a *breach*, kept with its figures as the case's evidence):

- ``PSI``: the month's score distribution against training, above :data:`PSI_LIMIT`;
- ``CSI``: a top feature's distribution against training, above :data:`CSI_LIMIT`;
- ``AUC``: the month's AUC (measured on known outcomes that are not training rows) more than
  :data:`AUC_DROP` below the model's held-out AUC, the figure its validation report restates
  from the same split (``ModelVersion.auc``);
- ``BAND``: a policy band's observed bad rate outside its calibration interval, the 95 %
  binomial interval of the bad rate the band's mean predicted PD implies for its row count;
- ``OVERDUE``: the model past its next validation date (``ModelVersion.next_validation_at``).

Once per model and month: the case's dedupe key is ``model_review:<model id>:<month>``, so a
second run in the same month opens nothing. Cases are inserted by
:mod:`~riskdesk.services.cases.opening` only. Closing records keep, recalibrate, retrain or
retire as the case's decision, signed (``model.review.close`` is in ``trail.SIGNED_ACTIONS``);
acting on it (recalibration, a new model through validation and approval, retiring) is the
model registry's own path, not done here.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.cases import Case
from riskdesk.domain.enums import CaseKind, CaseStatus, label
from riskdesk.domain.scoring import ModelVersion, MonitorRun, model_name
from riskdesk.errors import InvalidInput
from riskdesk.i18n import join_list, translate
from riskdesk.services.actor import Actor
from riskdesk.services.cases.opening import open_case
from riskdesk.services.cases.work import OPEN, check_version, get_case, reason_as_stored, save
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow

if TYPE_CHECKING:
    import numpy as np

KIND = CaseKind.MODEL_REVIEW.value
PSI_LIMIT = 0.25
CSI_LIMIT = 0.25
AUC_DROP = 0.05
CONFIDENCE = 0.95  # of a band's calibration interval
DUE_DAYS = 10  # a review is due this many days after the run that opened it
ACTION = "model.review.close"
DECISIONS = ("keep", "recalibrate", "retrain", "retire")


def band_intervals(y: np.ndarray, p: np.ndarray, approve_below: float,
                   decline_from: float) -> list[dict[str, Any]]:
    """Per policy band with rows: its rows, mean predicted PD, observed bad rate and the
    calibration interval (``low``, ``high``: the bad rates a binomial draw of that many rows
    at the mean PD gives with :data:`CONFIDENCE`); ``outside`` when the observed rate is not
    in it."""
    import numpy as np
    from scipy import stats  # SciPy loads on first use, not with the case window (issue 35)

    cuts = np.digitize(p, [approve_below, decline_from])
    out = []
    for i, band in enumerate(("approve", "review", "decline")):
        sel = cuts == i
        n = int(sel.sum())
        if not n:
            continue
        bads, pred = int(y[sel].sum()), float(p[sel].mean())
        low, high = stats.binom.interval(CONFIDENCE, n, min(max(pred, 1e-9), 1 - 1e-9))
        out.append({"band": band, "n": n, "predicted": round(pred, 4),
                    "observed": round(bads / n, 4), "low": round(float(low) / n, 4),
                    "high": round(float(high) / n, 4),
                    "outside": bool(bads < low or bads > high)})
    return out


def breaches(model: ModelVersion, run: MonitorRun, details: dict[str, Any],
             now: datetime) -> list[dict[str, Any]]:
    """What in this run calls for a review of ``model``, each with its figures (empty: none)."""
    found: list[dict[str, Any]] = []
    if run.score_psi is not None and run.score_psi > PSI_LIMIT:
        found.append({"code": "PSI", "value": round(run.score_psi, 4), "limit": PSI_LIMIT})
    for name, value in sorted(details.get("features", {}).items()):
        if value is not None and value > CSI_LIMIT:
            found.append({"code": "CSI", "feature": name, "value": value, "limit": CSI_LIMIT})
    if run.auc is not None and model.auc - run.auc > AUC_DROP:
        found.append({"code": "AUC", "value": round(run.auc, 4),
                      "validation": round(model.auc, 4), "limit": AUC_DROP,
                      "rows": details.get("auc_rows", 0)})
    for b in details.get("bands", []):
        if b["outside"]:
            found.append({"code": "BAND", **{k: v for k, v in b.items() if k != "outside"}})
    if model.next_validation_at is not None and model.next_validation_at < now:
        found.append({"code": "OVERDUE", "next_validation": model.next_validation_at.isoformat()})
    return found


def open_if_drifted(session: Session, actor: Actor, *, model: ModelVersion, run: MonitorRun,
                    details: dict[str, Any]) -> int | None:
    """The month's model-review case on ``model`` if this run found a breach and none was
    opened for the model this month; its id, or None. Called by the monitoring run, in its
    transaction (the run's own permission covers it)."""
    now = utcnow(session)
    found = breaches(model, run, details, now)
    key = f"{KIND}:{model.id}:{run.month}"
    if not found or session.exec(select(Case.id).where(col(Case.dedupe_key) == key)).first():
        return None
    case = open_case(
        session, actor, kind=KIND, priority=1, due_at=now + timedelta(days=DUE_DAYS),
        dedupe_key=key, reason="; ".join(_plain(b) for b in found),
        audit={"model_version": model.id, "month": run.month, "monitor_run": run.id,
               "figures": found}, now=now,
        application_no=f"M{model.id}", applicant_name=model_name(model.name)[:128],
        flags=",".join(dict.fromkeys(b["code"] for b in found)))
    return case.id


def _plain(b: dict[str, Any]) -> str:
    """A breach as the case's stored reason: codes and figures, the same in every language."""
    extra = {"CSI": f" {b.get('feature')}", "BAND": f" {b.get('band')}"}.get(b["code"], "")
    figures = ", ".join(f"{k} {v}" for k, v in b.items() if k not in ("code", "feature", "band"))
    return f"{b['code']}{extra}: {figures}"


def evidence(session: Session, actor: Actor, *, case_id: int) -> tuple[str, ...]:
    """The figures a model-review case was opened on, one line each in the reader's language
    (from its ``case.open`` event in the audit trail); empty for another kind of case."""
    require(actor, Action.APPLICATION_VIEW)
    case = get_case(session, case_id=case_id)
    if case.kind != KIND:
        return ()
    after = session.exec(select(AuditEvent.after).where(
        col(AuditEvent.action) == "case.open", col(AuditEvent.entity_type) == "case",
        col(AuditEvent.entity_id) == str(case_id))).first()
    opened = json.loads(after or "{}")
    head = translate("ModelReview", "Model {id} ({name}), monitoring of {month}:").format(
        id=opened.get("model_version"), name=case.applicant_name, month=opened.get("month"))
    return (head, *(line(b) for b in opened.get("figures", [])))


def line(b: dict[str, Any]) -> str:
    """One breach in words."""
    code = b["code"]
    if code == "PSI":
        return translate("ModelReview", "score PSI {value:.4f} above {limit:.2f}").format(**b)
    if code == "CSI":
        return translate("ModelReview", "feature {feature}: CSI {value:.4f} above "
                         "{limit:.2f}").format(**b)
    if code == "AUC":
        return translate("ModelReview", "AUC {value:.4f} on {rows} rows, down more than "
                         "{limit:.2f} from {validation:.4f} at validation").format(**b)
    if code == "BAND":
        return translate("ModelReview", "{band} band: observed bad rate {observed:.1%} outside "
                         "its calibration interval {low:.1%} to {high:.1%} (predicted "
                         "{predicted:.1%}, {n} rows)").format(**{**b, "band": label(b["band"])})
    return translate("ModelReview", "past its next validation date {day}").format(
        day=str(b.get("next_validation", ""))[:10])


def close_review(session: Session, actor: Actor, *, case_id: int, version: int, decision: str,
                 reason: str) -> Case:
    """The validator's decision on the model under review (keep, recalibrate, retrain,
    retire) with its reason: the case is decided, and the ``model.review.close`` event is
    signed by the validator."""
    require(actor, Action.MODEL_VALIDATE)
    case = get_case(session, case_id=case_id)
    if case.kind != KIND:
        raise InvalidInput(translate("ModelReview", "Case {id} is not a model review.").format(
            id=case_id))
    check_version(case, version)
    if decision not in DECISIONS:
        raise InvalidInput(translate("ModelReview", "A model review closes with one of: "
                                     "{d}.").format(d=join_list(map(label, DECISIONS))))
    if not reason.strip():
        raise InvalidInput(translate("ModelReview", "Closing a model review needs a reason."))
    if case.status not in OPEN:
        raise InvalidInput(translate("ModelReview", "Case {id} is {status}; it cannot be "
                                     "closed now.").format(id=case_id, status=label(case.status)))
    return save(session, actor, case=case, version=version, action=ACTION, values={
        "status": CaseStatus.DECIDED, "decision": decision, "maker_id": actor.user_id,
        "decided_by_id": actor.user_id,
        "reason": reason_as_stored(session, case_id=case_id, reason=reason)},
        extra={"decision": decision, "model": case.application_no})
