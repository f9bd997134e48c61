"""Training data for the credit model: the bundled demo data as the importer types it, or any
CSV file with a binary target. Returns a :class:`TrainedModel` to register."""
from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xgboost as xgb

from riskdesk.demo.frame import demo_frame, source_frame
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.paths import resources_dir
from riskdesk.scoring import metrics
from riskdesk.scoring.features import DEMO_FEATURES, matrix
from riskdesk.scoring.fingerprints import fingerprints, pack
from riskdesk.scoring.protected import PROXY_THRESHOLD
from riskdesk.scoring.train import (
    TrainedModel,
    definition_of,
    report,
    split_rows,
    target_vector,
    train,
)
from riskdesk.services.intake.reader import detect_encoding
from riskdesk.services.intake.validate import validate

__all__ = ["demo_training_rows", "report", "train_demo", "train_file"]
DEMO_SEED = 20_261_124


def demo_data() -> tuple[pd.DataFrame, bytes]:
    """The demo's training frame (every source row once, as the importer types it) and the
    bytes of its source file."""
    data = (resources_dir() / "data" / "lending_club.csv").read_bytes()
    return validate(demo_frame(len(source_frame()), seed=DEMO_SEED)).clean, data


# The demo data's outcome as LendingClub defines it (resources/data/README.md): not the usual
# 90+ days past due, which is why a bank trains on its own loan book (--outcomes loan-book).
DEMO_OUTCOME = definition_of({"target": "outcome", "bad_value": "bad",
                              "data": {"name": "demo: lending_club.csv"}})


def train_demo(*, author: str, protected: Mapping[str, Sequence[str]] | None = None,
               allow: Mapping[str, str] | None = None) -> TrainedModel:
    """The demo model: LendingClub rows as the importer stores them. Only features from the
    real data (synthetic product, channel and purpose would fit noise); without the lender's
    grade and the rate priced from it (independence); the AUC with the rate is printed too."""
    clean, data = demo_data()
    return train(clean, "outcome", bad_value="bad", features=list(DEMO_FEATURES),
                 compare_with=["apr"], data_name="demo: lending_club.csv",
                 data_sha256=hashlib.sha256(data).hexdigest(), author=author,
                 protected=protected, allow=allow, outcome_definition=DEMO_OUTCOME)


def train_file(path: Path, target: str, *, bad_value: str | None, time_column: str | None,
               exclude: Sequence[str], author: str,
               protected: Mapping[str, Sequence[str]] | None = None,
               allow: Mapping[str, str] | None = None,
               proxy_threshold: float = PROXY_THRESHOLD) -> TrainedModel:
    """``protected``: the policy's protected attributes (default: the shipped list)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InvalidInput(translate("Model", "Cannot read {file}: {error}").format(
            file=path, error=exc.strerror)) from exc
    try:
        frame = pd.read_csv(io.BytesIO(data), encoding=detect_encoding(data))
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise InvalidInput(translate("Model", "{file} is not a readable CSV file: {error}")
                           .format(file=Path(path).name, error=exc)) from exc
    return train(frame, target, bad_value=bad_value, time_column=time_column, exclude=exclude,
                 data_name=Path(path).name, data_sha256=hashlib.sha256(data).hexdigest(),
                 author=author, protected=protected, allow=allow,
                 proxy_threshold=proxy_threshold)


def demo_training_rows(model: TrainedModel) -> dict[str, Any]:
    """The fingerprints of the rows the demo model was fitted on, without fitting it again:
    the same data and the same split as :func:`train_demo` (the split depends only on the
    data and the fixed seed). The split is checked to be the one used: the model's own
    predictions on the reproduced held-out rows must give the stored held-out metrics, and on
    the reproduced fitting rows the stored reference distribution of the PD."""
    meta = model.meta
    clean, data = demo_data()
    if hashlib.sha256(data).hexdigest() != meta["data"]["sha256"]:
        raise RuntimeError("the demo data is not the data the model was trained on")
    y = target_vector(clean, meta["target"], meta["bad_value"])
    x = matrix(clean, meta["features"], meta["categories"])
    train_idx, test_idx, kind = split_rows(clean, y, meta["split"]["time_column"])
    if (kind, len(train_idx), len(test_idx)) != (
            meta["split"]["kind"], meta["split"]["train"], meta["split"]["held_out"]):
        raise RuntimeError("the reproduced split differs in kind or size from the stored one")
    booster = xgb.Booster()
    booster.load_model(bytearray(model.artefact))
    held_out = metrics.summary(y[test_idx], np.asarray(booster.inplace_predict(
        x.iloc[test_idx]), dtype=float))
    if held_out != meta["held_out"]:
        raise RuntimeError("the model's held-out metrics on the reproduced held-out rows "
                           f"differ from the stored ones: {held_out} != {meta['held_out']}")
    pd_ref = meta["reference"]["pd"]
    p_train = np.asarray(booster.inplace_predict(x.iloc[train_idx]), dtype=float)
    if metrics.quantile_edges(p_train) != pd_ref["edges"] \
            or metrics.bin_shares(p_train, pd_ref["edges"]) != pd_ref["shares"]:
        raise RuntimeError("the PD distribution on the reproduced fitting rows differs from "
                           "the stored reference")
    return pack(fingerprints(x.iloc[train_idx], meta["features"]))
