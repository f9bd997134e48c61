"""The throwaway process that tries a model file from outside the installation: XGBoost aborts
the whole process on some malformed artefacts (found by fuzzing), so the first load happens
here. A module of its own, importing nothing of riskdesk: the child process that unpickles
:func:`load` imports only this and XGBoost, not the registry and the tables behind it."""
from __future__ import annotations

from pathlib import Path


def load(path: str) -> None:
    """Exit code 0 when XGBoost loads the file, 1 when it refuses it (quietly: the parent
    says what is wrong in its own words), another code when it aborts."""
    import xgboost as xgb

    try:
        xgb.Booster().load_model(bytearray(Path(path).read_bytes()))
    except Exception:  # noqa: BLE001 - any refusal is the answer "not a model"
        raise SystemExit(1) from None
