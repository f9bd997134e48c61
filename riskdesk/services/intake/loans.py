"""Import of loans, repayments and fund flows exported by the core banking system (CSV or
Excel), with the application import's rules: every problem named by row, column and value
(account numbers masked), the file lands whole or not at all, a re-import is recognised.

The kind of file is told by its columns: ``loan_no`` with ``application_no`` is a loan file,
with ``instalment_no`` a repayment file, ``flow_no`` a fund-flow file. Repayments come again as
they are paid: a known instalment with new payment data is updated (that is news, not a
conflict); a changed due date or amount is a conflict that refuses the file.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from riskdesk.config import SOURCE_TIMEZONE
from riskdesk.domain.applications import Application
from riskdesk.domain.cases import Case
from riskdesk.domain.enums import DecisionOutcome
from riskdesk.domain.loans import FundFlow, Loan, Repayment
from riskdesk.domain.scoring import DecisionRecord
from riskdesk.domain.tables import table_of
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.security.datakey import load_cipher
from riskdesk.security.masking import mask_card
from riskdesk.security.redact import redact
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.intake import cells
from riskdesk.services.intake.columns import header_key
from riskdesk.services.intake.reader import read_table
from riskdesk.services.intake.validate import FIRST_DATA_ROW, PROBLEM_COLUMNS
from riskdesk.services.permissions import Action, require
from riskdesk.storage.bulk import bound_columns, insert_columns, select_in, update_columns
from riskdesk.storage.clock import utcnow
from riskdesk.storage.planner import analyzed_after
from riskdesk.storage.session import unit_of_work
from riskdesk.tasks import TaskState

HEADERS: dict[str, tuple[str, ...]] = {
    "loan_no": ("借据号", "贷款编号", "loan"),
    "application_no": ("申请编号", "application"),
    "principal": ("本金", "放款金额", "amount"),
    "disbursed_at": ("放款时间", "disbursed"),
    "start_date": ("起息日", "start"),
    "term_months": ("期限", "期数", "term"),
    "apr": ("年化利率", "rate"),
    "repayment_type": ("还款方式", "repayment"),
    "partner_code": ("合作方", "合作机构", "partner"),
    "partner_share": ("合作方出资比例", "出资比例", "partner_funding_share"),
    "instalment_no": ("期次", "instalment"),
    "due_date": ("应还日", "due"),
    "due_amount": ("应还金额",),
    "due_principal": ("应还本金",),
    "paid_date": ("实还日", "paid"),
    "paid_amount": ("实还金额",),
    "flow_no": ("流水号", "transaction_id"),
    "at": ("交易时间", "time"),
    "amount_flow": ("交易金额",),
    "direction": ("方向", "借贷方向"),
    "channel": ("交易渠道", "渠道"),
    "counterparty_account": ("对手账号", "对方账号", "counterparty"),
    "counterparty_name": ("对手户名", "对方户名"),
    "counterparty_type": ("对手类型", "对方类型"),
    "mcc": ("商户类别码", "merchant_category"),
}
KINDS: dict[str, list[str]] = {
    "loans": ["loan_no", "application_no", "principal", "disbursed_at", "term_months", "apr",
              "repayment_type"],
    "repayments": ["loan_no", "instalment_no", "due_date", "due_amount"],
    "flows": ["flow_no", "loan_no", "at", "amount_flow", "direction", "channel",
              "counterparty_type"],
}
REPAYMENT_TYPES = ("equal_instalment", "equal_principal", "bullet", "interest_only")
DIRECTIONS = {"out": "out", "in": "in", "转出": "out", "支出": "out", "转入": "in", "收入": "in"}
CHANNELS = {"transfer": "transfer", "cash": "cash", "cross_border": "cross_border",
            "转账": "transfer", "现金": "cash", "跨境": "cross_border"}
_ZONE = ZoneInfo(SOURCE_TIMEZONE)
ALIASES = {header_key(a): name for name, spellings in HEADERS.items()
           for a in (name, *spellings)}


@dataclass(frozen=True)
class LoanImportResult:
    file_name: str
    kind: str
    sha256: str
    rows_total: int
    inserted: int = 0
    updated: int = 0
    present: int = 0
    problems: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PROBLEM_COLUMNS))

    @property
    def refused(self) -> bool:
        return len(self.problems) > 0


@dataclass
class _Counts:
    """The rows written and found as stored, counted while a file is checked and written; the
    result the caller gets is made from them once the file is through."""
    inserted: int = 0
    updated: int = 0
    present: int = 0


class _Problems:
    def __init__(self, headers: dict[str, str]) -> None:
        self.headers = headers
        self.rows: list[dict[str, Any]] = []
        self.cells: set[tuple[int, str]] = set()  # (line, canonical column) already refused

    def __call__(self, line: int, column: str, value: str, reason: str) -> None:
        shown = cells.shown(mask_card(value) if column == "counterparty_account" and value
                            else value)
        self.rows.append({"row": line, "column": self.headers.get(column, column),
                          "value": shown, "reason": redact(reason)})
        self.cells.add((line, column))


def kind_of(columns: list[str]) -> str:
    present = set(columns)
    if "flow_no" in present:
        return "flows"
    if "instalment_no" in present:
        return "repayments"
    if "application_no" in present and "loan_no" in present:
        return "loans"
    raise InvalidInput(translate(
        "LoanImport", "Cannot tell what this file holds: a loan file has loan_no and "
        "application_no, a repayment file instalment_no, a fund-flow file flow_no."))


def import_loan_file(engine: Engine, actor: Actor, *, path: Path,
                     state: TaskState | None = None) -> LoanImportResult:
    require(actor, Action.LOAN_IMPORT)
    state = state or TaskState()
    # "amount" is the principal in a loan file and the flow's amount in a flow file.
    raw = read_table(path, ALIASES, [], text_columns={"counterparty_account"})
    frame = raw.frame
    if "amount_flow" not in frame.columns and "flow_no" in frame.columns \
            and "principal" in frame.columns:
        frame = frame.rename(columns={"principal": "amount_flow"})
        raw.headers["amount_flow"] = raw.headers.pop("principal", "amount")
    kind = kind_of(list(frame.columns))
    missing = [c for c in KINDS[kind] if c not in frame.columns]
    if missing:
        raise InvalidInput(translate("LoanImport", "The {kind} file lacks the columns: {names}.")
                           .format(kind=kind, names=", ".join(missing)))
    counts = _Counts()
    problem = _Problems(raw.headers)
    for r in raw.problems.to_dict("records"):  # numbers in an Excel account column
        line, name = int(str(r["row"])), str(r["column"])
        problem.rows.append({"row": line, "column": raw.headers.get(name, name),
                             "value": r["value"], "reason": r["reason"]})
        problem.cells.add((line, name))
    for name in ("disbursed_at", "at"):
        if name in frame:
            _zones_mixed(frame[name].astype(str).tolist(), name, problem)
    with unit_of_work(engine) as session:
        step = {"loans": _loans, "repayments": _repayments, "flows": _flows}[kind]
        step(session, frame, problem, counts, state)
        if problem.rows:
            session.rollback()
            return LoanImportResult(path.name, kind, raw.sha256, len(frame), problems=pd.DataFrame(
                problem.rows, columns=PROBLEM_COLUMNS))
        audit.append(session, actor, action=f"loan.import.{kind}", entity_type="file",
                     entity_id=raw.sha256[:64], after={
            "file": path.name, "rows": len(frame), "inserted": counts.inserted,
            "updated": counts.updated, "present": counts.present})
    return LoanImportResult(path.name, kind, raw.sha256, len(frame), inserted=counts.inserted,
                            updated=counts.updated, present=counts.present)


# --- values ---------------------------------------------------------------------------------

def _text(rec: dict[str, Any], name: str) -> str:
    return str(rec.get(name, "") or "").strip()


def _zones_mixed(values: list[str], name: str, problem: _Problems) -> None:
    """Times with and without a zone in one column: the bare ones are refused."""
    bare, first = cells.unzoned_among_zoned(values, FIRST_DATA_ROW)
    for i in bare:
        problem(i + FIRST_DATA_ROW, name, values[i], cells.zone_reason(first))


def _decimal(v: str, line: int, name: str, problem: _Problems, *, positive: bool = True,
             top: Decimal | None = None) -> Decimal | None:
    plain = cells.without_thousands(v)
    if plain is None:
        problem(line, name, v, cells.thousands_reason())
        return None
    try:
        d = Decimal(plain)
    except InvalidOperation:
        problem(line, name, v, translate("LoanImport", "not a number"))
        return None
    if not d.is_finite() or (positive and d <= 0) or (not positive and d < 0):
        problem(line, name, v, translate("LoanImport", "must be above zero") if positive
                else translate("LoanImport", "must not be negative"))
        return None
    if top is not None and d > top:
        problem(line, name, v, translate("LoanImport", "above {top}").format(top=top))
        return None
    return d.quantize(Decimal("0.01")) if name != "apr" else d


def _date(v: str, line: int, name: str, problem: _Problems) -> date | None:
    try:  # the usual ISO form at once; other spellings (2026/5/1, Excel's) through pandas
        return date.fromisoformat(v)
    except ValueError:
        pass
    parsed = pd.to_datetime(v.replace("/", "-"), errors="coerce", format="mixed")
    if pd.isna(parsed):
        problem(line, name, v, translate("LoanImport", "not a date (expected YYYY-MM-DD)"))
        return None
    return pd.Timestamp(parsed).date()


def _instant(v: str, line: int, name: str, problem: _Problems) -> datetime | None:
    """The core system's local time (RISKDESK_SOURCE_TZ), stored as UTC."""
    try:
        local = datetime.fromisoformat(v)
    except ValueError:
        parsed = pd.to_datetime(v.replace("/", "-"), errors="coerce", format="mixed")
        if pd.isna(parsed):
            problem(line, name, v, translate(
                "LoanImport", "not a date and time (expected YYYY-MM-DD HH:MM)"))
            return None
        local = pd.Timestamp(parsed).to_pydatetime()
    if local.tzinfo is None:
        local = local.replace(tzinfo=_ZONE)
    return local.astimezone(UTC).replace(tzinfo=None)


