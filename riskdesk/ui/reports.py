"""The Reports tab: issue a case audit report, preview and print it, list the archive, and
check whether a PDF file is one riskdesk issued.

Pages are drawn by PDFium (pypdfium2): Qt's own PDF module is not part of the PySide6 wheels
riskdesk installs. The report's language is picked here (the interface's by default): an
English-speaking auditor may need a Chinese officer's case in English and the reverse."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import label
from riskdesk.services.admin.backend import Backend
from riskdesk.services.credit.registry import model_in_force
from riskdesk.services.periods import current_month
from riskdesk.services.permissions import Action, allowed
from riskdesk.services.reporting import archive as reports
from riskdesk.tasks import TaskState
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.fit import keep_items_whole
from riskdesk.ui.formats import datetime_text
from riskdesk.ui.i18n import install_catalogues
from riskdesk.ui.month_picker import MonthPicker
from riskdesk.ui.operations import query, read_op
from riskdesk.ui.table_fill import fill_table
from riskdesk.ui.table_tools import equip_table
from riskdesk.ui.worker import BackgroundTask, run_task

PREVIEW_SCALE = 1.25  # 90 dpi on screen
PRINT_DPI = 300


def page_images(pdf: bytes, scale: float) -> list[QImage]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    images = []
    try:
        for i in range(len(doc)):
            bitmap = doc[i].render(scale=scale, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels before PDFium frees them
    finally:
        doc.close()
    return images


class _ResizingScroll(QScrollArea):
    """Redraws the pages when the pane changes width (fit-to-width follows the splitter)."""

    def __init__(self, on_resize: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_resize = on_resize
        self._width = 0

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if abs(self.viewport().width() - self._width) > 8:
            self._width = self.viewport().width()
            self.on_resize()


class ReportsTab(QWidget):
    def __init__(self, backend: Backend, dialogs: Dialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.dialogs = backend, dialogs
        self.actor = actor = backend.actor
        self.pdf: bytes | None = None
        self.last_task: BackgroundTask | None = None
        self.application_no = QLineEdit(self)
        self.application_no.setPlaceholderText(self.tr("Application no."))
        last = backend.lookup(current_month, back=1)
        self.month = MonthPicker(last, self)  # a month chooser, not "YYYY-MM" text (issue 28)
        self.month.set_range("2000-01", backend.lookup(current_month))
        install_catalogues()  # reports in either language, whatever the interface's
        self.language = QComboBox(self)
        self.language.addItem("中文", "zh")  # each language named in itself
        self.language.addItem("English", "en")
        chinese = QLocale().language() == QLocale.Language.Chinese
        self.language.setCurrentIndex(0 if chinese else 1)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("case", self.tr("Issue case audit report"), self.issue_case),
                                ("monthly", self.tr("Issue monthly report"),
                                 self.issue_monthly),
                                ("validation", self.tr("Issue model validation report"),
                                 self.issue_validation),
                                ("print", self.tr("Print..."), self.print_report),
                                ("save", self.tr("Save PDF as..."), self.save_pdf),
                                ("verify", self.tr("Check a PDF file..."), self.verify_file)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.buttons[key] = button
        self.buttons["case"].setEnabled(allowed(actor, Action.REPORT_CASE))
        # Masked for every role unless asked for (issue 25): audited, every page marked.
        self.include_personal = QCheckBox(self.tr("Include personal data"), self)
        self.include_personal.setToolTip(self.tr(
            "Full name, ID number and phone in the case report; recorded in the audit trail, "
            "and every page is marked \"contains personal data\"."))
        self.include_personal.setEnabled(allowed(actor, Action.PII_UNMASK))
        self.buttons["monthly"].setEnabled(allowed(actor, Action.REPORT_MONTHLY))
        # the model registry's validation report (issue 31): the validator's, for any model id
        self.model_id = QSpinBox(self)
        self.model_id.setRange(1, 10**9)
        in_force = query(self, model_in_force, title=self.tr("Not shown"), default=None)
        self.model_id.setValue(in_force.id if in_force is not None else 1)
        self.buttons["validation"].setEnabled(allowed(actor, Action.MODEL_VALIDATE))
        self.archive = QTableWidget(0, 7, self)
        self.archive.setHorizontalHeaderLabels([
            self.tr("Report no."), self.tr("Kind"), self.tr("Subject"), self.tr("Language"),
            self.tr("Issued by"),
            self.tr("Issued at"), self.tr("SHA-256")])
        self.archive.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.archive.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.archive.horizontalHeader().setStretchLastSection(True)
        self.archive.itemSelectionChanged.connect(self._archived_chosen)
        form = QFormLayout()
        form.addRow(self.tr("Report language"), self.language)
        form.addRow(self.tr("Application"), self.application_no)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(self.include_personal)
        left_layout.addWidget(self.buttons["case"])
        month_form = QFormLayout()
        month_form.addRow(self.tr("Month"), self.month)
        left_layout.addLayout(month_form)
        left_layout.addWidget(self.buttons["monthly"])
        model_form = QFormLayout()
        model_form.addRow(self.tr("Model"), self.model_id)
        left_layout.addLayout(model_form)
        left_layout.addWidget(self.buttons["validation"])
        row = QHBoxLayout()
        for key in ("print", "save", "verify"):
            row.addWidget(self.buttons[key])
        left_layout.addLayout(row)
        # the preview fits the pane's width by default; the zoom box scales it (issue 28)
        self.zoom = QComboBox(self)
        self.zoom.addItem(self.tr("Fit width"), 0.0)
        for percent in (50, 75, 100, 125, 150, 200):
            self.zoom.addItem(f"{percent} %", percent / 100)
        keep_items_whole(self.zoom)
        self.zoom.currentIndexChanged.connect(lambda _i: self._draw_pages())
        zoom_row = QHBoxLayout()
        zoom_row.addWidget(QLabel(self.tr("Zoom"), self))
        zoom_row.addWidget(self.zoom)
        zoom_row.addStretch(1)
        left_layout.addLayout(zoom_row)
        left_layout.addWidget(QLabel(self.tr("Issued reports"), self))
        left_layout.addWidget(self.archive, 1)
        self.pages = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview_area = scroll = _ResizingScroll(self._draw_pages, self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setSizes([520, 760])
        QVBoxLayout(self).addWidget(splitter)
        self.rows: list[Any] = []
        self.images: list[QImage] = []
        equip_table(self.archive, backend, dialogs, key="reports.archive",
                    title=self.tr("Issued reports"))
        self.reload()
        self._enable()

    def _enable(self) -> None:
        for key in ("print", "save"):
            self.buttons[key].setEnabled(self.pdf is not None)

    def reload(self) -> None:
        self.rows = query(self, reports.archive_rows, title=self.tr("Not shown"), default=[])
        fill_table(self.archive, [
            [report.report_no, label(report.kind), report.subject,
             "中文" if report.language == "zh" else "English", report.generated_by,
             datetime_text(report.generated_at), report.sha256[:16] + "..."]
            for report in self.rows])

    def show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.images = page_images(pdf, PREVIEW_SCALE * 1.6)  # sharp up to 200 %
        self._draw_pages()
        self._enable()

    def page_width(self) -> int:
        """The width a page is drawn at: the pane's width (less a margin) when fitting, else
        the chosen zoom of the page's 90 dpi size."""
        if not self.images:
            return 0
        zoom = float(self.zoom.currentData() or 0.0)
        natural = self.images[0].width() / 1.6
        if zoom <= 0:
            # the layout's margins, the border and a vertical scroll bar that may appear
            spare = 2 * 11 + 2 + self.preview_area.verticalScrollBar().sizeHint().width()
            return max(200, self.preview_area.viewport().width() - spare)
        return int(natural * zoom)

    def _draw_pages(self) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        width = self.page_width()
        for image in self.images:
            page = QLabel(self.pages)
            pixmap = QPixmap.fromImage(image.scaledToWidth(
                width, Qt.TransformationMode.SmoothTransformation))
            page.setPixmap(pixmap)
            page.setFixedSize(pixmap.size())  # a page is shown whole, the area scrolls
            page.setStyleSheet("border: 1px solid #999; background: white")
            self.pages_layout.addWidget(page)

    def _archived_chosen(self) -> None:
        row = self.archive.currentRow()
        if not 0 <= row < len(self.rows):
            return
        # refused, e.g. a report with unmasked data for an auditor: the refusal is shown
        read_op(self, reports.pdf_of, report_id=self.rows[row].id, title=self.tr("Not shown"),
                on_done=self.show_pdf)

    def issue_monthly(self) -> BackgroundTask | None:
        """Frozen at the month's first issue's cut-off (or now, for a first issue)."""
        month = self.month.text().strip()
        backend = self.backend
        language = str(self.language.currentData())
        return self._issue(lambda: backend.job(reports.monthly_report, month=month,
                                               language=language))

    def _issue(self, make: Any) -> BackgroundTask:
        def work(_state: TaskState) -> reports.Issued:
            return make()  # type: ignore[no-any-return]

        def done(issued: reports.Issued) -> None:
            self.reload()
            self.show_pdf(issued.pdf)

        def failed(error: BaseException) -> None:
            self.dialogs.error(self, self.tr("Not issued"), str(error))

        self.last_task = run_task(self, work, label=self.tr("Issuing the report"),
                                  on_done=done, on_error=failed,
                                  progress=self.dialogs.progress(self))
        return self.last_task

    def issue_validation(self) -> BackgroundTask | None:
        """The model's validation report, archived like every report (issue 31)."""
        backend, model_id = self.backend, self.model_id.value()
        language = str(self.language.currentData())

        def make() -> Any:
            # Recomputing the figures needs XGBoost, scikit-learn, SciPy and pandas: they load
            # here, on the worker thread, the first time a report is issued (issue 35).
            from riskdesk.services.credit.validation import validation_report

            return backend.job(validation_report, model_id=model_id, language=language)

        return self._issue(make)

    def issue_case(self) -> BackgroundTask | None:
        application_no = self.application_no.text().strip()
        if not application_no:
            self.dialogs.error(self, self.tr("Not issued"), self.tr(
                "Enter the application number of the case."))
            return None
        backend = self.backend
        language = str(self.language.currentData())
        personal = self.include_personal.isChecked()
        return self._issue(lambda: backend.job(reports.case_report, application_no=application_no,
                                               language=language,
                                               include_personal=personal))

    def print_report(self) -> None:
        if self.pdf is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Each page at print resolution, fitted to the printer's page; returns pages."""
        assert self.pdf is not None
        images = page_images(self.pdf, PRINT_DPI / 72)
        painter = QPainter(printer)
        try:
            for i, image in enumerate(images):
                if i:
                    printer.newPage()
                target = painter.viewport()
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(target.x(), target.y(), image.scaled(size))
        finally:
            painter.end()
        return len(images)

    def save_pdf(self) -> None:
        if self.pdf is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF as"), "report.pdf",
                                              "PDF (*.pdf)")
        if path:
            Path(path).write_bytes(self.pdf)

    def verify_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Check a PDF file"), "",
                                              "PDF (*.pdf)")
        if path:
            self.verify_path(Path(path))

    def verify_path(self, path: Path) -> reports.Verdict | None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.dialogs.error(self, self.tr("Cannot read"), str(exc))
            return None
        verdict = self.backend.lookup(reports.verify, pdf=data)
        if verdict.issued:
            self.dialogs.info(self, self.tr("Issued by riskdesk"), self.tr(
                "{file} is report {no}, issued by {who} at {at}.").format(
                file=path.name, no=verdict.report_no, who=verdict.generated_by,
                at=datetime_text(verdict.generated_at)))
        else:
            self.dialogs.error(self, self.tr("Not issued by riskdesk"), self.tr(
                "{file} matches no issued report: it was not issued here, or it was changed "
                "after issue.").format(file=path.name))
        return verdict
