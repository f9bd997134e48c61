"""Protected attributes: which columns of a training file name a characteristic a credit model
must not use (gender, marital status, ethnicity, religion, nationality; age only when allowed
with a recorded reason), and which used features stand in for them (proxies).

The names are matched, not the values: a column is protected when its normalised name holds
one of the policy's terms as whole words (English: ``personal_status_and_sex`` holds ``sex``;
``percentage`` does not hold ``age``), the whole name for a term written ``=term``, or, for
Chinese terms, as a substring (婚姻状况).
Equal-credit-opportunity practice (ECOA / Regulation B in the US, the EU's Equal Treatment
Directive 2004/113/EC, and the PBOC's 2016 consumer-protection measures, art. 14, against
discrimination) is the source of the default groups.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

# Group -> terms. Compliance may change the list (services/credit/governance.py).
PROTECTED_DEFAULT: dict[str, list[str]] = {
    "gender": ["gender", "sex", "性别"],
    "marital_status": ["marital", "marital status", "personal status", "婚姻", "婚姻状况",
                       "婚否"],
    "ethnicity": ["ethnicity", "ethnic", "race", "民族", "种族"],
    "religion": ["religion", "religious", "宗教", "宗教信仰"],
    "nationality": ["nationality", "citizenship", "foreign worker", "国籍", "外籍"],
    # "=age": the whole name only ("age of oldest account" is a credit-history feature)
    "age": ["=age", "age in years", "stated age", "applicant age", "customer age",
            "birth date", "date of birth", "年龄", "出生日期"],
}
# Groups a model may use when the trainer names the feature with a reason (recorded).
ALLOWABLE = ("age",)
PROXY_THRESHOLD = 0.3  # Cramér's V above which a feature is named as a proxy


def _words(name: str) -> str:
    """"Personal_Status-and.Sex" -> " personal status and sex " (padded for whole words)."""
    return " " + " ".join(w for w in re.split(r"[^0-9a-z]+", name.lower()) if w) + " "


def group_of(column: str, policy: Mapping[str, Sequence[str]]) -> str | None:
    """The protected group a column's name belongs to, or None."""
    words = _words(column)
    for group, terms in policy.items():
        for term in terms:
            if term.startswith("="):
                if words.strip() == " ".join(_words(term[1:]).split()):
                    return group
            elif re.search(r"[\u3000-\u9fff]", term):
                if term in column:
                    return group
            elif f" {' '.join(_words(term).split())} " in words:
                return group
    return None


def protected_columns(columns: Iterable[str],
                      policy: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Column -> protected group, for the columns the policy names."""
    found = {}
    for c in columns:
        g = group_of(str(c), policy)
        if g is not None:
            found[str(c)] = g
    return found


def _codes(s: pd.Series, bins: int = 5) -> np.ndarray:
    """A column as category codes: numbers in quantile bins, text by level; missing -1."""
    if pd.api.types.is_numeric_dtype(s) and s.nunique(dropna=True) > bins:
        ranked = s.rank(method="first")
        return np.asarray(pd.qcut(ranked, bins, labels=False).fillna(-1), dtype=int)
    return np.asarray(pd.Categorical(s.astype(object).where(s.notna(), None)).codes)


def cramers_v(a: pd.Series, b: pd.Series) -> float:
    """Association of two columns of any type, 0 (none) to 1 (one determines the other)."""
    table = pd.crosstab(_codes(a), _codes(b)).to_numpy(dtype=float)
    if table.shape[0] < 2 or table.shape[1] < 2:
        return 0.0
    n = table.sum()
    expected = table.sum(axis=1, keepdims=True) @ table.sum(axis=0, keepdims=True) / n
    chi2 = float(((table - expected) ** 2 / expected).sum())
    return float(np.sqrt(chi2 / (n * (min(table.shape) - 1))))


def correlations(frame: pd.DataFrame, features: Sequence[str],
                 protected: Sequence[str]) -> dict[str, dict[str, float]]:
    """Each used feature's Cramér's V with each protected column present."""
    return {f: {p: round(cramers_v(frame[f], frame[p]), 4) for p in protected if p != f}
            for f in features}


def proxies(table: Mapping[str, Mapping[str, float]],
            threshold: float = PROXY_THRESHOLD) -> list[tuple[str, str, float]]:
    """(feature, protected column, V) above the threshold, strongest first."""
    found = [(f, p, v) for f, row in table.items() for p, v in row.items() if v >= threshold]
    return sorted(found, key=lambda t: -t[2])
