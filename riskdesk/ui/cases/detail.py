"""The case window: everything to decide in one place, and the actions the user may take.

Reads through ``services.cases.detail`` and writes only through ``services.cases.work``; controls a
role may not use are disabled (the services refuse them anyway). A save against a stale
version shows what changed and reloads.
"""
from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, QTimer, QUrl
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import CaseStatus, label
from riskdesk.errors import NeedsConfirmation, RiskdeskError, StaleVersion
from riskdesk.services.admin.backend import Backend
from riskdesk.services.cases import work as cases
from riskdesk.services.cases.detail import (
    HISTORY_KINDS,
    CaseDetail,
    FourEyes,
    HistoryEvent,
    load_case,
    unmask,
)
from riskdesk.services.cases.hard_stops import HardStop, case_hard_stops
from riskdesk.services.credit.model_review import evidence as model_figures
from riskdesk.services.permissions import Action, allowed
from riskdesk.services.rings.views import ring_of_case
from riskdesk.ui.cases.application_html import (
    application_groups,
    html_table,
    reasons_html,
    score_html,
)
from riskdesk.ui.cases.keys import Navigate
from riskdesk.ui.cases.keys import install as install_keys
from riskdesk.ui.cases.model_review_panel import ModelReviewPanel
from riskdesk.ui.cases.postloan_panel import PostLoanPanel, hard_stop_html
from riskdesk.ui.cases.ring_close_panel import RingClosePanel
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.evidence import EvidencePanel
from riskdesk.ui.formats import (
    date_text,
    datetime_text,
    list_sep,
    money,
)
from riskdesk.ui.operations import write_op
from riskdesk.ui.paged_model import display_value
from riskdesk.ui.pii_confirm import confirm_masking

DRAFT_DELAY_MS = 800
WIDE = 1150  # the text's width from which the application's groups go three abreast


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


