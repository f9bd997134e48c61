"""The main window: the applications table, import, and who is signed in."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import label
from riskdesk.errors import RiskdeskError
from riskdesk.services.admin import settings as app_settings
from riskdesk.services.admin.backend import Backend
from riskdesk.services.cases import work as cases
from riskdesk.services.cases.export import export_view
from riskdesk.services.complaints.figures import deadline_counts
from riskdesk.services.complaints.handling import DUE_SOON
from riskdesk.services.feed.status import feed_warning
from riskdesk.services.permissions import Action, allowed
from riskdesk.tasks import TaskState
from riskdesk.ui import main_tabs
from riskdesk.ui.applications.model import ApplicationsModel
from riskdesk.ui.cases import keys
from riskdesk.ui.cases.filters import FilterBar
from riskdesk.ui.cases.model import FIELDS as CASE_FIELDS
from riskdesk.ui.cases.model import VIEW_LABELS, CasesModel
from riskdesk.ui.cases.queue_view import EmptyNote, neighbour, restore_header, save_header
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.formats import list_sep, number
from riskdesk.ui.guide import about_text, guide_dialog, open_log_folder
from riskdesk.ui.idle_lock import IdleLock
from riskdesk.ui.imports_flow import ImportsMixin
from riskdesk.ui.lazy_tabs import LazyTabs, TabPage
from riskdesk.ui.main_tabs import later
from riskdesk.ui.operations import query, reads_op, write_op
from riskdesk.ui.table_tools import equip_tabs
from riskdesk.ui.worker import BackgroundTask, run_task

if TYPE_CHECKING:  # a tab's module loads when it is first built, a window's when first opened
    from riskdesk.ui.admin import AdminDialog
    from riskdesk.ui.applications.tab import ApplicationsTab
    from riskdesk.ui.cases.detail import CaseDialog
    from riskdesk.ui.complaints.tab import ComplaintsTab
    from riskdesk.ui.feed import FeedTab
    from riskdesk.ui.loans.portfolio import PortfolioTab
    from riskdesk.ui.reports import ReportsTab


class MainWindow(ImportsMixin, QMainWindow):
    # The tabs after the queue: built, with their first reads, when first shown (issue 35).
    applications: TabPage[ApplicationsTab] = TabPage()
    complaints: TabPage[ComplaintsTab] = TabPage()
    postloan: TabPage[PortfolioTab] = TabPage()
    reports: TabPage[ReportsTab] = TabPage()
    partners: TabPage[Any] = TabPage()
    findings: TabPage[Any] = TabPage()
    feed: TabPage[FeedTab | None] = TabPage()
    rules_tab: TabPage[Any] = TabPage()

    def __init__(self, backend: Backend, dialogs: Dialogs | None = None, *,
                 pack: Any = None) -> None:
        """``backend``: the signed-in user's way into the services (services.admin.backend);
        ``pack``: an audit pack's path and verdict (services.audit.packs): read-only auditor
        mode with a banner; only findings are written."""
        super().__init__()
        self.pack = pack
        self.backend = backend
        self.actor = actor = backend.actor
        self.dialogs = dialogs or Dialogs()
        self.last_task: BackgroundTask | None = None
        self._import_path: Path | None = None
        self.setWindowTitle(self.tr("riskdesk - risk case management"))
        self.model = ApplicationsModel(backend, self)
        self.table = QTableView(self)
        self.table.hide()  # until the Applications tab is built and takes it
        self.table.setModel(self.model)
        with self.model.sorts_settled():  # the rows read once, not three times (issue 35)
            self.table.setSortingEnabled(True)
            self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.cases_model = CasesModel(backend, self)
        self.cases_table = QTableView(self)
        self.cases_table.setModel(self.cases_model)
        with self.cases_model.sorts_settled():
            self.cases_table.setSortingEnabled(True)
            self.cases_table.horizontalHeader().setSortIndicator(  # priority, then due (#27)
                CASE_FIELDS.index("priority"), Qt.SortOrder.AscendingOrder)
        self.cases_table.horizontalHeader().setSectionsMovable(True)
        self.cases_table.horizontalHeader().setStretchLastSection(True)  # a wide screen used
        self.cases_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cases_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.cases_table.setAlternatingRowColors(True)
        self.cases_table.verticalHeader().setDefaultSectionSize(24)
        self.cases_table.activated.connect(self.open_case)  # Enter or double-click
        self.case_windows: list[CaseDialog] = []
        self._signed_out = False
        self.view_box = QComboBox(self)
        self.view_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._counts_generation = 0
        self._view_counts: dict[str, int] | None = None
        self.view_box.currentIndexChanged.connect(self._view_changed)
        queue = QWidget(self)
        layout = QVBoxLayout(queue)
        layout.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("View:"), queue))
        row.addWidget(self.view_box)
        row.addSpacing(12)
        filter_row_at = row.count()
        row.addStretch(1)
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr(
            "Search: application no., ID number, phone or name (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(300)
        self.search_box.returnPressed.connect(self.search)
        row.addWidget(self.search_box)
        layout.addLayout(row)
        people = backend.lookup(cases.assignees)
        self.filter_bar = FilterBar(people, queue)
        self.filter_bar.changed.connect(self._filters_changed)
        row.insertWidget(filter_row_at, self.filter_bar.dates)
        layout.addWidget(self.filter_bar)
        self.empty_note = EmptyNote(self.clear_filters_and_search, queue)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.cases_table)
        actions = QHBoxLayout()
        self.queue_buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
                ("claim", self.tr("Claim"), self.claim_selected),
                ("assign", self.tr("Assign to..."), self.assign_selected),
                ("export", self.tr("Export view..."), self.export_view),
                ("first", self.tr("First page"), self.first_page),
                ("last", self.tr("Last page"), self.last_page)):
            button = QPushButton(text, queue)
            button.clicked.connect(slot)
            self.queue_buttons[key] = button
            actions.addWidget(button)
            if key == "export":
                actions.addStretch(1)
        self.queue_buttons["claim"].setEnabled(allowed(actor, Action.CASE_WORK))
        self.queue_buttons["assign"].setEnabled(allowed(actor, Action.CASE_ASSIGN))
        self.queue_buttons["export"].setEnabled(allowed(actor, Action.QUEUE_EXPORT))
        self.queue_position = QLabel(queue)
        actions.insertWidget(3, self.queue_position)
        layout.addLayout(actions)
        self.assignee_list = people
        self.tabs = LazyTabs(self)
        self.tabs.addTab(queue, self.tr("Case queue"))
        equip_tabs(self.tabs, backend, self.dialogs, own={self.cases_table: (  # issue 28
            self.export_view, allowed(actor, Action.QUEUE_EXPORT))})
        self.applications = later(self, main_tabs.applications, self.tr("Applications"))
        self.complaints = later(self, main_tabs.complaints, self.tr("Complaints"))
        self.postloan = later(self, main_tabs.postloan, self.tr("Post-loan"))
        self.reports = later(self, main_tabs.reports, self.tr("Reports"))
        self.partners = later(self, main_tabs.partners, self.tr("Partners"))
        self.findings = later(self, main_tabs.findings, self.tr("Audit findings"))
        if pack is None and allowed(actor, Action.LIST_VIEW):  # issue 30
            later(self, main_tabs.lists, self.tr("Lists"))
        self.feed = later(self, main_tabs.feed, self.tr("Decision feed")) \
            if pack is None and allowed(actor, Action.FEED_EXPORT) else None  # issue 29
        self.rules_tab = main_tabs.rules_tab(self)  # issue 30
        if pack is None:
            self.setCentralWidget(self.tabs)
        else:
            self.banner = QLabel(self._banner_text(pack), self)
            self.banner.setWordWrap(True)
            self.banner.setStyleSheet(
                "padding: 6px; font-weight: bold; background: "
                + ("#fff3cd" if pack.verdict.ok else "#f8d7da"))
            central = QWidget(self)
            stack = QVBoxLayout(central)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.addWidget(self.banner)
            stack.addWidget(self.tabs, 1)
            self.setCentralWidget(central)
        self._fill_views()
        self._build_actions()
        self.count_label = QLabel(self)
        self.user_label = QLabel(self)
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.user_label)
        where = backend.location if pack is None else str(pack.path)
        self.user_label.setText(self.tr("Signed in: {user} ({roles}) | {db}").format(
            user=actor.username, roles=list_sep().join(label(r) for r in sorted(actor.roles)),
            db=where.rstrip("/").rsplit("/", 1)[-1]))  # the file or database name; all of it:
        self.user_label.setToolTip(where)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.cases_model.modelReset.connect(self._update_position)
        self.cases_model.modelReset.connect(self._update_empty)
        self.cases_model.rowsInserted.connect(self._update_position)
        self._update_position()
        self.deadline_label = QLabel(self)
        self.deadline_label.setStyleSheet("color: #a01010; font-weight: bold")
        self.statusBar().addWidget(self.deadline_label)
        self.feed_label = QLabel(self)
        self.feed_label.setStyleSheet("color: #a01010; font-weight: bold")
        self.statusBar().addWidget(self.feed_label)
        self._pack = pack
        self._update_deadlines()
        self._update_count()
        self.cases_table.resizeColumnsToContents()
        with self.cases_model.sorts_settled():  # read again only for another saved order
            restore_header(self.cases_table.horizontalHeader(), actor.username, "queue")
        self._update_empty()
        idle_minutes = backend.lookup(app_settings.idle_lock_minutes)
        self.idle_lock = IdleLock(self, backend, idle_minutes) if pack is None else None
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _fill_views(self) -> None:
        """Saved views with their counts; keeps the selected view. The six counts run off the
        GUI thread (on a server database they can take a moment); the newest request wins."""
        self._counts_generation += 1
        generation = self._counts_generation
        self._show_views(self._view_counts)

        def done(counts: tuple[Any, ...]) -> None:
            if generation == self._counts_generation:
                self._view_counts = dict(zip(VIEW_LABELS, counts, strict=True))
                self._show_views(self._view_counts)

        def failed(error: BaseException) -> None:
            if generation == self._counts_generation:
                self.statusBar().showMessage(str(error), 10_000)

        reads_op(self, *self.cases_model.count_calls(), title="", on_done=done,
                 on_error=failed, slow=True)

    def _show_views(self, counts: dict[str, int] | None) -> None:
        current = self.cases_model.filter.view
        self.view_box.blockSignals(True)
        self.view_box.clear()
        for view, text in VIEW_LABELS.items():
            name = QCoreApplication.translate("CasesModel", text)
            self.view_box.addItem(self.tr("{view} ({n})").format(
                view=name, n=counts[view]) if counts else name, view)
        self.view_box.setCurrentIndex(list(VIEW_LABELS).index(current))
        self.view_box.blockSignals(False)

    def _view_changed(self, index: int) -> None:
        self.cases_model.set_view(str(self.view_box.itemData(index)))

    def _update_deadlines(self) -> None:
        """Counted on start and on every refresh: the regulator's deadlines come first."""
        overdue, due_soon = self.backend.read(deadline_counts)
        self.deadline_label.setText(self.tr(
            "Complaints: {overdue} overdue, {soon} due within {days} days").format(
            overdue=overdue, soon=due_soon, days=DUE_SOON.days) if overdue or due_soon else "")
        # Compliance: decisions origination has not acknowledged in time (issue 29).
        late = 0 if self._pack is not None else query(self, feed_warning, title="", default=0)
        self.feed_label.setText(self.tr("Decision feed: {n} late").format(n=late) if late
                                else "")
        self.feed_label.setToolTip(self.tr(
            "Decision feed: {n} not acknowledged by origination in time").format(n=late)
            if late else "")

    def _filters_changed(self, changes: dict[str, Any]) -> None:
        self.cases_model.set_filters(changes)
        self._fill_views()

    def _update_position(self, *_: Any) -> None:
        m = self.cases_model
        if m.at_end:
            text = self.tr("Cases: the last {n} of {total}").format(
                n=number(m.rowCount()), total=number(m.total))
        else:
            text = self.tr("Cases: {loaded} of {total} loaded").format(
                loaded=number(m.rowCount()), total=number(m.total))
        self.queue_position.setText(text)

    def first_page(self) -> None:
        self.cases_model.reload()

    def last_page(self) -> None:
        self.cases_model.last_page()
        self.cases_table.scrollToBottom()

    def selected_cases(self) -> list[Any]:
        rows = sorted({i.row() for i in self.cases_table.selectionModel().selectedRows()})
        if not rows and self.cases_table.currentIndex().isValid():
            rows = [self.cases_table.currentIndex().row()]
        return [self.cases_model.row_at(r) for r in rows]

    def _write(self, title: str, fn: Any, **kw: Any) -> bool:
        """One service call in one transaction; a refusal is shown and nothing is saved."""
        saved = write_op(self, fn, title=title, **kw)
        self.refresh()
        return saved

    def claim_selected(self) -> None:
        picked = self.selected_cases()
        if picked:
            self._write(self.tr("Not claimed"), cases.claim_many,
                        cases=[(r.id, r.version) for r in picked])

    def assign_selected(self) -> None:
        picked = self.selected_cases()
        if not picked:
            return
        choice = self.dialogs.choose(
            self, self.tr("Assign cases"), self.tr("Assign {n} case(s) to:").format(n=len(picked)),
            [name for _, name in self.assignee_list])
        if choice is None:
            return
        user_id = self.assignee_list[choice][0]
        self._write(self.tr("Not assigned"), cases.assign_many,
                    cases=[(r.id, r.version) for r in picked], user_id=user_id)

    def export_view(self) -> BackgroundTask | None:
        target = self.dialogs.save_export_file(self, "cases.xlsx")
        if not target:
            return None
        backend, f = self.backend, self.cases_model.filter
        sort, descending = self.cases_model.sort_state()
        path = Path(target)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".xlsx")

        def work(state: TaskState) -> int:
            return backend.job(export_view, f=f, path=path, sort=sort, descending=descending,
                               state=state)

        def done(rows: int) -> None:
            self.dialogs.info(self, self.tr("Export finished"), self.tr(
                "Cases written to {path}: {n} (personal data masked; the export is recorded in "
                "the audit trail).").format(n=number(rows), path=path))

        def failed(error: BaseException) -> None:
            self.dialogs.error(self, self.tr("Export failed"), self.tr(
                "Nothing was written: {error}").format(error=error))

        self.last_task = run_task(self, work, label=self.tr("Exporting {file}").format(
            file=path.name), on_done=done, on_error=failed, progress=self.dialogs.progress(self))
        return self.last_task

    def open_case(self, index: Any) -> CaseDialog:
        return self.open_case_id(self.cases_model.row_at(index.row()).id, row=index.row())

    def open_case_id(self, case_id: int, *, row: int | None = None) -> CaseDialog:
        """The case's window; ``row``: its row in the queue's view, which next/previous and
        save-and-next walk from (issue 27). With the user's claim-on-open setting, an
        unassigned open case is claimed as it opens."""
        from riskdesk.ui.cases.detail import CaseDialog

        dialog = CaseDialog(self.backend, case_id, self.dialogs, self,
                            on_change=self.refresh,
                            navigate=self.open_neighbour if row is not None else None)
        dialog.queue_row = row  # type: ignore[attr-defined]
        self.case_windows.append(dialog)
        dialog.finished.connect(lambda _=0, d=dialog: self.case_windows.remove(d)
                                if d in self.case_windows else None)
        dialog.show()
        if keys.claim_on_open(self.actor.username) and dialog.buttons["claim"].isEnabled():
            dialog.act("claim")
        return dialog

    def open_neighbour(self, dialog: CaseDialog, step: int) -> CaseDialog | None:
        """The next (step 1) or previous (-1) case of the view in the same place, this one
        closed; at the end of the view the window stays and the status bar says so."""
        found = neighbour(self.cases_model, dialog.case_id,
                          getattr(dialog, "queue_row", None) or 0, step)
        if found is None:
            self.statusBar().showMessage(self.tr("No more cases in this view."), 10_000)
            return None
        row, case_id = found
        geometry = dialog.geometry()
        dialog.close()
        nxt = self.open_case_id(case_id, row=row)
        nxt.setGeometry(geometry)
        self.cases_table.selectRow(row)
        return nxt

    def open_application(self, application_id: int, application_no: str) -> QWidget | None:
        """An application of the Applications tab: its case's window (the application's
        detail, score and reasons, and the case's work), or what is known of it without one."""
        from riskdesk.services.cases.applications import case_of_application

        case_id = query(self, case_of_application, application_id=application_id,
                        title=self.tr("Application {no}").format(no=application_no),
                        default=None)
        if case_id is None:
            self.dialogs.info(self, self.tr("Application {no}").format(no=application_no),
                              self.tr("This application has no case to open."))
            return None
        return self.open_case_id(case_id)

    def clear_filters_and_search(self) -> None:
        self.search_box.clear()
        self.cases_model.set_search("")
        self.filter_bar.clear()

    def _update_empty(self, *_: Any) -> None:
        """An empty result says why (the view, each filter by its name, the search) and offers
        to clear them, in place of a blank table."""
        if self.cases_model.total:
            self.empty_note.hide()
            return
        narrowed = self.filter_bar.described()
        if self.cases_model.searching():
            narrowed.append(self.tr("the search \u201c{text}\u201d").format(
                text=self.search_box.text().strip()))
        view = QCoreApplication.translate("CasesModel",
                                          VIEW_LABELS[self.cases_model.filter.view])
        self.empty_note.show_for(view, narrowed)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search_box.setFocus()
        self.search_box.selectAll()

    def search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.cases_model.set_search(self.search_box.text())
        self._fill_views()
        people = self.cases_model.ambiguous_people()
        if people > 1:
            self.statusBar().showMessage(self.tr(
                "{n} people share these visible digits: add the name after the ID number to "
                "narrow the search.").format(n=people), 15_000)

    def refresh(self) -> None:
        self.model.reload()
        self.cases_model.reload()
        for page in (MainWindow.complaints.built(self), MainWindow.feed.built(self)):
            if page is not None:  # one not built yet reads afresh when it is
                page.refresh()
        self._update_deadlines()
        self._fill_views()

    def _build_actions(self) -> None:
        bar = QToolBar(self.tr("Main"), self)
        bar.setObjectName("main-toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.import_action = QAction(self.tr("Import applications..."), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_applications)
        self.import_action.setEnabled(allowed(self.actor, Action.APPLICATION_IMPORT))
        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        about_action = QAction(self.tr("About riskdesk"), self)
        about_action.triggered.connect(self._about)
        self.find_action = find_action = QAction(self.tr("Find"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self.focus_search)
        self.addAction(find_action)
        bar.addAction(self.import_action)
        bar.addAction(self.refresh_action)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        self.settings_action = QAction(self.tr("Settings..."), self)
        self.settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        if allowed(self.actor, Action.USER_MANAGE):
            self.admin_action = QAction(self.tr("Users and roles..."), self)
            self.admin_action.triggered.connect(self.open_admin)
            admin_menu = self.menuBar().addMenu(self.tr("&Administration"))
            admin_menu.addAction(self.admin_action)
        self._build_case_menu()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.log_action = QAction(self.tr("Open log folder"), self)
        self.log_action.setToolTip(self.tr("The program's log: what it did and what went wrong "
                                           "(no personal data), for support"))
        self.log_action.triggered.connect(self.open_log_folder)
        self.guide_action = QAction(self.tr("User guide"), self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.open_guide)
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.log_action)
        help_menu.addAction(about_action)

    def _build_case_menu(self) -> None:
        """The Case menu: open the selected case, claim-on-open (the user's setting), and the
        case window's shortcuts, listed where an officer looks for them (issue 27)."""
        menu = self.menuBar().addMenu(self.tr("&Case"))
        self.open_action = QAction(self.tr("Open the selected case"), self)
        self.open_action.setShortcut(QKeySequence("Return"))
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(lambda: self.cases_table.currentIndex().isValid()
                                           and self.open_case(self.cases_table.currentIndex()))
        menu.addAction(self.open_action)
        self.claim_on_open_action = QAction(self.tr("Claim cases as I open them"), self)
        self.claim_on_open_action.setCheckable(True)
        self.claim_on_open_action.setChecked(keys.claim_on_open(self.actor.username))
        self.claim_on_open_action.setEnabled(allowed(self.actor, Action.CASE_WORK))
        self.claim_on_open_action.toggled.connect(
            lambda on: keys.set_claim_on_open(self.actor.username, on))
        menu.addAction(self.claim_on_open_action)
        menu.addSeparator()
        listed = menu.addMenu(self.tr("In the case window"))
        for key, text in (("note", self.tr("Add the note")), ("reason", self.tr("To the reason")),
                          ("approve", self.tr("Approve")), ("decline", self.tr("Decline")),
                          ("request_info", self.tr("Request information")),
                          ("escalate", self.tr("Escalate")),
                          ("next", self.tr("Next case of the view")),
                          ("previous", self.tr("Previous case of the view"))):
            shown = QAction(text, listed)  # a list: the keys work in the case window
            shown.setShortcut(QKeySequence(keys.SHORTCUTS[key]))
            shown.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            shown.setEnabled(False)
            listed.addAction(shown)

    def open_admin(self) -> AdminDialog:
        from riskdesk.ui.admin import AdminDialog  # on first opening (issue 35)
        dialog = AdminDialog(self.backend, self.dialogs, self)
        dialog.show()
        return dialog

    def _update_count(self, *_: Any) -> None:
        self.count_label.setText(self.tr("{total} applications, {loaded} loaded").format(
            total=number(self.model.total), loaded=number(self.model.rowCount())))

    def _about(self) -> None:
        self.dialogs.info(self, self.tr("About riskdesk"), self.about_text())

    def about_text(self) -> str:
        """Version, database (never its password), schema and the model in force."""
        return about_text(self, self.backend, self.pack)

    def open_settings(self) -> QWidget:
        from riskdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.backend, self.dialogs, self)
        dialog.show()
        self.settings_dialog = dialog
        return dialog

    def open_guide(self) -> QWidget:
        """The user guide (resources/help), in the interface's language."""
        dialog, self.guide = guide_dialog(self)
        dialog.show()
        return dialog

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        self._counts_generation += 1  # a count still running reports to nobody
        QSettings().setValue("main/geometry", self.saveGeometry())
        save_header(self.cases_table.horizontalHeader(), self.actor.username, "queue")
        for dialog in list(self.case_windows):  # their drafts are saved as they close
            dialog.close()
        if not self._signed_out and self.pack is None:
            self._signed_out = True
            try:
                self.backend.sign_out()
            except RiskdeskError:
                pass  # the database is gone; closing must still work
            self.backup_on_exit()
        super().closeEvent(event)

    def _banner_text(self, pack: Any) -> str:
        v = pack.verdict
        seal = (self.tr("seal intact, signature checked") if v.ok and v.signed else
                self.tr("seal intact (signature not checked: no audit key here)") if v.ok else
                self.tr("SEAL BROKEN: {why}").format(why="; ".join(v.problems)))
        return self.tr("Audit pack {id}: {scope}. {seal}. Read-only: only findings can be "
                       "written.").format(id=v.pack_id, scope=v.scope, seal=seal)

    def open_log_folder(self) -> bool:
        return open_log_folder()

    def backup_on_exit(self) -> None:
        """A local database gets a dated backup on exit; the oldest beyond the kept number go.
        A failed backup is said, never a reason not to close."""
        try:
            self.backend.backup_on_exit()
        except (RiskdeskError, OSError) as exc:
            self.dialogs.error(self, self.tr("Backup not made"), str(exc))


