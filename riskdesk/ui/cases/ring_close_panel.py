"""The ring-closing part of a fraud ring's own case window (issue 33): close the ring as
confirmed fraud, four-eyes.

An officer proposes ("Confirmed fraud...": whether to blacklist the ring's devices, phones and
cards and whether to decline its open applications, with a reason), asked once more before it
is saved; a senior officer other than the proposer confirms it, or sends it back with a
reason. Both steps are signed audit events, written only through
``services.rings.closing`` (which checks the roles and the second person again); the declines
the confirmation makes go to the decision feed there. Shown on a ring's own case only.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from riskdesk.services.admin.backend import Backend
from riskdesk.services.permissions import Action, allowed
from riskdesk.services.rings.closing import (
    Closing,
    Confirmed,
    check_confirm,
    closing_state,
    propose_confirm,
)
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.formats import list_sep, number
from riskdesk.ui.operations import write_op
from riskdesk.ui.pii_confirm import confirm_masking


class RingClosePanel(QWidget):
    """The ring's state, the proposal's choices and reason, and Propose / Confirm / Send back;
    ``acted`` runs after a step was saved."""

    def __init__(self, backend: Backend, dialogs: Dialogs, case_id: int,
                 acted: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.dialogs, self.case_id, self.acted = backend, dialogs, case_id, acted
        self.state: Closing | None = None
        self.box = QGroupBox(self)  # apart from the case's own decision buttons
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.blacklist = QCheckBox(self)
        self.blacklist.setChecked(True)
        self.decline = QCheckBox(self)
        self.decline.setChecked(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why: the evidence of fraud (signed), or why "
                                               "it goes back"))
        self.propose_button = QPushButton(self.tr("Confirmed fraud..."), self)
        self.propose_button.setToolTip(self.tr("Propose closing the ring as confirmed fraud; "
                                               "a senior officer confirms it"))
        self.confirm_button = QPushButton(self.tr("Confirm fraud..."), self)
        self.send_back_button = QPushButton(self.tr("Send back"), self)
        self.propose_button.clicked.connect(self.propose)
        self.confirm_button.clicked.connect(lambda _=False: self.check(True))
        self.send_back_button.clicked.connect(lambda _=False: self.check(False))
        line = QHBoxLayout()
        for button in (self.propose_button, self.confirm_button, self.send_back_button):
            line.addWidget(button)
        inside = QVBoxLayout(self.box)
        for widget in (self.status, self.blacklist, self.decline, self.reason):
            inside.addWidget(widget)
        inside.addLayout(line)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.box)
        self.hide()

    def reload(self) -> None:
        """Shown on a ring's own case; each control enabled for whoever may use it now."""
        self.state = self.backend.read(closing_state, case_id=self.case_id)
        self.setVisible(self.state is not None)
        if self.state is None:
            return
        st, actor = self.state, self.backend.actor
        self.box.setTitle(self.tr("Close {code} as confirmed fraud").format(code=st.code))
        self.blacklist.setText(self.tr("Blacklist its {n} devices, phones and cards").format(
            n=number(st.keys)))
        self.decline.setText(self.tr("Decline its {n} open applications").format(
            n=number(st.open_applications)))
        proposing = st.status == "open" and allowed(actor, Action.CASE_WORK)
        checking = (st.status == "awaiting_check" and allowed(actor, Action.CASE_CHECK)
                    and st.maker_id != actor.user_id)
        if st.status == "awaiting_check":  # the checker sees what was proposed
            self.blacklist.setChecked(st.blacklist)
            self.decline.setChecked(st.decline)
        self.status.setText(self._status_text(st))
        self.blacklist.setEnabled(proposing)
        self.decline.setEnabled(proposing)
        self.reason.setEnabled(proposing or checking)
        self.propose_button.setEnabled(proposing)
        self.confirm_button.setEnabled(checking)
        self.send_back_button.setEnabled(checking)
        self.propose_button.setVisible(st.status != "awaiting_check")
        self.confirm_button.setVisible(st.status == "awaiting_check")
        self.send_back_button.setVisible(st.status == "awaiting_check")

    def _status_text(self, st: Closing) -> str:
        if st.status == "open":
            return self.tr("An officer proposes, a senior officer other than the proposer "
                           "confirms; both are signed.")
        if st.status == "awaiting_check":
            return self.tr("{maker} proposed it ({what}): \u201c{reason}\u201d. Waiting for a "
                           "senior officer's confirmation.").format(
                maker=st.maker, what=self._what(st.blacklist, st.decline), reason=st.reason)
        if st.status == "confirmed":
            return self.tr("{code} was confirmed as fraud.").format(code=st.code)
        status = {"closed": self.tr("closed"), "expired": self.tr("expired: its links fell "
                                                                   "out of the window"),
                  "merged": self.tr("merged into an older ring")}.get(st.status, st.status)
        return self.tr("{code} is no longer open: {status}.").format(code=st.code,
                                                                     status=status)

    def _what(self, blacklist: bool, decline: bool) -> str:
        assert self.state is not None
        keys = self.tr("blacklist {n} keys").format(n=number(self.state.keys))
        apps = self.tr("decline {n} open applications").format(
            n=number(self.state.open_applications))
        parts = [p for p, on in ((keys, blacklist), (apps, decline)) if on]
        return list_sep().join(parts) if parts else self.tr("close the ring only")

    def propose(self) -> bool:
        """The officer's proposal, asked once more; True when saved."""
        st, reason = self.state, self.reason.text()
        if st is None or not confirm_masking(self, self.dialogs, reason):
            return False
        blacklist, decline = self.blacklist.isChecked(), self.decline.isChecked()
        if not self.dialogs.confirm(self, self.tr("Close {code} as confirmed fraud?").format(
                code=st.code), self.tr(
                "You propose: {what}. Nothing happens until a senior officer other than you "
                "confirms it. Your proposal is signed with your key.").format(
                what=self._what(blacklist, decline))):
            return False
        if not write_op(self, propose_confirm, ring_id=st.ring_id, reason=reason,
                        blacklist=blacklist, decline=decline, title=self.tr("Not proposed")):
            return False
        self.reason.clear()
        self.acted()
        return True

    def check(self, confirm: bool) -> bool:
        """The second officer's confirmation (asked once more) or send-back; True when
        saved."""
        st, reason = self.state, self.reason.text()
        if st is None or not confirm_masking(self, self.dialogs, reason):
            return False
        if confirm and not self.dialogs.confirm(
                self, self.tr("Confirm {code} as fraud?").format(code=st.code), self.tr(
                    "{maker} proposed: {what}. Confirming does it now, in one step: each "
                    "decline is a final decision sent to origination. Your confirmation is "
                    "signed with your key.").format(maker=st.maker,
                                                    what=self._what(st.blacklist, st.decline))):
            return False
        done: list[Confirmed | None] = []
        if not write_op(self, check_confirm, ring_id=st.ring_id, confirm=confirm,
                        reason=reason, title=self.tr("Not saved"), on_done=done.append):
            return False
        result = done[0] if done else None
        if result is not None:
            self.dialogs.info(self, self.tr("{code} confirmed as fraud").format(code=st.code),
                              self.tr("{keys} keys put on the blacklist; {n} applications "
                                      "declined.").format(keys=number(result.blacklisted),
                                                          n=number(len(result.declined))))
        self.reason.clear()
        self.acted()
        return True
