"""One complaint: what was said, the deadline, the reply and the steps the user may take.

Writes go through ``services.complaints.handling`` only; each step asks for what the rules require
(a reason, the reply naming the further channels, reaction, root cause and rectification)."""
from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import ComplaintCategory, Extension, Reaction, RootCause, label
from riskdesk.errors import RiskdeskError, StaleVersion
from riskdesk.services.admin.backend import Backend
from riskdesk.services.cases import work as cases
from riskdesk.services.complaints import handling as complaints
from riskdesk.services.complaints.view import (
    ComplaintView,
    HistoryStep,
    complaint_page,
    open_fraud_case,
)
from riskdesk.services.permissions import Action, allowed
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.evidence import EvidencePanel
from riskdesk.ui.formats import datetime_text, number
from riskdesk.ui.pii_confirm import confirm_masking


class ComplaintDialog(QDialog):
    def __init__(self, backend: Backend, complaint_id: int, dialogs: Dialogs,
                 parent: QWidget | None = None, on_change: Callable[[], None] | None = None,
                 open_case: Callable[[int], Any] | None = None) -> None:
        super().__init__(parent)
        self.backend, self.complaint_id = backend, complaint_id
        self.actor = backend.actor
        self.dialogs, self.on_change, self.open_case = dialogs, on_change, open_case
        self.resize(1100, 720)
        self.view = QTextBrowser(self)
        self.response = QPlainTextEdit(self)
        self.response.setPlaceholderText(self.tr("The reply to the customer"))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason (extension, reopening, withdrawal, "
                                               "escalation)"))
        self.reaction, self.root_cause = QComboBox(self), QComboBox(self)
        for box, values in ((self.reaction, Reaction), (self.root_cause, RootCause)):
            box.addItem(self.tr("(choose)"), "")
            for v in values:
                box.addItem(label(v), v.value)
        self.rectification = QLineEdit(self)
        self.rectification.setPlaceholderText(self.tr("What the bank changes so it does not "
                                                      "happen again"))
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for i, (key, text) in enumerate((
                ("investigate", self.tr("Start investigating")),
                ("assign", self.tr("Assign to...")), ("template", self.tr("Insert reply "
                                                                          "template")),
                ("respond", self.tr("Send reply")), ("close", self.tr("Close")),
                ("extend", self.tr("Extend (complex case)")),
                ("request_special", self.tr("Ask for special extension")),
                ("approve_special", self.tr("Approve special extension")),
                ("reopen", self.tr("Reopen")), ("withdraw", self.tr("Withdrawn")),
                ("escalate", self.tr("Escalate to compliance")),
                ("fraud_case", self.tr("Open fraud case")))):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, k=key: self.act(k))
            self.buttons[key] = button
            grid.addWidget(button, i // 2, i % 2)
        form = QFormLayout()
        form.addRow(self.tr("Customer's reaction"), self.reaction)
        form.addRow(self.tr("Root cause"), self.root_cause)
        form.addRow(self.tr("Rectification"), self.rectification)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.response, 1)
        side_layout.addWidget(self.reason)
        side_layout.addLayout(form)
        side_layout.addLayout(grid)
        self.evidence = EvidencePanel(backend, dialogs, complaint_id=complaint_id, parent=side)
        side_layout.addWidget(self.evidence, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setSizes([620, 480])
        QVBoxLayout(self).addWidget(splitter)
        self.complaint: ComplaintView | None = None
        self.applications: list[complaints.CustomerApplication] = []
        self.reload()

    def reload(self) -> None:
        page = self.backend.read(complaint_page, complaint_id=self.complaint_id)
        self.complaint = c = page.complaint
        self.applications = list(page.applications)
        history = list(page.history)
        self.setWindowTitle(self.tr("Complaint {number}").format(number=c.number))
        self.evidence.reload()
        self.view.setHtml(self._html(c, history))
        if c.response and not self.response.toPlainText():
            self.response.setPlainText(c.response)
        self._enable(c)

    def _enable(self, c: ComplaintView) -> None:
        work = allowed(self.actor, Action.COMPLAINT_WORK)
        open_ = c.status in complaints.OPEN
        state = {
            "investigate": work and c.status == "received",
            "assign": allowed(self.actor, Action.COMPLAINT_ASSIGN) and c.status not in
            complaints.DONE,
            "template": work and open_, "respond": work and open_,
            "close": work and c.status == "responded",
            "extend": work and open_ and c.extension == Extension.NONE,
            "request_special": work and open_ and c.extension == Extension.COMPLEX,
            "approve_special": allowed(self.actor, Action.COMPLAINT_EXTEND_SPECIAL)
            and open_ and c.extension == Extension.SPECIAL_REQUESTED
            and c.assignee_id != self.actor.user_id,
            "reopen": work and c.status in ("responded", "closed"),
            "withdraw": work and c.status in (*complaints.OPEN, "responded"),
            "escalate": work and open_ and not c.escalated,
            "fraud_case": work and c.category == ComplaintCategory.IDENTITY_THEFT
            and c.application_id is not None and c.fraud_case_id is None
            and c.status not in ("closed", "withdrawn"),
        }
        for key, on in state.items():
            self.buttons[key].setEnabled(bool(on))
        for widget in (self.response, self.reason, self.reaction, self.root_cause,
                       self.rectification):
            widget.setEnabled(work)

    def act(self, key: str) -> None:
        c = self.complaint
        assert c is not None
        if key == "template":
            zh = QLocale().language() == QLocale.Language.Chinese
            self.response.setPlainText(complaints.response_template("zh" if zh else "en")
                                       .format(number=c.number))
            return
        v, reason, cid = c.version, self.reason.text(), self.complaint_id
        write = self.backend.write
        steps: dict[str, Callable[[], Any]] = {
            "investigate": lambda: write(complaints.investigate, complaint_id=cid, version=v),
            "respond": lambda: write(complaints.respond, complaint_id=cid, version=v,
                                     response=self.response.toPlainText()),
            "close": lambda: write(
                complaints.close, complaint_id=cid, version=v,
                reaction=str(self.reaction.currentData()),
                root_cause=str(self.root_cause.currentData()),
                rectification=self.rectification.text()),
            "extend": lambda: write(complaints.extend, complaint_id=cid, version=v, reason=reason,
                                    complainant_told=True),
            "request_special": lambda: write(complaints.request_special_extension, complaint_id=cid,
                                             version=v,
                                             reason=reason),
            "approve_special": lambda: write(complaints.approve_special_extension, complaint_id=cid,
                                             version=v,
                                             complainant_told=True),
            "reopen": lambda: write(complaints.reopen, complaint_id=cid, version=v, reason=reason),
            "withdraw": lambda: write(complaints.withdraw, complaint_id=cid, version=v,
                                      reason=reason),
            "escalate": lambda: write(complaints.escalate, complaint_id=cid, version=v,
                                      reason=reason),
            "fraud_case": lambda: write(open_fraud_case, complaint_id=cid, version=v),
        }
        typed = {"respond": self.response.toPlainText(), "close": self.rectification.text(),
                 **{k: reason for k in ("extend", "request_special", "reopen", "withdraw",
                                        "escalate")}}
        if key == "close":
            missing = [what for widget, what in (
                (self.reaction, self.tr("the customer's reaction")),
                (self.root_cause, self.tr("the root cause")))
                if not widget.currentData()]
            if not self.rectification.text().strip():
                missing.append(self.tr("the rectification"))
            if missing:
                self.dialogs.error(self, self.tr("Not saved"), self.tr(
                    "To close the complaint, give {what}.").format(
                    what=self.tr(", ").join(missing)))
                return
        if key in typed and not confirm_masking(self, self.dialogs, typed[key]):
            return
        if key in ("extend", "approve_special") and not self.dialogs.confirm(
                self, self.tr("Extension"), self.tr("Has the complainant been told of the "
                                                    "extension and its reason?")):
            return
        if key == "assign":
            people = self.backend.lookup(cases.assignees)
            choice = self.dialogs.choose(self, self.tr("Assign"), self.tr("Handler:"),
                                         [name for _, name in people])
            if choice is None:
                return
            user_id = people[choice][0]
            steps["assign"] = lambda: write(complaints.assign, complaint_id=cid, version=v,
                                            user_id=user_id)
        try:
            result = steps[key]()
            case_id = result if key == "fraud_case" else None
        except StaleVersion as exc:
            self.reload()
            self.dialogs.error(self, self.tr("Changed by someone else"), str(exc))
            return
        except RiskdeskError as exc:
            self.dialogs.error(self, self.tr("Not saved"), str(exc))
            return
        self.reason.clear()
        if self.on_change:
            self.on_change()
        self.reload()
        if case_id is not None and self.open_case is not None:
            self.open_case(case_id)

    def _html(self, c: ComplaintView, history: list[HistoryStep]) -> str:
        e = html.escape
        rows = [
            (self.tr("Status"), label(c.status) + (" · " + self.tr("escalated")
                                                   if c.escalated else "")),
            (self.tr("Category"), label(c.category)), (self.tr("Channel"), label(c.channel)),
            (self.tr("Complainant"), c.complainant_name),
            (self.tr("On behalf"), f"{c.proxy_name} ({c.proxy_authorisation})"
             if c.proxy_name else ""),
            (self.tr("Received"), datetime_text(c.received_at)),
            (self.tr("Due"), datetime_text(c.due_at)),
            (self.tr("Extension"), label(c.extension) + (f": {c.extension_reason}"
                                                         if c.extension_reason else "")),
            (self.tr("Handler"), c.handler or self.tr("(not assigned)")),
            (self.tr("Replied"), (datetime_text(c.responded_at) if c.responded_at else "")
             + (" · " + self.tr("late: replied after the due time") if c.late else "")),
            (self.tr("Fraud case"), str(c.fraud_case_id or "")),
        ]
        if c.closed_at:
            rows += [(self.tr("Reaction"), label(c.reaction)),
                     (self.tr("Root cause"), label(c.root_cause)),
                     (self.tr("Rectification"), c.rectification)]
        late_row = self.tr("Replied")
        table = "".join(
            f"<tr><td><b>{e(k)}</b></td><td"
            + (" style='color:#c0392b'" if k == late_row and c.late else "")
            + f">{e(str(v))}</td></tr>" for k, v in rows if v)
        steps = "".join(
            f"<tr><td>{e(datetime_text(h.at))}</td><td>{e(h.actor)}: "
            f"{e(label(h.action))}{e(self._detail(h))}</td></tr>"
            for h in history)
        apps_title = self.tr("The customer's applications and cases")
        says, reply, history_title = (self.tr("What the customer says"), self.tr("Reply"),
                                      self.tr("History"))
        apps = "".join(
            f"<tr><td>{'&#9656; ' if a.application_id == c.application_id else ''}"
            f"{e(a.application_no)}</td><td>{e(label(a.product))} "
            f"{e(number(a.amount, 2))} · "
            f"{e(datetime_text(a.submitted_at))}</td><td>{e(a.cases)}</td></tr>"
            for a in self.applications)
        return (f"<h2>{e(c.number)}</h2><table>{table}</table>"
                f"<h3>{e(says)}</h3><p>{e(c.description)}</p>"
                + (f"<h3>{e(apps_title)}</h3><table>{apps}</table>" if apps else "")
                + (f"<h3>{e(reply)}</h3><p>{e(c.response)}</p>"
                   if c.response else "")
                + f"<h3>{e(history_title)}</h3><table>{steps}</table>")

    def _detail(self, step: HistoryStep) -> str:
        """The step's new status and handler (every status change shown, issue 28) and its
        reason."""
        data = json.loads(step.after) if step.after else {}
        parts = []
        if data.get("status"):
            parts.append(self.tr("status: {status}").format(status=label(str(data["status"]))))
        if "assignee_id" in data:
            parts.append(self.tr("handler: {name}").format(
                name=step.handler or self.tr("nobody")))
        text = data.get("reason") or ""
        if text:
            parts.append(str(text))
        return f" ({'; '.join(parts)})" if parts else ""

    def value(self, key: str) -> Any:
        assert self.complaint is not None
        return getattr(self.complaint, key)
