"""Issued PDFs as a compliance officer reads them (issue 28, item 4): times in the bank's zone
with the zone named and the report number dated by the bank's day; every font embedded
(pdffonts); no English display value of any enum left in the Chinese reports (the list made
from riskdesk/domain/enums.py itself); chart labels wrapped, not cut; cases opened, closed and
open at the cut-off in the monthly report, checked against SQL written here."""
from __future__ import annotations

import inspect
import re
import subprocess
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, text

import riskdesk.domain.enums as enums
from riskdesk.services.actor import Actor
from riskdesk.services.periods import current_month, set_business_zone
from riskdesk.services.reporting import archive as reports
from riskdesk.storage.session import unit_of_work
from riskdesk.ui.i18n import install_catalogues
from tests.helpers import pdftotext

ZONE = "America/Los_Angeles"  # 04:00 UTC on the test day is the evening before there
# Words a Chinese report may carry: the zone's name, user names, the product's name and its
# commands, the hash's name, the test database's model ("default"), the typed note's DTI
SAME_WORDS = {"America", "Los", "Angeles", "UTC", "officer", "senior", "auditor", "compliance",
              "admin", "riskdesk", "audit", "verify", "anchors", "SHA", "DTI", "default",
              "AUC", "PSI"}  # the model measures, named so in Chinese banks too


def english_enum_labels() -> set[str]:
    """Every enum member's English display text, from the enums module itself."""
    found = set()
    for _, cls in inspect.getmembers(enums, inspect.isclass):
        if issubclass(cls, StrEnum) and cls is not StrEnum:
            found |= {enums.LABELS.get(m.value, m.value) for m in cls}
    return found | set(enums.LABELS.values())  # and the audit actions' labels


def fonts_of(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                         text=True).stdout.splitlines()[2:]
    return [line.split() for line in out if line.strip()]


def _issue(engine: Engine, actors: dict[str, Actor], app_no: str, tmp_path: Path,
           ) -> dict[str, tuple[Path, reports.Issued]]:
    install_catalogues()
    with unit_of_work(engine) as s:
        set_business_zone(s, actors["compliance"], zone=ZONE)
    with unit_of_work(engine, write=False) as s:
        month = current_month(s)
    out = {}
    for lang in ("zh", "en"):
        for kind, issued in (
                ("case", reports.case_report(engine, actors["auditor"], application_no=app_no,
                                             language=lang)),
                ("monthly", reports.monthly_report(engine, actors["compliance"], month=month,
                                                   language=lang))):
            path = tmp_path / f"{kind}-{lang}.pdf"
            path.write_bytes(issued.pdf)
            out[f"{kind}-{lang}"] = (path, issued)
    return out


def test_reports_in_local_time_embedded_fonts_and_no_english_enum_in_chinese(
        qtbot, sqlite_engine: Engine, sqlite_actors: dict[str, Actor], worked_case,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    """issue 28: reports printed UTC (and dated the number by the UTC day), referenced an
    unembedded Helvetica, and left enum values in English in the Chinese report."""
    _, app_no = worked_case
    issued = _issue(sqlite_engine, sqlite_actors, app_no, tmp_path)
    labels = english_enum_labels()
    assert {"approve", "confirmed"} <= labels and len(labels) > 80
    people = {a.username for a in sqlite_actors.values()}
    for name, (path, report) in issued.items():
        fonts = fonts_of(path)
        assert fonts, name
        # columns: name type encoding emb sub uni object-id generation
        assert all(row[-5] == "yes" for row in fonts), (name, fonts)
        assert not any(row[0] in ("Helvetica", "Times-Roman", "Courier") for row in fonts)
        body = pdftotext(path)
        local = report.report.cut_off.replace(tzinfo=ZoneInfo("UTC")).astimezone(
            ZoneInfo(ZONE))
        assert f"{local:%Y-%m-%d %H:%M:%S} {ZONE} (UTC-08:00)" in body, name
        assert f"{report.report.cut_off:%Y-%m-%d %H:%M:%S} UTC" not in body, name
        assert report.report.report_no.split("-")[2] == f"{local:%Y%m%d}"  # the local day
        assert local.date() != report.report.cut_off.date()  # (the test means something)
        if name.endswith("-zh"):
            # hashes, fingerprints and report numbers are hex or digits: "…93bad07…" is no
            # English word (a random head once held "bad" between two digits)
            flat = re.sub(r"[0-9A-Fa-f]{8,}|[0-9A-Za-z]*\d[0-9A-Za-z]*", "", body)
            for typed in ("payslips for six months seen", "stable income, low DTI", *people):
                flat = re.sub(r"(?<![A-Za-z_])" + re.escape(typed) + r"(?![A-Za-z_])", "",
                              flat)
            left = sorted(v for v in labels if re.search(
                r"(?<![A-Za-z_])" + re.escape(v) + r"(?![A-Za-z_])", flat))
            assert left == [], (name, left)
            # and no English word at all but names and codes that read the same in both
            paths = re.sub(r"\S*[/.]\S*", " ", flat)  # the anchor file's path is data
            words = set(re.findall(r"[A-Za-z]{3,}", paths)) - SAME_WORDS
            assert not words, (name, sorted(words))
    english_case = pdftotext(issued["case-en"][0])
    assert "…" not in english_case  # chart labels wrap instead of being cut
    monthly = re.sub(r"\s+", " ", pdftotext(issued["monthly-en"][0]))
    with sqlite_engine.connect() as conn:
        total, closed = conn.execute(text(
            "SELECT count(*), sum(CASE WHEN status IN ('decided', 'closed') THEN 1 ELSE 0 END) "
            "FROM review_case")).one()
    assert f"Cases opened {total}" in monthly
    assert f"Cases closed {closed}" in monthly and closed >= 1
    assert f"Cases open at the cut-off {total - closed}" in monthly
    assert "Principal outstanding (CNY)" in monthly or "No loan was monitored" in monthly
