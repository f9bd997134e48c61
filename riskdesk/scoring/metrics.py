"""Discrimination, calibration and stability measures used in training and monitoring."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score


def auc(y: np.ndarray, p: np.ndarray) -> float:
    return float(roc_auc_score(y, p))


def ks(y: np.ndarray, p: np.ndarray) -> float:
    """Largest gap between the cumulative score distributions of bads and goods."""
    order = np.argsort(-p, kind="stable")
    ys = np.asarray(y)[order]
    bads, goods = ys.sum(), len(ys) - ys.sum()
    if bads == 0 or goods == 0:
        return float("nan")
    gap = np.cumsum(ys) / bads - np.cumsum(1 - ys) / goods
    return float(np.max(np.abs(gap)))


def calibration(y: np.ndarray, p: np.ndarray, bins: int = 10) -> list[dict[str, Any]]:
    """Predicted against observed bad rate in quantile bins of the prediction."""
    frame = pd.DataFrame({"y": y, "p": p})
    frame["bin"] = pd.qcut(frame["p"].rank(method="first"), bins, labels=False)
    out = frame.groupby("bin").agg(n=("y", "size"), predicted=("p", "mean"),
                                   observed=("y", "mean"))
    return [{"bin": i + 1, "n": int(n), "predicted": round(float(p_), 4),
             "observed": round(float(o), 4)}
            for i, (n, p_, o) in enumerate(zip(out["n"], out["predicted"], out["observed"],
                                               strict=True))]


def summary(y: np.ndarray, p: np.ndarray) -> dict[str, Any]:
    a = auc(y, p)
    return {"auc": round(a, 4), "ks": round(ks(y, p), 4), "gini": round(2 * a - 1, 4),
            "bad_rate": round(float(np.mean(y)), 4), "rows": int(len(y)),
            "calibration": calibration(y, p)}


def quantile_edges(values: np.ndarray, bins: int = 10) -> list[float]:
    """Inner bin edges from the training distribution (kept in the model's metadata)."""
    v = np.asarray(values, dtype=float)
    v = v[~np.isnan(v)]
    if len(v) == 0:
        return []
    edges = np.unique(np.quantile(v, np.linspace(0, 1, bins + 1)[1:-1]))
    return [float(e) for e in edges]


def bin_shares(values: np.ndarray, edges: list[float]) -> list[float]:
    """Share of values per bin (last bin: missing values)."""
    v = np.asarray(values, dtype=float)
    missing = np.isnan(v)
    idx = np.searchsorted(np.asarray(edges), v[~missing], side="right")
    counts = np.bincount(idx, minlength=len(edges) + 1).astype(float)
    counts = np.append(counts, missing.sum())
    total = counts.sum()
    return [float(c / total) if total else 0.0 for c in counts]


def psi(expected: list[float], actual: list[float], floor: float = 1e-4) -> float:
    """Population stability index; < 0.1 stable, 0.1-0.25 watch, > 0.25 shifted."""
    e = np.maximum(np.asarray(expected), floor)
    a = np.maximum(np.asarray(actual), floor)
    return float(np.sum((a - e) * np.log(a / e)))