def _int(v: str, line: int, name: str, problem: _Problems, low: int, high: int) -> int | None:
    try:
        n = int(v)
    except ValueError:
        problem(line, name, v, translate("LoanImport", "not a whole number"))
        return None
    if not low <= n <= high:
        problem(line, name, v, translate("LoanImport", "must be between {low} and {high}")
                .format(low=low, high=high))
        return None
    return n


LENGTHS = {"loan_no": 40, "application_no": 40, "flow_no": 40, "counterparty_name": 128,
           "counterparty_type": 24, "counterparty_account": 34, "repayment_type": 24}
LONGEST = 64  # any other field: numbers, dates, codes


def _fields(r: dict[str, Any], line: int, kind: str, names: tuple[str, ...],
            problem: _Problems) -> dict[str, str] | None:
    """The row's values as text; None (with a problem each) where a required one is empty
    or a value is longer than its column holds."""
    v = {k: _text(r, k) for k in names}
    refused = [k for k in names if (line, k) in problem.cells]  # by the reader, or its zone
    for name in names:
        if not v[name] or name in refused:
            continue
        why = cells.bad_char_reason(v[name])
        if why is None and name != "counterparty_account":
            found = cells.pii_kind(v[name])
            why = cells.misplaced_reason(found) if found else None
        if why is not None:
            problem(line, name, v[name], why)
            refused.append(name)
    missing = [name for name in KINDS[kind] if not v[name] and name not in refused]
    for name in missing:
        problem(line, name, "", translate("LoanImport", "required"))
    long = [k for k in names if len(v[k]) > LENGTHS.get(k, LONGEST) and k not in refused]
    for name in long:
        problem(line, name, v[name][:60], translate(
            "LoanImport", "longer than {n} characters").format(n=LENGTHS.get(name, LONGEST)))
    return None if missing or long or refused else v


