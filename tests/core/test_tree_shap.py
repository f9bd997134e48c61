"""The shallow-tree reason engine (issue 35) gives XGBoost's own path-dependent TreeSHAP
values: on random rows with missing values, on real rows, on values exactly at the split
thresholds, on a model with categorical splits of both kinds, and a deeper model falls back to
``pred_contribs`` itself."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import xgboost as xgb

from riskdesk.demo.frame import demo_frame
from riskdesk.scoring import reasons, tree_shap
from riskdesk.scoring.features import matrix
from riskdesk.services.credit.registry import default_model

TOLERANCE = 1e-5


def _xgboost(booster: xgb.Booster, x: pd.DataFrame) -> np.ndarray:
    return reasons.xgboost_contributions(booster, x)


@pytest.fixture(scope="module")
def shipped() -> tuple[xgb.Booster, dict]:  # type: ignore[type-arg]
    model = default_model()
    booster = xgb.Booster()
    booster.load_model(bytearray(model.artefact))
    return booster, model.meta


def _random_rows(booster: xgb.Booster, categories: dict[str, list[str]], n: int,
                 seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    cols: dict[str, object] = {}
    for name in booster.feature_names or []:
        if name in categories:
            levels = categories[name]
            picked = rng.choice([*levels, None], n)
            cols[name] = pd.Categorical(picked, categories=levels)
        else:
            v = rng.gamma(1.0, 40.0, n).round(1)
            v[rng.random(n) < 0.15] = np.nan
            cols[name] = v
    return pd.DataFrame(cols)


def test_the_shipped_model_random_rows_with_missing_values_and_real_rows(shipped) -> None:  # type: ignore[no-untyped-def]
    booster, meta = shipped
    engine = tree_shap.engine_for(booster)
    assert engine is not None  # 793 trees of depth 2: the table engine applies
    x = _random_rows(booster, meta["categories"], 3000, seed=7)
    assert x.isna().to_numpy().mean() > 0.1
    ours = reasons.contributions(booster, x)
    assert np.abs(ours - _xgboost(booster, x)).max() <= TOLERANCE
    real = matrix(demo_frame(2000), meta["features"], meta["categories"])
    ours, theirs = reasons.contributions(booster, real), _xgboost(booster, real)
    assert np.abs(ours - theirs).max() <= TOLERANCE
    # the stored reasons: the same five features in the same order, the same values
    a = reasons.top_reasons(ours, real, meta["features"])
    b = reasons.top_reasons(theirs, real, meta["features"])
    assert (a[["row", "rank", "feature", "value"]] == b[["row", "rank", "feature", "value"]]
            ).all().all()
    assert np.abs(a["contribution"] - b["contribution"]).max() <= TOLERANCE
    # each row still sums to the margin
    margin = booster.predict(xgb.DMatrix(real, enable_categorical=True), output_margin=True)
    assert np.abs(ours.sum(axis=1) - margin).max() <= 1e-4


def test_values_exactly_at_the_split_thresholds(shipped) -> None:  # type: ignore[no-untyped-def]
    """A value equal to a threshold goes right (XGBoost: left when x < threshold, in
    float32): every numeric threshold of the model is tried as a value."""
    booster, meta = shipped
    trees = json.loads(booster.save_raw("json"))["learner"]["gradient_booster"]["model"]["trees"]
    names = booster.feature_names or []
    thresholds: dict[str, list[float]] = {n: [] for n in names}
    for t in trees:
        for node, left in enumerate(t["left_children"]):
            if left != -1 and t["split_type"][node] == 0:
                thresholds[names[t["split_indices"][node]]].append(t["split_conditions"][node])
    n = max(len(v) for v in thresholds.values())
    rng = np.random.default_rng(3)
    cols: dict[str, object] = {}
    for name in names:
        if name in meta["categories"]:
            cols[name] = pd.Categorical(rng.choice(meta["categories"][name], n),
                                        categories=meta["categories"][name])
        else:
            values = np.asarray(thresholds[name] or [0.0], dtype=np.float32)
            cols[name] = np.resize(values, n).astype(float)
    x = pd.DataFrame(cols)
    assert np.abs(reasons.contributions(booster, x) - _xgboost(booster, x)).max() <= TOLERANCE


@pytest.mark.parametrize("one_hot", [True, False], ids=["one-hot", "partition"])
def test_a_depth_3_model_with_categorical_splits(one_hot: bool) -> None:
    rng = np.random.default_rng(11)
    n = 1500
    colour = rng.choice(["red", "green", "blue", "grey", "white", "black"], n)
    size = rng.normal(0, 1, n)
    size[rng.random(n) < 0.1] = np.nan
    weight = rng.integers(0, 5, n).astype(float)
    logit = (np.isin(colour, ["red", "grey"]) * 1.2 + np.nan_to_num(size) * 0.8
             - weight * 0.3 + rng.normal(0, 0.5, n))
    y = (logit > 0.3).astype(int)
    levels = ["black", "blue", "green", "grey", "red", "white"]
    cat = pd.Categorical(colour, categories=levels)
    cat[rng.random(n) < 0.08] = np.nan
    x = pd.DataFrame({"colour": cat, "size": size, "weight": weight})
    booster = xgb.train({"objective": "binary:logistic", "max_depth": 3, "eta": 0.3,
                         "tree_method": "hist", "max_cat_to_onehot": 10 if one_hot else 1,
                         "nthread": 1, "seed": 1},
                        xgb.DMatrix(x, label=y, enable_categorical=True), num_boost_round=30)
    trees = json.loads(booster.save_raw("json"))["learner"]["gradient_booster"]["model"]["trees"]
    assert any(1 in t["split_type"] for t in trees)  # the model really splits on categories
    assert tree_shap.engine_for(booster) is not None
    probe = x.sample(600, random_state=2).reset_index(drop=True)
    probe.loc[:50, "colour"] = np.nan
    assert np.abs(reasons.contributions(booster, probe) - _xgboost(booster, probe)).max() \
        <= TOLERANCE


def test_a_deeper_model_falls_back_to_xgboost() -> None:
    rng = np.random.default_rng(5)
    x = pd.DataFrame(rng.normal(0, 1, (800, 6)), columns=[f"f{i}" for i in range(6)])
    y = ((x["f0"] * x["f1"] + x["f2"] - x["f3"] * x["f4"]) > 0).astype(int)
    booster = xgb.train({"objective": "binary:logistic", "max_depth": 4, "nthread": 1,
                         "seed": 1}, xgb.DMatrix(x, label=y), num_boost_round=10)
    assert tree_shap.engine_for(booster) is None
    assert np.array_equal(reasons.contributions(booster, x), _xgboost(booster, x))
