"""Reason codes: XGBoost's exact per-feature contributions (TreeSHAP, in log-odds), the five
that push the score most towards default, each as a sentence an officer can read out."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from riskdesk.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:  # XGBoost, pandas, NumPy load on first use, not with the case window (issue 35)
    import numpy as np
    import pandas as pd
    import xgboost as xgb

TOP = 5
FEATURE_TEXT: dict[str, str] = {
    "amount": QT_TRANSLATE_NOOP("Reasons", "Loan amount {value} CNY"),
    "term_months": QT_TRANSLATE_NOOP("Reasons", "Term of {value} months"),
    "apr": QT_TRANSLATE_NOOP("Reasons", "Interest rate {value} %"),
    "annual_income": QT_TRANSLATE_NOOP("Reasons", "Annual income {value} CNY"),
    "emp_length_years": QT_TRANSLATE_NOOP("Reasons", "{value} years in employment"),
    "verification_status": QT_TRANSLATE_NOOP("Reasons", "Income verification: {value}"),
    "delinq_2yrs": QT_TRANSLATE_NOOP("Reasons", "{value} delinquencies in the last 2 years"),
    "inq_last_6mths": QT_TRANSLATE_NOOP("Reasons", "{value} credit inquiries in the last 6 months"),
    "revol_util": QT_TRANSLATE_NOOP("Reasons", "Revolving credit {value} % used"),
    "acc_now_delinq": QT_TRANSLATE_NOOP("Reasons", "{value} accounts delinquent now"),
    "open_il_6m": QT_TRANSLATE_NOOP("Reasons", "{value} instalment accounts opened in 6 months"),
    "open_il_12m": QT_TRANSLATE_NOOP("Reasons",
                                     "{value} instalment accounts opened in 12 months"),
    "open_il_24m": QT_TRANSLATE_NOOP("Reasons",
                                     "{value} instalment accounts opened in 24 months"),
    "total_bal_il": QT_TRANSLATE_NOOP("Reasons", "Instalment loan balances {value}"),
    "all_util": QT_TRANSLATE_NOOP("Reasons", "Overall credit {value} % used"),
    "inq_fi": QT_TRANSLATE_NOOP("Reasons", "{value} personal-finance inquiries"),
    "inq_last_12m": QT_TRANSLATE_NOOP("Reasons", "{value} credit inquiries in the last 12 months"),
    "delinq_amnt": QT_TRANSLATE_NOOP("Reasons", "Past-due amount {value}"),
    "num_il_tl": QT_TRANSLATE_NOOP("Reasons", "{value} instalment accounts in total"),
    "total_il_high_credit_limit": QT_TRANSLATE_NOOP("Reasons", "Instalment credit limits {value}"),
}
# The singular where the value is 1 (issue 28: not "1 credit inquiries"); the Chinese is the same.
FEATURE_TEXT_ONE: dict[str, str] = {
    "term_months": QT_TRANSLATE_NOOP("Reasons", "Term of {value} month"),
    "emp_length_years": QT_TRANSLATE_NOOP("Reasons", "{value} year in employment"),
    "delinq_2yrs": QT_TRANSLATE_NOOP("Reasons", "{value} delinquency in the last 2 years"),
    "inq_last_6mths": QT_TRANSLATE_NOOP("Reasons", "{value} credit inquiry in the last 6 months"),
    "acc_now_delinq": QT_TRANSLATE_NOOP("Reasons", "{value} account delinquent now"),
    "open_il_6m": QT_TRANSLATE_NOOP("Reasons", "{value} instalment account opened in 6 months"),
    "open_il_12m": QT_TRANSLATE_NOOP("Reasons",
                                     "{value} instalment account opened in 12 months"),
    "open_il_24m": QT_TRANSLATE_NOOP("Reasons",
                                     "{value} instalment account opened in 24 months"),
    "inq_fi": QT_TRANSLATE_NOOP("Reasons", "{value} personal-finance inquiry"),
    "inq_last_12m": QT_TRANSLATE_NOOP("Reasons",
                                      "{value} credit inquiry in the last 12 months"),
    "num_il_tl": QT_TRANSLATE_NOOP("Reasons", "{value} instalment account in total"),
}
# Each feature's name, for the case window's fields and for a reason whose value is missing.
FEATURE_NAMES: dict[str, str] = {
    "amount": QT_TRANSLATE_NOOP("Reasons", "Loan amount (CNY)"),
    "term_months": QT_TRANSLATE_NOOP("Reasons", "Term (months)"),
    "apr": QT_TRANSLATE_NOOP("Reasons", "Interest rate (%)"),
    "annual_income": QT_TRANSLATE_NOOP("Reasons", "Annual income (CNY)"),
    "emp_length_years": QT_TRANSLATE_NOOP("Reasons", "Years in employment"),
    "verification_status": QT_TRANSLATE_NOOP("Reasons", "Income verification"),
    "delinq_2yrs": QT_TRANSLATE_NOOP("Reasons", "Delinquencies in the last 2 years"),
    "inq_last_6mths": QT_TRANSLATE_NOOP("Reasons", "Credit inquiries in the last 6 months"),
    "revol_util": QT_TRANSLATE_NOOP("Reasons", "Revolving credit used (%)"),
    "acc_now_delinq": QT_TRANSLATE_NOOP("Reasons", "Accounts delinquent now"),
    "open_il_6m": QT_TRANSLATE_NOOP("Reasons", "Instalment accounts opened in 6 months"),
    "open_il_12m": QT_TRANSLATE_NOOP("Reasons", "Instalment accounts opened in 12 months"),
    "open_il_24m": QT_TRANSLATE_NOOP("Reasons", "Instalment accounts opened in 24 months"),
    "total_bal_il": QT_TRANSLATE_NOOP("Reasons", "Instalment loan balances (CNY)"),
    "all_util": QT_TRANSLATE_NOOP("Reasons", "Overall credit used (%)"),
    "inq_fi": QT_TRANSLATE_NOOP("Reasons", "Personal-finance inquiries"),
    "inq_last_12m": QT_TRANSLATE_NOOP("Reasons", "Credit inquiries in the last 12 months"),
    "delinq_amnt": QT_TRANSLATE_NOOP("Reasons", "Past-due amount (CNY)"),
    "num_il_tl": QT_TRANSLATE_NOOP("Reasons", "Instalment accounts in total"),
    "total_il_high_credit_limit": QT_TRANSLATE_NOOP("Reasons",
                                                    "Instalment credit limits (CNY)"),
}
MISSING_TEXT = QT_TRANSLATE_NOOP("Reasons", "{name}: not given")
# Category values an export may carry in English (LendingClub's income verification).
VALUE_TEXT = frozenset({QT_TRANSLATE_NOOP("Reasons", "Verified"),
                        QT_TRANSLATE_NOOP("Reasons", "Source Verified"),
                        QT_TRANSLATE_NOOP("Reasons", "Not Verified")})
RAISES = QT_TRANSLATE_NOOP("Reasons", "raises risk")
LOWERS = QT_TRANSLATE_NOOP("Reasons", "lowers risk")
MISSING = QT_TRANSLATE_NOOP("Reasons", "not given")


def contributions(booster: xgb.Booster, x: pd.DataFrame) -> np.ndarray:
    """Exact contributions, one column per feature plus the bias as the last column; each
    row sums to the margin (log-odds). Shallow models (depth <= 3, the shipped one is 2) go
    through the table engine of ``tree_shap``, an order of magnitude faster and the same
    values; anything else through XGBoost's own ``pred_contribs``."""
    from riskdesk.scoring import tree_shap

    engine = tree_shap.engine_for(booster)
    if engine is not None:
        return engine.contributions(tree_shap.as_matrix(x))
    return xgboost_contributions(booster, x)


