"""Vectorised checks of every row and column; one pass over each column, no per-row Python
for valid data. Problems carry the file row number (header = row 1), the column, the value
(masked for personal data) and a translated reason."""
from __future__ import annotations

import contextvars
import ipaddress
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from riskdesk.config import SOURCE_TIMEZONE, compute_threads
from riskdesk.domain import identity
from riskdesk.i18n import translate
from riskdesk.security.masking import mask_name
from riskdesk.security.redact import mask_field
from riskdesk.services.intake import cells
from riskdesk.services.intake.columns import COLUMNS, ENUM_EXACT, ENUM_VALUES, Column
from riskdesk.storage.clock import utcnow

# Masked by the value's shape: a phone in the ID column is not shown through the ID's mask.
PII_MASKS: dict[str, Callable[[str], str]] = {
    "id_no": lambda v: mask_field("id_no", v), "phone": lambda v: mask_field("phone", v),
    "card_no": lambda v: mask_field("card", v), "name": mask_name,
    "contact_phone": lambda v: mask_field("phone", v)}
PII_COLUMNS = ("id_no", "phone", "card_no", "contact_phone")
_IPV4 = r"((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
PROBLEM_COLUMNS = ["row", "column", "value", "reason"]
FIRST_DATA_ROW = 2


@dataclass
class Validated:
    clean: pd.DataFrame  # typed values; rows with problems are still present
    problems: pd.DataFrame  # row, column, value, reason
    bad: pd.Series  # bool per row


class _Problems:
    def __init__(self, raw: pd.DataFrame) -> None:
        self.raw = raw
        self.parts: list[pd.DataFrame] = []

    def add(self, mask: pd.Series, column: str, reason: str | pd.Series) -> None:
        mask = mask.fillna(False).astype(bool)
        if not mask.any():
            return
        idx = mask.index[mask.to_numpy()]
        values = self.raw[column].loc[idx] if column in self.raw else pd.Series("", index=idx)
        masker = PII_MASKS.get(column)
        if masker is not None:
            values = values.map(lambda v: masker(v) if v else v)
        self.parts.append(pd.DataFrame({
            "row": idx + FIRST_DATA_ROW,
            "column": column,
            "value": cells.shown_series(values).to_numpy(),
            "reason": reason.loc[idx].to_numpy() if isinstance(reason, pd.Series) else reason,
        }))

    def frame(self) -> pd.DataFrame:
        if not self.parts:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in PROBLEM_COLUMNS})
        out = pd.concat(self.parts, ignore_index=True)
        return out.sort_values(["row", "column"], kind="stable").reset_index(drop=True)


def _fill(template: str, key: str, values: pd.Series) -> pd.Series:
    head, _, tail = template.partition("{" + key + "}")
    return head + values.astype(str) + tail


def _number(col: Column, s: pd.Series, present: pd.Series, p: _Problems) -> pd.Series:
    misplaced = present & cells.bad_thousands(s)
    p.add(misplaced, col.name, cells.thousands_reason())
    present = present & ~misplaced
    cleaned = s.str.replace(",", "", regex=False)
    if col.name == "apr":
        cleaned = cleaned.str.removesuffix("%")
    num = _to_float(cleaned.where(present))
    bad_type = present & (num.isna() | ~np.isfinite(num.fillna(0)))
    kind = {"int": translate("Import", "not a whole number"),
            "decimal": translate("Import", "not a number"),
            "float": translate("Import", "not a number")}[col.kind]
    p.add(bad_type, col.name, kind)
    ok = present & ~bad_type
    if col.kind == "int":
        frac = ok & (num % 1 != 0)
        p.add(frac, col.name, translate("Import", "not a whole number"))
        ok &= ~frac
    if col.kind == "decimal":
        places = 4 if col.name == "apr" else 2
        scaled = num * 10**places
        frac = ok & ((scaled - scaled.round()).abs() > 1e-6)
        p.add(frac, col.name, translate("Import", "more than {n} decimal places").format(n=places))
        ok &= ~frac
    if col.minimum is not None:
        low = ok & ((num <= col.minimum) if col.min_exclusive else (num < col.minimum))
        msg = (translate("Import", "must be greater than {min:g}") if col.min_exclusive
               else translate("Import", "must be at least {min:g}"))
        p.add(low, col.name, msg.format(min=col.minimum))
        ok &= ~low
    if col.maximum is not None:
        high = ok & (num > col.maximum)
        p.add(high, col.name, translate("Import", "must be at most {max:g}").format(max=col.maximum))
    if col.kind == "int":
        return num.where(ok).round().astype("Int64")
    return num.where(ok)


