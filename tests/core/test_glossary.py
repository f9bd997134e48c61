"""The bank's Chinese (issue 28): every Chinese translation uses full-width punctuation next to
Chinese characters and none of the terms docs/glossary.md says not to use. Reads the .ts file
(no Qt)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "riskdesk_zh_CN.ts"
GLOSSARY = ROOT / "docs" / "glossary.md"
CJK = "[\u3400-\u9fff\u3001\u3002\uff08-\uff1f]"
ASCII_NEXT_TO_CHINESE = re.compile(rf"{CJK}\s*[:,;()]|[:,;()]\s*{CJK}")
# Qt reads these with ASCII syntax: file-dialog filters "(*.csv)" and menu accelerators "(&F)"
QT_SYNTAX = re.compile(r"\([*&][^)]*\)|;;")


def translations() -> list[tuple[str, str, str]]:
    out = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            out.append((name, m.findtext("source") or "", m.findtext("translation") or ""))
    return out


def banned_terms() -> dict[str, str]:
    """The glossary's "Terms not to use" table: not -> use."""
    text = GLOSSARY.read_text(encoding="utf-8")
    section = text.split("## Terms not to use", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1:3] for line in section.splitlines()
            if line.startswith("| ") and not line.startswith("| Not")]
    return {bad.strip(): good.strip() for bad, good in rows}


def test_glossary_lists_the_terms_the_issue_names() -> None:
    banned = banned_terms()
    assert {"遮蔽", "区间", "撤诉", "升级"} <= set(banned), banned
    text = GLOSSARY.read_text(encoding="utf-8")
    for term in ("脱敏", "风险等级", "评分等级", "撤回投诉", "复核通过", "复核退回", "上报"):
        assert f"| {term}" in text, term


def glossary_terms() -> list[str]:
    """The Chinese terms of the glossary's **Terms** table ("脱敏 / 已脱敏" gives both)."""
    text = GLOSSARY.read_text(encoding="utf-8")
    section = text.split("## Terms", 1)[1].split("\n## ", 1)[0]
    cells = [line.split("|")[1] for line in section.splitlines()
             if line.startswith("| ") and not line.startswith("| Chinese")]
    return [t.strip() for cell in cells for t in cell.split("/") if t.strip()]


def test_no_translation_uses_a_banned_term() -> None:
    """A banned word inside a term the glossary lists is that term, not the word: 置信区间
    (a confidence interval) is not 区间 for a PD band."""
    allowed = sorted(glossary_terms(), key=len, reverse=True)
    found = []
    for ctx, src, tr in translations():
        text = tr
        for term in allowed:
            text = text.replace(term, "")
        found += [(ctx, src, tr, bad) for bad in banned_terms() if bad in text]
    assert not found, found[:10]
    assert "置信区间" in allowed and "区间" not in allowed


def test_chinese_punctuation_in_every_chinese_translation() -> None:
    """No ASCII ':' ',' ';' '(' ')' next to a Chinese character (placeholders aside: "案件
    {id}：" is checked where the text around it is Chinese)."""
    bad = []
    for ctx, src, tr in translations():
        text = QT_SYNTAX.sub("", tr)
        # a placeholder next to a mark counts as Chinese when the translation is Chinese
        if re.search(CJK, text):
            text = re.sub(r"\{[^}]*\}", "中", text)
        if ASCII_NEXT_TO_CHINESE.search(text):
            bad.append((ctx, src, tr))
    assert not bad, bad[:20]


def test_the_checker_buttons_say_review_passed_and_review_returned() -> None:
    by = {(ctx, src): tr for ctx, src, tr in translations()}
    assert by[("CaseDialog", "Confirm")] == "复核通过"
    assert by[("CaseDialog", "Send back")] == "复核退回"
    assert by[("CaseDialog", "Escalate")] == "上报"


def test_english_plurals_and_the_reason_colon() -> None:
    """Issue 28: "1 credit inquiry", not "1 credit inquiries"; the audit pack's scope says
    "1 report"; and both are worded when shown (the pack keeps its counts)."""
    from riskdesk.scoring import reasons
    from riskdesk.services.audit.packs import Scope, describe_scope

    assert reasons.sentence("inq_last_6mths", "1", 0.2) == \
        "1 credit inquiry in the last 6 months: raises risk"
    assert reasons.sentence("inq_last_6mths", "3", 0.2) == \
        "3 credit inquiries in the last 6 months: raises risk"
    scope = Scope(month="2026-12", case_ids=set(range(3052)), report_ids={7})
    assert scope.counts() == "3052 0 0 1"
    assert describe_scope("2026-12", scope.counts()) == \
        "month 2026-12: 3,052 cases, 0 complaints, 0 applications, 1 report"


def test_chinese_percentages_without_a_space() -> None:
    """Issue 28: "年化利率 9.16%" in Chinese (the English keeps "9.16 %")."""
    spaced = [(ctx, src, tr) for ctx, src, tr in translations()
              if re.search(CJK, tr) and re.search(r"[\d}] %", tr)]
    assert not spaced, spaced[:10]
