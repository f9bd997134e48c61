"""Training data for the credit model: the bundled demo data as the importer types it, or any
CSV file with a binary target. Returns a :class:`TrainedModel` to register."""
from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.paths import resources_dir
from riskdesk.scoring.features import DEMO_FEATURES
from riskdesk.scoring.train import TrainedModel, report, train
from riskdesk.services.demo import demo_frame, source_frame
from riskdesk.services.imports.reader import detect_encoding
from riskdesk.services.imports.validate import validate

__all__ = ["report", "train_demo", "train_file"]
DEMO_SEED = 20_261_124


def train_demo(*, author: str) -> TrainedModel:
    """The demo model: LendingClub rows as the importer stores them. Only features from the
    real data (synthetic product, channel and purpose would fit noise); without the lender's
    grade and the rate priced from it (independence); the AUC with the rate is printed too."""
    data = (resources_dir() / "data" / "lending_club.csv").read_bytes()
    clean = validate(demo_frame(len(source_frame()), seed=DEMO_SEED)).clean
    return train(clean, "outcome", bad_value="bad", features=list(DEMO_FEATURES),
                 compare_with=["apr"], data_name="demo: lending_club.csv",
                 data_sha256=hashlib.sha256(data).hexdigest(), author=author)


def train_file(path: Path, target: str, *, bad_value: str | None, time_column: str | None,
               exclude: Sequence[str], author: str) -> TrainedModel:
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
                 author=author)
