"""Checks every import shares (issue 25, item 3): characters that do not belong in a value,
personal data in a column meant for something else, thousands separators, time zones, and
how a problem shows a value (personal data masked, control characters named, not printed).

Each check comes as a vectorised one over a column (the application import) and a scalar one
(the complaint and loan imports, which walk their rows).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from riskdesk.i18n import QT_TRANSLATE_NOOP, translate
from riskdesk.security.redact import MIN_DIGITS, redact

# C0 and C1 controls and DEL, line and paragraph separators, and the bidirectional marks,
# embeddings, overrides and isolates (U+061C, U+200E/F, U+202A-U+202E, U+2066-U+2069).
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029"
BAD_CHARS = re.compile(f"[{_CONTROL}\t\n\r{_BIDI}]")
BAD_IN_FREE_TEXT = re.compile(f"[{_CONTROL}{_BIDI}]")  # free text may hold tabs and lines
_BIDI_CHARS = re.compile(f"[{_BIDI}]")


def bad_char_reason(value: str, *, free_text: bool = False) -> str | None:
    """Why ``value`` is refused for a character it holds, or None."""
    m = (BAD_IN_FREE_TEXT if free_text else BAD_CHARS).search(value)
    if m is None:
        return None
    code = f"U+{ord(m.group()):04X}"
    if _BIDI_CHARS.fullmatch(m.group()):
        return translate("Import", "contains a bidirectional-override character ({code}), "
                         "which can make the text display other than it reads").format(code=code)
    return translate("Import", "contains a control character ({code}); remove line breaks, "
                     "tabs and control characters").format(code=code)


# The same classes for Arrow's RE2 kernels, which test a million values without the GIL.
_RE2_BIDI = r"\x{61c}\x{200e}\x{200f}\x{202a}-\x{202e}\x{2066}-\x{2069}"
_RE2_CONTROL = r"\x{0}-\x{8}\x{b}\x{c}\x{e}-\x{1f}\x{7f}-\x{9f}\x{2028}\x{2029}"
RE2_BAD = f"[{_RE2_CONTROL}\\t\\n\\r{_RE2_BIDI}]"
RE2_BAD_FREE = f"[{_RE2_CONTROL}{_RE2_BIDI}]"
# Eleven or more digits, with at most three blanks or dashes between any two: every value
# pii_scan can find has this shape (a date and time such as 2026-11-25 12:00 has not).
RE2_LONG_DIGITS = r"([0-9\x{ff10}-\x{ff19}][ \-\x{a0}\x{3000}]{0,3}){11,}"


def _arrow(s: pd.Series) -> pa.Array | pa.ChunkedArray:
    """The column as Arrow strings: as stored when it is Arrow-backed (no copy)."""
    if isinstance(s.dtype, pd.StringDtype) and s.dtype.storage == "pyarrow":
        return pa.array(s.array, type=pa.string())
    return pa.array(s.astype(object).where(s.notna(), None), type=pa.string())


def matches(s: pd.Series, pattern: str) -> pd.Series:
    """Which values contain ``pattern`` (RE2 syntax), through Arrow (missing: no)."""
    hit = pc.fill_null(pc.match_substring_regex(_arrow(s), pattern), False)
    if isinstance(hit, pa.ChunkedArray):
        hit = hit.combine_chunks()
    return pd.Series(hit.to_numpy(zero_copy_only=False), index=s.index, dtype=bool)


def bad_chars(s: pd.Series, *, free_text: bool = False) -> tuple[pd.Series, pd.Series]:
    """Vectorised :func:`bad_char_reason`: the rows with such a character and their reasons."""
    hit = matches(s, RE2_BAD_FREE if free_text else RE2_BAD)
    reasons = pd.Series("", index=s.index, dtype=object)
    if hit.any():
        reasons.loc[hit] = pd.Series([bad_char_reason(v, free_text=free_text) or ""
                                      for v in s[hit]], index=s.index[hit], dtype=object)
    return hit, reasons


def shown(value: object, limit: int = 60) -> str:
    """A value as a problem shows it: control and bidirectional characters as <U+XXXX>,
    personal data and long digit runs masked, at most ``limit`` characters."""
    text = redact(str(value))
    text = BAD_CHARS.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
    return text[:limit]


def shown_series(s: pd.Series, limit: int = 60) -> pd.Series:
    """:func:`shown` for a column, touching only the values that need it."""
    s = s.astype(str)
    odd = matches(s, f"{RE2_BAD}|[0-9]{{{MIN_DIGITS}}}|" + RE2_LONG_DIGITS)
    if odd.any():
        s = s.copy()
        s.loc[odd] = pd.Series([shown(v, 10**6) for v in s[odd]], index=s.index[odd],
                               dtype=object)
    return s.str.slice(0, limit)


# --- personal data in the wrong column ---------------------------------------------------------

_KIND_NAMES = {"id_number": QT_TRANSLATE_NOOP("Import", "an ID number"),
               "phone": QT_TRANSLATE_NOOP("Import", "a mobile number"),
               "card": QT_TRANSLATE_NOOP("Import", "a card number")}
# Card numbers as banks issue them, prefix and length (UnionPay 62, Visa 4, Mastercard 51-55
# and 22-27, Amex 34/37, JCB 35): a reference that merely passes Luhn (one number in ten
# does), or a phone's IMEI (15 digits, Luhn, often 35 or 86) in the device column, is not
# taken for a card.
_CARD = re.compile(r"62\d{14,17}|4(\d{12}|\d{15}|\d{18})|(5[1-5]|2[2-7])\d{14}|3[47]\d{13}"
                   r"|35\d{14,17}")


def pii_kind(value: str) -> str | None:
    """The kind of personal data ``value`` holds (an ID number with a real birth date, a
    mobile number, a card number with an issuer's prefix), or None."""
    if sum(c.isdigit() for c in value) < MIN_DIGITS:
        return None
    from riskdesk.security.pii_scan import find_pii

    for found in find_pii(value):
        if _inside_word(value, found.start, found.end):
            continue  # digits inside a hex device id or a reference, not a value of their own
        if found.kind == "id_number" and not _birth_ok(found.value):
            continue
        if found.kind == "card" and not _CARD.fullmatch(found.value):
            continue
        return found.kind
    return None


def _inside_word(value: str, start: int, end: int) -> bool:
    before = value[start - 1] if start > 0 else ""
    after = value[end] if end < len(value) else ""
    return (before.isascii() and before.isalnum()) or (after.isascii() and after.isalnum())


def _birth_ok(id_no: str) -> bool:
    try:
        born = date(int(id_no[6:10]), int(id_no[10:12]), int(id_no[12:14]))
    except ValueError:
        return False
    return born.year >= 1900 and id_no[0] in "12345678"


def misplaced_reason(kind: str) -> str:
    what = translate("Import", _KIND_NAMES[kind])
    return translate("Import", "looks like {what}; personal data does not belong in this "
                     "column").format(what=what)


def misplaced_pii(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Rows of a column that hold an ID number, phone or card, and the reasons."""
    s = s.astype(str)
    candidates = matches(s, RE2_LONG_DIGITS)
    hit = pd.Series(False, index=s.index)
    reasons = pd.Series("", index=s.index, dtype=object)
    for idx, value in s[candidates].items():
        kind = pii_kind(value)
        if kind is not None:
            hit.at[idx] = True
            reasons.at[idx] = misplaced_reason(kind)
    return hit, reasons


def refused(s: pd.Series, *, pii_here: bool = False,
            free_text: bool = False) -> tuple[pd.Series, pd.Series]:
    """:func:`bad_chars` and (unless the column is meant for personal data) :func:`misplaced_pii`
    in one pass over the column: only the values that may hold either are looked at again."""
    maybe = matches(s, RE2_BAD_FREE if free_text else RE2_BAD)
    if not pii_here:  # only values of 11 characters or more can hold 11 digits
        long = (s.str.len() >= MIN_DIGITS).fillna(False).astype(bool)
        if long.any():
            maybe |= matches(s[long], RE2_LONG_DIGITS).reindex(s.index, fill_value=False)
    hit = pd.Series(False, index=s.index)
    reasons = pd.Series("", index=s.index, dtype=object)
    if not maybe.any():
        return hit, reasons
    sub = s[maybe].astype(str)
    for idx, value in sub.items():
        why = bad_char_reason(value, free_text=free_text)
        if why is None and not pii_here:
            kind = pii_kind(value)
            why = misplaced_reason(kind) if kind else None
        if why is not None:
            hit.at[idx] = True
            reasons.at[idx] = why
    return hit, reasons


# --- numbers -----------------------------------------------------------------------------------

# Commas only between groups of three digits, from the first group of one to three on:
# 5,000,000 and 1,234.5 are numbers; 5,000,00 and 1,2,3 are not.
GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?%?")


def thousands_reason() -> str:
    return translate("Import", "misplaced thousands separator (write 5,000,000 or 5000000)")


def bad_thousands(s: pd.Series) -> pd.Series:
    """Values with a comma that is not a thousands separator."""
    comma = s.str.contains(",", regex=False).fillna(False).astype(bool)
    if not comma.any():
        return comma
    return comma & ~s.str.fullmatch(GROUPED.pattern).fillna(False).astype(bool)


def without_thousands(value: str) -> str | None:
    """``value`` without its thousands separators; None when a comma is misplaced."""
    if "," not in value:
        return value
    return value.replace(",", "") if GROUPED.fullmatch(value.strip()) else None


# --- time zones --------------------------------------------------------------------------------

# A time followed by a zone: Z, UTC, +08:00, +0800 or +08 (after a blank or directly).
ZONED = re.compile(r"(?P<time>.*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*"
                   r"(?P<zone>[Zz]|UTC|GMT|[+-]\d{2}(?::?\d{2})?)")


RE2_ZONE = r"\d:\d\d(:\d\d(\.\d+)?)?\s*([Zz]|UTC|GMT|[+-]\d\d(:?\d\d)?)$"


def split_zones(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The time without its zone, and the zone's offset from UTC in minutes (NaN: none given;
    a zone beyond +-14:00 gives None in the offset and is refused by the caller)."""
    minutes = pd.Series(float("nan"), index=s.index)
    if not matches(s, RE2_ZONE).any():  # the usual file: no zones, no Python regex per row
        return s, minutes
    parts = s.str.extract(ZONED.pattern, expand=True)
    whole = s.str.fullmatch(ZONED.pattern).fillna(False).astype(bool)
    body = s.where(~whole, parts["time"])
    if whole.any():
        minutes.loc[whole] = pd.Series([_offset(z) for z in parts["zone"][whole]],
                                       index=s.index[whole], dtype=float)
    return body, minutes


def _offset(zone: str) -> float:
    if zone.upper() in ("Z", "UTC", "GMT"):
        return 0.0
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    hours, mins = int(digits[:2]), int(digits[2:] or 0)
    if hours > 14 or mins >= 60:
        return float("inf")
    return float(sign * (hours * 60 + mins))


def zone_reason(first_zoned_row: int) -> str:
    return translate("Import", "has no time zone while row {row} has one: write every time "
                     "in this column with its zone or every time without").format(
        row=first_zoned_row)


def bad_zone_reason() -> str:
    return translate("Import", "not a time zone (expected Z or an offset such as +08:00)")


def unzoned_among_zoned(values: Iterable[str], first_row: int) -> tuple[list[int], int]:
    """For a column walked row by row: the positions of the times without a zone when others
    have one (refused: which zone they meant is a guess), and the first zoned row."""
    zoned: list[bool] = []
    present: list[bool] = []
    for v in values:
        text = v.strip()
        present.append(bool(text))
        zoned.append(bool(text) and ZONED.fullmatch(text) is not None)
    if not any(zoned):
        return [], 0
    first = zoned.index(True) + first_row
    return [i for i, (p, z) in enumerate(zip(present, zoned, strict=True)) if p and not z], first
