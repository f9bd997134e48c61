"""Fingerprints of the rows a model was fitted on, so that monitoring can leave them out.

A model ranks its own training rows better than any other: an AUC or KS measured on them says
nothing about how it ranks new applications. Training stores, in the model's metadata, one
64-bit fingerprint per row of the fitting part (the held-out part is legitimately measurable);
monitoring computes the same fingerprint for each application of the month and measures only
on the others. One function, :func:`fingerprints`, serves both, on the model's input matrix
(:func:`riskdesk.scoring.features.matrix`), i.e. the values exactly as the model sees them: an
application imported into the database with the same feature values gets the same fingerprint.

The fingerprint of a row (scheme ``SCHEME``):

- each feature of ``meta["features"]``, in that order, as text: a number as the integer
  ``round(value * 10,000)`` in decimal (ten-thousandths: money has two decimals, rates one,
  so rounding there only absorbs the float noise of a database round trip; values are clipped
  to +-1e14 first); a text feature as its category when it is one of the model's categories;
  a missing value, or a category the model does not know (the model sees both as missing), as
  the empty text;
- the texts joined by U+001F (unit separator), encoded as UTF-8, hashed with BLAKE2b to 8 bytes,
  read as an unsigned big-endian 64-bit integer.

Stored as ``meta["training_rows"]``: ``scheme``, ``rows`` (fitting rows), ``distinct``
(different fingerprints; fewer when rows repeat) and ``fingerprints``, the distinct
fingerprints sorted ascending, each as 8 big-endian bytes, concatenated and base64-encoded
(about 11 characters a row). With 64 bits, a month of a million applications against ten
million training rows mistakes one for a training row with a chance of about 1 in 2 million.
"""
from __future__ import annotations

import base64
import hashlib
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

SCHEME = "blake2b-64/v1"
SEPARATOR = "\x1f"
SCALE = 10_000
LIMIT = 1e14


def _column_text(col: pd.Series) -> pa.Array:
    if isinstance(col.dtype, pd.CategoricalDtype):
        text = col.astype(object).where(col.notna(), None)
        return pc.fill_null(pa.array(text.to_numpy(), type=pa.string()), "")
    values = np.clip(col.to_numpy(dtype=float), -LIMIT, LIMIT)
    missing = np.isnan(values)
    scaled = np.rint(np.where(missing, 0.0, values) * SCALE).astype(np.int64)
    return pc.fill_null(pc.cast(pa.array(scaled, mask=missing), pa.string()), "")


def canonical_rows(x: pd.DataFrame, features: list[str]) -> list[str]:
    """The canonical text of each row of the model matrix ``x`` (see the module docstring)."""
    if not len(x):
        return []
    joined = pc.binary_join_element_wise(*[_column_text(x[name]) for name in features],
                                         SEPARATOR)
    return [str(v) for v in joined.to_pylist()]


def fingerprints(x: pd.DataFrame, features: list[str]) -> np.ndarray:
    """One unsigned 64-bit fingerprint per row of the model matrix ``x``, in row order."""
    rows = canonical_rows(x, features)
    return np.fromiter(
        (int.from_bytes(hashlib.blake2b(r.encode("utf-8"), digest_size=8).digest(), "big")
         for r in rows), dtype=np.uint64, count=len(rows))


def pack(prints: np.ndarray) -> dict[str, Any]:
    """The metadata entry for the fitting rows' fingerprints."""
    distinct = np.unique(prints.astype(np.uint64))
    return {"scheme": SCHEME, "rows": int(len(prints)), "distinct": int(len(distinct)),
            "fingerprints": base64.b64encode(distinct.astype(">u8").tobytes()).decode("ascii")}


def unpack(meta: dict[str, Any]) -> np.ndarray | None:
    """The sorted fingerprints of a model's training rows; None when its metadata has none
    (a model registered before they were stored) or in a scheme this version does not know."""
    entry = meta.get("training_rows")
    if not isinstance(entry, dict) or entry.get("scheme") != SCHEME:
        return None
    raw = base64.b64decode(str(entry["fingerprints"]), validate=True)
    return np.frombuffer(raw, dtype=">u8").astype(np.uint64)


def is_training_row(prints: np.ndarray, training: np.ndarray) -> np.ndarray:
    """True where a fingerprint is one of the (sorted) training fingerprints."""
    if not len(training) or not len(prints):
        return np.zeros(len(prints), dtype=bool)
    at = np.clip(np.searchsorted(training, prints), 0, len(training) - 1)
    return np.asarray(training[at] == prints)
