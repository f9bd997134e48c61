"""The post-loan part of the case window (issue 26): the loan the window leads with (number,
balance, days past due, class, the warnings and their evidence, what was done) and the
post-loan actions in place of approve / decline / request information.

Reads ``services.cases.postloan_actions.postloan_view`` and writes only through its ``act`` and
``check``; a control the user's role may not use is disabled (the service refuses it anyway).
Also the hard-stop notice of a pre-loan case: why nobody may approve it, with each rule's source.
"""
from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import CaseStatus, label
from riskdesk.errors import NeedsConfirmation, RiskdeskError, StaleVersion
from riskdesk.i18n import join_clauses, join_list
from riskdesk.services.admin.backend import Backend
from riskdesk.services.cases import postloan_actions as pl
from riskdesk.services.cases.hard_stops import HardStop
from riskdesk.services.permissions import Action, allowed
from riskdesk.storage.clock import utcnow
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.formats import date_format, date_text, datetime_text, money, number
from riskdesk.ui.pii_confirm import confirm_masking

OPEN = {s.value for s in (CaseStatus.NEW, CaseStatus.IN_REVIEW, CaseStatus.PENDING_INFO,
                          CaseStatus.ESCALATED, CaseStatus.RETURNED)}


def hard_stop_html(stops: tuple[HardStop, ...]) -> str:
    """The red notice at the top of a case nobody may approve: each rule, its numbers and the
    regulation it cites."""
    if not stops:
        return ""
    e = html.escape
    head = QCoreApplication.translate(
        "PostLoanPanel", "Hard stop: nobody may approve this application, whatever their role "
        "or a second person's check.")
    source = QCoreApplication.translate("PostLoanPanel", "Source: {source}")
    rows = "".join(f"<li><b>{e(s.name)}</b>: {e(s.text)}<br>"
                   f"{e(source.format(source=s.source))}</li>" for s in stops)
    return (f"<table width='100%' cellpadding='6' style='background:#fdecea; "
            f"border:1px solid #c0392b'><tr><td><b style='color:#c0392b'>{e(head)}</b>"
            f"<ul>{rows}</ul></td></tr></table>")


