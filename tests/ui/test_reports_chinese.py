"""Reports in Chinese (the catalogue comes from Qt's translator): the case PDF embeds a CJK font; the monthly report reads back as SQL and reissues identically."""
from __future__ import annotations

import re
import statistics
import subprocess
import time
from pathlib import Path

from sqlalchemy import Engine, text

from riskdesk.services.actor import Actor
from riskdesk.services.reporting import archive as reports
from riskdesk.storage.session import unit_of_work
from tests.conftest import PASSWORD
from tests.helpers import month_sql, page_count, pdftotext, run_cli, without_issue_stamp


def test_chinese_report_embeds_a_cjk_font_and_every_label(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], sqlite_path: Path,
        worked_case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, app_no = worked_case
    out = tmp_path / "case-zh.pdf"
    run = run_cli("report", "case", app_no, "--out", str(out), "--lang", "zh", "--db",
                  str(sqlite_path), "--user", "officer", env={"RISKDESK_PASSWORD": PASSWORD})
    assert run.returncode == 0, run.stderr
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True,
                           text=True).stdout
    # the font shipped in resources/fonts, embedded (issue 28)
    cjk = [line for line in fonts.splitlines() if "RiskdeskReportSans" in line]
    assert cjk and " yes " in cjk[0]
    body = pdftotext(out)
    for label in ("案件审计报告", "申请与申请人", "评分与决策记录", "调查笔记", "决策链",
                  "本案件的审计事件", "第 1 页"):
        assert label in body
    assert "\ufffd" not in body
    verified = run_cli("report", "verify", str(out), "--db", str(sqlite_path))
    assert verified.returncode == 0 and "issued as RD-C-" in verified.stdout
    out.write_bytes(out.read_bytes() + b"\n")
    refused = run_cli("report", "verify", str(out), "--db", str(sqlite_path))
    assert refused.returncode == 2 and "NOT issued" in refused.stderr


def test_monthly_report_reads_back_as_sql_and_reissues_identically(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], worked_case,
        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from collections import Counter

    from riskdesk.domain.enums import label
    from riskdesk.rules.catalog import rule_name
    from riskdesk.services.admin import settings
    from riskdesk.services.complaints import handling as complaints
    from riskdesk.storage.clock import utcnow
    from tests.helpers import local_month_utc

    compliance = sqlite_actors["compliance"]
    with unit_of_work(sqlite_engine) as s:
        settings.set_bank_name(s, sqlite_actors["admin"],
                               name="Example Bank, consumer-finance risk")
        for category in ("interest_and_fees", "privacy"):
            complaints.register(s, compliance, channel="phone", category=category,
                                description="charged twice", complainant_name="Li Lei",
                                received_at=utcnow(s))
    with sqlite_engine.begin() as conn:  # one open case and one complaint already past due
        conn.execute(text("UPDATE review_case SET due_at = created_at WHERE id = (SELECT min(id) "
                          "FROM review_case WHERE status = 'new')"))
        conn.execute(text("UPDATE complaint SET due_at = received_at WHERE category = 'interest_and_fees'"))
    time.sleep(0.01)
    with unit_of_work(sqlite_engine, write=False) as s:
        month, start, end = local_month_utc(utcnow(s))
    first = reports.monthly_report(sqlite_engine, compliance, month=month, language="en")
    again = reports.monthly_report(sqlite_engine, sqlite_actors["auditor"], month=month,
                                   language="en")
    paths = []
    for n, issued in enumerate((first, again)):
        path = tmp_path / f"m{n}.pdf"
        path.write_bytes(issued.pdf)
        paths.append(path)
    body = pdftotext(paths[0])
    q = month_sql(sqlite_engine, start, end, first.report.cut_off)
    hours = [round(h, 2) for h in q["hours"]]  # as the report keeps them: to 1/100 h
    median = statistics.median(hours)
    p90 = hours[min(len(hours) - 1, int(0.9 * len(hours)))]
    summary = {
        "Applications received": q["received"],
        "Decided (automatic or flagged)": q["decided"],
        "Flagged for review": q["flagged"],
        "Flag rate": f"{100 * q['flagged'] / q['decided']:.1f} %",
        "Approved automatically": q["auto"],
        "Officer decisions made final": q["decides"],
        "Officer decisions awaiting check": q["awaiting"],
        "Overrides (four-eyes)": q["overrides"],
        "Median time to decision": f"{median:.1f} h",
        "90th percentile time to decision": f"{p90:.1f} h",
        "SLA breaches": q["late"],
        "Complaints received": q["complaints"],
        "Complaints overdue": q["complaints_overdue"]}
    summary_page = pdftotext(paths[0], 2)
    for name, value in summary.items():  # every figure of the summary, as SQL counts it
        assert re.search(rf"{re.escape(name)}\s+{re.escape(str(value))}(\s|$)",
                         summary_page), (name, value)
    assert q["late"] >= 1 and q["complaints_overdue"] == 1 and q["overrides"] == 1
    bands: dict[str, Counter[str]] = {}
    for band, outcome, n in q["bands"]:
        bands.setdefault(band, Counter())[outcome] = n
    for band, n in bands.items():  # automatic decisions by band: approved, flagged, decided
        assert re.search(rf"{re.escape(label(band))}\s+{n['auto_approve']}\s+{n['flagged']}"
                         rf"\s+{n['auto_approve'] + n['flagged']}\b", body), band
    assert re.search(rf"Total\s+{q['auto']}\s+{q['flagged']}\s+{q['decided']}\b", body)
    per_rule = {o: Counter(c for outcome, flags in q["fired"] if outcome == o
                           for c in (flags or "").split(",") if c)
                for o in ("flagged", "auto_approve")}
    for code in set(per_rule["flagged"]) | set(per_rule["auto_approve"]):
        flagged, auto = per_rule["flagged"][code], per_rule["auto_approve"][code]
        share = f"{100 * flagged / q['decided']:.1f} %"
        assert re.search(rf"{re.escape(rule_name(code))}\s+{flagged}\s+{re.escape(share)}"
                         rf"\s+{auto}\b", body), code
    assert "Example Bank, consumer-finance risk" in body  # the cover, from the setting
    assert q["head"] in re.sub(r"\s+", "", body) and "intact" in body
    assert again.report.cut_off == first.report.cut_off  # the month's first cut-off
    assert without_issue_stamp(pdftotext(paths[1])) == without_issue_stamp(body)  # figures
    n = page_count(paths[0])
    for page in range(1, n + 1):
        assert f"Page {page} of {n}" in pdftotext(paths[0], page)
    from riskdesk.ui.i18n import install_catalogues
    install_catalogues()  # what the CLI and the Reports tab do
    zh = tmp_path / "m-zh.pdf"
    zh.write_bytes(reports.monthly_report(sqlite_engine, compliance, month=month,
                                          language="zh").pdf)
    text_zh = pdftotext(zh)
    for heading in ("月度合规报告", "概要", "自动决策及其触发规则", "审查员决定与推翻",
                    "合规检查", "模型监控", "投诉", "审计轨迹", "签批", f"共 {page_count(zh)} 页"):
        assert heading in text_zh, heading
    assert "\ufffd" not in text_zh
