"""Which columns a model may use, which way they are known to push risk, and how a frame
becomes the matrix XGBoost sees (same categories at training and at scoring)."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from riskdesk.domain.applications import Application, ApplicationFeatures
from riskdesk.domain.tables import table_of

# The lender's own grade is never a feature: the model must be independent of it. The
# offered rate is priced from that grade, so it is excluded by default too (see docs/model.md).
FORBIDDEN = ("lender_grade",)
DEMO_FEATURES = (
    "amount", "term_months", "annual_income", "emp_length_years", "verification_status",
    "delinq_2yrs", "inq_last_6mths", "revol_util", "acc_now_delinq", "open_il_6m",
    "open_il_12m", "open_il_24m", "total_bal_il", "all_util", "inq_fi", "inq_last_12m",
    "delinq_amnt", "num_il_tl", "total_il_high_credit_limit",
)
# +1: a larger value never lowers risk; -1: never raises it. Only where the direction is
# established credit practice; everything else is left free.
DIRECTIONS: dict[str, int] = {
    "delinq_2yrs": 1, "inq_last_6mths": 1, "acc_now_delinq": 1, "inq_fi": 1,
    "inq_last_12m": 1, "delinq_amnt": 1, "revol_util": 1, "all_util": 1, "apr": 1,
    "annual_income": -1,
}
APPLICATION_FEATURES = ("amount", "term_months", "apr", "upfront_fee", "monthly_fee",
                        "other_fees", "product", "channel", "repayment_type", "purpose",
                        "stated_age")


def scoreable_columns() -> set[str]:
    """Columns the scoring job can read from the database for a model."""
    feats = {c.name for c in table_of(ApplicationFeatures).columns} - {"application_id"}
    apps = {c.name for c in table_of(Application).columns}
    return (feats | (set(APPLICATION_FEATURES) & apps)) - set(FORBIDDEN)


def infer_spec(frame: pd.DataFrame, *, max_levels: int = 50) -> tuple[list[str], dict[str, list[str]],
                                                                      list[str]]:
    """Features, categories of the text ones, and columns dropped (identifier-like text)."""
    features: list[str] = []
    categories: dict[str, list[str]] = {}
    dropped: list[str] = []
    for name in frame.columns:
        s = frame[name]
        if s.isna().all():
            dropped.append(name)
        elif pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
            features.append(name)
        else:
            levels = sorted(str(v) for v in s.dropna().unique())
            if len(levels) > max_levels and len(levels) > 0.05 * len(s):
                dropped.append(name)
                continue
            features.append(name)
            categories[name] = levels
    return features, categories, dropped


def matrix(frame: pd.DataFrame, features: list[str],
           categories: dict[str, Any]) -> pd.DataFrame:
    """The model's input: floats, and pandas categoricals with the training categories
    (unknown levels become missing, which the trees route by their default branch)."""
    out: dict[str, Any] = {}
    for name in features:
        s = frame[name] if name in frame else pd.Series(np.nan, index=frame.index)
        if name in categories:
            text = s.astype(object).where(s.notna(), None)
            text = text.map(lambda v: None if v is None else str(v))
            out[name] = pd.Categorical(text, categories=categories[name])
        else:
            out[name] = pd.to_numeric(s, errors="coerce").astype(float).to_numpy()
    return pd.DataFrame(out, index=frame.index)


def monotone(features: list[str]) -> tuple[int, ...]:
    return tuple(DIRECTIONS.get(f, 0) for f in features)