class CaseDialog(QDialog):
    def __init__(self, backend: Backend, case_id: int, dialogs: Dialogs,
                 parent: QWidget | None = None, on_change: Callable[[], None] | None = None,
                 navigate: Navigate | None = None):
        super().__init__(parent)
        self.backend, self.case_id, self.dialogs = backend, case_id, dialogs
        self.actor = backend.actor
        self.on_change = on_change
        self.resize(1100, 760)
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)  # a linked application opens its case here
        self.view.anchorClicked.connect(self.open_link)
        self.linked_window: QDialog | None = None
        # The four-eyes state at the top while a case awaits its check or was sent back:
        # the maker, the maker's reason, the checker and the checker's reason (issue 26).
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: #fff4e5; border: 1px solid #e0a040; "
                                  "padding: 6px; }")
        self.banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.banner.hide()
        self.history_kind = QComboBox(self)
        self.history_kind.addItem(self.tr("All events"), "")
        for kind, text in zip(HISTORY_KINDS, (self.tr("Decisions and checks"),
                                              self.tr("Claims, assignments and notes"),
                                              self.tr("Views of personal data"),
                                              self.tr("Other events")), strict=True):
            self.history_kind.addItem(text, kind)
        self.history_kind.currentIndexChanged.connect(lambda _=0: self._render())
        self._columns = 0
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
        # The ring this case is about, or its applicant is in (issue 33): its graph.
        self.ring_button = QPushButton(self.tr("Fraud ring..."), self)
        self.ring_button.setToolTip(self.tr("The applicants and devices, phones, cards and "
                                            "employers they share, as a graph"))
        self.ring_button.clicked.connect(self.open_ring)
        self.ring_button.hide()
        self.ring_id: int | None = None
        self.model_figures: tuple[str, ...] = ()  # a model review's evidence (issue 32)
        self.ring_window: QDialog | None = None
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
        form.addRow(self.tr("History shows"), self.history_kind)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.addLayout(form)
        side_layout.addWidget(self.note_text)
        side_layout.addWidget(self.add_note_button)
        side_layout.addWidget(self.reason)
        # A post-loan case's own actions in place of approve/decline (issue 26, item 4).
        self.postloan = PostLoanPanel(backend, dialogs, case_id, self.reason, self._acted, side)
        side_layout.addWidget(self.postloan)
        self.model_review = ModelReviewPanel(backend, case_id, self._acted, side)  # issue 32
        side_layout.addWidget(self.model_review)
        # A ring's own case: close it as confirmed fraud, four-eyes (issue 33).
        self.ring_close = RingClosePanel(backend, dialogs, case_id, self._acted, side)
        side_layout.addWidget(self.ring_close)
        self.hard_stops: tuple[HardStop, ...] = ()
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
        side_layout.addWidget(self.ring_button)
        self.evidence = EvidencePanel(backend, dialogs, case_id=case_id, parent=side)
        side_layout.addWidget(self.evidence, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setSizes([740, 360])
        splitter.setStretchFactor(0, 3)  # a wider window widens the case more than the tools
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner, 0)
        layout.addWidget(splitter, 1)
        self.detail: CaseDetail | None = None
        # Set by ui/cases/keys.py (issue 27): save-and-next after a decision.
        self.after_act: Callable[[str], None] | None = None
        self.reload()
        install_keys(self, navigate)  # shortcuts; next/previous with a queue to walk

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        self.detail = self.backend.write(load_case, case_id=self.case_id)  # opening is audited
        self.hard_stops = self.backend.read(case_hard_stops, case_id=self.case_id)
        self.postloan.reload()
        draft = self.backend.read(cases.draft_text, case_id=self.case_id)
        if draft is not None and not self.note_text.toPlainText():
            self.note_text.blockSignals(True)
            self.note_text.setPlainText(draft)
            self.note_text.blockSignals(False)
        app_no = self.detail.application.application_no if self.detail.application else ""
        self.setWindowTitle(self.tr("Case {id} - {app}").format(id=self.case_id, app=app_no))
        self.evidence.reload()
        self.ring_id = self.backend.read(ring_of_case, case_id=self.case_id)
        self.ring_button.setVisible(self.ring_id is not None)
        self.ring_close.reload()
        self.model_figures = self.backend.read(model_figures, case_id=self.case_id)
        self._render()
        self._enable()

    def _render(self) -> None:
        """The case as HTML (kept where the reader had scrolled to) and the banner."""
        if self.detail is None:
            return
        self._columns = self._columns_for(self.view.viewport().width())
        bar = self.view.verticalScrollBar()
        at = bar.value()
        self.view.setHtml(self._html(self.detail))
        bar.setValue(at)
        banner = self._banner(self.detail.four_eyes)
        self.banner.setText(banner)
        self.banner.setVisible(bool(banner))

    @staticmethod
    def _columns_for(width: int) -> int:
        return 3 if width >= WIDE else 2 if width >= 560 else 1

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.detail is not None and \
                self._columns_for(self.view.viewport().width()) != self._columns:
            self._render()

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
        self.model_review.show_for(case.kind, case.status, case.version)
        post_loan = self.postloan.view is not None  # its own actions, not the pre-loan ones
        review = case.kind == "model_review"  # the validator closes it (ModelReviewPanel)
        for key in ("approve", "decline", "request_info", "confirm", "send_back"):
            self.buttons[key].setVisible(not post_loan and not review)
        if not self.ring_close.isHidden() and not checking:  # the ring's check is its own
            self.buttons["confirm"].setVisible(False)
            self.buttons["send_back"].setVisible(False)
        if self.hard_stops:  # nobody approves (issue 26); the case says why
            self.buttons["approve"].setEnabled(False)
            self.buttons["confirm"].setEnabled(False)
            self.buttons["approve"].setToolTip(self.tr("Hard stop: nobody may approve this "
                                                       "application."))
        app = self.detail.application
        may_unmask = allowed(self.actor, Action.PII_UNMASK) and app is not None
        for key, button in self.unmask_buttons.items():
            button.setEnabled(may_unmask and key not in self.unmasked and app is not None
                              and bool(getattr(app, key)))

    def unmask(self, key: str) -> None:
        """A deliberate, audited look at one full value; shown in this window only."""
        if not write_op(self, unmask, case_id=self.case_id, field_name=key,
                        title=self.tr("Not shown"),
                        on_done=lambda value: self.unmasked.__setitem__(key, value)):
            return
        assert self.detail is not None
        self._render()
        self._enable()

    def open_link(self, url: QUrl) -> QDialog | None:
        """A linked application: its case in a window of its own, or (without a case) what
        is known of it."""
        if self.detail is None:
            return None
        kind, _, ident = url.toString().partition(":")
        if kind == "case" and ident.isdigit():
            self.linked_window = CaseDialog(self.backend, int(ident), self.dialogs,
                                            self.parentWidget(), on_change=self.on_change)
            self.linked_window.show()
            return self.linked_window
        link = next((ln for ln in self.detail.linked if str(ln.application_id) == ident), None)
        if kind == "application" and link is not None:
            self.dialogs.info(self, self.tr("Application {no}").format(no=link.application_no),
                              self._linked_text(link) + "\n" + self.tr(
                                  "This application has no case to open."))
        return None

    def open_ring(self) -> QDialog | None:
        from riskdesk.ui.rings import RingDialog

        if self.ring_id is None:
            return None
        self.ring_window = RingDialog(self.backend, self.ring_id, self.dialogs, self)
        self.ring_window.show()
        return self.ring_window

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
        if key not in ("claim", "confirm") and not confirm_masking(self, self.dialogs, reason):
            return
        try:
            if key == "claim":
                self.backend.write(cases.claim, case_id=self.case_id, version=version)
            elif key in ("confirm", "send_back"):
                self.backend.write(cases.check, case_id=self.case_id, version=version,
                                   confirm=key == "confirm", reason=reason)
            else:
                try:
                    done = self.backend.write(cases.decide, case_id=self.case_id, version=version,
                                              decision=key, reason=reason)
                except NeedsConfirmation as exc:  # someone else's case: asked, then audited
                    if not self.dialogs.confirm(self, self.tr("Assigned to someone else"),
                                                str(exc)):
                        return
                    done = self.backend.write(cases.decide, case_id=self.case_id, version=version,
                                              decision=key,
                                              reason=reason, other_assignee=True)
                if done.status == CaseStatus.AWAITING_CHECK:
                    self.dialogs.info(self, self.tr("Sent for a second check"), self.tr(
                        "Your approval is recorded and waits for a senior officer (four-eyes): "
                        "{why}. If it is sent back, the case returns to your \"My cases\" "
                        "with the checker's reason.").format(
                        why=list_sep().join(self.detail.check_reasons)))
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
        if self.after_act is not None:
            self.after_act(key)

    def _acted(self) -> None:
        """After a post-loan action: the queue and this window show the case as it is now."""
        if self.on_change:
            self.on_change()
        self.reload()

    def add_note(self) -> None:
        if not confirm_masking(self, self.dialogs, self.note_text.toPlainText()):
            return
        if not write_op(self, cases.add_note, case_id=self.case_id,
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
        self.backend.write(cases.save_draft, case_id=self.case_id,
                           kind=str(self.note_kind.currentData()),
                           outcome=str(self.note_outcome.currentData()),
                           text=self.note_text.toPlainText())

    def done(self, result: int) -> None:
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self.save_draft()
        super().done(result)

    # -- rendering -----------------------------------------------------------------------
    def _texts(self) -> dict[str, str]:
        """Words used inside the HTML (self.tr outside f-strings, where lupdate finds them)."""
        return {
            'Decide again: your new decision goes to the check again.': self.tr('Decide again: your new decision goes to the check again.'),
            'Case {id}': self.tr('Case {id}'),
            'Case {id}: {kind}, {status}': self.tr('Case {id}: {kind}, {status}'),
            'Priority': self.tr('Priority'),
            'Due': self.tr('Due'),
            'Assignee': self.tr('Assignee'),
            'nobody': self.tr('nobody'),
            'Decision': self.tr('Decision'),
            'Approval needs a second person': self.tr('Approval needs a second person'),
            'Rule hits': self.tr('Rule hits'),
            'Linked applications': self.tr('Linked applications'),
            'Complaints': self.tr('Complaints'),
            'Notes': self.tr('Notes'),
            'History': self.tr('History'),
            'No events of this kind.': self.tr('No events of this kind.'),
            'Score': self.tr('Score'),
            'Why this reason points this way': self.tr('Why this reason points this way'),
        }

    def _banner(self, four: FourEyes | None) -> str:
        """Rich text for the top of the window: who decided what and why, and the checker's
        answer; empty outside awaiting check / returned."""
        if four is None:
            return ""
        e, T = html.escape, self._texts()
        made = self.tr("{maker} decided to {decision} on {at}: \u201c{reason}\u201d").format(
            maker=four.maker, decision=label(four.decision), at=datetime_text(four.made_at),
            reason=four.maker_reason)
        if four.state == CaseStatus.RETURNED:
            head = self.tr("Sent back by {checker} on {at}").format(
                checker=four.checker, at=datetime_text(four.checked_at))
            said = self.tr("Checker's reason: \u201c{reason}\u201d").format(
                reason=four.checker_reason)
            return (f"<b>{e(head)}</b><br><b>{e(said)}</b><br>{e(made)}<br>"
                    f"{e(T['Decide again: your new decision goes to the check again.'])}")
        head = self.tr("Awaiting a second person's check (four-eyes)")
        why = self.tr("Why: {why}").format(why=list_sep().join(four.why)) if four.why else ""
        return f"<b>{e(head)}</b><br>{e(made)}" + (f"<br>{e(why)}" if why else "")

    def _html(self, d: CaseDetail) -> str:
        e, T = html.escape, self._texts()
        case = d.case
        title = T['Case {id}: {kind}, {status}'].format(
            id=case.id, kind=label(case.kind), status=label(case.status))
        parts = [f"<h2>{e(title)}</h2>",
                 f"<p>{e(T['Priority'])} {case.priority} &middot; {e(T['Due'])} "
                 f"{e(datetime_text(case.due_at))} &middot; {e(T['Assignee'])} "
                 f"{e(d.assignee or T['nobody'])}</p>"]
        if case.decision:
            parts.append(f"<p><b>{e(T['Decision'])}:</b> {e(label(case.decision))} "
                         f"&middot; {e(case.reason)}</p>")
        elif case.kind == "partner_review":
            why = self.tr("Partner under review: {code} {name}. Why: {reason}").format(
                code=case.application_no, name=case.applicant_name, reason=case.reason)
            parts.append(f"<p><b>{e(why)}</b></p>")
        if self.model_figures:
            title = self.tr("Model figures (evidence)")
            parts.append(f"<h3>{e(title)}</h3><p>" + "<br>".join(
                e(line) for line in self.model_figures) + "</p>")
        if d.check_reasons:
            parts.append(f"<p><b>{e(T['Approval needs a second person'])}:</b> "
                         f"{e(list_sep().join(d.check_reasons))}</p>")
        parts.append(hard_stop_html(self.hard_stops))
        parts.append(self.postloan.html())  # a post-loan case leads with its loan
        if d.application is not None:
            parts.append(application_groups(d.application, self.unmasked, self._columns))
        if d.decision is not None:
            parts.append(score_html(d.decision, self._texts()))
        if d.reasons:
            parts.append(reasons_html(d, self._texts(), _chinese()))
        if d.alerts and self.postloan.view is None:
            title = self.tr("Early warnings (evidence)")
            parts.append(f"<h3>{e(title)}</h3>" + html_table(
                [(f"{date_text(a.detected_on)} {a.name} ({label(a.severity)})",
                  a.sentence) for a in d.alerts]))
        if d.hits:
            parts.append(f"<h3>{e(T['Rule hits'])}</h3>" + html_table(
                [(f"{h.name} ({label(h.severity)})", f"{h.text} [{h.source}]")
                 for h in d.hits]))
        if d.linked:
            rows = "".join(
                f"<tr><td><a href='{'case:%d' % ln.case_id if ln.case_id else 'application:%d' % ln.application_id}'>"
                f"{e(ln.application_no)}</a></td><td>{e(self._linked_text(ln))}</td></tr>"
                for ln in d.linked)
            parts.append(f"<h3>{e(T['Linked applications'])}</h3>"
                         f"<table cellspacing='2'>{rows}</table>")
        if d.complaints:
            parts.append(f"<h3>{e(T['Complaints'])}</h3>" + html_table(
                [(f"{c.number} {datetime_text(c.received_at)}",
                  f"{label(c.category)} / {label(c.status)}: {c.description}")
                 for c in d.complaints]))
        if d.notes:
            corrects = self.tr("corrects note {id}")
            parts.append(f"<h3>{e(T['Notes'])}</h3>" + html_table(
                [(f"{n.author} {datetime_text(n.created_at)}",
                  f"{label(n.kind)} / {label(n.outcome)}: {n.text}"
                  + (f" ({corrects.format(id=n.corrects_id)})" if n.corrects_id else ""))
                 for n in d.notes]))
        kind = str(self.history_kind.currentData() or "")
        shown = [h for h in d.history if not kind or h.kind == kind]
        if d.history:
            parts.append(f"<h3>{e(T['History'])}</h3>" + (html_table(
                [(datetime_text(h.at), self.history_text(h)) for h in shown]) if shown else
                f"<p>{e(T['No events of this kind.'])}</p>"))
        return "".join(parts)

    def _linked_text(self, ln: Any) -> str:
        via = {"id_no": self.tr("same person"), "phone": self.tr("same phone"),
               "device": self.tr("same device"), "card": self.tr("same bank card")}
        return " · ".join(x for x in (
            list_sep().join(via.get(v, v) for v in ln.via), datetime_text(ln.submitted_at),
            money(ln.amount), label(ln.band) if ln.band else "",
            label(ln.outcome) if ln.outcome else "") if x)

    def history_text(self, h: HistoryEvent) -> str:
        """One history line in the officer's words: views collapsed, decisions with their
        outcome and reason."""
        if h.action == "case.view":
            return self.tr("{who} viewed the case {n} times, last {at}").format(
                who=h.actor, n=h.views, at=datetime_text(h.at)) if h.views > 1 else \
                self.tr("{who} viewed the case").format(who=h.actor)
        parts = [label(x) for x in (h.status, h.decision, h.field) if x]
        text = f"{h.actor}: {label(h.action)}" + (f" ({', '.join(parts)})" if parts else "")
        if h.reason:
            text += " \u2014 " + self.tr("reason: \u201c{reason}\u201d").format(reason=h.reason)
        if h.assignee_overridden:
            text += " \u2014 " + self.tr("decided in place of {user} (confirmed)").format(
                user=h.assignee_overridden)
        return text

    def value(self, key: str) -> Any:
        """For tests: the state the window shows."""
        assert self.detail is not None
        return getattr(self.detail.case, key)
