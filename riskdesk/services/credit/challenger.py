"""Champion against challenger on the same applications (issue 32, part 1): the figures that
monitoring, the monthly report and a challenger's validation report print.

The rows are decisions with a shadow score beside them (``shadow_score``, written by
:mod:`~riskdesk.services.credit.shadow`); the caller says which decisions (a month's current
ones, those made by a cut-off, or all current ones). Both models are judged at the policy in
force (the caller passes its edges) on the same rule hits, so the rates and the count of
decisions that would change are the models' difference, not a policy change's:

- approval and flag rates: a PD below the approve edge with no rule hit of medium severity or
  more is approved automatically, anything else is flagged;
- decisions that would change: flagged by one model and approved by the other;
- AUC and KS on the applications with a known outcome that are training rows of neither
  model (recognised by the fingerprints both carry; without them nothing is measured, as in
  monitoring), both models on the very same rows.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Select, func, select
from sqlmodel import Session, col

from riskdesk.domain.applications import Application
from riskdesk.domain.enums import Band
from riskdesk.domain.scoring import (
    DecisionRecord,
    ModelVersion,
    PolicyVersion,
    ShadowScore,
    model_name,
)
from riskdesk.domain.tables import table_of
from riskdesk.i18n import translate
from riskdesk.scoring import metrics
from riskdesk.scoring.features import matrix
from riskdesk.scoring.fingerprints import fingerprints, is_training_row, unpack
from riskdesk.services.credit.explanations import load_features
from riskdesk.services.credit.registry import meta_of
from riskdesk.services.credit.rulesets import DEFAULT_POLICY
from riskdesk.services.credit.shadow import FLAGGING, bands_at
from riskdesk.services.periods import period
from riskdesk.storage.bulk import frame_of

A, D, SH = (table_of(m).c for m in (Application, DecisionRecord, ShadowScore))


@dataclass(frozen=True)
class Comparison:
    """Champion and challenger on the same applications; pairs are (champion, challenger)."""

    champion: int
    challenger: int
    champion_name: str
    challenger_name: str
    policy: tuple[float, float]  # approve below, decline from
    applications: int
    approved: tuple[int, int]
    flagged: tuple[int, int]
    changed: int  # applications whose decision would change
    to_flagged: int  # of those: approved by the champion, flagged by the challenger
    known_outcomes: int
    training_rows_excluded: int | None
    auc_rows: int
    auc_basis: str  # measured / no_fingerprints / no_known_outcomes / only_training_rows / one_outcome
    auc: tuple[float | None, float | None] = (None, None)
    ks: tuple[float | None, float | None] = (None, None)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (kept in a monitoring run's details)."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Comparison:
        names = {f.name for f in dataclasses.fields(cls)}
        values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v
                                  for k, v in data.items() if k in names}
        return cls(**values)

    def rate(self, count: int) -> float | None:
        return count / self.applications if self.applications else None


def compare(session: Session, *, decisions: Select[Any], policy: tuple[float, float],
            challenger_id: int | None = None) -> Comparison | None:
    """The comparison over ``decisions`` (a select of decision record ids) that have a shadow
    score; None when none has. ``challenger_id``: by default the challenger whose shadow
    score is the latest among them; the champion is the model most of those decisions name
    (a month that changed its active model compares the one that decided most of it)."""
    conn = session.connection()
    q = (select(D.application_id, D.model_version_id.label("champion"), D.pd.label("pd_c"),
                D.max_severity, SH.model_version_id.label("challenger"), SH.pd.label("pd_s"),
                SH.id.label("shadow_id"), A.outcome)
         .join_from(table_of(ShadowScore), table_of(DecisionRecord),
                    D.id == SH.decision_record_id)
         .join(table_of(Application), A.id == D.application_id)
         .where(D.id.in_(decisions.scalar_subquery())).order_by(D.application_id))
    if challenger_id is not None:
        q = q.where(SH.model_version_id == challenger_id)
    rows = frame_of(conn, q)
    if not len(rows):
        return None
    chosen = int(rows["challenger"].to_numpy()[int(rows["shadow_id"].to_numpy().argmax())])
    rows = rows[rows["challenger"] == chosen]
    champion = int(rows["champion"].mode().iloc[0])
    rows = rows[rows["champion"] == champion].reset_index(drop=True)
    c_model, s_model = session.get(ModelVersion, champion), session.get(ModelVersion, chosen)
    assert c_model is not None and s_model is not None  # foreign keys
    by_rule = rows["max_severity"].isin(FLAGGING).to_numpy()
    pds = [rows["pd_c"].astype(float).to_numpy(), rows["pd_s"].astype(float).to_numpy()]
    flags = [(bands_at(p, *policy) != Band.APPROVE.value) | by_rule for p in pds]
    measured = _discrimination(conn, rows, pds, [meta_of(c_model), meta_of(s_model)])
    return Comparison(
        champion, chosen, model_name(c_model.name), model_name(s_model.name), policy,
        len(rows), (int((~flags[0]).sum()), int((~flags[1]).sum())),
        (int(flags[0].sum()), int(flags[1].sum())), int((flags[0] != flags[1]).sum()),
        int((~flags[0] & flags[1]).sum()), **measured)


def at_cut_off(session: Session, *, month: str, cut_off: datetime) -> Comparison | None:
    """The monthly report's comparison: each application of ``month`` at its latest decision
    made by ``cut_off`` (as the report's own figures), both models judged at the policy in
    force at the cut-off; a shadow score is written with its decision, so none later counts
    and a reissue with the same cut-off shows the same."""
    p = period(session, month=month, cut_off=cut_off)
    apps = select(A.id).where(p.holds(A.submitted_at, A.created_at))
    latest = select(func.max(D.id)).where(D.application_id.in_(apps),
                                          D.decided_at <= cut_off).group_by(D.application_id)
    pv = session.scalars(select(PolicyVersion).where(col(PolicyVersion.effective_from) <= cut_off)
                         .order_by(col(PolicyVersion.effective_from).desc(),
                                   col(PolicyVersion.id).desc())).first()
    edges = (float(pv.approve_below), float(pv.decline_from)) if pv is not None else (
        float(DEFAULT_POLICY["approve_below"]), float(DEFAULT_POLICY["decline_from"]))
    return compare(session, decisions=latest, policy=edges)


def _discrimination(conn: Any, rows: pd.DataFrame, pds: list[np.ndarray],
                    metas: list[dict[str, Any]]) -> dict[str, Any]:
    """AUC and KS of both models on the known outcomes that are training rows of neither."""
    known = rows["outcome"].notna().to_numpy()
    out: dict[str, Any] = {"known_outcomes": int(known.sum()), "training_rows_excluded": None,
                           "auc_rows": 0}
    trained = [unpack(meta) for meta in metas]
    if any(t is None for t in trained):
        return out | {"auc_basis": "no_fingerprints"}
    if not known.any():
        return out | {"training_rows_excluded": 0, "auc_basis": "no_known_outcomes"}
    at = np.flatnonzero(known)
    feats = load_features(conn, ids=rows["application_id"].iloc[at].astype(int).tolist())
    seen = np.zeros(len(at), dtype=bool)
    for meta, training in zip(metas, trained, strict=True):
        x = matrix(feats, meta["features"], meta["categories"])
        seen |= is_training_row(fingerprints(x, meta["features"]), training)  # type: ignore[arg-type]
    keep = at[~seen]
    out |= {"training_rows_excluded": int(seen.sum()), "auc_rows": int(len(keep))}
    if not len(keep):
        return out | {"auc_basis": "only_training_rows"}
    y = (rows["outcome"].to_numpy()[keep] == "bad").astype(int)
    if not 0 < y.sum() < len(y):
        return out | {"auc_basis": "one_outcome"}
    return out | {"auc_basis": "measured",
                  "auc": tuple(metrics.auc(y, p[keep]) for p in pds),
                  "ks": tuple(metrics.ks(y, p[keep]) for p in pds)}


def lines(c: Comparison) -> list[str]:
    """The comparison as monitoring prints it."""
    def pct(n: int) -> str:
        r = c.rate(n)
        return "-" if r is None else f"{100 * r:.1f} %"

    def num(v: float | None) -> str:
        return translate("Monitoring", "n/a") if v is None else f"{v:.4f}"

    out = [translate("Monitoring", "challenger model {s} in shadow beside model {c}: {n} "
                     "applications scored by both").format(s=c.challenger, c=c.champion,
                                                           n=c.applications),
           translate("Monitoring", "  at the current policy: approved {a1} / {a2}, flagged "
                     "{f1} / {f2} (champion / challenger); {k} decisions would change ({u} "
                     "to flagged)").format(a1=pct(c.approved[0]), a2=pct(c.approved[1]),
                                           f1=pct(c.flagged[0]), f2=pct(c.flagged[1]),
                                           k=c.changed, u=c.to_flagged)]
    if c.auc_basis == "measured":
        out.append(translate("Monitoring", "  AUC {a1} / {a2}, KS {k1} / {k2} on the same {n} "
                             "known outcomes (training rows of either model excluded: {t})")
                   .format(a1=num(c.auc[0]), a2=num(c.auc[1]), k1=num(c.ks[0]),
                           k2=num(c.ks[1]), n=c.auc_rows, t=c.training_rows_excluded))
    else:
        out.append(translate("Monitoring", "  AUC / KS not compared ({why}); known outcomes: "
                             "{k}").format(why=basis_text(c.auc_basis), k=c.known_outcomes))
    return out


def basis_text(basis: str) -> str:
    """Why AUC / KS were not compared, in words."""
    return {
        "no_fingerprints": translate("Monitoring", "a model holds no fingerprints of its "
                                     "training rows"),
        "no_known_outcomes": translate("Monitoring", "no known outcomes yet"),
        "only_training_rows": translate("Monitoring", "every known outcome is a training row"),
        "one_outcome": translate("Monitoring", "the rows left are all good or all bad"),
    }.get(basis, basis)
