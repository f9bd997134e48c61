"""The case window: everything to decide in one place, and the actions the user may take.

Reads through ``services.cases.detail`` and writes only through ``services.cases.work``; controls a
role may not use are disabled (the services refuse them anyway). A save against a stale
version shows what changed and reloads.
"""
from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import CaseStatus, label
from riskdesk.errors import RiskdeskError, StaleVersion
from riskdesk.services.admin.backend import Backend
from riskdesk.services.cases import work as cases
from riskdesk.services.cases.detail import CaseDetail, load_case, unmask
from riskdesk.services.permissions import Action, allowed
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.formats import date_text, datetime_text, list_sep, number, percent
from riskdesk.ui.operations import write_op
from riskdesk.ui.paged_model import display_value
from riskdesk.ui.pii_confirm import confirm_masking

DRAFT_DELAY_MS = 800


class CaseDialog(QDialog):
    def __init__(self, backend: Backend, case_id: int, dialogs: Dialogs,
                 parent: QWidget | None = None, on_change: Callable[[], None] | None = None):
        super().__init__(parent)
        self.backend, self.case_id, self.dialogs = backend, case_id, dialogs
        self.actor = backend.actor
        self.on_change = on_change
        self.resize(1100, 760)
        self.view = QTextBrowser(self)
        self.note_kind = QComboBox(self)
        for kind in cases.NOTE_KINDS:
            self.note_kind.addItem(label(kind), kind)
        self.note_outcome = QComboBox(self)
        for outcome in cases.NOTE_OUTCOMES:
            self.note_outcome.addItem(label(outcome), outcome)
        self.note_text = QPlainTextEdit(self)
        self.note_text.setPlaceholderText(self.tr("What did you check, and what did you find?"))
        self.add_note_button = QPushButton(self.tr("Add note"), self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason (required for every decision)"))
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("claim", self.tr("Claim")), ("approve", self.tr("Approve")),
                          ("decline", self.tr("Decline")),
                          ("request_info", self.tr("Request information")),
                          ("escalate", self.tr("Escalate")), ("confirm", self.tr("Confirm")),
                          ("send_back", self.tr("Send back"))):
            self.buttons[key] = QPushButton(text, self)
            self.buttons[key].clicked.connect(lambda _=False, k=key: self.act(k))
        self.add_note_button.clicked.connect(self.add_note)
        self.loan_button = QPushButton(self.tr("Open loan..."), self)
        self.loan_button.setToolTip(self.tr("Schedule, repayments, days past due by month and "
                                            "where the money went"))
        self.loan_button.clicked.connect(self.open_loan)
        self.loan_window: QDialog | None = None
        self.unmasked: dict[str, str] = {}
        self.unmask_buttons: dict[str, QPushButton] = {}
        for key, text in (("id_no", self.tr("Show ID number")), ("phone", self.tr("Show phone")),
                          ("card", self.tr("Show bank card"))):
            button = QPushButton(text, self)
            button.setToolTip(self.tr("Shows the full value to you; the audit trail records "
                                      "that you looked."))
            button.clicked.connect(lambda _=False, k=key: self.unmask(k))
            self.unmask_buttons[key] = button
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self.note_text.textChanged.connect(self._draft_timer.start)

        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.note_kind)
        form.addRow(self.tr("Outcome"), self.note_outcome)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.addLayout(form)
        side_layout.addWidget(self.note_text)
        side_layout.addWidget(self.add_note_button)
        side_layout.addWidget(self.reason)
        for row in (("claim", "approve", "decline"), ("request_info", "escalate"),
                    ("confirm", "send_back")):
            line = QHBoxLayout()
            for key in row:
                line.addWidget(self.buttons[key])
            side_layout.addLayout(line)
        line = QHBoxLayout()
        for button in self.unmask_buttons.values():
            line.addWidget(button)
        side_layout.addLayout(line)
        side_layout.addWidget(self.loan_button)
        splitter = QSplitter(self)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setSizes([740, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.detail: CaseDetail | None = None
        self.reload()

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        self.detail = self.backend.write(load_case, self.case_id)  # opening is audited
        draft = self.backend.read(cases.draft_text, self.case_id)
        if draft is not None and not self.note_text.toPlainText():
            self.note_text.blockSignals(True)
            self.note_text.setPlainText(draft)
            self.note_text.blockSignals(False)
        app_no = self.detail.application.get("application_no", "")
        self.setWindowTitle(self.tr("Case {id} - {app}").format(id=self.case_id, app=app_no))
        self.view.setHtml(self._html(self.detail))
        self._enable()

    def _enable(self) -> None:
        assert self.detail is not None
        case, work = self.detail.case, allowed(self.actor, Action.CASE_WORK)
        open_states = {s.value for s in cases.OPEN}
        is_open = case.status in open_states
        checking = case.status == CaseStatus.AWAITING_CHECK
        may_check = (allowed(self.actor, Action.CASE_CHECK) and checking
                     and case.maker_id != self.actor.user_id)
        self.buttons["claim"].setEnabled(work and is_open and case.assignee_id is None)
        for key in ("approve", "decline", "request_info", "escalate"):
            self.buttons[key].setEnabled(work and is_open)
        self.buttons["confirm"].setEnabled(may_check)
        self.buttons["send_back"].setEnabled(may_check)
        for widget in (self.note_text, self.add_note_button, self.note_kind, self.note_outcome,
                       self.reason):
            widget.setEnabled(work)
        self.loan_button.setEnabled(self.detail.loan_id is not None)
        may_unmask = allowed(self.actor, Action.PII_UNMASK) and bool(self.detail.application)
        for key, button in self.unmask_buttons.items():
            button.setEnabled(may_unmask and key not in self.unmasked
                              and bool(self.detail.application.get(
                                  "card" if key == "card" else key)))

    def unmask(self, key: str) -> None:
        """A deliberate, audited look at one full value; shown in this window only."""
        if not write_op(self, unmask, self.case_id, key, title=self.tr("Not shown"),
                        on_done=lambda value: self.unmasked.__setitem__(key, value)):
            return
        assert self.detail is not None
        self.view.setHtml(self._html(self.detail))
        self._enable()

    def open_loan(self) -> QDialog | None:
        from riskdesk.ui.loans.loan_window import LoanDialog

        if self.detail is None or self.detail.loan_id is None:
            return None
        self.loan_window = LoanDialog(self.backend, self.detail.loan_id, self)
        self.loan_window.show()
        return self.loan_window

    # -- actions -------------------------------------------------------------------------
    def act(self, key: str) -> None:
        assert self.detail is not None
        version, reason = self.detail.case.version, self.reason.text()
        if key != "claim" and not confirm_masking(self, self.dialogs, reason):
            return
        try:
            if key == "claim":
                self.backend.write(cases.claim, self.case_id, version)
            elif key in ("confirm", "send_back"):
                self.backend.write(cases.check, self.case_id, version,
                                   confirm=key == "confirm", reason=reason)
            else:
                self.backend.write(cases.decide, self.case_id, version, key, reason)
        except StaleVersion as exc:
            seen = self.detail.case
            self.reload()  # show the officer the case as it is now
            now = self.detail.case
            changed = "\n".join(
                f"{k}: {display_value(k, getattr(seen, k))} -> {display_value(k, getattr(now, k))}"
                for k in cases.TRACKED if getattr(seen, k) != getattr(now, k))
            self.dialogs.error(self, self.tr("Changed by someone else"),
                               f"{exc}\n{changed}".strip())
            return
        except RiskdeskError as exc:
            self.dialogs.error(self, self.tr("Not saved"), str(exc))
            return
        else:
            self.reason.clear()
            if self.on_change:
                self.on_change()
        self.reload()

    def add_note(self) -> None:
        if not confirm_masking(self, self.dialogs, self.note_text.toPlainText()):
            return
        if not write_op(self, cases.add_note, self.case_id,
                        kind=str(self.note_kind.currentData()),
                        outcome=str(self.note_outcome.currentData()),
                        text=self.note_text.toPlainText(), title=self.tr("Not saved")):
            return
        self._draft_timer.stop()
        self.note_text.blockSignals(True)
        self.note_text.clear()
        self.note_text.blockSignals(False)
        self.reload()

    def save_draft(self) -> None:
        if not allowed(self.actor, Action.CASE_WORK):
            return
        self.backend.write(cases.save_draft, self.case_id,
                           kind=str(self.note_kind.currentData()),
                           outcome=str(self.note_outcome.currentData()),
                           text=self.note_text.toPlainText())

    def done(self, result: int) -> None:
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self.save_draft()
        super().done(result)

    # -- rendering -----------------------------------------------------------------------
    def _html(self, d: CaseDetail) -> str:
        e = html.escape
        t = {
            "case": self.tr("Case {id}"),
            "priority": self.tr("Priority"),
            "due": self.tr("Due"),
            "decision": self.tr("Decision"),
            "second": self.tr("Approval needs a second person"),
            "score": self.tr("Score"),
            "points": self.tr("Points"),
            "band": self.tr("Band"),
            "reasons": self.tr("Reasons"),
            "hits": self.tr("Rule hits"),
            "linked": self.tr("Linked applications"),
            "notes": self.tr("Notes"),
            "history": self.tr("History"),
            "corrects": self.tr("corrects note {id}"),
        }
        case = d.case
        parts = [f"<h2>{e(t['case'].format(id=case.id))}: {e(label(case.kind))}, "
                 f"{e(label(case.status))}</h2>",
                 f"<p>{e(t['priority'])} {case.priority} &middot; {e(t['due'])} "
                 f"{e(datetime_text(case.due_at))}</p>"]
        if case.decision:
            parts.append(f"<p><b>{e(t['decision'])}:</b> {e(label(case.decision))} "
                         f"&middot; {e(case.reason)}</p>")
        elif case.kind == "partner_review":
            why = self.tr("Partner under review: {code} {name}. Why: {reason}").format(
                code=case.application_no, name=case.applicant_name, reason=case.reason)
            parts.append(f"<p><b>{e(why)}</b></p>")
        if d.check_reasons:
            parts.append(f"<p><b>{e(t['second'])}:</b> "
                         f"{e('; '.join(d.check_reasons))}</p>")
        a = d.application
        if a:
            shown = self.tr("{value} (unmasked)")
            plain = {k: shown.format(value=v) for k, v in self.unmasked.items()}
            rows = [(self.tr("Application no."), a["application_no"]),
                    (self.tr("Applicant"), a["name"]),
                    (self.tr("ID number"), plain.get("id_no", a["id_no"])),
                    (self.tr("Phone"), plain.get("phone", a["phone"])),
                    (self.tr("Bank card"), plain.get("card", a["card"] or "")),
                    (self.tr("Product"), label(a["product"])),
                    (self.tr("Channel"), label(a["channel"])),
                    (self.tr("Amount (CNY)"), number(a["amount"], 2)),
                    (self.tr("Term (months)"), a["term_months"]),
                    (self.tr("APR %"), number(a["apr"], 2)),
                    (self.tr("Purpose"), label(a["purpose"])),
                    (self.tr("Submitted"), datetime_text(a["submitted_at"])),
                    (self.tr("Device"), a["device_id"] or "")]
            parts.append(self._table([(str(k), str(v)) for k, v in rows]))
        if d.decision:
            dec = d.decision
            versions = self.tr("model {m}, rule set {r}, policy {p}").format(
                m=dec["model"], r=dec["rule_set"], p=dec["policy"])
            parts.append(f"<h3>{e(t['score'])}</h3><p>PD {percent(dec['pd'])} &middot; "
                         f"{e(t['points'])} {dec['points']} &middot; "
                         f"{e(t['band'])} {e(label(dec['band']))} &middot; "
                         f"{e(versions)}</p>")
            top = max((abs(r["contribution"]) for r in d.reasons), default=1.0) or 1.0
            bars = "".join(
                f"<tr><td>{e(r['text'])}</td><td><span style='color:"
                f"{'#b23' if r['contribution'] > 0 else '#283'}'>"
                f"{'&#9608;' * max(1, round(12 * abs(r['contribution']) / top))}</span> "
                f"{r['contribution']:+.3f}</td></tr>" for r in d.reasons)
            parts.append(f"<h3>{e(t['reasons'])}</h3><table>{bars}</table>")
        if d.alerts:
            title = self.tr("Early warnings (evidence)")
            parts.append(f"<h3>{e(title)}</h3>" + self._table(
                [(f"{date_text(a.detected_on)} {a.name} ({label(a.severity)})",
                  a.sentence) for a in d.alerts]))
        if d.hits:
            parts.append(f"<h3>{e(t['hits'])}</h3>" + self._table(
                [(f"{h['name']} ({label(h['severity'])})", f"{h['text']} [{h['source']}]")
                 for h in d.hits]))
        if d.linked:
            via = {"id_no": self.tr("same person"), "phone": self.tr("same phone"),
                   "device": self.tr("same device"), "card": self.tr("same bank card")}
            parts.append(f"<h3>{e(t['linked'])}</h3>" + self._table(
                [(ln["application_no"], list_sep().join(via.get(v, v) for v in ln["via"]) + " · "
                  + datetime_text(ln["submitted_at"]) + " · "
                  + label(ln["band"])) for ln in d.linked]))
        if d.complaints:
            complaints_title = self.tr("Complaints")
            parts.append(f"<h3>{e(complaints_title)}</h3>" + self._table(
                [(f"{c['number']} {datetime_text(c['received_at'])}",
                  f"{label(c['category'])} / {label(c['status'])}: {c['description']}")
                 for c in d.complaints]))
        if d.notes:
            parts.append(f"<h3>{e(t['notes'])}</h3>" + self._table(
                [(f"{n.author} {datetime_text(n.created_at)}",
                  f"{label(n.kind)} / {label(n.outcome)}: {n.text}"
                  + (f" ({t['corrects'].format(id=n.corrects_id)})"
                     if n.corrects_id else "")) for n in d.notes]))
        if d.history:
            parts.append(f"<h3>{e(t['history'])}</h3>" + self._table(
                [(datetime_text(h["at"]), f"{h['actor']}: {label(h['action'])}"
                  + self._history_detail(h)) for h in d.history]))
        return "".join(parts)

    def _history_detail(self, event: dict[str, Any]) -> str:
        """The outcome of a decision or check, or the field unmasked, in the officer's words."""
        after = event.get("after") or {}
        parts = [label(str(after[k])) for k in ("status", "decision", "field") if after.get(k)]
        return f" ({', '.join(parts)})" if parts else ""

    @staticmethod
    def _table(rows: list[tuple[str, str]]) -> str:
        e = html.escape
        return "<table cellspacing='2'>" + "".join(
            f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in rows) + "</table>"

    def value(self, key: str) -> Any:
        """For tests: the state the window shows."""
        assert self.detail is not None
        return getattr(self.detail.case, key)
