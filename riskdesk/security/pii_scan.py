"""Personal data typed into free text: 18-character ID numbers with a valid check digit,
mainland mobile numbers and bank card numbers (Luhn), found wherever they sit in a text
(issue 25).

A value may be typed with spaces or dashes between groups of digits ("110101 19900307 1234",
"138-1234-5678", "+86 138 1234 5678", "6222 0212 3456 7890"); full-width digits count as
digits. Groups are joined only in the shapes people type, so two numbers side by side are
not read as one. ``Found.value`` is the canonical form (ASCII digits, upper-case X, no
separators, no +86); ``start``/``end`` cover what was typed, prefix included.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from riskdesk.domain.identity import PHONE_PATTERN, check_char
from riskdesk.security.masking import mask_card, mask_id_no, mask_phone

Kind = Literal["id_number", "phone", "card"]
KINDS: tuple[Kind, ...] = ("id_number", "phone", "card")
MASKERS: dict[str, Callable[[str], str]] = {
    "id_number": mask_id_no, "phone": mask_phone, "card": mask_card}


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    kind: Kind
    value: str

    @property
    def masked(self) -> str:
        return MASKERS[self.kind](self.value)


_GROUP = re.compile(r"\d+")
# between two groups of one value: one to three spaces or dashes (ASCII, no-break, ideographic)
_SEPARATOR = re.compile(r"[ \-\u00a0\u3000]{1,3}")
_MAX_GROUPS = 8
_PHONE_SHAPES = {(11,), (3, 4, 4), (3, 8), (7, 4), (4, 4, 3)}
_ID_SHAPES = {(18,), (6, 8, 4), (6, 4, 4, 4), (6, 12), (6, 8, 3, 1)}
_CARD_SHAPES = {(4, 6, 5), (4, 6, 4), (6, 13)}


@dataclass(frozen=True)
class _Group:
    start: int
    end: int  # after the digits and a trailing X, if any
    digits: str  # ASCII
    x: bool  # an X (or x) follows the digits directly
    plus: bool  # a "+" stands directly before the digits


def _ascii(digits: str) -> str:
    return digits if digits.isascii() else "".join(str(unicodedata.digit(c)) for c in digits)


def _groups(text: str) -> list[list[_Group]]:
    """Runs of digit groups that could belong together (separated by spaces or dashes)."""
    runs: list[list[_Group]] = []
    last_end = -1
    for m in _GROUP.finditer(text):
        end = m.end()
        x = end < len(text) and text[end] in "xX"
        if x and end + 1 < len(text) and text[end + 1].isascii() and text[end + 1].isalnum():
            x = False  # "123X5" or "123XYZ": the X is a word's letter, not a check digit
        start = m.start()
        plus = start > 0 and text[start - 1] == "+"
        group = _Group(start - plus, end + x, _ascii(m.group()), x, plus)
        joined = (runs and last_end >= 0 and not runs[-1][-1].x and not plus
                  and _SEPARATOR.fullmatch(text, last_end, start) is not None)
        if joined:
            runs[-1].append(group)
        else:
            runs.append([group])
        last_end = group.end
    return runs


def _equal_groups(lengths: tuple[int, ...]) -> bool:
    """4-4-4-4-2, 3-3-3-3-3-3: every group as long as the first, the last no longer."""
    return len(lengths) > 1 and all(n == lengths[0] for n in lengths[:-1]) \
        and 0 < lengths[-1] <= lengths[0]


def _id_number(groups: list[_Group]) -> str | None:
    if any(g.x for g in groups[:-1]):
        return None
    digits = "".join(g.digits for g in groups)
    lengths = tuple(len(g.digits) for g in groups)
    if groups[-1].x:
        if len(digits) != 17:
            return None
        digits += "X"
        lengths = (*lengths[:-1], lengths[-1] + 1)
    if len(digits) != 18 or groups[0].plus:
        return None
    if lengths not in _ID_SHAPES and not _equal_groups(lengths):
        return None
    return digits if check_char(digits[:17]) == digits[17] else None


def _phone(groups: list[_Group]) -> str | None:
    if any(g.x for g in groups):
        return None
    parts = [g.digits for g in groups]
    first = parts[0]
    if len(parts) > 1 and (first in ("0086",) or (first == "86" and groups[0].plus)):
        parts = parts[1:]
    elif len(first) == 15 and first.startswith("0086"):
        parts[0] = first[4:]
    elif len(first) == 13 and first.startswith("86"):
        parts[0] = first[2:]
    elif groups[0].plus:
        return None
    digits = "".join(parts)
    if tuple(len(p) for p in parts) not in _PHONE_SHAPES:
        return None
    return digits if PHONE_PATTERN.match(digits) else None


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _card(groups: list[_Group]) -> str | None:
    if any(g.x or g.plus for g in groups):
        return None
    digits = "".join(g.digits for g in groups)
    lengths = tuple(len(g.digits) for g in groups)
    if not 13 <= len(digits) <= 19:
        return None
    if len(lengths) > 1 and lengths not in _CARD_SHAPES and not (
            _equal_groups(lengths) and lengths[0] == 4):
        return None
    return digits if luhn_ok(digits) else None


_CHECKS: tuple[tuple[Kind, Callable[[list[_Group]], str | None]], ...] = (
    ("id_number", _id_number), ("phone", _phone), ("card", _card))


def find_pii(text: str) -> list[Found]:
    """Every ID number, mobile number and card number in ``text``, in order, not overlapping.
    From each group of digits the longest run of groups that forms a value wins (an ID
    number before a phone before a card for the same run)."""
    found: list[Found] = []
    for run in _groups(text):
        i = 0
        while i < len(run):
            hit: Found | None = None
            for j in range(min(len(run), i + _MAX_GROUPS), i, -1):
                for kind, check in _CHECKS:
                    value = check(run[i:j])
                    if value is not None:
                        hit = Found(run[i].start, run[j - 1].end, kind, value)
                        break
                if hit is not None:
                    i = j
                    break
            if hit is None:
                i += 1
            else:
                found.append(hit)
    return found


def mask_text(text: str) -> str:
    """``text`` with every value find_pii finds replaced by its masked form."""
    out: list[str] = []
    pos = 0
    for f in find_pii(text):
        out.append(text[pos:f.start])
        out.append(f.masked)
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def mask_names(text: str, names: Iterable[str]) -> str:
    """``text`` with each of the known ``names`` (an applicant's, a complainant's) masked where
    it was typed: a name has no shape find_pii could find, but the case knows whose it is
    (issue 28: a complainant's name typed in a complaint's description)."""
    from riskdesk.security.masking import mask_name

    for name in sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=len,
                       reverse=True):  # "王小明" before "王小"
        text = re.sub(r"(?<![A-Za-z])" + re.escape(name) + r"(?![A-Za-z])", mask_name(name),
                      text, flags=re.IGNORECASE)  # "Li" is no name inside "Limit"
    return text