def _when(col: Column, s: pd.Series, present: pd.Series, p: _Problems) -> pd.Series:
    """Dates, and times stored as naive UTC: a time without a zone is the source system's
    local time (RISKDESK_SOURCE_TZ); a time with one (Z, +08:00) is converted by its own
    offset, each row by its own. Times with and without a zone in one column are refused:
    which zone the bare ones meant would be a guess."""
    text = s.str.strip()
    offsets = pd.Series(np.nan, index=s.index)
    if col.kind == "datetime":
        text, offsets = cells.split_zones(text.where(present, ""))
        zoned = present & offsets.notna()
        bad_zone = zoned & ~np.isfinite(offsets.fillna(0))
        p.add(bad_zone, col.name, cells.bad_zone_reason())
        present = present & ~bad_zone
        if zoned.any() and (present & ~zoned).any():
            first = int(np.flatnonzero(zoned.to_numpy())[0]) + FIRST_DATA_ROW
            bare = present & ~zoned
            p.add(bare, col.name, cells.zone_reason(first))
            present = present & ~bare
    text = text.str.replace("/", "-", regex=False).str.replace("T", " ", regex=False)
    parsed = pd.to_datetime(text.where(present), format="ISO8601", errors="coerce")
    bad = present & parsed.isna()
    if col.kind == "date":
        bad |= present & parsed.notna() & (parsed != parsed.dt.normalize())
        p.add(bad, col.name, translate("Import", "not a date (expected YYYY-MM-DD)"))
        return parsed.where(~bad)
    p.add(bad, col.name, translate("Import", "not a date and time (expected YYYY-MM-DD HH:MM:SS)"))
    if offsets.notna().any():  # bare times mixed in were refused above: all present are zoned
        shift = offsets.where(np.isfinite(offsets.fillna(0)), 0).fillna(0)
        utc = parsed - pd.to_timedelta(shift, unit="min")
    else:
        utc = (parsed.dt.tz_localize(SOURCE_TIMEZONE, ambiguous="NaT", nonexistent="NaT")
               .dt.tz_convert("UTC").dt.tz_localize(None))
    now = utcnow()
    ok = present & ~bad
    future = ok & (utc > now + timedelta(days=1))
    p.add(future, col.name, translate("Import", "lies in the future"))
    old = ok & (utc < datetime(2000, 1, 1))
    p.add(old, col.name, translate("Import", "before the year 2000"))
    return utc.where(ok & ~future & ~old)


def _id_numbers(s: pd.Series, present: pd.Series, p: _Problems) -> tuple[pd.Series, pd.Series]:
    ids = s.str.strip().str.upper()
    shaped = present & ids.str.fullmatch(identity.ID_PATTERN.pattern).fillna(False).astype(bool)
    p.add(present & ~shaped, "id_no",
          translate("Import", "not an 18-character ID number (17 digits and a digit or X)"))
    checks = pd.Series(False, index=s.index)
    checks.loc[shaped] = identity.id_checksum_ok(ids[shaped])
    p.add(shaped & ~checks, "id_no", translate("Import", "ID number check digit is wrong"))
    births = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
    births.loc[checks] = identity.birth_dates(ids[checks])
    today = pd.Timestamp(utcnow().date())
    bad_birth = checks & (births.isna() | (births > today) | (births < pd.Timestamp("1900-01-01")))
    p.add(bad_birth, "id_no", translate("Import", "the birth date in the ID number is not valid"))
    ok = checks & ~bad_birth
    return ids.where(ok), births.where(ok)


