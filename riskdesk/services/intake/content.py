"""Canonical content of an application, to tell "already imported" from "conflict".

Each field is rendered as a string the same way from a validated frame (vectorised) and from a
stored row (scalar); personal data enters only as its keyed hash. The SHA-256 of the joined
fields is stored with the application, so a re-import compares one column, and only rows
whose hash differs are loaded to name the differing fields.
"""
from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from riskdesk.security.datakey import DataCipher
from riskdesk.services.intake.columns import COLUMNS

SEP = "\x1f"
PII_FIELDS = {"id_no": "id_no", "phone": "phone", "card_no": "card"}
# Derived from the ID number, or only checked at import: not part of the content.
# The ring keys (issue 33) are not either: adding them left the stored hashes of earlier
# imports valid.
SKIPPED = {"birth_date", "contact_phone", "employer"}
CONTENT_FIELDS = [c.name for c in COLUMNS if c.name not in SKIPPED]
ROUND = {"apr": 4}


def _places(name: str, kind: str) -> int | None:
    if kind == "decimal":
        return ROUND.get(name, 2)
    if kind == "float":
        return 6
    return None


def frame_strings(clean: pd.DataFrame, cipher: DataCipher,
                  ) -> tuple[dict[str, pa.Array], dict[str, list[str]]]:
    """Per-field canonical strings of valid rows as Arrow string arrays in row order (no
    Python string per value), plus the PII digests as lists (reused for storage)."""
    out: dict[str, pa.Array] = {}
    digests: dict[str, list[str]] = {}
    for col in COLUMNS:
        if col.name in SKIPPED:
            continue
        s = clean[col.name]
        if col.name in PII_FIELDS:
            present = s.notna().to_numpy()
            values = s.astype(object).to_numpy()
            d = np.full(len(s), "", dtype=object)
            if present.any():
                d[present] = cipher.digest_many(PII_FIELDS[col.name], values[present].tolist())
            digests[col.name] = d.tolist()
            out[col.name] = pa.array(digests[col.name], type=pa.string())
        elif col.kind in ("decimal", "float"):
            out[col.name] = _arrow_text(s.astype(float).round(_places(col.name, col.kind) or 0))
        elif col.kind == "int":
            out[col.name] = _arrow_text(s.astype("Int64"))
        elif col.kind == "datetime":
            out[col.name] = _time_text(s)
        else:
            out[col.name] = _plain_text(s)
    return out, digests


def _plain_text(s: pd.Series) -> pa.Array:
    """Text as it is, missing as ""; an Arrow-backed column is taken as it is stored."""
    if isinstance(s.dtype, pd.StringDtype) and s.dtype.storage == "pyarrow":
        values = pa.array(s.array, type=pa.string())
        if isinstance(values, pa.ChunkedArray):
            values = values.combine_chunks()
        return pc.fill_null(values, "")
    return pa.array(s.astype(object).where(s.notna(), ""), type=pa.string())


def _time_text(s: pd.Series) -> pa.Array:
    """``str(Timestamp)`` of each value ("2026-08-30 17:39:14"), missing as "", formatted by
    Arrow when no value has a fraction of a second (the common case)."""
    if pd.api.types.is_datetime64_dtype(s) and s.dtype != object:
        missing = s.isna().to_numpy()
        micros = s.to_numpy("datetime64[us]").view("int64")
        if not (micros[~missing] % 1_000_000).any():
            seconds = pa.array(s.to_numpy("datetime64[s]"), mask=missing)
            return pc.fill_null(pc.cast(seconds, pa.string()), "")  # ISO with a blank
    # value by value, as stored_strings renders a stored row (a whole column's astype(str)
    # picks one fraction width for the whole file)
    return pa.array(["" if pd.isna(v) else str(pd.Timestamp(v)) for v in s.tolist()],
                    type=pa.string())


def _arrow_text(s: pd.Series) -> pa.Array:
    """Arrow's number formatting, vectorised; missing as ""."""
    return pc.fill_null(pc.cast(pa.array(s, from_pandas=True), pa.string()), "")


def _numbers_as_text(s: pd.Series) -> list[str]:
    """The same formatting for stored values (:func:`stored_strings`)."""
    return [str(v) for v in _arrow_text(s).to_pylist()]


def content_hashes(strings: dict[str, pa.Array], *, chunk: int = 100_000) -> list[str]:
    """SHA-256 of the fields joined by a unit separator; joined in Arrow, chunk by chunk
    (one join over a million rows costs several times five joins of 200,000)."""
    sha = hashlib.sha256
    out: list[str] = []
    for start in range(0, len(strings[CONTENT_FIELDS[0]]), chunk):
        arrays = [strings[name].slice(start, chunk) for name in CONTENT_FIELDS]
        joined = pc.binary_join_element_wise(*arrays, SEP)
        if isinstance(joined, pa.ChunkedArray):
            joined = joined.combine_chunks()
        # hashed straight from Arrow's UTF-8 buffer: no Python string per row
        _, offsets_buffer, data_buffer = joined.buffers()
        width = np.int64 if pa.types.is_large_string(joined.type) else np.int32
        offsets = np.frombuffer(offsets_buffer, dtype=width)[
            joined.offset:joined.offset + len(joined) + 1].tolist()
        data = memoryview(data_buffer if data_buffer is not None else b"")
        out.extend([sha(data[a:b]).hexdigest() for a, b in
                    zip(offsets[:-1], offsets[1:], strict=True)])
    return out


def stored_strings(values: dict[str, Any]) -> dict[str, str]:
    """The same canonical strings from a stored row (PII given as its stored hash)."""
    out: dict[str, str] = {}
    for col in COLUMNS:
        if col.name in SKIPPED:
            continue
        v = values.get(col.name)
        if v is None:
            out[col.name] = ""
        elif col.kind in ("decimal", "float"):
            out[col.name] = _numbers_as_text(pd.Series([round(float(v), _places(
                col.name, col.kind) or 0)]))[0]
        elif col.kind == "int":
            out[col.name] = _numbers_as_text(pd.Series([int(v)], dtype="Int64"))[0]
        elif col.kind == "datetime" and isinstance(v, datetime):
            out[col.name] = str(pd.Timestamp(v))
        else:
            out[col.name] = str(v)
    return out
