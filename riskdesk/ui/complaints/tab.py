"""The complaints tab: the month's figures with a chart, filters, the list, intake."""
from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import ComplaintCategory, ComplaintChannel, ComplaintStatus, label
from riskdesk.errors import RiskdeskError
from riskdesk.services.admin.backend import Backend
from riskdesk.services.cases import work as cases
from riskdesk.services.complaints import figures as complaints
from riskdesk.services.complaints.handling import DUE_SOON
from riskdesk.services.periods import current_month
from riskdesk.services.permissions import Action, allowed
from riskdesk.tasks import TaskState
from riskdesk.ui.complaints.deadlines import DeadlinesDialog
from riskdesk.ui.complaints.detail import ComplaintDialog
from riskdesk.ui.complaints.intake import ComplaintForm
from riskdesk.ui.complaints.model import ComplaintsModel
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.fit import keep_first_item_whole
from riskdesk.ui.formats import number, percent
from riskdesk.ui.month_picker import MonthPicker
from riskdesk.ui.table_tools import equip_table
from riskdesk.ui.worker import BackgroundTask, run_task

if TYPE_CHECKING:  # the intake service loads pandas: with the first import, not the tab
    from riskdesk.services.intake.complaints import ComplaintImportResult


class ComplaintsTab(QWidget):
    def __init__(self, backend: Backend, dialogs: Dialogs,
                 open_case: Callable[[int], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.dialogs, self.open_case = backend, dialogs, open_case
        self.actor = actor = backend.actor
        self.windows: list[ComplaintDialog] = []
        self.dashboard = QTextBrowser(self)
        self.dashboard.setMaximumHeight(170)
        self.model = ComplaintsModel(backend, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(False)  # the deadline colours carry meaning
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda index: self.open(self.model.row_at(index.row()).id))
        self.boxes: dict[str, QComboBox] = {}
        row = QHBoxLayout()
        for key, title, values in (("statuses", self.tr("Status"), ComplaintStatus),
                                   ("category", self.tr("Category"), ComplaintCategory),
                                   ("channel", self.tr("Channel"), ComplaintChannel)):
            box = QComboBox(self)
            box.addItem(self.tr("{what}: any").format(what=title), None)
            for v in values:
                box.addItem(label(v), v.value)
            box.currentIndexChanged.connect(self._filters_changed)
            self.boxes[key] = box
            row.addWidget(box)
        self.handler = QComboBox(self)
        self.handler.addItem(self.tr("{what}: any").format(what=self.tr("Handler")), None)
        for uid, name in backend.lookup(cases.assignees):
            self.handler.addItem(name, uid)
        self.handler.currentIndexChanged.connect(self._filters_changed)
        for box in (*self.boxes.values(), self.handler):
            keep_first_item_whole(box)
        row.addWidget(self.handler)
        self.toggles: dict[str, QCheckBox] = {}
        for key, text in (("mine", self.tr("Mine")), ("overdue", self.tr("Overdue")),
                          ("due_soon", self.tr("Due within {days} days").format(
                              days=DUE_SOON.days)),
                          ("escalated", self.tr("Escalated"))):
            check = QCheckBox(text, self)
            check.toggled.connect(self._filters_changed)
            self.toggles[key] = check
            row.addWidget(check)
        row.addStretch(1)
        actions = QHBoxLayout()
        self.count_label = QLabel(self)
        actions.addWidget(self.count_label)
        actions.addSpacing(12)
        actions.addWidget(QLabel(self.tr("Figures for"), self))
        self.month = MonthPicker(backend.lookup(current_month), self)
        self.month.monthChanged.connect(lambda _month: self.show_figures())
        actions.addWidget(self.month)
        actions.addStretch(1)
        self.register_button = QPushButton(self.tr("Register complaint..."), self)
        self.register_button.clicked.connect(self.register)
        self.register_button.setEnabled(allowed(actor, Action.COMPLAINT_WORK))
        actions.addWidget(self.register_button)
        self.import_button = QPushButton(self.tr("Import from call centre..."), self)
        self.import_button.clicked.connect(self.import_file)
        self.import_button.setEnabled(allowed(actor, Action.COMPLAINT_WORK))
        actions.addWidget(self.import_button)
        self.deadlines_button = QPushButton(self.tr("Deadlines..."), self)
        self.deadlines_button.clicked.connect(self.edit_deadlines)
        self.deadlines_button.setVisible(allowed(actor, Action.COMPLAINT_SETTINGS))
        actions.addWidget(self.deadlines_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.dashboard)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        self.model.modelReset.connect(self._count)
        # sized from the content whenever rows arrive, a dragged width kept per user (issue 28)
        equip_table(self.table, backend, dialogs, key="complaints",
                    title=self.tr("Complaints"))
        self.refresh()

    def _filters_changed(self, *_: Any) -> None:
        status = self.boxes["statuses"].currentData()
        self.model.set_filters({
            "statuses": (status,) if status else (),
            "category": self.boxes["category"].currentData(),
            "channel": self.boxes["channel"].currentData(),
            "assignee_id": self.actor.user_id if self.toggles["mine"].isChecked()
            else self.handler.currentData(),
            "overdue": self.toggles["overdue"].isChecked(),
            "due_soon": self.toggles["due_soon"].isChecked(),
            "escalated": self.toggles["escalated"].isChecked()})

    def _count(self) -> None:
        self.count_label.setText(self.tr("Complaints: {n}").format(n=number(self.model.total)))

    def refresh(self) -> None:
        self.model.reload()
        self.show_figures()

    def deadline_counts(self) -> tuple[int, int]:
        return self.backend.read(complaints.deadline_counts)

    def show_figures(self) -> None:
        try:
            f = self.backend.read(complaints.figures, month=self.month.month())
        except RiskdeskError as exc:
            self.dashboard.setPlainText(str(exc))
            return
        self.figures = f
        self.dashboard.setHtml(self._figures_html(f))

    def _figures_html(self, f: complaints.Figures) -> str:
        e = html.escape
        top = max(f.open_by_category.values(), default=1) or 1
        bars = "".join(
            f"<tr><td>{e(label(cat))}</td><td><span style='color:#2a5d9f'>"
            f"{'&#9608;' * max(1, round(20 * n / top))}</span> {n}</td></tr>"
            for cat, n in sorted(f.open_by_category.items(), key=lambda kv: -kv[1]))
        head = self.tr("Complaints {month}: {received} received, {responded} replied; on time "
                       "{on_time}; replied late {late}; extended {extended}; reopened "
                       "{reopened}; overdue now {overdue}").format(
            month=f.month, received=f.received, responded=f.responded,
            on_time=percent(f.on_time_rate, 0), late=number(f.late),
            extended=percent(f.extension_rate, 0),
            reopened=percent(f.reopen_rate, 0), overdue=f.overdue)
        title = QCoreApplication.translate("ComplaintsTab", "Open by category")
        return (f"<p><b>{e(head)}</b></p><p>{e(title)}</p><table>{bars}</table>")

    def import_file(self) -> BackgroundTask | None:
        """A call-centre export, off the GUI thread; whole or nothing, problems listed."""
        target = self.dialogs.open_import_file(self)
        if not target:
            return None
        backend, path = self.backend, Path(target)

        def work(state: TaskState) -> ComplaintImportResult:
            # pandas loads with the first import, on this worker thread (issue 35)
            from riskdesk.services.intake.complaints import import_complaints

            return backend.job(import_complaints, path=path, state=state)

        def done(result: ComplaintImportResult) -> None:
            self.refresh()
            if result.refused:
                lines = [self.tr("row {row}, column {column}, value \"{value}\": {reason}")
                         .format(row=r.row, column=r.column, value=r.value, reason=r.reason)
                         for r in result.problems.head(30).itertuples(index=False)]
                self.dialogs.error(self, self.tr("Import refused"), self.tr(
                    "{file}: nothing imported; {n} problem(s):").format(
                    file=result.file_name, n=len(result.problems)) + "\n" + "\n".join(lines))
            else:
                self.dialogs.info(self, self.tr("Import finished"), self.tr(
                    "{file}: rows {total}, complaints registered {new}, already present "
                    "{present}.").format(file=result.file_name, total=result.rows_total,
                                       new=result.inserted, present=result.present))

        def failed(error: BaseException) -> None:
            self.dialogs.error(self, self.tr("Import refused"), str(error))

        return run_task(self, work, label=self.tr("Importing {file}").format(file=path.name),
                        on_done=done, on_error=failed, progress=self.dialogs.progress(self))

    def edit_deadlines(self) -> DeadlinesDialog:
        dialog = DeadlinesDialog(self.backend, self.dialogs, self)
        dialog.show()
        return dialog

    def register(self) -> ComplaintForm:
        form = ComplaintForm(self.backend, self.dialogs, self)
        form.accepted.connect(lambda: self._registered(form))
        form.show()
        return form

    def _registered(self, form: ComplaintForm) -> None:
        self.refresh()
        if form.created is not None and form.created.id is not None:
            self.open(form.created.id)

    def open(self, complaint_id: int) -> ComplaintDialog:
        dialog = ComplaintDialog(self.backend, complaint_id, self.dialogs, self,
                                 on_change=self.refresh, open_case=self.open_case)
        self.windows.append(dialog)
        dialog.finished.connect(lambda _=0, d=dialog: self.windows.remove(d))
        dialog.show()
        return dialog
