"""Import of complaints exported by the call centre (CSV or Excel), with the application
import's rules: every problem named by row, column and value (personal data masked), the file
lands whole or not at all, a re-import of the same tickets is recognised ("already present")
and a ticket that comes back with different content is a conflict that refuses the file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from riskdesk.config import SOURCE_TIMEZONE
from riskdesk.domain.applications import Applicant, Application
from riskdesk.domain.complaints import Complaint
from riskdesk.domain.enums import ComplaintCategory, ComplaintChannel
from riskdesk.domain.identity import ID_PATTERN, PHONE_PATTERN
from riskdesk.domain.keys import DataKey
from riskdesk.i18n import translate
from riskdesk.security.datakey import load_cipher
from riskdesk.security.pii_scan import mask_text
from riskdesk.security.redact import mask_field, redact
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.complaints.batch import register_many
from riskdesk.services.intake import cells
from riskdesk.services.intake.columns import header_key, value_key
from riskdesk.services.intake.reader import read_table
from riskdesk.services.intake.validate import FIRST_DATA_ROW, PROBLEM_COLUMNS
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from riskdesk.tasks import TaskState

HEADERS: dict[str, tuple[str, ...]] = {
    "ref": ("工单号", "投诉单号", "ticket", "ticket_no", "reference"),
    "received_at": ("受理时间", "投诉时间", "received", "received_time"),
    "channel": ("渠道", "投诉渠道", "source"),
    "category": ("类别", "投诉类别", "type"),
    "complainant_name": ("投诉人", "姓名", "name", "customer_name"),
    "id_no": ("身份证号", "证件号码", "id_number"),
    "phone": ("手机号", "联系电话", "mobile"),
    "application_no": ("申请编号", "合同号", "application"),
    "description": ("投诉内容", "诉求", "content", "text"),
    "proxy_name": ("代理人", "proxy"),
    "proxy_authorisation": ("代理授权", "授权方式", "authorisation"),
}
REQUIRED = ["ref", "received_at", "channel", "category", "description"]
ALIASES = {header_key(a): name for name, spellings in HEADERS.items()
           for a in (name, *spellings)}
CHANNELS = {value_key(k): v for k, v in {
    **{c.value: c.value for c in ComplaintChannel}, "电话": "phone", "热线": "phone",
    "APP": "app", "手机银行": "app", "信函": "letter", "来信": "letter", "网点": "branch",
    "柜面": "branch", "监管转办": "regulator_referral", "监管转送": "regulator_referral"}.items()}
CATEGORIES = {value_key(k): v for k, v in {
    **{c.value: c.value for c in ComplaintCategory}, "催收": "collection_conduct",
    "催收行为": "collection_conduct", "利息": "interest_and_fees",
    "利息与费用": "interest_and_fees", "费用": "interest_and_fees", "个人信息": "privacy",
    "个人信息与隐私": "privacy", "隐私": "privacy", "冒名贷款": "identity_theft",
    "身份盗用": "identity_theft", "服务质量": "service_quality", "服务": "service_quality",
    "其他": "other"}.items()}
PII = {"id_no", "phone"}
FREE_TEXT = {"description", "proxy_authorisation"}  # may hold line breaks, and personal data


@dataclass(frozen=True)
class ComplaintImportResult:
    file_name: str
    sha256: str
    rows_total: int
    inserted: int = 0
    present: int = 0
    problems: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PROBLEM_COLUMNS))

    @property
    def refused(self) -> bool:
        return len(self.problems) > 0


@dataclass
class _Problems:
    headers: dict[str, str]  # canonical column -> as the file named it
    rows: list[dict[str, Any]] = field(default_factory=list)

    def __call__(self, line: int, column: str, value: str, reason: str) -> None:
        shown = cells.shown(mask_field(column, value) if column in PII else value)
        self.rows.append({"row": line, "column": self.headers.get(column, column),
                          "value": shown, "reason": redact(reason)})

    def add_cells(self, found: pd.DataFrame) -> None:
        """Cells the reader refused (already shown masked)."""
        for r in found.to_dict("records"):
            name = str(r["column"])
            self.rows.append({"row": int(str(r["row"])), "column": self.headers.get(name, name),
                              "value": r["value"], "reason": r["reason"]})


@dataclass
class _Row:
    line: int
    ref: str
    values: dict[str, Any]


def import_complaints(engine: Engine, actor: Actor, *, path: Path,
                      state: TaskState | None = None) -> ComplaintImportResult:
    require(actor, Action.COMPLAINT_WORK)
    state = state or TaskState()
    raw = read_table(path, ALIASES, REQUIRED, text_columns=PII)
    frame = raw.frame
    problem = _Problems(raw.headers)
    problem.add_cells(raw.problems)
    refused_cells = {(int(r), str(c)) for r, c in zip(raw.problems["row"], raw.problems["column"],
                                                       strict=True)}
    with unit_of_work(engine) as session:
        rows = _validated(session, frame, problem, refused_cells)
        state.progress(0.3, translate("ComplaintImport", "Checked {n} rows").format(n=len(rows)))
        known = {c.source_ref: c for c in session.exec(select(Complaint).where(
            col(Complaint.source_ref).in_([r.ref for r in rows])))} if rows else {}
        new: list[_Row] = []
        present = 0
        for r in rows:
            old = known.get(r.ref)
            if old is None:
                new.append(r)
            elif _same(old, r.values):
                present += 1
            else:
                problem(r.line, "ref", r.ref, translate(
                    "ComplaintImport", "ticket already imported as {number} with different "
                    "content").format(number=old.number))
        if problem.rows:
            session.rollback()
            return ComplaintImportResult(path.name, raw.sha256, len(frame), present=present,
                                         problems=pd.DataFrame(problem.rows,
                                                               columns=PROBLEM_COLUMNS))
        register_many(session, actor, items=[(r.ref, r.values) for r in new],
                      progress=lambda i: state.progress(
            0.3 + 0.7 * i / max(len(new), 1), translate(
                "ComplaintImport", "Registering {n} of {total}").format(n=i, total=len(new))))
        session.flush()
        audit.append(session, actor, action="complaint.import", entity_type="file",
                     entity_id=raw.sha256[:64], after={
            "file": path.name, "rows": len(frame), "inserted": len(new), "present": present})
    return ComplaintImportResult(path.name, raw.sha256, len(frame), inserted=len(new),
                                 present=present)


def _same(old: Complaint, values: dict[str, Any]) -> bool:
    return bool(old.received_at == values["received_at"] and old.channel == values["channel"]
            and old.category == values["category"]
            and old.description == mask_text(values["description"])[:4000])  # as stored


def _refused_cells(line: int, v: dict[str, str], problem: _Problems, bare: set[int],
                   first_zoned: int, refused: set[tuple[int, str]]) -> set[str]:
    """The row's cells refused whatever their column (control or bidirectional characters,
    personal data where it does not belong, a time without a zone among zoned ones); each
    gets one problem and is emptied, so no other check speaks of it."""
    out: set[str] = set()
    for name in HEADERS:
        if (line, name) in refused:
            out.add(name)
        elif v[name]:
            why = cells.bad_char_reason(v[name], free_text=name in FREE_TEXT)
            if why is None and name not in PII and name not in FREE_TEXT:
                kind = cells.pii_kind(v[name])
                why = cells.misplaced_reason(kind) if kind else None
            if why is None and name == "received_at" and line in bare:
                why = cells.zone_reason(first_zoned)
            if why is not None:
                problem(line, name, v[name], why)
                out.add(name)
    for name in out:
        v[name] = ""
    return out


def _validated(session: Session, frame: pd.DataFrame, problem: _Problems,
               refused_cells: set[tuple[int, str]] | None = None) -> list[_Row]:
    cipher = None
    out: list[_Row] = []
    seen: dict[str, int] = {}
    now = utcnow(session)
    times = frame["received_at"].astype(str).tolist() if "received_at" in frame else []
    bare_at, first_zoned = cells.unzoned_among_zoned(times, FIRST_DATA_ROW)
    bare = {i + FIRST_DATA_ROW for i in bare_at}
    for i, rec in enumerate(frame.to_dict("records")):
        line = i + FIRST_DATA_ROW
        v = {k: str(rec.get(k, "")).strip() for k in HEADERS}
        before = len(problem.rows)
        refused = _refused_cells(line, v, problem, bare, first_zoned, refused_cells or set())
        for name in REQUIRED:
            if not v[name] and name not in refused:
                problem(line, name, "", translate("ComplaintImport", "required"))
        for name, longest in (("ref", 64), ("description", 4000), ("complainant_name", 128),
                              ("proxy_name", 128), ("proxy_authorisation", 500)):
            if len(v[name]) > longest:
                problem(line, name, v[name][:60], translate(
                    "ComplaintImport", "longer than {n} characters").format(n=longest))
        if v["ref"] in seen:
            problem(line, "ref", v["ref"], translate("ComplaintImport", "same ticket as row {row}")
                    .format(row=seen[v["ref"]]))
        seen.setdefault(v["ref"], line)
        channel = CHANNELS.get(value_key(v["channel"]))
        if v["channel"] and channel is None:
            problem(line, "channel", v["channel"], translate(
                "ComplaintImport", "unknown channel (phone, app, letter, branch, "
                "regulator_referral or their Chinese names)"))
        category = CATEGORIES.get(value_key(v["category"]))
        if v["category"] and category is None:
            problem(line, "category", v["category"], translate(
                "ComplaintImport", "unknown category"))
        received = _received(v["received_at"])
        if v["received_at"] and received is None:
            problem(line, "received_at", v["received_at"], translate(
                "ComplaintImport", "not a date and time (expected YYYY-MM-DD HH:MM)"))
        elif received is not None and received > now + timedelta(minutes=5):
            problem(line, "received_at", v["received_at"], translate(
                "ComplaintImport", "lies in the future"))
        if v["proxy_name"] and not v["proxy_authorisation"]:
            problem(line, "proxy_authorisation", "", translate(
                "ComplaintImport", "a proxy complaint needs the authorisation noted"))
        applicant_id: int | None = None
        if v["id_no"] or v["phone"]:
            if cipher is None and session.exec(select(DataKey)).first() is None:
                what = "id_no" if v["id_no"] else "phone"  # no applicant yet: no customers
                problem(line, what, v[what], translate(
                    "ComplaintImport", "no customer with this ID number") if what == "id_no"
                    else translate("ComplaintImport", "no customer with this phone"))
            else:
                cipher = cipher or load_cipher(session, create=False)
                applicant_id = _customer(session, cipher, v, line, problem)
        application_id: int | None = None
        if v["application_no"]:
            app = session.exec(select(Application).where(
                col(Application.application_no) == v["application_no"])).first()
            if app is None:
                problem(line, "application_no", v["application_no"],
                        translate("ComplaintImport", "no such application"))
            elif applicant_id is not None and app.applicant_id != applicant_id:
                problem(line, "application_no", v["application_no"], translate(
                    "ComplaintImport", "belongs to another customer than the ID or phone"))
            else:
                application_id = app.id
        if applicant_id is None and application_id is None and not v["complainant_name"] \
                and "complainant_name" not in refused:
            problem(line, "complainant_name", "", translate(
                "ComplaintImport", "required when the customer is not known to the bank"))
        if len(problem.rows) == before:
            out.append(_Row(line, v["ref"], {
                "channel": channel, "category": category, "description": v["description"],
                "complainant_name": v["complainant_name"], "applicant_id": applicant_id,
                "application_id": application_id, "proxy_name": v["proxy_name"],
                "proxy_authorisation": v["proxy_authorisation"], "received_at": received}))
    return out


def _customer(session: Session, cipher: Any, v: dict[str, str], line: int,
              problem: _Problems) -> int | None:
    if v["id_no"]:
        id_no = v["id_no"].upper()
        if not ID_PATTERN.match(id_no):
            problem(line, "id_no", v["id_no"], translate("ComplaintImport", "not an ID number"))
            return None
        person = session.exec(select(Applicant).where(
            col(Applicant.id_no_hash) == cipher.digest("id_no", id_no))).first()
        if person is None:
            problem(line, "id_no", v["id_no"], translate(
                "ComplaintImport", "no customer with this ID number"))
            return None
        return person.id
    if not PHONE_PATTERN.match(v["phone"]):
        problem(line, "phone", v["phone"], translate("ComplaintImport", "not a mobile number"))
        return None
    app = session.exec(select(Application).where(
        col(Application.phone_hash) == cipher.digest("phone", v["phone"]))).first()
    if app is None:
        problem(line, "phone", v["phone"], translate(
            "ComplaintImport", "no customer with this phone"))
        return None
    return app.applicant_id


def _received(text: str) -> datetime | None:
    """The call centre's local time (RISKDESK_SOURCE_TZ), stored as UTC."""
    if not text:
        return None
    parsed = pd.to_datetime(text.replace("/", "-"), errors="coerce")
    if pd.isna(parsed):
        return None
    stamp = pd.Timestamp(parsed)
    if stamp.tzinfo is None:
        stamp = stamp.tz_localize(SOURCE_TIMEZONE)
    return stamp.tz_convert("UTC").tz_localize(None).to_pydatetime()
