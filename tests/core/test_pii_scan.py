"""The free-text detector of ID numbers, mobile numbers and card numbers (issue 25)."""
from __future__ import annotations

import pytest

from riskdesk.domain.identity import check_char
from riskdesk.security.pii_scan import Found, find_pii, luhn_ok, mask_text

ID17 = "11010119900307123"
ID_NO = ID17 + check_char(ID17)
PHONE = "13812345678"


def _luhn_card(body: str) -> str:
    return next(body + d for d in "0123456789" if luhn_ok(body + d))


CARD = _luhn_card("622202123456789")


@pytest.mark.parametrize("typed", [
    ID_NO, f"{ID_NO[:6]} {ID_NO[6:14]} {ID_NO[14:]}", f"{ID_NO[:6]} {ID_NO[6:10]} "
    f"{ID_NO[10:14]} {ID_NO[14:]}", " ".join(ID_NO[i:i + 4] for i in range(0, 18, 4))])
def test_id_numbers_with_and_without_spaces(typed: str) -> None:
    """issue 25: an ID number typed into a note, as one run or in groups."""
    text = f"客户身份证{typed}，已核实"
    [found] = find_pii(text)
    assert found == Found(5, 5 + len(typed), "id_number", ID_NO)
    assert mask_text(text) == f"客户身份证{ID_NO[:6]}********{ID_NO[-4:]}，已核实"


def test_id_number_with_x_and_wrong_check_digit() -> None:
    x_id = next(f"1101051949123100{d}" + check_char(f"1101051949123100{d}")
                for d in "0123456789" if check_char(f"1101051949123100{d}") == "X")
    assert [f.value for f in find_pii(f"id {x_id.lower()}.")] == [x_id]
    wrong = ID_NO[:17] + str((int(ID_NO[17]) + 1) % 10) if ID_NO[17] != "X" else ID_NO[:17] + "0"
    assert [f.kind for f in find_pii(wrong)] != ["id_number"]


@pytest.mark.parametrize("typed", [PHONE, "138 1234 5678", "138-1234-5678", "+86 138 1234 5678",
                                   "+86-13812345678", "+8613812345678", "8613812345678",
                                   "0086 138 1234 5678", "１３８１２３４５６７８"])
def test_mobile_numbers_in_their_typed_forms(typed: str) -> None:
    text = f"电话 {typed} 下午联系"
    [found] = find_pii(text)
    assert (found.kind, found.value, text[found.start:found.end]) == ("phone", PHONE, typed)
    assert mask_text(text) == "电话 138****5678 下午联系"


def test_cards_by_luhn() -> None:
    spaced = " ".join(CARD[i:i + 4] for i in range(0, len(CARD), 4))
    found = find_pii(f"卡号 {CARD}，另 {spaced}")
    assert [(f.kind, f.value) for f in found] == [("card", CARD), ("card", CARD)]
    not_luhn = CARD[:-1] + str((int(CARD[-1]) + 1) % 10)
    assert find_pii(not_luhn) == []
    assert mask_text(CARD) == CARD[:6] + "*" * (len(CARD) - 10) + CARD[-4:]


def test_two_numbers_side_by_side_stay_two_and_other_digits_stay() -> None:
    text = "138 1234 5678 139 8765 4321; 2024-01-05 amount 12345678901, ref 20240105"
    assert [f.value for f in find_pii(text)] == [PHONE, "13987654321"]
    assert mask_text(text) == ("138****5678 139****4321; 2024-01-05 amount 12345678901, "
                               "ref 20240105")


def test_masked_text_is_found_clean() -> None:
    text = mask_text(f"{ID_NO} {PHONE} {CARD}")
    assert find_pii(text) == []
    assert ID_NO not in text and PHONE not in text and CARD not in text
