"""Display forms of personal data: enough to recognise a record, never enough to use it."""
from __future__ import annotations


def mask_id_no(value: str) -> str:
    v = value.strip()
    if len(v) < 10:
        return mask_any(v)
    return v[:6] + "*" * (len(v) - 10) + v[-4:]


def mask_phone(value: str) -> str:
    v = value.strip()
    if len(v) != 11:
        return mask_any(v)
    return v[:3] + "****" + v[-4:]


def mask_card(value: str) -> str:
    v = value.strip()
    if len(v) < 12:
        return mask_any(v)
    return v[:6] + "*" * (len(v) - 10) + v[-4:]


def mask_name(value: str) -> str:
    v = value.strip()
    return v[:1] + "*" * max(len(v) - 1, 1) if v else ""


def mask_any(value: str) -> str:
    """For a malformed value in an error message: at most a fifth of it, at the ends, stays."""
    v = str(value)
    keep = len(v) // 5
    if keep == 0:
        return "*" * len(v)
    head = (keep + 1) // 2
    tail = keep - head
    return v[:head] + "*" * (len(v) - keep) + (v[-tail:] if tail else "")
