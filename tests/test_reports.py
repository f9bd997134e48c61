"""Case audit reports (issue 7): read back with pdftotext and checked against SQL written here,
not against the service that made them; archived, verified byte for byte; Chinese embedded."""
from __future__ import annotations

import re
import statistics
import subprocess
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from riskdesk.services.actor import Actor
from riskdesk.services.cases import work as cases
from riskdesk.services.reporting import archive as reports
from riskdesk.storage.session import unit_of_work
from tests.conftest import PASSWORD
from tests.helpers import run_cli
from tests.test_cases import scored_cases

pytestmark = pytest.mark.dates


def pdftotext(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]


@pytest.fixture
def worked_case(sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> tuple[int, str]:
    override, _ = scored_cases(sqlite_engine, sqlite_actors)
    officer, senior = sqlite_actors["officer"], sqlite_actors["senior"]
    with unit_of_work(sqlite_engine) as s:
        case = cases.get_case(s, override)
        cases.claim(s, officer, override, case.version)
        cases.add_note(s, officer, override, kind="income", outcome="verified",
                       text="payslips for six months seen")
        case = cases.get_case(s, override)
        cases.decide(s, officer, override, case.version, "approve", "stable income, low DTI")
    with unit_of_work(sqlite_engine) as s:
        case = cases.get_case(s, override)
        cases.check(s, senior, override, case.version, confirm=True, reason="agree")
    with sqlite_engine.connect() as conn:
        app_no = conn.execute(text("SELECT a.application_no FROM review_case c JOIN application "
                                   "a ON a.id = c.application_id WHERE c.id = :i"),
                              {"i": override}).scalar_one()
    return override, app_no


def test_case_report_holds_the_case_as_the_database_has_it(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], worked_case, tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    case_id, app_no = worked_case
    issued = reports.case_report(sqlite_engine, sqlite_actors["auditor"], app_no, "en")
    path = tmp_path / "case.pdf"
    path.write_bytes(issued.pdf)
    body = pdftotext(path)
    flat = re.sub(r"\s+", "", body)
    with sqlite_engine.connect() as conn:
        pd_, points = conn.execute(text(
            "SELECT d.pd, d.points FROM decision_record d JOIN review_case c ON "
            "c.application_id = d.application_id WHERE c.id = :i AND d.current_slot = 1"),
            {"i": case_id}).one()
        hashes = conn.execute(text(  # the case's events up to the report's cut-off
            "SELECT hash FROM audit_event WHERE entity_type = 'case' AND entity_id = :i "
            "AND at <= (SELECT cut_off FROM report WHERE report_no = :r)"),
            {"i": str(case_id), "r": issued.report.report_no}).scalars().all()
        run_hashes = conn.execute(text(  # and the scoring run that opened it
            "SELECT e.hash FROM audit_event e WHERE e.entity_type = 'score_run' AND "
            "e.entity_id IN (SELECT CAST(d.run_id AS TEXT) FROM decision_record d JOIN "
            "review_case c ON c.application_id = d.application_id WHERE c.id = :i)"),
            {"i": str(case_id)}).scalars().all()
        maker, checker = conn.execute(text(
            "SELECT m.username, k.username FROM review_case c JOIN app_user m ON m.id = "
            "c.decided_by_id JOIN app_user k ON k.id = c.checked_by_id WHERE c.id = :i"),
            {"i": case_id}).one()
        id_masked = conn.execute(text(
            "SELECT p.id_no_masked FROM review_case c JOIN application a ON a.id = "
            "c.application_id JOIN applicant p ON p.id = a.applicant_id WHERE c.id = :i"),
            {"i": case_id}).scalar_one()
    assert app_no in body and f"{100 * pd_:.2f} %" in body and str(points) in body
    assert "payslips for six months seen" in body and "stable income, low DTI" in body
    assert maker in body and checker in body
    # every audit event with its hash (printed as two halves of 32 hex digits)
    assert hashes and all(h[:32] in body and h[32:] in body for h in hashes)
    assert run_hashes and all(h[:32] in body for h in run_hashes)
    assert "scoring run" in body
    assert id_masked.replace("*", "") in flat.replace("*", "")  # auditor: masked
    n = page_count(path)
    for page in range(1, n + 1):
        assert f"Page {page} of {n}" in pdftotext(path, page)
        assert issued.report.report_no in pdftotext(path, page)


def test_verify_accepts_the_issued_file_and_refuses_one_changed_byte(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], worked_case) -> None:  # type: ignore[no-untyped-def]
    _, app_no = worked_case
    issued = reports.case_report(sqlite_engine, sqlite_actors["officer"], app_no, "en")
    with unit_of_work(sqlite_engine, write=False) as s:
        verdict = reports.verify(s, issued.pdf)
        assert verdict.issued and verdict.generated_by == "officer"
        changed = bytearray(issued.pdf)
        changed[len(changed) // 2] ^= 0x01
        assert not reports.verify(s, bytes(changed)).issued
        listed = reports.archive(s, sqlite_actors["auditor"])
        assert [(r.report_no, r.sha256) for r in listed] == [
            (issued.report.report_no, issued.report.sha256)]
    with sqlite_engine.connect() as conn:
        logged = conn.execute(text("SELECT count(*) FROM audit_event WHERE action = "
                                   "'report.generate'")).scalar_one()
    assert logged == 1


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
    cjk = [line for line in fonts.splitlines() if "WenQuanYi" in line or "STSong" in line]
    assert cjk and (" yes " in cjk[0] or "STSong" in cjk[0])
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


def _month_sql(engine: Engine, start: datetime, end: datetime, cut_off: datetime,
               ) -> dict[str, Any]:
    """Every summary figure of the monthly report, counted here in plain SQL."""
    args = {"s": start, "e": end, "c": cut_off}
    current = ("FROM decision_record d JOIN application a ON a.id = d.application_id "
               "WHERE a.submitted_at >= :s AND a.submitted_at < :e AND d.current_slot = 1")
    finals = ("SELECT e.entity_id, e.at, c.created_at, c.due_at FROM audit_event e JOIN "
              "review_case c ON CAST(c.id AS TEXT) = e.entity_id WHERE e.at >= :s AND e.at < :e "
              "AND e.at <= :c AND ((e.action = 'case.decide' AND e.after LIKE "
              "'%\"status\":\"decided\"%') OR e.action = 'case.check.confirm')")
    with engine.connect() as conn:
        q = {k: conn.execute(text(v), args).scalar_one() for k, v in {
            "received": "SELECT count(*) FROM application WHERE submitted_at >= :s AND "
                        "submitted_at < :e AND created_at <= :c",
            "decided": f"SELECT count(*) {current}",
            "flagged": f"SELECT count(*) {current} AND d.outcome = 'flagged'",
            "auto": f"SELECT count(*) {current} AND d.outcome = 'auto_approve'",
            # Made final in the month: decided without a check, or confirmed by the checker.
            "decides": "SELECT count(*) FROM audit_event WHERE at >= :s AND at < :e AND "
                       "at <= :c AND ((action = 'case.decide' AND after LIKE "
                       "'%\"status\":\"decided\"%') OR action = 'case.check.confirm')",
            "awaiting": "SELECT count(*) FROM audit_event d WHERE d.action = 'case.decide' AND "
                        "d.at >= :s AND d.at < :e AND d.at <= :c AND d.after LIKE "
                        "'%\"status\":\"awaiting_check\"%' AND NOT EXISTS (SELECT 1 FROM "
                        "audit_event k WHERE k.entity_type = 'case' AND k.entity_id = "
                        "d.entity_id AND k.seq > d.seq AND k.at <= :c AND k.action IN "
                        "('case.check.confirm', 'case.check.send_back'))",
            "overrides": "SELECT count(*) FROM audit_event WHERE action = 'case.decide' AND "
                         "at >= :s AND at < :e AND at <= :c AND after LIKE "
                         "'%\"status\":\"awaiting_check\"%'",
            "head": "SELECT hash FROM audit_event WHERE at <= :c ORDER BY seq DESC LIMIT 1",
            "complaints": "SELECT count(*) FROM complaint WHERE received_at >= :s AND "
                          "received_at < :e AND created_at <= :c",
            "complaints_overdue": "SELECT count(*) FROM complaint WHERE received_at <= :c AND "
                                  "(responded_at IS NULL OR responded_at > :c) AND (closed_at "
                                  "IS NULL OR closed_at > :c) AND due_at < :c",
            "open_overdue": "SELECT count(*) FROM review_case c WHERE c.created_at >= :s AND "
                            "c.created_at < :e AND c.created_at <= :c AND c.due_at < :c AND "
                            "NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.entity_type = "
                            "'case' AND e.entity_id = CAST(c.id AS TEXT) AND e.at <= :c AND "
                            "(e.action = 'case.check.confirm' OR (e.action = 'case.decide' "
                            "AND e.after LIKE '%\"status\":\"decided\"%')))"}.items()}
        q["bands"] = conn.execute(text(f"SELECT d.band, d.outcome, count(*) {current} "
                                       "GROUP BY d.band, d.outcome"), args).all()
        q["fired"] = conn.execute(text(f"SELECT d.outcome, d.flags {current}"), args).all()
        done = conn.execute(text(finals), args).all()
    def parse(v: Any) -> datetime:
        return v if isinstance(v, datetime) else datetime.fromisoformat(str(v))
    hours = sorted((parse(at) - parse(created)).total_seconds() / 3600
                   for _, at, created, _ in done)
    q["hours"] = hours
    q["late"] = sum(parse(at) > parse(due) for _, at, _, due in done) + q["open_overdue"]
    return q


def test_monthly_report_reads_back_as_sql_and_reissues_identically(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], worked_case,
        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from collections import Counter

    from riskdesk.domain.enums import label
    from riskdesk.rules.catalog import rule_name
    from riskdesk.services.admin import settings
    from riskdesk.services.complaints import handling as complaints
    from riskdesk.storage.clock import utcnow
    from tests.test_monthly import local_month_utc

    compliance = sqlite_actors["compliance"]
    with unit_of_work(sqlite_engine) as s:
        settings.set_bank_name(s, sqlite_actors["admin"], "Example Bank, consumer-finance risk")
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
    first = reports.monthly_report(sqlite_engine, compliance, month, "en")
    again = reports.monthly_report(sqlite_engine, sqlite_actors["auditor"], month, "en")
    paths = []
    for n, issued in enumerate((first, again)):
        path = tmp_path / f"m{n}.pdf"
        path.write_bytes(issued.pdf)
        paths.append(path)
    body = pdftotext(paths[0])
    q = _month_sql(sqlite_engine, start, end, first.report.cut_off)
    hours = q["hours"]
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
    strip = re.compile(r"RD-M-\d{8}-\d{6}|Issued (by|at)\s+\S+( \S+ UTC)?|auditor|compliance")
    assert strip.sub("", pdftotext(paths[1])) == strip.sub("", body)  # same figures
    n = page_count(paths[0])
    for page in range(1, n + 1):
        assert f"Page {page} of {n}" in pdftotext(paths[0], page)
    from riskdesk.ui.i18n import install_catalogues
    install_catalogues()  # what the CLI and the Reports tab do
    zh = tmp_path / "m-zh.pdf"
    zh.write_bytes(reports.monthly_report(sqlite_engine, compliance, month, "zh").pdf)
    text_zh = pdftotext(zh)
    for heading in ("月度合规报告", "概要", "自动决策及其触发规则", "审查员决定与推翻",
                    "合规检查", "模型监控", "投诉", "审计轨迹", "签批", f"共 {page_count(zh)} 页"):
        assert heading in text_zh, heading
    assert "\ufffd" not in text_zh
