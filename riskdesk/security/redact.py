"""Personal data out of messages: problem lists, rejects files and logs (issue 25, item 4).

Whatever column a value came from, an ID number, a mobile number or a card number in it is
shown masked (``pii_scan.mask_text``), and any run of 11 or more digits left after that is
masked too, whatever it is: no message prints 11 consecutive plain digits. A value checked
as one kind of personal data is masked by its shape, not by its column, so a phone typed in
the ID column does not show 10 of its 11 digits through the ID number's mask.
"""
from __future__ import annotations

import re

from riskdesk.security.masking import mask_any, mask_card, mask_id_no, mask_phone

LONG_RUN = re.compile(r"\d{11,}")
# A cheap test before the full scan: a value with fewer than 11 digits holds none of them.
_DIGIT = re.compile(r"\d")
MIN_DIGITS = 11


def mask_run(digits: str) -> str:
    """The first three and last four digits of a long run stay (as a phone's mask)."""
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def redact(text: str) -> str:
    """``text`` with personal data and long digit runs masked."""
    text = str(text)
    if len(_DIGIT.findall(text)) < MIN_DIGITS:
        return text
    from riskdesk.security.pii_scan import mask_text

    return LONG_RUN.sub(lambda m: mask_run(m.group()), mask_text(text))


_ID_SHAPE = re.compile(r"\d{17}[\dXx]")
_PHONE_SHAPE = re.compile(r"1\d{10}")
_CARD_SHAPE = re.compile(r"\d{12,19}")


def mask_field(kind: str, value: str) -> str:
    """A personal-data field's value masked by its shape: the ID number's, phone's or card's
    mask only when the value has that shape, else :func:`mask_any` (a fifth stays)."""
    v = str(value).strip()
    if not v:
        return v
    if kind in ("id_no", "id_number") and _ID_SHAPE.fullmatch(v):
        return mask_id_no(v)
    if kind == "phone" and _PHONE_SHAPE.fullmatch(v):
        return mask_phone(v)
    if kind in ("card", "card_no") and _CARD_SHAPE.fullmatch(v):
        return mask_card(v)
    return redact(mask_any(v))
