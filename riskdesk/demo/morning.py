"""The demo database with a morning's work on it, for the guide's pictures (ui/screens.py):
claims, investigation notes and complaints (two already overdue), every demo user signed in
and handed a backend. Nothing here imports Qt."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import col, select

from riskdesk.services.actor import Actor
from riskdesk.services.admin.backend import Backend, demo_backend

COMPLAINTS = [
    ("phone", "collection_conduct", 16, "催收人员多次致电我单位同事，影响我的工作。"),
    ("app", "interest_and_fees", 14, "实际年化费用高于申请时展示的利率。"),
    ("letter", "identity_theft", 3, "我从未申请过这笔贷款，手机号被他人冒用。"),
    ("branch", "service_quality", 1, "客服电话长时间无人接听。"),
    ("regulator_referral", "privacy", 9, "未经同意查询了我的征信报告。"),
]
USERS = ("officer", "senior", "compliance", "admin", "auditor")


@dataclass
class WorkedDemo:
    backends: dict[str, Backend]  # each demo user's, signed in
    worked_case: int  # claimed, with investigation notes
    worked_application_no: str  # its application
    cash_out_case: int  # a post-loan case on proceeds moved out at once
    complaint: int  # an overdue complaint under investigation
    check_case: int = 0  # an officer's approval awaiting a senior's check (four-eyes)
    returned_case: int = 0  # an approval the senior sent back, with the reason
    ring: int = 0  # a fraud ring of twelve chained applicants (issue 33)

    def close(self) -> None:
        next(iter(self.backends.values())).close()  # one engine for all


def a_mornings_work(engine: Engine, actors: dict[str, Actor]) -> tuple[int, int]:
    """Claims, two investigation notes and five complaints (two already overdue), so the
    pictures show a queue in use rather than a fresh import. Returns the worked case and the
    overdue complaint."""
    from riskdesk.domain.applications import Application
    from riskdesk.services.cases import queue
    from riskdesk.services.cases import work as cases
    from riskdesk.services.complaints import handling as complaints
    from riskdesk.storage.clock import utcnow
    from riskdesk.storage.session import unit_of_work

    officer, compliance = actors["officer"], actors["compliance"]
    with unit_of_work(engine, write=False) as s:
        rows = queue.page_cases(s, officer, f=queue.CaseFilter(), sort="pd", limit=8,
                                descending=True)
        now = utcnow(s)
    for r in rows[1:5]:
        with unit_of_work(engine) as s:
            cases.claim(s, officer, case_id=r.id, version=r.version)
    first = rows[0]
    with unit_of_work(engine) as s:
        cases.claim(s, officer, case_id=first.id, version=first.version)
        cases.add_note(s, officer, case_id=first.id, kind="phone", outcome="verified",
                       text="致电申请人手机，本人接听，确认申请用途为装修。")
        cases.add_note(s, officer, case_id=first.id, kind="employer", outcome="discrepancy",
                       text="单位电话无人接听；社保缴纳单位与申报单位不一致。")
    _evidence(engine, officer, first.id)
    overdue = 0  # the first: received 16 days ago
    for (channel, category, days, text), r in zip(COMPLAINTS, rows[3:], strict=False):
        with unit_of_work(engine) as s:
            app = s.exec(select(Application).where(
                col(Application.application_no) == r.application_no)).one()
            c = complaints.register(s, compliance, channel=channel, category=category,
                                    description=text, application_id=app.id,
                                    received_at=now - timedelta(days=days))
        with unit_of_work(engine) as s:
            complaints.investigate(s, compliance, complaint_id=c.id or 0, version=c.version)
        overdue = overdue or c.id or 0
    return first.id, overdue


def _evidence(engine: Engine, officer: Actor, case_id: int) -> None:
    """Two evidence files on the worked case (issue 27): a wage statement (PDF) and the
    employer's letter, a newer version of which supersedes the first."""
    import io

    from reportlab.pdfgen import canvas

    from riskdesk.services.cases import evidence
    from riskdesk.storage.session import unit_of_work

    def pdf(title: str, lines: list[str]) -> bytes:
        out = io.BytesIO()
        c = canvas.Canvas(out)
        c.setFont("Helvetica-Bold", 16)
        c.drawString(72, 770, title)
        c.setFont("Helvetica", 11)
        for i, line in enumerate(lines):
            c.drawString(72, 740 - 18 * i, line)
        c.showPage()
        c.save()
        return out.getvalue()

    months = [f"2026-{m:02d}  salary credit  CNY 21,250.00" for m in range(1, 7)]
    with unit_of_work(engine) as s:
        evidence.attach(s, officer, case_id=case_id, name="工资流水-2026上半年.pdf",
                        data=pdf("Wage statement, January to June 2026", months),
                        note="近六个月工资入账")
        first = evidence.attach(s, officer, case_id=case_id, name="单位在职证明.pdf",
                                data=pdf("Employment confirmation", ["Draft, unsigned"]))
        evidence.attach(s, officer, case_id=case_id, name="单位在职证明.pdf",
                        data=pdf("Employment confirmation", ["Signed and stamped"]),
                        supersedes=first.id, note="已签字盖章")


MAKER_REASON = "申请人提供近六个月工资流水，收入稳定，负债可控，同意批准。"
CHECKER_REASON = "请补充单位电话核实记录后再提交。"