def _records(frame: pd.DataFrame, state: TaskState, what: str,
             ) -> list[tuple[int, dict[str, Any]]]:
    out: list[tuple[int, dict[str, Any]]] = []
    for i, rec in enumerate(frame.to_dict("records")):
        if i % 5000 == 0:
            state.check()
            state.progress(0.8 * i / max(len(frame), 1), what)
        out.append((i + FIRST_DATA_ROW, {str(k): v for k, v in rec.items()}))
    return out


def _duplicates(rows: list[tuple[int, dict[str, Any]]], key: Callable[[dict[str, Any]], Any],
                column: str, problem: _Problems) -> None:
    seen: dict[Any, int] = {}
    for line, rec in rows:
        k = key(rec)
        if k in seen:
            problem(line, column, str(k if not isinstance(k, tuple) else k[-1]), translate(
                "LoanImport", "same as row {row}").format(row=seen[k]))
        seen.setdefault(k, line)


def _ids_by(session: Session, model: Any, key: str, values: list[str]) -> dict[str, int]:
    """The ids of the rows with these natural keys (loan_no, application_no)."""
    return {str(k): int(i) for k, i in select_in(session.connection(), table_of(model), key,
                                                 ["id"], values)}


def _loan_ids(session: Session, numbers: list[str]) -> dict[str, int]:
    return _ids_by(session, Loan, "loan_no", numbers)


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> int:
    """A file's new rows by the bulk path (COPY on PostgreSQL, multi-row INSERT on MariaDB,
    issue 34) on the unit of work's own connection: a failed audit event or a broken
    constraint rolls them back with the rest of the file. A large file's table analysed on
    PostgreSQL before the commit, as the applications' (``storage.planner``): monitoring
    reads these tables straight after an import."""
    if not rows:
        return 0
    conn = session.connection()
    table = table_of(model)
    with analyzed_after(conn, [table.name], rows_added=len(rows)):
        return insert_columns(conn, table, bound_columns(conn, table, rows))


