"""Recalibration maps (issue 32): a model's PD is its booster's log-odds turned into a
probability, either by the logistic function (as trained) or by a calibration map fitted later
on applications with known outcomes, without touching the booster (so its ranking and its
reason codes stay those the validator approved).

Two maps, both monotone in the log-odds and stored as plain numbers in the model's metadata:

- Platt: a logistic regression on the log-odds, ``pd = 1 / (1 + exp(-(a * margin + b)))``;
  two parameters, keeps the ranking exactly (AUC unchanged).
- isotonic: scikit-learn's isotonic regression of the outcome on the log-odds, stored as its
  breakpoints and read by linear interpolation between them (clipped at the ends), which is
  what ``IsotonicRegression.predict`` does; it may tie neighbouring scores.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate

METHODS = ("platt", "isotonic")
# A PD is never exactly 0 or 1: points take its log-odds (scorecard.points clips too).
FLOOR = 1e-4


def probability(margin: np.ndarray) -> np.ndarray:
    """The logistic function: the PD of a booster's log-odds as trained."""
    return np.asarray(1.0 / (1.0 + np.exp(-np.asarray(margin, dtype=float))))


def logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(np.asarray(p, dtype=float), 1e-12, 1 - 1e-12)
    return np.asarray(np.log(q / (1 - q)))


def checked_method(method: str) -> str:
    """``method`` if it is one of :data:`METHODS`, else a message naming them."""
    if method not in METHODS:
        raise InvalidInput(translate("Model", "Unknown recalibration method {method}: platt or "
                                     "isotonic.").format(method=method))
    return method


def fit(margin: np.ndarray, y: np.ndarray, method: str) -> dict[str, Any]:
    """The map of ``method`` fitted on log-odds ``margin`` and outcomes ``y`` (1 = bad)."""
    m = np.asarray(margin, dtype=float)
    if checked_method(method) == "platt":
        from sklearn.linear_model import LogisticRegression

        lr = LogisticRegression(C=1e6, max_iter=1000).fit(m.reshape(-1, 1), y)
        return {"method": "platt", "a": float(lr.coef_[0][0]), "b": float(lr.intercept_[0])}
    from sklearn.isotonic import IsotonicRegression

    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(m, y)
    return {"method": "isotonic", "x": [float(v) for v in iso.X_thresholds_],
            "y": [float(v) for v in iso.y_thresholds_]}


def apply(cal_map: Mapping[str, Any] | None, margin: np.ndarray) -> np.ndarray:
    """The PD of log-odds ``margin`` under ``cal_map`` (None: the logistic function)."""
    m = np.asarray(margin, dtype=float)
    if not cal_map:
        return probability(m)
    if cal_map["method"] == "platt":
        p = probability(cal_map["a"] * m + cal_map["b"])
    else:
        p = np.interp(m, np.asarray(cal_map["x"], dtype=float),
                      np.asarray(cal_map["y"], dtype=float))
    return np.asarray(np.clip(p, FLOOR, 1 - FLOOR))


def pd_of(meta: Mapping[str, Any], margin: np.ndarray) -> np.ndarray:
    """A registered model's PD: its calibration map if it has one (a recalibrated version),
    else the logistic function. Every place that turns a model's log-odds into the PD it
    decides on goes through here."""
    cal = meta.get("calibration")
    return apply(cal["map"] if cal else None, margin)


def raw_pd_edges(meta: Mapping[str, Any]) -> list[float]:
    """The reference score bins of the booster as trained (a recalibrated version keeps them
    beside its own mapped bins)."""
    cal = meta.get("calibration")
    return list(cal["raw_pd_edges"] if cal else meta["reference"]["pd"]["edges"])


def mapped_edges(cal_map: Mapping[str, Any], edges: list[float]) -> list[float]:
    """The training score bins moved through ``cal_map``: the map is monotone, so each
    training row keeps its bin and the reference shares stay true (PSI of a recalibrated
    version compares like with like)."""
    return [float(v) for v in apply(cal_map, logit(np.asarray(edges, dtype=float)))]


def brier(y: np.ndarray, p: np.ndarray) -> float:
    """Mean squared difference of PD and outcome."""
    return float(np.mean((np.asarray(p, dtype=float) - np.asarray(y, dtype=float)) ** 2))


def by_decile(y: np.ndarray, margin: np.ndarray, before: np.ndarray, after: np.ndarray,
              bins: int = 10) -> list[dict[str, Any]]:
    """Rows, observed bad rate and mean PD before and after, per decile of the booster's
    log-odds (the same rows in each decile for both maps: both are monotone in it)."""
    frame = pd.DataFrame({"y": y, "b": before, "a": after})
    frame["bin"] = pd.qcut(pd.Series(margin).rank(method="first"), min(bins, len(frame)),
                           labels=False)
    g = frame.groupby("bin").agg(n=("y", "size"), observed=("y", "mean"),
                                 before=("b", "mean"), after=("a", "mean"))
    n, obs = g["n"].to_numpy(dtype=int), g["observed"].to_numpy(dtype=float)
    b, a = g["before"].to_numpy(dtype=float), g["after"].to_numpy(dtype=float)
    return [{"bin": i + 1, "n": int(n[i]), "observed": round(float(obs[i]), 4),
             "before": round(float(b[i]), 4), "after": round(float(a[i]), 4)}
            for i in range(len(g))]


def ece(deciles: list[dict[str, Any]], key: str) -> float:
    """Expected calibration error over the deciles: the row-weighted mean gap between
    observed bad rate and mean PD (``key``: "before" or "after")."""
    n = sum(d["n"] for d in deciles)
    return float(sum(d["n"] * abs(d["observed"] - d[key]) for d in deciles) / n) if n else 0.0


def compare(y: np.ndarray, margin: np.ndarray, before: np.ndarray,
            after: np.ndarray) -> dict[str, Any]:
    """Calibration before and after on the same rows: deciles, Brier score and ECE."""
    deciles = by_decile(y, margin, before, after)
    return {"rows": int(len(y)), "bads": int(np.sum(y)), "deciles": deciles,
            "brier": {"before": round(brier(y, before), 5), "after": round(brier(y, after), 5)},
            "ece": {"before": round(ece(deciles, "before"), 5),
                    "after": round(ece(deciles, "after"), 5)}}