def four_eyes_work(engine: Engine, actors: dict[str, Actor], case_ids: list[int]
                   ) -> tuple[int, int]:
    """Approvals against the policy by the officer: the first that goes to a check stays
    awaiting it, the next is sent back by the senior with a reason (issue 26's pictures).
    Returns (awaiting check, returned); a case whose approval is refused or needs no check is
    left as it was."""
    from riskdesk.domain.enums import CaseStatus
    from riskdesk.errors import RiskdeskError
    from riskdesk.services.cases import work as cases
    from riskdesk.storage.session import unit_of_work

    class NoCheck(RiskdeskError):
        """Rolls back an approval that would be final."""

    made: list[int] = []
    for case_id in case_ids:
        try:
            with unit_of_work(engine) as s:
                c = cases.get_case(s, case_id=case_id)
                c = cases.decide(s, actors["officer"], case_id=case_id, version=c.version,
                                 decision="approve",
                                 reason=MAKER_REASON)
                if c.status != CaseStatus.AWAITING_CHECK:
                    raise NoCheck(str(case_id))
        except RiskdeskError:
            continue
        made.append(case_id)
        if len(made) == 2:
            break
    if len(made) < 2:
        raise RuntimeError("the demo has no two approvals that go to a four-eyes check")
    with unit_of_work(engine) as s:
        c = cases.get_case(s, case_id=made[1])
        cases.check(s, actors["senior"], case_id=made[1], version=c.version, confirm=False,
                    reason=CHECKER_REASON)
    return made[0], made[1]


# The managed lists' morning (issue 30): compliance blacklists a phone and a device from a
# fraud investigation, allowlists a branch's shared tablet until the year's end, and asks to
# remove a card listed by mistake (it waits for a second person). Synthetic values.
LIST_ENTRIES = (
    ("black", "phone", "13912340001", "欺诈调查确认的中介联系电话", None),
    ("black", "device", "dev-fraud-7f3a91", "冒用身份申请所用设备", None),
    ("allow", "device", "branch-szfutian-tablet-01", "福田支行营业厅共用平板，多名客户现场申请", 30),
    ("black", "card", "6222021234567890123", "误列：客户已提供银行证明", None),
)


def list_entries(engine: Engine, actors: dict[str, Actor], now: datetime) -> None:
    from riskdesk.services.lists import entries
    from riskdesk.storage.session import unit_of_work

    with unit_of_work(engine) as session:
        made = [entries.add(session, actors["compliance"], kind=kind, value=value, list_name=which,
                            reason=reason,
                            expires=(now + timedelta(days=days)).date() if days else None)
                for which, kind, value, reason, days in LIST_ENTRIES]
        entries.request_removal(session, actors["compliance"], entry_id=made[-1].id,
                                reason="银行证明该卡与涉案人员无关，申请移除")


def build_worked_demo(path: Path, *, rows: int, built_at: datetime,
                      worked_at: datetime) -> WorkedDemo:
    """The demo database at ``path`` (a new file), imported at ``built_at``, every demo user
    signed in and a morning's work done at ``worked_at``. The caller closes it."""
    from riskdesk.demo.database import build_demo
    from riskdesk.demo.frame import DEMO_PASSWORD
    from riskdesk.domain.applications import Application
    from riskdesk.domain.cases import Case
    from riskdesk.domain.loans import LoanAlert
    from riskdesk.services.admin.users import sign_in
    from riskdesk.storage.clock import shifted
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.session import unit_of_work

    with shifted(built_at):
        build_demo(str(path), rows=rows, now=built_at)  # submission times to the second
    engine = make_engine(str(path))
    actors = {}
    with shifted(worked_at):
        with unit_of_work(engine) as session:
            for who in USERS:
                actor = sign_in(session, username=who, password=DEMO_PASSWORD, channel="gui")
                assert actor is not None
                actors[who] = actor
        worked, complaint = a_mornings_work(engine, actors)
        with unit_of_work(engine, write=False) as session:
            from riskdesk.services.cases import queue

            riskiest = [r.id for r in queue.page_cases(
                session, actors["officer"], f=queue.CaseFilter(kinds=("pre_loan",)), limit=40,
                sort="pd", descending=True)]
        check_case, returned_case = four_eyes_work(
            engine, actors, [i for i in riskiest if i != worked])
        from riskdesk.demo.rings import import_ring

        ring = import_ring(engine, actors["officer"], worked_at)
        list_entries(engine, actors, worked_at)
    with unit_of_work(engine, write=False) as session:
        cash_out = session.exec(select(LoanAlert.case_id).where(
            col(LoanAlert.code) == "PROCEEDS_OUT", col(LoanAlert.case_id).is_not(None))
            .order_by(col(LoanAlert.id))).first()
        application_no = session.exec(select(Application.application_no).join(
            Case, col(Case.application_id) == Application.id).where(col(Case.id) == worked)
        ).one()
    if cash_out is None:
        raise RuntimeError("the demo database has no post-loan case on proceeds moved out")
    return WorkedDemo({who: demo_backend(engine, a) for who, a in actors.items()}, worked,
                      application_no, cash_out, complaint, check_case, returned_case, ring)