# --- loans ----------------------------------------------------------------------------------

def _approved(session: Session, app_ids: list[int]) -> set[int]:
    """Approved automatically, or by an officer's final decision on the pre-loan case."""
    out: set[int] = set()
    for start in range(0, len(app_ids), 900):
        part = app_ids[start:start + 900]
        out.update(int(a) for a in session.scalars(select(col(DecisionRecord.application_id))
                   .where(col(DecisionRecord.application_id).in_(part),
                          col(DecisionRecord.current_slot) == 1,
                          col(DecisionRecord.outcome) == DecisionOutcome.AUTO_APPROVE.value)))
        out.update(int(a) for a in session.scalars(select(col(Case.application_id)).where(
            col(Case.application_id).in_(part), col(Case.kind) == "pre_loan",
            col(Case.decision) == "approve", col(Case.is_open).is_(False))) if a is not None)
    return out


def _loans(session: Session, frame: pd.DataFrame, problem: _Problems, counts: _Counts,
           state: TaskState) -> None:
    rows = _records(frame, state, translate("LoanImport", "Checking loans"))
    _duplicates(rows, lambda r: _text(r, "loan_no"), "loan_no", problem)
    apps = _ids_by(session, Application, "application_no",
                   sorted({_text(r, "application_no") for _, r in rows}))
    approved = _approved(session, list(apps.values()))
    from riskdesk.services.partners.register import by_code

    partners = by_code(session)
    app_partner = {int(a): p for a, p in session.execute(select(
        col(Application.id), col(Application.partner_id)).where(
        col(Application.id).in_(list(apps.values()) or [-1])))}
    known = {lo.loan_no: lo for lo in session.scalars(select(Loan).where(col(Loan.loan_no).in_(
        [_text(r, "loan_no") for _, r in rows])))} if rows else {}
    taken = {int(a) for a in session.scalars(select(col(Loan.application_id)).where(
        col(Loan.application_id).in_(list(apps.values()))))} if apps else set()
    new: list[dict[str, Any]] = []
    now = utcnow(session)
    for line, r in rows:
        before = len(problem.rows)
        v = _fields(r, line, "loans", (
            "loan_no", "application_no", "principal", "disbursed_at", "start_date",
            "term_months", "apr", "repayment_type", "partner_code", "partner_share"), problem)
        if v is None:
            continue
        app_id = apps.get(v["application_no"])
        if app_id is None:
            problem(line, "application_no", v["application_no"],
                    translate("LoanImport", "no such application"))
        elif app_id not in approved:
            problem(line, "application_no", v["application_no"], translate(
                "LoanImport", "the application was not approved (automatically or by a final "
                "officer decision)"))
        principal = _decimal(v["principal"], line, "principal", problem,
                             top=Decimal("100000000"))
        apr = _decimal(v["apr"], line, "apr", problem, positive=False, top=Decimal(100))
        term = _int(v["term_months"], line, "term_months", problem, 1, 360)
        disbursed = _instant(v["disbursed_at"], line, "disbursed_at", problem)
        begins = _date(v["start_date"], line, "start_date", problem) if v["start_date"] else (
            disbursed.date() if disbursed else None)
        partner_id = partners.get(v["partner_code"]) if v["partner_code"] else (
            app_partner.get(app_id) if app_id is not None else None)
        if v["partner_code"] and partner_id is None:
            problem(line, "partner_code", v["partner_code"],
                    translate("LoanImport", "no such partner in the register"))
        share = _decimal(v["partner_share"], line, "partner_share", problem, positive=False,
                         top=Decimal(100)) if v["partner_share"] else None
        if share is not None and partner_id is None and not v["partner_code"]:
            problem(line, "partner_share", v["partner_share"], translate(
                "LoanImport", "a partner share needs the partner (partner_code)"))
        if v["repayment_type"] not in REPAYMENT_TYPES:
            problem(line, "repayment_type", v["repayment_type"], translate(
                "LoanImport", "one of: {choices}").format(choices=", ".join(REPAYMENT_TYPES)))
        if len(problem.rows) > before:
            continue
        content = hashlib.sha256("|".join(v[k] for k in sorted(v)).encode()).hexdigest()
        old = known.get(v["loan_no"])
        if old is not None:
            if old.content_hash == content:
                counts.present += 1
            else:
                problem(line, "loan_no", v["loan_no"], translate(
                    "LoanImport", "already imported with different content"))
            continue
        if app_id in taken:
            problem(line, "application_no", v["application_no"], translate(
                "LoanImport", "already has a loan"))
            continue
        new.append({"loan_no": v["loan_no"], "application_id": app_id, "principal": principal,
                    "start_date": begins, "disbursed_at": disbursed, "term_months": term,
                    "apr": apr, "repayment_type": v["repayment_type"],
                    "partner_id": partner_id, "partner_share": share,
                    "content_hash": content, "created_at": now})
    if not problem.rows and new:
        counts.inserted = _insert(session, Loan, new)


