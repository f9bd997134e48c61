"""Chinese identity numbers (GB 11643-1999) and mobile numbers, scalar and vectorised.

numpy and pandas load only for the vectorised checks: the GUI's queue search needs the
patterns alone, and a workstation should not pay 150 MB for them."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
ID_PATTERN = re.compile(r"^\d{17}[\dX]$")
PHONE_PATTERN = re.compile(r"^1[3-9]\d{9}$")


def check_char(first17: str) -> str:
    total = sum(int(c) * int(w) for c, w in zip(first17, WEIGHTS, strict=True))
    return str(CHECK_CHARS[total % 11])


def is_valid_id_no(value: str) -> bool:
    v = value.strip().upper()
    return bool(ID_PATTERN.match(v)) and check_char(v[:17]) == v[17]


def id_checksum_ok(ids: pd.Series) -> pd.Series:
    """Vectorised checksum test; ``ids`` must already match ID_PATTERN (upper-case X)."""
    import numpy as np
    import pandas as pd

    if ids.empty:
        return pd.Series([], dtype=bool, index=ids.index)
    raw = np.frombuffer("".join(ids.to_list()).encode("ascii"), dtype=np.uint8).reshape(-1, 18)
    digits = (raw[:, :17] - ord("0")).astype(np.int64)
    expected = np.array(list(CHECK_CHARS))[(digits @ np.array(WEIGHTS)) % 11]
    actual = np.array([chr(c) for c in range(256)])[raw[:, 17]]
    return pd.Series(expected == actual, index=ids.index)


def birth_dates(ids: pd.Series) -> pd.Series:
    """Birth dates encoded in valid-pattern ID numbers; NaT where the date does not exist."""
    import pandas as pd

    return pd.to_datetime(ids.str.slice(6, 14), format="%Y%m%d", errors="coerce")