class PostLoanPanel(QGroupBox):
    """The actions of a post-loan case; hidden on any other case."""

    def __init__(self, backend: Backend, dialogs: Dialogs, case_id: int, reason: QLineEdit,
                 on_done: Callable[[], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Post-loan actions"))
        self.backend, self.dialogs, self.case_id = backend, dialogs, case_id
        self.actor = backend.actor
        self.reason, self.on_done = reason, on_done
        self.view: pl.PostLoanView | None = None
        self.channel = QComboBox(self)
        for code in pl.CHANNELS:
            self.channel.addItem(label(code), code)
        self.outcome = QComboBox(self)
        for code in pl.OUTCOMES:
            self.outcome.addItem(label(code), code)
        self.outcome.currentIndexChanged.connect(lambda _=0: self._enable())
        self.promise = QDateEdit(self)
        self.promise.setCalendarPopup(True)
        self.promise.setDisplayFormat(date_format())
        soon = utcnow().date() + timedelta(days=7)
        self.promise.setDate(QDate(soon.year, soon.month, soon.day))
        self.category = QComboBox(self)
        texts = {"monitor": self.tr("Keep monitoring"),
                 "contact": self.tr("Record contact"),
                 "request_docs": self.tr("Request documents"),
                 "freeze_line": self.tr("Freeze line"),
                 "call_early": self.tr("Call early..."),
                 "reclassify": self.tr("Reclassify..."),
                 "suspicious": self.tr("Report suspicious"),
                 "confirm_action": self.tr("Confirm action"),
                 "send_back_action": self.tr("Send back action")}
        tips = {"monitor": self.tr("Nothing more to do now: the case is decided and closes."),
                "contact": self.tr("The borrower was contacted: channel, outcome and any "
                                   "promise to pay (a reminder is raised if it passes unpaid)."),
                "request_docs": self.tr("Ask for documents on the use of funds; the case "
                                        "waits for them."),
                "freeze_line": self.tr("Freeze the undrawn part of the line."),
                "call_early": self.tr("Call the loan early: a senior officer confirms "
                                      "(four-eyes)."),
                "reclassify": self.tr("Set the five-category class above the days-past-due "
                                      "floor: a senior officer confirms (four-eyes)."),
                "suspicious": self.tr("Report suspicious activity to the anti-money-laundering "
                                      "team.")}
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for i, (key, text) in enumerate(texts.items()):
            button = QPushButton(text, self)
            button.setToolTip(tips.get(key, ""))
            button.clicked.connect(lambda _=False, k=key: self.act(k))
            self.buttons[key] = button
            grid.addWidget(button, i // 3, i % 3)
        # Two pairs a row: the window's side stays within 800 pixels' height.
        form = QGridLayout()
        for i, (text, widget) in enumerate(((self.tr("Channel"), self.channel),
                                            (self.tr("Outcome"), self.outcome),
                                            (self.tr("Promised to pay by"), self.promise),
                                            (self.tr("New class"), self.category))):
            form.addWidget(QLabel(text, self), i // 2, 2 * (i % 2))
            form.addWidget(widget, i // 2, 2 * (i % 2) + 1)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(grid)
        self.hide()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        self.view = self.backend.read(pl.postloan_view, case_id=self.case_id)
        self.setVisible(self.view is not None)
        if self.view is not None:
            current = self.category.currentData()
            self.category.clear()
            for code in self.view.classes_above_floor:
                self.category.addItem(label(code), code)
            if current is not None and self.category.findData(current) >= 0:
                self.category.setCurrentIndex(self.category.findData(current))
        self._enable()

    def _enable(self) -> None:
        v = self.view
        if v is None:
            return
        work = allowed(self.actor, Action.CASE_WORK)
        is_open = v.case_status in OPEN
        for key in pl.ACTIONS:
            self.buttons[key].setEnabled(work and is_open)
        if v.line_frozen_at is not None:
            self.buttons["freeze_line"].setEnabled(False)
        if v.called_at is not None:
            self.buttons["call_early"].setEnabled(False)
        self.buttons["reclassify"].setEnabled(
            work and is_open and self.category.count() > 0)
        may_check = (allowed(self.actor, Action.CASE_CHECK) and v.pending is not None
                     and v.case_status == CaseStatus.AWAITING_CHECK
                     and v.pending.maker != self.actor.username)
        self.buttons["confirm_action"].setEnabled(may_check)
        self.buttons["send_back_action"].setEnabled(may_check)
        for widget in (self.channel, self.outcome, self.category):
            widget.setEnabled(work and is_open)
        self.promise.setEnabled(work and is_open
                                and self.outcome.currentData() == "promised_to_pay")

    # -- actions ---------------------------------------------------------------------------
    def act(self, key: str) -> None:
        v = self.view
        if v is None:
            return
        reason = self.reason.text()
        if not confirm_masking(self, self.dialogs, reason):
            return
        try:
            if key in ("confirm_action", "send_back_action"):
                self.backend.write(pl.check, case_id=self.case_id, version=v.case_version,
                                   confirm=key == "confirm_action", reason=reason)
            else:
                channel, outcome, promise, category = self._details(key)
                try:
                    done = self.backend.write(pl.act, case_id=self.case_id, version=v.case_version,
                                              action=key,
                                              reason=reason, channel=channel, outcome=outcome,
                                              promise_date=promise, category=category)
                except NeedsConfirmation as exc:  # someone else's case: asked, then audited
                    if not self.dialogs.confirm(self, self.tr("Assigned to someone else"),
                                                str(exc)):
                        return
                    done = self.backend.write(pl.act, case_id=self.case_id, version=v.case_version,
                                              action=key,
                                              reason=reason, channel=channel, outcome=outcome,
                                              promise_date=promise, category=category,
                                              other_assignee=True)
                if done.status == CaseStatus.AWAITING_CHECK:
                    self.dialogs.info(self, self.tr("Sent for a second check"), self.tr(
                        "\u201c{action}\u201d is recorded and waits for a senior officer "
                        "(four-eyes). If it is sent back, the case returns to your \"My "
                        "cases\" with the checker's reason.").format(action=label(key)))
        except StaleVersion as exc:
            self.dialogs.error(self, self.tr("Changed by someone else"), str(exc))
        except RiskdeskError as exc:
            self.dialogs.error(self, self.tr("Not saved"), str(exc))
            return
        else:
            self.reason.clear()
        self.on_done()

    def _details(self, key: str) -> tuple[str, str, date | None, str]:
        """(channel, outcome, promise-to-pay date, new class) as the action takes them."""
        if key == "contact":
            outcome = str(self.outcome.currentData())
            d = self.promise.date()
            return (str(self.channel.currentData()), outcome,
                    date(d.year(), d.month(), d.day()) if outcome == "promised_to_pay"
                    else None, "")
        if key == "reclassify":
            return "", "", None, str(self.category.currentData() or "")
        return "", "", None, ""

    # -- rendering -------------------------------------------------------------------------
    def html(self) -> str:
        """The loan the post-loan case leads with: standing, class, warnings with evidence, the
        action awaiting its check and the actions taken."""
        v = self.view
        if v is None:
            return ""
        e = html.escape
        not_run = self.tr("not monitored yet")
        klass = label(v.category) if v.category == v.floor else self.tr(
            "{category} (above the days-past-due floor: {floor})").format(
            category=label(v.category), floor=label(v.floor))
        rows = [
            (self.tr("Loan no."), v.loan_no),
            (self.tr("Principal"), money(v.principal)),
            (self.tr("Balance"), money(v.balance) if v.balance is not None else not_run),
            (self.tr("Overdue"), money(v.overdue) if v.overdue is not None else not_run),
            (self.tr("Days past due"), number(v.dpd) if v.dpd is not None else not_run),
            (self.tr("Five-category class"), klass),
            (self.tr("As of"), date_text(v.as_of) if v.as_of else not_run),
            (self.tr("Undrawn line"), self.tr("frozen on {at}").format(
                at=datetime_text(v.line_frozen_at)) if v.line_frozen_at else self.tr("not frozen")),
        ]
        if v.called_at:
            rows.append((self.tr("Called early"), datetime_text(v.called_at)))
        title = self.tr("Loan {no}").format(no=v.loan_no)
        parts = [f"<h3>{e(title)}</h3>" + _table(rows)]
        if v.pending is not None:
            p = v.pending
            what = label(p.action) + (f" \u2192 {label(p.category)}" if p.category else "")
            waits = self.tr("Awaiting a senior officer's check (four-eyes): {maker} asked to "
                            "{what} on {at}: \u201c{reason}\u201d").format(
                maker=p.maker, what=what, at=datetime_text(p.made_at), reason=p.reason)
            parts.append(f"<p style='background:#fff4e5'><b>{e(waits)}</b></p>")
        back = v.actions[0] if v.actions else None
        if v.case_status == CaseStatus.RETURNED and back is not None \
                and back.status == "sent_back":
            said = self.tr("{checker} sent \u201c{what}\u201d back on {at}: \u201c{reason}\u201d. "
                           "Your reason was: \u201c{mine}\u201d").format(
                checker=back.checker, what=label(back.action), at=datetime_text(back.checked_at),
                reason=back.check_reason, mine=back.reason)
            parts.append(f"<p style='background:#fff4e5'><b>{e(said)}</b></p>")
        warnings = self.tr("Early warnings (evidence)")
        taken = self.tr("Post-loan actions taken")
        if v.alerts:
            parts.append(f"<h3>{e(warnings)}</h3>" + _table(
                [(f"{date_text(a.detected_on)} {a.name} ({label(a.severity)})", a.sentence)
                 for a in v.alerts]))
        if v.actions:
            parts.append(f"<h3>{e(taken)}</h3>" + _table(
                [(f"{datetime_text(a.made_at)} {a.maker}", self.action_text(a))
                 for a in v.actions]))
        score = self.tr("The origination application and its score follow.")
        parts.append(f"<p><i>{e(score)}</i></p>")
        return "".join(parts)

    def action_text(self, a: pl.ActionRow) -> str:
        bits = [label(a.action)]
        if a.channel:
            bits.append(join_list((label(a.channel), label(a.outcome))))
        if a.promise_date:
            bits.append(self.tr("promised to pay by {day}").format(day=date_text(a.promise_date)))
        if a.category:
            bits.append(self.tr("{floor} \u2192 {category}").format(
                floor=label(a.floor), category=label(a.category)))
        text = join_clauses(bits) + self.tr(" ({status})").format(status=label(a.status))
        if a.reason:
            text += " \u2014 " + self.tr("reason: \u201c{reason}\u201d").format(reason=a.reason)
        if a.checker:
            text += " \u2014 " + self.tr("checked by {checker} on {at}").format(
                checker=a.checker, at=datetime_text(a.checked_at))
            if a.check_reason:
                text += ": \u201c" + a.check_reason + "\u201d"
        return text


def _table(rows: list[tuple[str, str]]) -> str:
    e = html.escape
    return "<table cellspacing='2'>" + "".join(
        f"<tr><td valign='top'><b>{e(k)}</b></td><td>{e(v)}</td></tr>"
        for k, v in rows) + "</table>"