# --- repayments -----------------------------------------------------------------------------

def _repayments(session: Session, frame: pd.DataFrame, problem: _Problems,
                counts: _Counts, state: TaskState) -> None:
    rows = _records(frame, state, translate("LoanImport", "Checking repayments"))
    _duplicates(rows, lambda r: (_text(r, "loan_no"), _text(r, "instalment_no")),
                "instalment_no", problem)
    loans = _loan_ids(session, sorted({_text(r, "loan_no") for _, r in rows}))
    known: dict[tuple[int, int], Repayment] = {}
    ids = list(loans.values())
    for start in range(0, len(ids), 900):
        for rep in session.scalars(select(Repayment).where(
                col(Repayment.loan_id).in_(ids[start:start + 900]))):
            known[(rep.loan_id, rep.instalment_no)] = rep
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for line, r in rows:
        before = len(problem.rows)
        v = _fields(r, line, "repayments", (
            "loan_no", "instalment_no", "due_date", "due_amount", "due_principal", "paid_date",
            "paid_amount"), problem)
        if v is None:
            continue
        loan_id = loans.get(v["loan_no"])
        if loan_id is None:
            problem(line, "loan_no", v["loan_no"], translate("LoanImport", "no such loan"))
        n = _int(v["instalment_no"], line, "instalment_no", problem, 1, 360)
        due = _date(v["due_date"], line, "due_date", problem)
        amount = _decimal(v["due_amount"], line, "due_amount", problem)
        principal = _decimal(v["due_principal"], line, "due_principal", problem,
                             positive=False) if v["due_principal"] else amount
        paid_date = _date(v["paid_date"], line, "paid_date", problem) if v["paid_date"] \
            else None
        paid = _decimal(v["paid_amount"], line, "paid_amount", problem, positive=False) \
            if v["paid_amount"] else Decimal(0)
        if paid and paid_date is None and len(problem.rows) == before:
            problem(line, "paid_date", "", translate("LoanImport",
                                                     "a payment needs its date"))
        if amount is not None and principal is not None and principal > amount:
            problem(line, "due_principal", v["due_principal"], translate(
                "LoanImport", "more than the amount due"))
        if len(problem.rows) > before or loan_id is None or n is None:
            continue
        values = {"loan_id": loan_id, "instalment_no": n, "due_date": due, "due_amount": amount,
                  "due_principal": principal, "paid_date": paid_date, "paid_amount": paid}
        old = known.get((loan_id, n))
        if old is None:
            new.append(values)
        elif (old.due_date, Decimal(old.due_amount)) != (due, amount):
            problem(line, "due_date", v["due_date"], translate(
                "LoanImport", "instalment {n} was imported with another due date or amount")
                .format(n=n))
        elif (old.paid_date, Decimal(old.paid_amount)) == (paid_date, paid):
            counts.present += 1
        else:
            changed.append({"id": old.id, "paid_date": paid_date, "paid_amount": paid})
    if problem.rows:
        return
    _insert(session, Repayment, new)
    if changed:  # new payments against known instalments: one executemany
        conn = session.connection()
        update_columns(conn, table_of(Repayment),
                       bound_columns(conn, table_of(Repayment), changed), keys=["id"])
    counts.inserted, counts.updated = len(new), len(changed)


