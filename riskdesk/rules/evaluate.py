"""Set-based rule evaluation: pandas over the whole batch and hashed identifiers, never a
Python loop per application.

``scope`` holds the applications to judge; ``context`` every application that can count for a
window (the scope included). Windows look back from each application's own submission time,
so a verdict does not depend on what arrived later or on the order of scoring.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from riskdesk.rules.catalog import COST_BANDS
from riskdesk.rules.catalog import Setting as Setting  # its home moved; still importable here

HIT_COLUMNS = ["application_id", "code", "severity", "detail"]


@dataclass
class RuleInput:
    scope: pd.DataFrame
    context: pd.DataFrame
    lpr: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        {"effective_date": pd.Series(dtype="datetime64[ns]"), "one_year_pct": []}))
    blacklist: pd.DataFrame = field(default_factory=lambda: _listed())
    # Allowlisted values silence the shared-key rules (issue 30): (id, kind, value_key).
    allowlist: pd.DataFrame = field(default_factory=lambda: _listed())
    # What the allowlist silenced in the last evaluation: application_id, code, kind, entry_id.
    silenced: list[pd.DataFrame] = field(default_factory=list)

    def silenced_hits(self) -> pd.DataFrame:
        if not self.silenced:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in SILENCED_COLUMNS})
        return pd.concat(self.silenced, ignore_index=True)


SILENCED_COLUMNS = ["application_id", "code", "kind", "entry_id"]


def _listed() -> pd.DataFrame:
    return pd.DataFrame({"id": pd.Series(dtype="int64"), "kind": pd.Series(dtype=object),
                         "value_key": pd.Series(dtype=object)})


Found = tuple[pd.Series, pd.DataFrame]  # application ids hit, and their detail columns


def _window(scope: pd.DataFrame, context: pd.DataFrame, key: str, days: float,
            value: str | None = None, *, shared_only: bool = False) -> pd.DataFrame:
    """Per scope application: rows of context with the same ``key`` in the ``days`` before
    it (itself included): count, distinct applicants and the sum of ``value``.
    ``shared_only``: only applications whose key some other application carries (the
    context holds the scope, so a key seen once can count no one else). Keys are matched as
    integer codes (one factorisation of both sides; hashing 64-character strings again in
    each step cost seconds at a million rows)."""
    codes, _ = pd.factorize(pd.concat([context[key], scope[key]], ignore_index=True))
    in_context, in_scope = codes[:len(context)], codes[len(context):]
    s = pd.DataFrame({"id": scope["id"].to_numpy(), "k": in_scope,
                      "submitted_at": scope["submitted_at"].to_numpy()})
    c = pd.DataFrame({"k": in_context, "other_applicant": context["applicant_id"].to_numpy(),
                      "other_at": context["submitted_at"].to_numpy(),
                      **({"other_value": context[value].to_numpy()} if value else {})})
    s, c = s[s["k"] >= 0], c[c["k"] >= 0]  # -1: no key
    if shared_only:
        seen = np.bincount(c["k"].to_numpy(), minlength=len(codes))
        c = c[seen[c["k"].to_numpy()] > 1]
        s = s[seen[s["k"].to_numpy()] > 1]
    m = s.merge(c, on="k", how="inner")
    m = m[(m["other_at"] <= m["submitted_at"])
          & (m["other_at"] > m["submitted_at"] - pd.Timedelta(days=days))]
    g = m.groupby("id")
    out = pd.DataFrame({"n": g.size(), "applicants": g["other_applicant"].nunique()})
    if value:
        out["total"] = g["other_value"].sum()
    return out


def _shared(key: str, code: str, kind: str) -> Callable[[RuleInput, dict[str, Any]], Found]:
    """A key shared by ``min_applicants`` applicants within ``days``. An application whose
    value of ``kind`` is allowlisted gets no hit; it is noted in ``data.silenced`` instead
    (a family's shared tablet, a branch's device: issue 30)."""
    def rule(data: RuleInput, p: dict[str, Any]) -> Found:
        w = _window(data.scope, data.context, key, p["days"],
                    shared_only=float(p["min_applicants"]) >= 2)
        hit = w[w["applicants"] >= p["min_applicants"]]
        allowed = _allowed_entries(data, kind, hit.index)
        if len(allowed):
            data.silenced.append(pd.DataFrame({
                "application_id": allowed.index.to_numpy(), "code": code, "kind": kind,
                "entry_id": allowed.to_numpy()}))
            hit = hit[~hit.index.isin(allowed.index)]
        return pd.Series(hit.index), pd.DataFrame({"n": hit["applicants"].astype(int),
                                                   "days": int(p["days"])}).reset_index(drop=True)
    return rule


def _allowed_entries(data: RuleInput, kind: str, ids: pd.Index) -> pd.Series:
    """The allowlist entry covering each of the applications ``ids``, by application id
    (only those covered)."""
    entries = data.allowlist[data.allowlist["kind"] == kind]
    column = LIST_KEYS[kind]
    if entries.empty or not len(ids) or column not in data.scope:
        return pd.Series([], dtype="int64")
    keys = data.scope.loc[data.scope["id"].isin(ids), ["id", column]]
    by_key = pd.Series(entries["id"].to_numpy(), index=entries["value_key"].to_numpy())
    covered = keys[keys[column].isin(by_key.index)]
    return pd.Series(by_key.loc[covered[column]].to_numpy(), index=covered["id"].to_numpy())


def multi_lending(data: RuleInput, p: dict[str, Any]) -> Found:
    w = _window(data.scope, data.context, "applicant_id", p["days"],
                shared_only=float(p["min_applications"]) >= 2)
    hit = w[w["n"] >= p["min_applications"]]
    return pd.Series(hit.index), pd.DataFrame({"n": hit["n"].astype(int),
                                               "days": int(p["days"])}).reset_index(drop=True)


def amount_ceiling(data: RuleInput, p: dict[str, Any]) -> Found:
    w = _window(data.scope, data.context.assign(amount=data.context["amount"].astype(float)),
                "applicant_id", p["days"], value="amount")
    hit = w[w["total"] > float(p["ceiling"])]
    return pd.Series(hit.index), pd.DataFrame({
        "total": hit["total"].round(2), "days": int(p["days"]),
        "ceiling": float(p["ceiling"])}).reset_index(drop=True)


def age_mismatch(data: RuleInput, p: dict[str, Any]) -> Found:
    s = data.scope.dropna(subset=["stated_age", "birth_date"])
    at, born = pd.to_datetime(s["submitted_at"]), pd.to_datetime(s["birth_date"])
    actual = (at.dt.year - born.dt.year
              - ((at.dt.month * 100 + at.dt.day) < (born.dt.month * 100 + born.dt.day)))
    stated = s["stated_age"].astype(int)
    bad = (stated - actual).abs() > int(p["tolerance_years"])
    return s["id"][bad].reset_index(drop=True), pd.DataFrame({
        "stated": stated[bad].to_numpy(), "actual": actual[bad].astype(int).to_numpy()})


def id_checksum(data: RuleInput, p: dict[str, Any]) -> Found:
    s = data.scope
    bad = ~s["id_checksum_ok"].astype(bool)
    return s["id"][bad].reset_index(drop=True), pd.DataFrame(index=range(int(bad.sum())))


def monthly_payment(amount: pd.Series, apr_pct: pd.Series, term: pd.Series) -> pd.Series:
    """Equal-instalment payment; interest-free loans repay amount / term."""
    a, r, n = amount.astype(float), apr_pct.astype(float) / 1200.0, term.astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        annuity = a * r / (1 - (1 + r) ** (-n))
    return annuity.where(r > 0, a / n)


def debt_to_income(data: RuleInput, p: dict[str, Any]) -> Found:
    s = data.scope
    income = s["annual_income"].astype(float) / 12.0
    existing = s["total_bal_il"].astype(float).fillna(0.0) * float(p["existing_payment_rate"])
    ratio = (monthly_payment(s["amount"], s["apr"], s["term_months"]) + existing) / income
    bad = (income > 0) & (ratio > float(p["max_ratio"]))
    return s["id"][bad].reset_index(drop=True), pd.DataFrame({
        "ratio": ratio[bad].round(4).to_numpy(), "limit": float(p["max_ratio"])})


def all_in_cost(s: pd.DataFrame) -> pd.Series:
    """APR plus all fees spread evenly over the term, in % a year of the amount."""
    fees = (s["upfront_fee"].astype(float).fillna(0) + s["monthly_fee"].astype(float).fillna(0)
            * s["term_months"].astype(float) + s["other_fees"].astype(float).fillna(0))
    return s["apr"].astype(float) + fees / s["amount"].astype(float) * 12.0 \
        / s["term_months"].astype(float) * 100.0


def cost_band(cost: pd.Series) -> pd.Series:
    low, high = COST_BANDS
    return pd.Series(np.where(cost < low, f"<{low:.0f}%", np.where(
        cost <= high, f"{low:.0f}-{high:.0f}%", f">{high:.0f}%")), index=cost.index)


def lpr_at(lpr: pd.DataFrame, when: pd.Series) -> pd.Series:
    """The one-year LPR in force at each time (NaN before the first entry)."""
    if lpr.empty:
        return pd.Series(np.nan, index=when.index)
    table = lpr.assign(effective_date=pd.to_datetime(lpr["effective_date"]).astype(
        "datetime64[us]")).sort_values("effective_date")
    left = pd.DataFrame({"at": pd.to_datetime(when).astype("datetime64[us]").to_numpy(),
                         "pos": np.arange(len(when))})
    m = pd.merge_asof(left.sort_values("at"), table, left_on="at", right_on="effective_date")
    return pd.Series(m.sort_values("pos")["one_year_pct"].astype(float).to_numpy(),
                     index=when.index)


def cost_ceiling(data: RuleInput, p: dict[str, Any]) -> Found:
    s = data.scope
    cost = all_in_cost(s)
    bad = cost > float(p["ceiling_pct"])
    hit = s[bad]
    return hit["id"].reset_index(drop=True), pd.DataFrame({
        "cost": cost[bad].round(2).to_numpy(), "band": cost_band(cost[bad]).to_numpy(),
        "ceiling": float(p["ceiling_pct"]),
        "lpr4": (lpr_at(data.lpr, hit["submitted_at"]) * float(p["lpr_multiple"])).round(2)
        .to_numpy()})


def bullet_term(data: RuleInput, p: dict[str, Any]) -> Found:
    s = data.scope
    bad = (s["repayment_type"] == "bullet") & (s["term_months"].astype(int) > int(p["max_months"]))
    return s["id"][bad].reset_index(drop=True), pd.DataFrame({
        "term": s["term_months"][bad].astype(int).to_numpy(), "limit": int(p["max_months"])})


def outside_region(data: RuleInput, p: dict[str, Any]) -> Found:
    s = data.scope
    prefixes = tuple(str(x) for x in p.get("licensed_prefixes") or [])
    if not prefixes:
        return pd.Series([], dtype=int), pd.DataFrame()
    bad = ~s["region_code"].astype(str).str.startswith(prefixes)
    return s["id"][bad].reset_index(drop=True), pd.DataFrame({
        "region": s["region_code"][bad].astype(str).to_numpy()})


# The scope's column holding each kind's keyed hash (devices hashed for the lists only).
LIST_KEYS = {"id_no": "id_no_hash", "phone": "phone_hash", "card": "card_hash",
             "device": "device_hash"}


def blacklist(data: RuleInput, p: dict[str, Any]) -> Found:
    ids, kinds = [], []
    for kind, column in LIST_KEYS.items():
        listed = set(data.blacklist.loc[data.blacklist["kind"] == kind, "value_key"])
        if listed and column in data.scope:
            m = data.scope[column].isin(listed)
            ids.append(data.scope["id"][m])
            kinds.append(pd.Series(kind, index=data.scope.index[m]))
    if not ids:
        return pd.Series([], dtype=int), pd.DataFrame()
    hit = pd.DataFrame({"id": pd.concat(ids), "kind": pd.concat(kinds)}).drop_duplicates("id")
    return hit["id"].reset_index(drop=True), pd.DataFrame({"kind": hit["kind"].to_numpy()})


def partner_suspended(data: RuleInput, p: dict[str, Any]) -> Found:
    """Applications through a partner whose status is not active (issue 30); the scope
    carries ``partner_status`` and ``partner_code`` (None without a partner)."""
    s = data.scope
    if "partner_status" not in s:
        return pd.Series([], dtype=int), pd.DataFrame()
    bad = (s["partner_status"].notna() & (s["partner_status"] != "active")).to_numpy()
    return s["id"][bad].reset_index(drop=True), pd.DataFrame({
        "partner": s["partner_code"][bad].astype(str).to_numpy(),
        "status": s["partner_status"][bad].astype(str).to_numpy()})


EVALUATORS: dict[str, Callable[[RuleInput, dict[str, Any]], Found]] = {
    "SHARED_DEVICE": _shared("device_id", "SHARED_DEVICE", "device"),
    "SHARED_PHONE": _shared("phone_hash", "SHARED_PHONE", "phone"),
    "SHARED_CARD": _shared("card_hash", "SHARED_CARD", "card"),
    "MULTI_LENDING": multi_lending,
    "AGE_MISMATCH": age_mismatch,
    "ID_CHECKSUM": id_checksum,
    "DEBT_TO_INCOME": debt_to_income,
    "AMOUNT_CEILING": amount_ceiling,
    "COST_CEILING": cost_ceiling,
    "BULLET_TERM": bullet_term,
    "OUTSIDE_REGION": outside_region,
    "BLACKLIST": blacklist,
    "PARTNER_SUSPENDED": partner_suspended,
}


def _details(frame: pd.DataFrame, n: int) -> list[str]:
    """Each row as ``json.dumps(row, sort_keys=True, separators=(",", ":"))`` would write it,
    built column by column: each distinct value is encoded once (a dict and a dumps per hit
    took seconds at a hundred thousand hits)."""
    if frame.shape[1] == 0:
        return ["{}"] * n
    out = np.full(len(frame), "{", dtype=object)
    for i, name in enumerate(sorted(frame.columns, key=str)):
        codes, uniques = pd.factorize(frame[name], use_na_sentinel=False)
        encoded = np.asarray([json.dumps(v, default=_plain) for v in uniques.tolist()],
                             dtype=object)
        out = out + ("," if i else "") + json.dumps(str(name)) + ":" + encoded[codes]
    return list((out + "}").tolist())


def _plain(v: Any) -> Any:
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return float(v)
    return str(v)


def evaluate(data: RuleInput, settings: Mapping[str, Setting]) -> pd.DataFrame:
    """All hits of the enabled rules: application_id, code, severity, detail (JSON, no PII).
    What the allowlist silenced is left in ``data.silenced``."""
    data.silenced.clear()
    parts = []
    for code, setting in settings.items():
        if not setting.enabled or code not in EVALUATORS or data.scope.empty:
            continue
        ids, detail = EVALUATORS[code](data, setting.params)
        if len(ids):
            parts.append(pd.DataFrame({"application_id": ids.astype(np.int64).to_numpy(),
                                       "code": code, "severity": setting.severity,
                                       "detail": _details(detail, len(ids))}))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in HIT_COLUMNS})
    return pd.concat(parts, ignore_index=True)