def validate(raw: pd.DataFrame) -> Validated:
    """Columns are checked side by side on a few threads: most of the work is Arrow's string
    kernels, which run without the GIL. Results are gathered in column order, so problems
    come out the same whatever thread finished first."""
    context = contextvars.copy_context()  # the caller's language, for the reasons
    with ThreadPoolExecutor(max_workers=min(4, compute_threads()),
                            thread_name_prefix="riskdesk-validate") as pool:
        checked = list(pool.map(lambda col: context.copy().run(_check_column, col, raw),
                                COLUMNS))
    p = _Problems(raw)
    clean = pd.DataFrame(index=raw.index)
    for values, parts in checked:
        for name, series in values.items():
            clean[name] = series
        p.parts.extend(parts)
    _cross_checks(raw, clean, p)
    for fee in ("upfront_fee", "monthly_fee", "other_fees"):
        clean[fee] = clean[fee].fillna(0.0)
    problems = p.frame()
    bad = pd.Series(False, index=raw.index)
    bad.loc[problems["row"].to_numpy(dtype=np.int64) - FIRST_DATA_ROW] = True
    return Validated(clean, problems, bad)


def _check_column(col: Column, raw: pd.DataFrame) -> tuple[dict[str, pd.Series],
                                                          list[pd.DataFrame]]:
    """One column's typed values (the ID number also gives the birth date) and problems."""
    p = _Problems(raw)
    clean: dict[str, pd.Series] = {}
    if col.name not in raw:
        clean[col.name] = _absent(col, raw.index)
        return clean, p.parts
    given = raw[col.name]
    if given.isna().any():  # a frame handed in (not read from a file) may carry NaN/None
        given = given.astype(object).where(given.notna(), "")
    s = given.astype(str).str.strip()
    present = s != ""
    if col.required:
        p.add(~present, col.name, translate("Import", "required value is missing"))
    # refused whatever the column: control and bidirectional characters, and personal data
    # where it does not belong (issue 25)
    odd, reasons = cells.refused(s, pii_here=col.name in PII_COLUMNS)
    p.add(odd, col.name, reasons)
    if odd.any():  # no other problem, and no value, from a refused cell
        s = s.where(~odd, "")
        present = present & ~odd
    if col.kind in ("int", "decimal", "float"):
        clean[col.name] = _number(col, s, present, p)
    elif col.kind in ("datetime", "date"):
        clean[col.name] = _when(col, s, present, p)
    elif col.kind == "enum":
        mapped = _enum_values(s, ENUM_EXACT[col.name], ENUM_VALUES[col.name])
        bad = present & mapped.isna()
        allowed = ", ".join(m.value for m in col.enum) if col.enum else ""
        p.add(bad, col.name, translate("Import", "unknown value; expected one of: {values}")
              .format(values=allowed))
        clean[col.name] = mapped.where(present & ~bad)
    elif col.kind == "id_no":
        clean["id_no"], clean["birth_from_id"] = _id_numbers(s, present, p)
    elif col.kind == "phone":
        digits = _normalise_slow(s, identity.PHONE_PATTERN.pattern, _phone_digits)
        ok = digits.str.fullmatch(identity.PHONE_PATTERN.pattern).fillna(False).astype(bool)
        p.add(present & ~ok, col.name,
              translate("Import", "not a mainland mobile number (11 digits starting with 1)"))
        clean[col.name] = digits.where(present & ok)
    elif col.kind == "card":
        digits = _normalise_slow(s, r"\d{12,19}", lambda d: d.str.replace(r"[\s\-]", "",
                                                                        regex=True))
        ok = digits.str.fullmatch(r"\d{12,19}").fillna(False).astype(bool)
        p.add(present & ~ok, col.name, translate("Import", "not a bank card number "
                                                 "(12 to 19 digits)"))
        clean[col.name] = digits.where(present & ok)
    elif col.kind == "ip":
        v4 = s.str.fullmatch(_IPV4).fillna(False).astype(bool)
        other = present & ~v4
        ok_other = s[other].map(_is_ip) if other.any() else pd.Series(dtype=bool)
        bad = pd.Series(False, index=s.index)
        bad.loc[other] = ~ok_other.astype(bool)
        p.add(bad, col.name, translate("Import", "not an IPv4 or IPv6 address"))
        clean[col.name] = s.where(present & ~bad)
    else:
        too_long = present & (s.str.len() > (col.max_length or 10**9))
        p.add(too_long, col.name, translate("Import", "longer than {n} characters").format(
            n=col.max_length))
        if col.name == "application_no":
            shape = present & ~s.str.fullmatch(r"[A-Za-z0-9_\-./]+").fillna(False).astype(bool)
            p.add(shape, col.name, translate(
                "Import", "may contain only letters, digits and - _ . /"))
            too_long |= shape
        clean[col.name] = s.where(present & ~too_long)
    return clean, p.parts