# --- fund flows -----------------------------------------------------------------------------

def _flows(session: Session, frame: pd.DataFrame, problem: _Problems, counts: _Counts,
           state: TaskState) -> None:
    rows = _records(frame, state, translate("LoanImport", "Checking fund flows"))
    _duplicates(rows, lambda r: _text(r, "flow_no"), "flow_no", problem)
    loans = _loan_ids(session, sorted({_text(r, "loan_no") for _, r in rows}))
    numbers = [_text(r, "flow_no") for _, r in rows]
    known: dict[str, FundFlow] = {}
    for start in range(0, len(numbers), 900):
        known.update({f.flow_no: f for f in session.scalars(select(FundFlow).where(
            col(FundFlow.flow_no).in_(numbers[start:start + 900])))})
    accounts = sorted({_text(r, "counterparty_account") for _, r in rows} - {""})
    digest: dict[str, str] = {}
    if accounts and loans:  # without a known loan every row is refused: nothing to hash
        cipher = load_cipher(session, create=False)
        digest = dict(zip(accounts, cipher.digest_many("card", accounts), strict=True))
    new: list[dict[str, Any]] = []
    for line, r in rows:
        before = len(problem.rows)
        v = _fields(r, line, "flows", (
            "flow_no", "loan_no", "at", "amount_flow", "direction", "channel",
            "counterparty_account", "counterparty_name", "counterparty_type", "mcc"), problem)
        if v is None:
            continue
        loan_id = loans.get(v["loan_no"])
        if loan_id is None:
            problem(line, "loan_no", v["loan_no"], translate("LoanImport", "no such loan"))
        at = _instant(v["at"], line, "at", problem)
        amount = _decimal(v["amount_flow"], line, "amount_flow", problem)
        direction = DIRECTIONS.get(v["direction"].lower())
        if direction is None:
            problem(line, "direction", v["direction"], translate("LoanImport", "out or in"))
        channel = CHANNELS.get(v["channel"].lower())
        if channel is None:
            problem(line, "channel", v["channel"], translate(
                "LoanImport", "transfer, cash or cross_border"))
        if v["mcc"] and not (len(v["mcc"]) == 4 and v["mcc"].isdigit()):
            problem(line, "mcc", v["mcc"], translate("LoanImport", "four digits"))
        if v["counterparty_account"] and not v["counterparty_account"].replace(" ", "").isalnum():
            problem(line, "counterparty_account", v["counterparty_account"],
                    translate("LoanImport", "not an account number"))
        if len(problem.rows) > before:
            continue
        account = v["counterparty_account"].replace(" ", "")
        values = {"flow_no": v["flow_no"], "loan_id": loan_id, "at": at, "amount": amount,
                  "direction": direction, "channel": channel,
                  "counterparty_hash": digest.get(v["counterparty_account"], ""),
                  "counterparty_masked": mask_card(account) if account else "",
                  "counterparty_name": v["counterparty_name"][:128],
                  "counterparty_type": v["counterparty_type"].lower()[:24], "mcc": v["mcc"]}
        old = known.get(v["flow_no"])
        if old is None:
            new.append(values)
        elif (old.loan_id, old.at, Decimal(old.amount), old.direction) == (
                loan_id, at, amount, direction):
            counts.present += 1
        else:
            problem(line, "flow_no", v["flow_no"], translate(
                "LoanImport", "already imported with different content"))
    if not problem.rows and new:
        counts.inserted = _insert(session, FundFlow, new)
