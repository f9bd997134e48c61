"""Merchant category codes (ISO 18245) with their English and Chinese names, from
``resources/data/mcc.csv`` (the codes the rules and the demo use; see its README)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from riskdesk.paths import resources_dir


@dataclass(frozen=True)
class MerchantCategory:
    code: str
    name_en: str
    name_zh: str
    source: str

    def name(self, chinese: bool) -> str:
        return self.name_zh if chinese else self.name_en


@cache
def merchant_categories() -> dict[str, MerchantCategory]:
    with (resources_dir() / "data" / "mcc.csv").open(encoding="utf-8", newline="") as f:
        return {row["code"]: MerchantCategory(row["code"], row["name_en"], row["name_zh"],
                                              row["source"]) for row in csv.DictReader(f)}


def mcc_text(code: str, chinese: bool) -> str:
    """``6513 Real estate agents ...`` / ``6513 房地产代理...``; an unlisted code alone."""
    found = merchant_categories().get(code.strip()) if code else None
    if found is None:
        return code
    return f"{found.code} {found.name(chinese)}"
