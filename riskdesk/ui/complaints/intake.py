"""Complaint intake: find the customer (name prefix, exact ID number or phone), and the form
fills in what the bank already knows (name, their applications); the rest is asked for."""
from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from riskdesk.domain.enums import ComplaintCategory, ComplaintChannel, label
from riskdesk.errors import RiskdeskError
from riskdesk.services.admin.backend import Backend
from riskdesk.services.cases import work as cases
from riskdesk.services.complaints import handling as complaints
from riskdesk.services.complaints import view as complaint_view
from riskdesk.storage.clock import utcnow
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.formats import clock_now, datetime_format, number
from riskdesk.ui.pii_confirm import confirm_masking


class ComplaintForm(QDialog):
    def __init__(self, backend: Backend, dialogs: Dialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.dialogs = backend, dialogs
        self.actor = backend.actor
        self.created: complaint_view.ComplaintView | None = None
        self.setWindowTitle(self.tr("Register a complaint"))
        self.resize(720, 640)
        form = QFormLayout(self)
        self.channel, self.category = QComboBox(self), QComboBox(self)
        for box, values in ((self.channel, ComplaintChannel), (self.category, ComplaintCategory)):
            # no default (issue 28): a complaint left at the first channel was miscounted
            box.addItem(self.tr("(choose)"), None)
            for v in values:
                box.addItem(label(v), v.value)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Category"), self.category)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name, ID number or phone of the customer"))
        self.search.returnPressed.connect(self.find_customers)
        find = QPushButton(self.tr("Find"), self)
        find.setAutoDefault(False)
        find.clicked.connect(self.find_customers)
        row = QHBoxLayout()
        row.addWidget(self.search)
        row.addWidget(find)
        form.addRow(self.tr("Customer"), row)
        self.customers = QListWidget(self)
        self.customers.setMaximumHeight(90)
        self.customers.currentRowChanged.connect(self._customer_chosen)
        form.addRow("", self.customers)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("As given, when the bank does not know them"))
        form.addRow(self.tr("Complainant"), self.name)
        self.application = QComboBox(self)
        self.application.addItem(self.tr("(no application)"), None)
        form.addRow(self.tr("Application"), self.application)
        self.proxy_name, self.proxy_auth = QLineEdit(self), QLineEdit(self)
        self.proxy_auth.setPlaceholderText(self.tr("e.g. written power of attorney seen"))
        form.addRow(self.tr("Complaining on their behalf"), self.proxy_name)
        form.addRow(self.tr("Proxy's authorisation"), self.proxy_auth)
        self.subject = QComboBox(self)
        self.subject.addItem(self.tr("(nobody named)"), None)
        for uid, name in backend.lookup(cases.assignees):
            self.subject.addItem(name, uid)
        self.subject_team = QLineEdit(self)
        form.addRow(self.tr("Employee complained about"), self.subject)
        form.addRow(self.tr("Team complained about"), self.subject_team)
        self.received = QDateTimeEdit(clock_now(), self)
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat(datetime_format())
        form.addRow(self.tr("Received"), self.received)
        self.description = QPlainTextEdit(self)
        form.addRow(self.tr("What the customer says"), self.description)
        self.note = QLabel("", self)
        form.addRow(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Register"))
        for button in buttons.buttons():
            # Enter never registers (issue 28): only a click on Register does
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        buttons.accepted.connect(self.register)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._found: list[complaints.Customer] = []

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # a QDialog would press its default button; the form is not done
            return
        super().keyPressEvent(event)

    def missing_choices(self) -> list[str]:
        """What must still be chosen before the complaint can be registered."""
        return [what for box, what in ((self.channel, self.tr("the channel")),
                                       (self.category, self.tr("the category")))
                if box.currentData() is None]

    def find_customers(self) -> None:
        self._found = self.backend.read(complaints.find_customers, text=self.search.text())
        self.customers.clear()
        for c in self._found:
            QListWidgetItem(self.tr("{name}  {id_no}  ({n} applications)").format(
                name=c.name, id_no=c.id_no_masked, n=c.applications), self.customers)
        if len(self._found) == 1:
            self.customers.setCurrentRow(0)
        self.note.setText("" if self._found else self.tr("No customer found; enter the "
                                                         "complainant's name as given."))

    def _customer_chosen(self, row: int) -> None:
        self.application.clear()
        self.application.addItem(self.tr("(no application)"), None)
        if not 0 <= row < len(self._found):
            self.name.setEnabled(True)
            return
        customer = self._found[row]
        self.name.setText(customer.name)
        self.name.setEnabled(False)  # the bank knows the name
        apps = self.backend.read(complaints.customer_applications,
                                 applicant_id=customer.applicant_id)
        for a in apps:
            self.application.addItem(f"{a.application_no}  {label(a.product)}  "
                                     f"{number(a.amount, 2)}  {a.cases}",
                                     a.application_id)
        if apps:
            self.application.setCurrentIndex(1)

    def selected_customer(self) -> complaints.Customer | None:
        row = self.customers.currentRow()
        return self._found[row] if 0 <= row < len(self._found) else None

    def register(self) -> None:
        missing = self.missing_choices()
        if missing:
            self.dialogs.error(self, self.tr("Not registered"), self.tr(
                "Choose {what}.").format(what=self.tr(" and ").join(missing)))
            return
        customer = self.selected_customer()
        picked = self.received.dateTime().toSecsSinceEpoch()
        received = datetime.fromtimestamp(picked, UTC).replace(tzinfo=None)
        if not confirm_masking(self, self.dialogs, self.description.toPlainText(),
                               self.proxy_auth.text()):
            return
        try:
            self.created = self.backend.write(
                complaint_view.register, channel=str(self.channel.currentData()),
                category=str(self.category.currentData()),
                description=self.description.toPlainText(),
                complainant_name=self.name.text(),
                applicant_id=customer.applicant_id if customer else None,
                application_id=self.application.currentData(),
                proxy_name=self.proxy_name.text(),
                proxy_authorisation=self.proxy_auth.text(),
                received_at=min(received, utcnow()),
                subject_user_id=self.subject.currentData(),
                subject_team=self.subject_team.text())
        except RiskdeskError as exc:
            self.dialogs.error(self, self.tr("Not registered"), str(exc))
            return
        self.accept()