def xgboost_contributions(booster: xgb.Booster, x: pd.DataFrame) -> np.ndarray:
    """XGBoost's own path-dependent TreeSHAP: the fallback, and the yardstick of the bench."""
    import numpy as np
    import xgboost as xgb

    dm = xgb.DMatrix(x, enable_categorical=True)
    return np.asarray(booster.predict(dm, pred_contribs=True), dtype=float)


def top_reasons(contribs: np.ndarray, x: pd.DataFrame, features: list[str],
                top: int = TOP) -> pd.DataFrame:
    """The ``top`` largest contributions per row (risk-raising first): row, rank, feature,
    value (as text), contribution."""
    import numpy as np
    import pandas as pd

    per_feature = contribs[:, :len(features)]
    k = min(top, len(features))
    order = np.argsort(-per_feature, axis=1, kind="stable")[:, :k]
    rows = np.repeat(np.arange(len(x)), k)
    cols = order.ravel()
    values = np.empty(len(rows), dtype=object)
    for j in np.unique(cols):  # one vectorised formatting pass per feature, not per row
        sel = cols == j
        values[sel] = _as_text(x.iloc[rows[sel], j])
    return pd.DataFrame({"row": rows, "rank": np.tile(np.arange(1, k + 1), len(x)),
                         "feature": np.asarray(features, dtype=object)[cols],
                         "value": values,
                         "contribution": per_feature[rows, cols]})


