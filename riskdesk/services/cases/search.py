"""What an officer types or pastes into a search box, read as one of the fields the queue and the
Applications tab search on (issue 27). Pure text handling; the services match the fields.

- A full ID number (18 characters) is matched through its keyed hash, as before.
- A masked ID number as the grid shows it (``110101********1234``; also with other mask
  characters, a different number of them, or spaces) is matched on the masked column the grid
  shows: the visible first six and last four characters, rebuilt into the stored mask. Nothing
  hidden by the mask is needed or stored anew; several people can share the visible parts, so
  a name typed beside it narrows the match (``110101********1234 王秀英``).
- A phone with spaces, dashes, brackets or a +86 / 0086 country code is reduced to its eleven
  digits, then matched through its keyed hash.
- A masked phone as the Applications grid shows it (``138****5678``; other mask characters or
  counts, a +86) is matched, like a masked ID number, on the masked column the grid shows: the
  visible first three and last four digits, narrowed by a name typed beside it.
- Chinese text is a name prefix; anything else an application (or loan, partner) number.
"""
from __future__ import annotations

import re
from typing import Any

from riskdesk.domain.identity import ID_PATTERN, PHONE_PATTERN

# Stars as the grid writes them, and what a paste or a hand may put instead.
MASK_CHARS = "*＊xX•·●○?？_-"
MASKED_ID = re.compile(r"^(\d{6})[" + re.escape(MASK_CHARS) + r"]{1,12}(\d{3}[\dXx])$")
SEPARATORS = re.compile(r"[\s\-‐–—()（）.·]+")
CJK = re.compile(r"[\u4e00-\u9fff·]+")
MASKED_PHONE = re.compile(r"^(1\d{2})[" + re.escape(MASK_CHARS) + r"]{1,8}(\d{4})$")
ID_HIDDEN = 8  # an 18-character ID number shows 6 + 8 stars + 4 (security/masking.py)
PHONE_HIDDEN = 4  # a mobile number shows 3 + 4 stars + 4 (as the import stores it)
FIELDS = ("id_no", "id_no_masked", "phone", "phone_masked", "name_prefix", "application_no")


def normal_phone(text: str) -> str | None:
    """Eleven digits of a mainland mobile number typed any usual way, or None."""
    digits = SEPARATORS.sub("", text.strip())
    for prefix in ("+86", "0086", "86"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 11:
            digits = digits[len(prefix):]
            break
    return digits if PHONE_PATTERN.match(digits) else None


def masked_id(text: str) -> str | None:
    """The stored mask of an ID number shown masked (6 visible, 8 stars, 4 visible), or None."""
    m = MASKED_ID.match(re.sub(r"\s+", "", text.strip()))
    if m is None:
        return None
    return m.group(1) + "*" * ID_HIDDEN + m.group(2).upper()


def masked_phone(text: str) -> str | None:
    """The stored mask of a mobile number shown masked (3 visible, 4 stars, 4 visible), or
    None; spaces and a +86 / 0086 country code are dropped first."""
    compact = re.sub(r"\s+", "", text.strip())
    for prefix in ("+86", "0086"):
        if compact.startswith(prefix):
            compact = compact[len(prefix):]
            break
    m = MASKED_PHONE.match(compact)
    if m is None:
        return None
    return m.group(1) + "*" * PHONE_HIDDEN + m.group(2)


def parse_search(text: str) -> dict[str, Any]:
    """The search fields for one box's text: each of FIELDS, None where not searched."""
    out: dict[str, Any] = dict.fromkeys(FIELDS)
    text = text.strip()
    if not text:
        return out
    name = " ".join(CJK.findall(text))
    rest = CJK.sub(" ", text).strip()
    compact = re.sub(r"\s+", "", rest)
    if compact and ID_PATTERN.match(compact.upper()):
        out["id_no"] = compact.upper()
    elif compact and masked_id(compact):
        out["id_no_masked"] = masked_id(compact)
    elif compact and normal_phone(rest):
        out["phone"] = normal_phone(rest)
    elif compact and masked_phone(compact):
        out["phone_masked"] = masked_phone(compact)
    elif not compact and name:
        out["name_prefix"] = name.replace(" ", "")
        return out
    else:
        out["application_no"] = text
        return out
    if name:  # a name beside a number narrows it (a masked ID or phone shared by several)
        out["name_prefix"] = name.replace(" ", "")
    return out