def _cross_checks(raw: pd.DataFrame, clean: pd.DataFrame, p: _Problems) -> None:
    positions = np.arange(len(raw))
    first = _first_rows(clean["application_no"])
    dup = pd.Series((first >= 0) & (first != positions), index=raw.index)
    if dup.any():
        p.add(dup, "application_no", _fill(translate(
            "Import", "duplicate application number; first seen in row {row}"), "row",
            pd.Series(first + FIRST_DATA_ROW, index=raw.index)))
    if "birth_date" in raw:
        stated, derived = clean["birth_date"], clean["birth_from_id"]
        mismatch = stated.notna() & derived.notna() & (stated != derived)
        p.add(mismatch, "birth_date", translate("Import", "differs from the birth date in the "
                                                "ID number"))
    ids = clean["id_no"].where(clean["name"].notna())
    first = _first_rows(ids)
    if (first >= 0).any():
        name_codes, _ = pd.factorize(clean["name"])
        has = first >= 0
        clash = np.zeros(len(raw), dtype=bool)
        clash[has] = name_codes[has] != name_codes[first[has]]
        if clash.any():
            p.add(pd.Series(clash, index=raw.index), "name", _fill(translate(
                "Import", "same ID number as row {row} but a different name"), "row",
                pd.Series(first + FIRST_DATA_ROW, index=raw.index)))


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
        return True
    except ValueError:
        return False


def _enum_values(s: pd.Series, exact: dict[str, str], folded_spellings: dict[str, str],
                 ) -> pd.Series:
    """Exact spellings map directly; only the rest is folded (case, blanks) and mapped again."""
    mapped = s.map(exact)
    rest = mapped.isna() & (s != "")
    if rest.any():
        folded = s[rest].str.replace(r"[\s_\-]", "", regex=True).str.lower()
        mapped = mapped.astype(object)
        mapped.loc[rest] = folded.map(folded_spellings)
    return mapped


def _phone_digits(d: pd.Series) -> pd.Series:
    d = d.str.replace(r"[\s\-()+]", "", regex=True)
    prefixed = (d.str.len() == 13) & d.str.startswith("861")
    return d.where(~prefixed, d.str.slice(2))


def _normalise_slow(s: pd.Series, pattern: str, normalise: Callable[[pd.Series], pd.Series],
                    ) -> pd.Series:
    """Run the costly clean-up only on values that are not already in canonical form."""
    done = s.str.fullmatch(pattern).fillna(False).astype(bool) | (s == "")
    if done.all():
        return s
    out = s.astype(object)
    out.loc[~done] = normalise(s[~done]).astype(object)
    return out.astype(s.dtype)


def _to_float(s: pd.Series) -> pd.Series:
    """Arrow's cast is fast for a clean column; fall back to coercion to find bad values."""
    try:
        cast = pc.cast(pa.array(s, type=pa.string(), from_pandas=True), pa.float64())
        return pd.Series(cast.to_numpy(zero_copy_only=False), index=s.index, dtype="float64")
    except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError, TypeError):
        return pd.to_numeric(s, errors="coerce").astype("float64")


def _first_rows(values: pd.Series) -> np.ndarray:
    """For each row, the position of the first row holding the same value (-1 for missing)."""
    codes, _ = pd.factorize(values, use_na_sentinel=True)
    has = codes >= 0
    out = np.full(len(codes), -1, dtype=np.int64)
    if has.any():
        out[has] = pd.Series(np.flatnonzero(has)).groupby(codes[has]).transform("min").to_numpy()
    return out


def _absent(col: Column, index: pd.Index) -> pd.Series:
    if col.kind == "int":
        return pd.Series(pd.NA, index=index, dtype="Int64")
    if col.kind in ("decimal", "float"):
        return pd.Series(np.nan, index=index, dtype=float)
    if col.kind in ("date", "datetime"):
        return pd.Series(pd.NaT, index=index, dtype="datetime64[us]")
    return pd.Series(None, index=index, dtype=object)
