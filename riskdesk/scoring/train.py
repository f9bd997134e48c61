"""Training: XGBoost with early stopping, held-out metrics, and 5-fold CV against a
logistic-regression baseline on the same folds.

The held-out split is stratified, or by time when a real date column is named (the demo's
dates are synthetic). The number of trees is chosen by early stopping in a 5-fold CV on the
training rows only (a single small validation set was too noisy with 5 % bads); the model is
then fitted on all training rows, and the reported cross-validation re-fits that chosen setup
on each fold of the whole data set. Shallow trees (depth 2) keep exact reason codes cheap and
matched deeper ones in CV on the demo data.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from riskdesk.config import compute_threads
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.scoring import metrics
from riskdesk.scoring.features import FORBIDDEN, infer_spec, matrix, monotone
from riskdesk.scoring.fingerprints import fingerprints, pack
from riskdesk.scoring.protected import (
    ALLOWABLE,
    PROTECTED_DEFAULT,
    PROXY_THRESHOLD,
    correlations,
    protected_columns,
    proxies,
)

SEED = 20_261_124
PARAMS: dict[str, Any] = {
    "objective": "binary:logistic", "eval_metric": "auc", "tree_method": "hist",
    "eta": 0.01, "max_depth": 2, "min_child_weight": 5, "subsample": 0.8,
    "colsample_bytree": 0.5, "lambda": 10.0, "max_cat_to_onehot": 4,
}
MAX_ROUNDS = 3000
EARLY_STOP = 100


@dataclass
class TrainedModel:
    artefact: bytes  # XGBoost UBJ
    meta: dict[str, Any]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.artefact).hexdigest()


def target_vector(frame: pd.DataFrame, target: str, bad_value: str | None) -> np.ndarray:
    if target not in frame:
        raise InvalidInput(translate("Model", "The target column \"{col}\" is not in the data.")
                           .format(col=target))
    s = frame[target]
    if s.isna().any():
        raise InvalidInput(translate("Model", "The target column \"{col}\" has {n} empty values.")
                           .format(col=target, n=int(s.isna().sum())))
    if bad_value is not None:
        y = (s.astype(str).str.strip() == str(bad_value)).to_numpy().astype(int)
    else:
        values = set(pd.unique(s.astype(str)))
        if not values <= {"0", "1", "0.0", "1.0", "True", "False"}:
            raise InvalidInput(translate(
                "Model", "The target column \"{col}\" is not 0/1; name the bad value with "
                "--bad-value.").format(col=target))
        y = s.astype(str).isin(["1", "1.0", "True"]).to_numpy().astype(int)
    if y.sum() < 10 or (1 - y).sum() < 10:
        raise InvalidInput(translate("Model", "The target needs at least 10 bad and 10 good rows "
                                     "(found {bad} bad, {good} good).").format(
            bad=int(y.sum()), good=int((1 - y).sum())))
    return y


def _fit(x: pd.DataFrame, y: np.ndarray, features: list[str], *, rounds: int,
         seed: int = SEED) -> xgb.Booster:
    params = dict(PARAMS, seed=seed, nthread=compute_threads(),
                  monotone_constraints=monotone(features))
    return xgb.train(params, xgb.DMatrix(x, label=y, enable_categorical=True),
                     num_boost_round=rounds)


def choose_rounds(x: pd.DataFrame, y: np.ndarray, features: list[str]) -> int:
    """Trees by early stopping on the mean AUC of a 5-fold CV over the training rows."""
    params = dict(PARAMS, seed=SEED, nthread=compute_threads(),
                  monotone_constraints=monotone(features))
    history = xgb.cv(params, xgb.DMatrix(x, label=y, enable_categorical=True),
                     num_boost_round=MAX_ROUNDS, nfold=5, stratified=True,
                     early_stopping_rounds=EARLY_STOP, seed=SEED + 1)
    return len(history)


def _predict(booster: xgb.Booster, x: pd.DataFrame) -> np.ndarray:
    return np.asarray(booster.inplace_predict(x), dtype=float)


def _baseline(features: list[str], categories: dict[str, list[str]]) -> Any:
    numeric = [f for f in features if f not in categories]
    text = [f for f in features if f in categories]
    prep = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median", add_indicator=True),
                              StandardScaler()), numeric),
        ("cat", make_pipeline(SimpleImputer(strategy="constant", fill_value="(missing)"),
                              OneHotEncoder(handle_unknown="ignore")), text),
    ])
    return make_pipeline(prep, LogisticRegression(max_iter=5000, C=1.0))


def _as_text(x: pd.DataFrame, categories: dict[str, list[str]]) -> pd.DataFrame:
    out = x.copy()
    for name in categories:
        out[name] = out[name].astype(object).where(out[name].notna(), np.nan)
    return out


def cross_validate(x: pd.DataFrame, y: np.ndarray, features: list[str],
                   categories: dict[str, list[str]], rounds: int,
                   folds: int = 5) -> dict[str, Any]:
    """AUC per fold of the chosen XGBoost setup and of the logistic baseline, same folds."""
    skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    xgb_auc, lr_auc = [], []
    plain = _as_text(x, categories)
    for train_idx, test_idx in skf.split(x, y):
        booster = _fit(x.iloc[train_idx], y[train_idx], features, rounds=rounds)
        xgb_auc.append(metrics.auc(y[test_idx], _predict(booster, x.iloc[test_idx])))
        lr = _baseline(features, categories).fit(plain.iloc[train_idx], y[train_idx])
        lr_auc.append(metrics.auc(y[test_idx], lr.predict_proba(plain.iloc[test_idx])[:, 1]))
    return {"folds": folds,
            "xgboost": {"mean": round(float(np.mean(xgb_auc)), 4),
                        "std": round(float(np.std(xgb_auc)), 4),
                        "per_fold": [round(a, 4) for a in xgb_auc]},
            "logistic": {"mean": round(float(np.mean(lr_auc)), 4),
                         "std": round(float(np.std(lr_auc)), 4),
                         "per_fold": [round(a, 4) for a in lr_auc]}}


def split_rows(frame: pd.DataFrame, y: np.ndarray,
               time_column: str | None) -> tuple[np.ndarray, np.ndarray, str]:
    """Positions of the fitting rows and of the held-out rows, and the kind of split: the
    latest 25 % by ``time_column``, or a stratified 25 % drawn with the fixed SEED (so the
    same data always gives the same split)."""
    if time_column:
        if time_column not in frame:
            raise InvalidInput(translate("Model", "The time column \"{col}\" is not in the data.")
                               .format(col=time_column))
        order = np.argsort(pd.to_datetime(frame[time_column]).to_numpy(), kind="stable")
        cut = int(len(order) * 0.75)
        return order[:cut], order[cut:], "time"
    train_idx, test_idx = train_test_split(np.arange(len(y)), test_size=0.25, stratify=y,
                                           random_state=SEED)
    return np.asarray(train_idx), np.asarray(test_idx), "stratified"


def screen_protected(columns: Sequence[str], protected: Mapping[str, Sequence[str]],
                     allow: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """(protected column -> group, for those excluded; allowed column -> reason). Only a
    group in ALLOWABLE (age) may be allowed, by naming the column or the group, with a reason.
    """
    found = protected_columns(columns, protected)
    for name, why in allow.items():
        group = found.get(name, name)
        if group not in ALLOWABLE:
            raise InvalidInput(translate(
                "Model", "{col} cannot be allowed as a feature: only age may be, with a "
                "reason (--allow-feature age --why TEXT).").format(col=name))
        if not why.strip():
            raise InvalidInput(translate("Model", "Allowing {col} needs a reason (--why).")
                               .format(col=name))
    allowed = {c: allow.get(c) or allow.get(g, "") for c, g in found.items()
               if g in ALLOWABLE and (c in allow or g in allow)}
    return {c: g for c, g in found.items() if c not in allowed}, allowed


def train(frame: pd.DataFrame, target: str, *, bad_value: str | None = None,
          features: Sequence[str] | None = None, exclude: Sequence[str] = (),
          time_column: str | None = None, compare_with: Sequence[str] = (),
          data_name: str, data_sha256: str, author: str,
          protected: Mapping[str, Sequence[str]] | None = None,
          allow: Mapping[str, str] | None = None, proxy_threshold: float = PROXY_THRESHOLD,
          outcome_definition: Mapping[str, Any] | None = None) -> TrainedModel:
    """``protected``: the policy's protected attributes (never features; age only when in
    ``allow`` with its reason); ``outcome_definition`` is stored with the model (by default:
    the target column as given)."""
    y = target_vector(frame, target, bad_value)
    skip = {target, *exclude, *FORBIDDEN, *([time_column] if time_column else [])}
    excluded, allowed = screen_protected(
        [c for c in frame.columns if c not in skip],
        PROTECTED_DEFAULT if protected is None else protected, allow or {})
    skip |= set(excluded)
    candidates = frame[[c for c in (features or frame.columns) if c not in skip]]
    names, categories, dropped = infer_spec(candidates)
    if not names:
        raise InvalidInput(translate("Model", "No usable feature columns in the data."))
    x = matrix(frame, names, categories)

    train_idx, test_idx, split = split_rows(frame, y, time_column)
    rounds = choose_rounds(x.iloc[train_idx], y[train_idx], names)
    booster = _fit(x.iloc[train_idx], y[train_idx], names, rounds=rounds)
    p_test = _predict(booster, x.iloc[test_idx])
    held_out = metrics.summary(y[test_idx], p_test)

    variants = {}
    for extra in compare_with:
        if extra in frame and extra not in names:
            alt_names = [*names, extra]
            alt_names, alt_cats, _ = infer_spec(frame[alt_names])
            alt_x = matrix(frame, alt_names, alt_cats)
            alt_rounds = choose_rounds(alt_x.iloc[train_idx], y[train_idx], alt_names)
            alt = _fit(alt_x.iloc[train_idx], y[train_idx], alt_names, rounds=alt_rounds)
            variants[f"with {extra}"] = round(metrics.auc(
                y[test_idx], _predict(alt, alt_x.iloc[test_idx])), 4)

    cv = cross_validate(x, y, names, categories, rounds)
    p_train = _predict(booster, x.iloc[train_idx])
    present = [c for c in frame.columns if c in excluded or c in allowed]
    corr = correlations(frame, names, present)
    meta: dict[str, Any] = {
        "features": names,
        # pairs, not objects: the registry stores canonical JSON (sorted keys), and the
        # report lists them in the file's column order
        "excluded_protected": [[c, g] for c, g in excluded.items()],
        "allowed_protected": [[c, w] for c, w in allowed.items()],
        "protected_correlation": [[f, list(map(list, row.items()))] for f, row in corr.items()],
        "proxy_threshold": proxy_threshold,
        "proxies": [list(t) for t in proxies(corr, proxy_threshold)],
        "outcome_definition": dict(outcome_definition or {
            "source": "column", "column": target, "bad_value": bad_value}),
        "directions": dict(zip(names, monotone(names), strict=True)),
        "categories": categories,
        "dropped": dropped,
        "target": target, "bad_value": bad_value,
        "params": dict(PARAMS) | {
            "seed": SEED, "rounds": rounds, "early_stopping_rounds": EARLY_STOP},
        "split": {"kind": split, "held_out": int(len(test_idx)), "train": int(len(train_idx)),
                  "time_column": time_column},
        "data": {"name": data_name, "sha256": data_sha256, "rows": int(len(frame)),
                 "bad_rate": round(float(y.mean()), 4)},
        "held_out": held_out,
        "cv": cv,
        "variants": variants,
        "author": author,
        # Reference distributions for monitoring (PSI): score and each feature on training.
        "reference": _reference(booster, x.iloc[train_idx], p_train, names, categories),
        # Fingerprints of the fitting rows: monitoring measures AUC/KS without them.
        "training_rows": pack(fingerprints(x.iloc[train_idx], names)),
    }
    return TrainedModel(bytes(booster.save_raw("ubj")), meta)


def _reference(booster: xgb.Booster, x: pd.DataFrame, p: np.ndarray, names: list[str],
               categories: dict[str, list[str]]) -> dict[str, Any]:
    edges = metrics.quantile_edges(p)
    ref: dict[str, Any] = {"pd": {"edges": edges, "shares": metrics.bin_shares(p, edges)}}
    for name in names:
        if name in categories:
            codes = x[name].cat.codes.to_numpy().astype(float)
            codes[codes < 0] = np.nan
            cuts = [i + 0.5 for i in range(len(categories[name]) - 1)]
            ref[name] = {"edges": cuts, "shares": metrics.bin_shares(codes, cuts)}
        else:
            col = x[name].to_numpy(dtype=float)
            cuts = metrics.quantile_edges(col)
            ref[name] = {"edges": cuts, "shares": metrics.bin_shares(col, cuts)}
    gain = {k: float(v) if not isinstance(v, list) else float(sum(v))
            for k, v in booster.get_score(importance_type="total_gain").items()}
    ref["importance"] = {k: round(v, 4) for k, v in sorted(gain.items(), key=lambda kv: -kv[1])}
    return ref


def report(meta: dict[str, Any]) -> list[str]:
    """The numbers an approver reads, as printed by ``model train`` and ``model show``."""
    h, cv = meta["held_out"], meta["cv"]
    lines = [
        translate("Model", "data: {name} ({rows} rows, bad rate {bad:.2%}, sha256 {sha})").format(
            name=meta["data"]["name"], rows=meta["data"]["rows"], bad=meta["data"]["bad_rate"],
            sha=meta["data"]["sha256"][:16]),
        outcome_line(meta),
        translate("Model", "features ({n}): {names}").format(
            n=len(meta["features"]), names=", ".join(meta["features"])),
        *protected_lines(meta),
        translate("Model", "trees: {rounds} (early stopping in CV), depth {depth}; split: {split}")
        .format(rounds=meta["params"]["rounds"], depth=meta["params"]["max_depth"],
                split=meta["split"]["kind"]),
        translate("Model", "held-out ({n} rows): AUC {auc:.4f}  KS {ks:.4f}  Gini {gini:.4f}  "
                  "bad rate {bad:.2%}").format(n=h["rows"], auc=h["auc"], ks=h["ks"],
                                               gini=h["gini"], bad=h["bad_rate"]),
        translate("Model", "5-fold CV AUC: XGBoost {x:.4f} +- {xs:.4f} | logistic baseline "
                  "{l:.4f} +- {ls:.4f} (same folds)").format(
            x=cv["xgboost"]["mean"], xs=cv["xgboost"]["std"], l=cv["logistic"]["mean"],
            ls=cv["logistic"]["std"]),
    ]
    rows = meta.get("training_rows")
    lines.append(translate("Model", "training rows: fingerprints of {n} kept; monitoring "
                           "measures AUC/KS without them").format(n=rows["rows"]) if rows else
                 translate("Model", "training rows: no fingerprints kept; monitoring cannot "
                           "tell them apart and gives no AUC/KS"))
    for name, value in meta.get("variants", {}).items():
        lines.append(translate("Model", "held-out AUC without / {variant}: {a:.4f} / {b:.4f}")
                     .format(variant=name, a=h["auc"], b=value))
    lines.append(translate("Model", "calibration (held-out, deciles of PD):"))
    lines.append("  " + translate("Model", "bin      n  predicted  observed"))
    for row in h["calibration"]:
        lines.append(f"  {row['bin']:>3} {row['n']:>6}  {row['predicted']:>9.4f}  "
                     f"{row['observed']:>8.4f}")
    return lines + correlation_lines(meta)


def protected_lines(meta: dict[str, Any]) -> list[str]:
    """The exclusions, the allowed protected features with their reasons and the proxies."""
    excluded = meta.get("excluded_protected", [])
    lines = [translate("Model", "excluded (protected): {names}").format(
        names=", ".join(f"{c} ({g})" for c, g in excluded) or translate("Model", "none"))]
    for name, why in meta.get("allowed_protected", []):
        lines.append(translate("Model", "allowed (protected, with reason): {col}: {why}")
                     .format(col=name, why=why))
    threshold = meta.get("proxy_threshold", PROXY_THRESHOLD)
    found = meta.get("proxies", [])
    lines.append(translate("Model", "proxies (Cramér's V >= {t:.2f} with a protected column): "
                           "{found}").format(t=threshold, found=", ".join(
        f"{f} ~ {p} {v:.2f}" for f, p, v in found) or translate("Model", "none")))
    return lines


def correlation_lines(meta: dict[str, Any]) -> list[str]:
    """Each feature's association with each protected column present (the training report)."""
    lines: list[str] = []
    table = meta.get("protected_correlation", [])
    if any(row for _, row in table):
        lines.append(translate("Model", "correlation of each feature with the protected "
                               "columns (Cramér's V):"))
        lines += [f"  {f}: " + ", ".join(f"{p} {v:.2f}" for p, v in row) for f, row in table]
    return lines


def definition_of(meta: dict[str, Any]) -> dict[str, Any]:
    """What counts as a default for this model: stored with it since issue 31; for a model
    trained before, its target column (the bundled model's: LendingClub's Class)."""
    if meta.get("outcome_definition"):
        return dict(meta["outcome_definition"])
    out = {"source": "column", "column": meta.get("target"), "bad_value": meta.get("bad_value")}
    if str(meta.get("data", {}).get("name", "")).startswith("demo:"):
        out["definition"] = "LendingClub Class: charged off, defaulted or 21-120 days late"
    return out


def outcome_line(meta: dict[str, Any]) -> str:
    """The default definition as ``model train`` and ``model show`` print it."""
    d = definition_of(meta)
    if d.get("source") == "loan-book":
        return translate("Model", "outcomes: loan book, default = {dpd}+ days past due within "
                         "{months} months on book ({source})").format(
            dpd=d["dpd"], months=d["months_on_book"], source=d.get("reference", ""))
    return translate("Model", "outcomes: column {col} (bad = {bad}){note}").format(
        col=d.get("column"), bad=d.get("bad_value") if d.get("bad_value") is not None else "1",
        note=f"; {d['definition']}" if d.get("definition") else "")
