"""The keys that join applicants, as the import stores them and the link store reads them.

Only keyed hashes and masked forms leave this module. The emergency contact's phone is keyed
under the same HMAC field as the applicant's own phone, so one person's contact number that is
another's own number is one key. Employers are compared normalised: full-width forms folded,
case, blanks and punctuation dropped, and a trailing company form (有限公司, Co., Ltd. ...)
removed, so "深圳市某某科技有限公司" and "深圳市某某科技 有限公司 " are one employer.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

import numpy as np
import pandas as pd

from riskdesk.security.datakey import DataCipher
from riskdesk.security.masking import mask_any

_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司", "coltd", "ltd",
             "limited", "inc", "corp", "co")
_DROP = re.compile(r"[\W_]+", re.UNICODE)


def normalise_employer(value: str) -> str:
    """The form employers are compared in ("" for a name that is only a company form)."""
    v = _DROP.sub("", unicodedata.normalize("NFKC", str(value)).lower())
    for suffix in _SUFFIXES:
        if v.endswith(suffix) and len(v) > len(suffix):
            return v[:-len(suffix)]
    return v


def mask_employer(value: str) -> str:
    """Enough to tell two employers apart on a graph, not to name one: the first two
    characters and the last."""
    v = str(value).strip()
    if len(v) <= 3:
        return v[:1] + "*" * max(len(v) - 1, 1)
    return (v[:2] + "*" * min(len(v) - 3, 6) + v[-1:])[:32]


def mask_device(value: str) -> str:
    return mask_any(str(value))[:32]


def import_columns(cipher: DataCipher, rows: pd.DataFrame) -> dict[str, list[Any]]:
    """``application`` columns for the optional contact phone and employer of imported rows
    (None where absent)."""
    out: dict[str, list[Any]] = {}
    n = len(rows)
    phones = rows["contact_phone"] if "contact_phone" in rows else pd.Series([None] * n)
    has = phones.notna().to_numpy()
    hashes, masked = np.full(n, None, dtype=object), np.full(n, None, dtype=object)
    if has.any():
        text = phones[has].astype(str)
        hashes[has] = cipher.digest_many("phone", text.tolist())
        masked[has] = (text.str.slice(0, 3) + "****" + text.str.slice(7)).to_numpy()
    out["contact_phone_hash"], out["contact_phone_masked"] = hashes.tolist(), masked.tolist()
    employers = rows["employer"] if "employer" in rows else pd.Series([None] * n)
    norm = employers.map(lambda v: None if v is None or v != v else normalise_employer(v) or None)
    has = norm.notna().to_numpy()
    hashes, masked = np.full(n, None, dtype=object), np.full(n, None, dtype=object)
    if has.any():
        hashes[has] = cipher.digest_many("employer", norm[has].astype(str).tolist())
        masked[has] = [mask_employer(v) for v in employers[has].astype(str).tolist()]
    out["employer_hash"], out["employer_masked"] = hashes.tolist(), masked.tolist()
    return out