def _as_text(s: pd.Series) -> np.ndarray:
    import numpy as np
    import pandas as pd

    if isinstance(s.dtype, pd.CategoricalDtype):
        labels = s.astype(object).where(s.notna(), "")
        return np.asarray(labels.astype(str).str.slice(0, 64), dtype=object)
    v = s.to_numpy(dtype=float)
    missing = np.isnan(v)
    whole = ~missing & (v == np.round(v)) & (np.abs(v) < 1e15)
    out: np.ndarray = np.full(len(v), "", dtype=object)
    out[whole] = v[whole].astype(np.int64).astype(str)
    frac = ~missing & ~whole
    if frac.any():
        out[frac] = np.char.mod("%.2f", v[frac])
    return out


def feature_name(feature: str) -> str:
    name = FEATURE_NAMES.get(feature)
    return translate("Reasons", name) if name else feature


def grouped(value: str) -> str:
    """A number as stored ("120000", "35.50") with thousands separators ("120,000"; both the
    Chinese and the English locale group by three with a comma); text as it is."""
    try:
        number = float(value)
    except ValueError:
        return value
    if number != number or abs(number) >= 1e15:  # NaN or beyond a whole number's digits
        return value
    return f"{int(number):,}" if number == int(number) else f"{number:,.2f}"


def value_text(value: str) -> str:
    """A feature's value as shown: an English category (income verification) in the reader's
    words, a number grouped (issue 28: "Verified" in the Chinese case report)."""
    category = value.replace("_", " ")  # "Not_Verified" as some exports write it
    return translate("Reasons", category) if category in VALUE_TEXT else grouped(value)


def head(feature: str, value: str) -> str:
    """What the reason is about: '3 credit inquiries in the last 6 months', 'Annual income
    120,000 CNY', or where the value is missing 'Instalment accounts opened in 12 months: not
    given' (issue 26: not '未提供 个')."""
    if value == "":
        return translate("Reasons", MISSING_TEXT).format(name=feature_name(feature))
    shown = value_text(value)
    template = FEATURE_TEXT.get(feature)
    if feature in FEATURE_TEXT_ONE and _is_one(value):
        template = FEATURE_TEXT_ONE[feature]
    return translate("Reasons", template).format(value=shown) if template \
        else f"{feature} = {shown}"


def _is_one(value: str) -> bool:
    try:
        return float(value) == 1
    except ValueError:
        return False


def sentence(feature: str, value: str, contribution: float) -> str:
    """'3 credit inquiries in the last 6 months: raises risk' (a full-width colon in
    Chinese)."""
    effect = translate("Reasons", RAISES if contribution > 0 else LOWERS)
    return translate("Reasons", "{what}: {effect}").format(what=head(feature, value),
                                                          effect=effect)


def as_dicts(reasons: Mapping[str, Sequence[Any]]) -> list[dict[str, Any]]:
    """Reasons given as columns (rank, feature, value, contribution) as one dict each."""
    return [{"rank": int(rank), "feature": str(feature), "value": str(value),
             "contribution": float(c), "text": sentence(str(feature), str(value), float(c))}
            for rank, feature, value, c in zip(reasons["rank"], reasons["feature"],
                                               reasons["value"], reasons["contribution"],
                                               strict=True)]
