"""The feedback report dialog: options, a preview of the real pages, Save (as PDF, or as an
editable Word document chosen by the file type) and Print.

The report's data is read on the GUI thread (the diary's connection belongs to it); building the
PDF and rendering its preview pages run in a worker thread with a progress bar and Cancel. The
preview shows the generated file itself, so it is exactly what is saved or printed. A printed
report is recorded as given to the partners, a saved one as a draft unless "given" is ticked;
the list at the bottom shows those records and removes one that was never handed out.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import ReportStatus
from app.domain.labels import os_reason
from app.i18n import _, ngettext
from app.persistence.diary import Diary
from app.persistence.errors import DiaryError
from app.persistence.read import partnerships
from app.report import SECTIONS, ReportData, ReportOptions
from app.safety.output import write_output
from app.services import feedback
from reports.labels import SECTION_TITLES
from ui.dialogs.report_file import ask_report_file, docx_bytes
from ui.widgets.date_field import DateField, DateRow
from ui.widgets.name_review import NameReviewPanel
from ui.widgets.pdf_preview import (
    PdfPreview,
    PreviewJob,
    PreviewSignals,
    PreviewWorker,
    print_pdf,
)
from ui.widgets.reports_given import ReportsGiven


def page_count_text(pages: int) -> str:
    """The status line under a made report: its number of pages."""
    return ngettext(
        "{n} page. The preview shows the file itself.",
        "{n} pages. The preview shows the file itself.",
        pages,
    ).format(n=pages)


class ReportDialog(QDialog):
    """Make, preview, save and print the feedback report of one partnership."""

    report_recorded = Signal()

    def __init__(self, diary: Diary, partnership_pk: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(_("Feedback report for the partners"))
        self.resize(1180, 760)
        self._diary, self._pk = diary, partnership_pk
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = PreviewSignals(self)
        self._signals.progressed.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.cancelled.connect(self._on_cancelled)
        self._job: PreviewJob | None = None
        self._jobs = 0
        self.pdf: bytes | None = None
        self.options: ReportOptions | None = None
        # The data the shown report was made from: a DOCX is made from the same.
        self.data: ReportData | None = None
        self._pending: ReportData | None = None
        self._debounce = QTimer(self, singleShot=True, interval=350)
        self._debounce.timeout.connect(self.generate)
        self._build()
        self.given.show_partnership(self._pk)
        self.generate()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        root = QHBoxLayout(self)
        side = QVBoxLayout()
        options = QWidget()
        options_layout = self._build_options()
        options_layout.setContentsMargins(0, 0, 0, 0)
        options.setLayout(options_layout)
        # The options keep their height; the lists below share what is left.
        options.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        side.addWidget(options)
        self.review = NameReviewPanel(self._diary, self._pk)
        self.review.people_changed.connect(self.generate)
        self.given = ReportsGiven(self._diary)
        self.given.changed.connect(self.report_recorded.emit)
        # The review of names shares the room below the options with the reports given; its
        # tab is there only while names are hidden.
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.review, _("Names to check"))
        self.side_tabs.addTab(self.given, _("Reports given"))
        self.side_tabs.setTabVisible(0, False)
        side.addWidget(self.side_tabs, 1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(360)
        root.addWidget(side_widget)
        root.addLayout(self._build_preview(), 1)

    def _build_options(self) -> QVBoxLayout:
        column = QVBoxLayout()
        p = partnerships.get_partnership(self._diary.db, self._pk)
        period = QGroupBox(_("Period"))
        period_form = QFormLayout(period)
        # By default what is new to the partners: since the last report given (or six months).
        start = feedback.default_period_from(self._diary, self._pk, date.today())
        self.from_check, self.from_row = self._date_row(start)
        self.from_edit = self.from_row.field
        self.from_check.blockSignals(True)  # nothing to regenerate yet
        self.from_check.setChecked(True)
        self.from_check.blockSignals(False)
        self.from_edit.setEnabled(True)
        self.to_check, self.to_row = self._date_row(date.today())
        self.to_edit = self.to_row.field
        self.from_check.setText(_("From"))
        self.to_check.setText(_("Until"))
        period_form.addRow(self.from_check, self.from_row)
        period_form.addRow(self.to_check, self.to_row)
        column.addWidget(period)
        sections = QGroupBox(_("Sections"))
        section_column = QVBoxLayout(sections)
        self.section_checks: dict[str, QCheckBox] = {}
        for key in SECTIONS:
            box = QCheckBox(_(SECTION_TITLES[key]))
            box.setChecked(True)
            box.toggled.connect(self._options_changed)
            self.section_checks[key] = box
            section_column.addWidget(box)
        self.appendix_check = QCheckBox(_("Appendix: every shared entry"))
        self.appendix_check.setObjectName("appendixCheck")
        self.appendix_check.toggled.connect(self._options_changed)
        section_column.addWidget(self.appendix_check)
        self.appendix_note = QLabel()
        self.appendix_note.setObjectName("muted")
        self.appendix_note.setWordWrap(True)
        section_column.addWidget(self.appendix_note)
        column.addWidget(sections)
        column.addWidget(self._build_choices(p.language if p else "en"))
        return column

    def _build_choices(self, language: str) -> QGroupBox:
        group = QGroupBox(_("For whom"))
        form = QFormLayout(group)
        self.language_box = QComboBox()
        self.language_box.addItem("English", "en")
        self.language_box.addItem("Suomi", "fi")
        self.language_box.setCurrentIndex(1 if language == "fi" else 0)
        self.language_box.currentIndexChanged.connect(self._options_changed)
        form.addRow(_("Language"), self.language_box)
        self.audience_box = QComboBox()
        self.audience_box.addItem(_("All partners"), "all")
        for org in partnerships.list_organizations(self._diary.db, self._pk):
            self.audience_box.addItem(org.name, org.id)
        form.addRow(_("Audience"), self.audience_box)
        self.author_edit = QLineEdit()
        self.author_edit.setPlaceholderText(_("optional, for the PDF's properties"))
        self.author_edit.textChanged.connect(self._options_changed)
        form.addRow(_("Author"), self.author_edit)
        self.hide_names = QCheckBox(_("Hide names"))
        self.hide_names.setToolTip(_("People appear by pseudonym, or by title and organization."))
        self.hide_names.toggled.connect(self._options_changed)
        form.addRow(self.hide_names)
        self.anonymous = QCheckBox(_("Anonymous"))
        self.anonymous.setToolTip(
            _(
                "Also organizations by their role and the partnership by a neutral title, "
                "for a report that leaves the partnership."
            )
        )
        self.anonymous.toggled.connect(self._anonymous_toggled)
        form.addRow(self.anonymous)
        return group

    def _anonymous_toggled(self, on: bool) -> None:
        # Anonymous hides names too; the box shows it and cannot be unticked meanwhile.
        if on:
            self.hide_names.setChecked(True)
        self.hide_names.setEnabled(not on)
        self._options_changed()

    def _date_row(self, day: date) -> tuple[QCheckBox, DateRow]:
        check = QCheckBox()
        row = DateRow(optional=False)
        edit = row.field
        edit.set_date(day)
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        check.toggled.connect(self._options_changed)
        # The report is made again once a typed date is finished (an unreadable one is refused
        # under its field and in the status line; the preview waits for a readable one).
        edit.editingFinished.connect(self._options_changed)
        edit.date_chosen.connect(self._options_changed)
        return check, row

    def _build_preview(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.preview = PdfPreview()
        column.addWidget(self.preview, 1)
        status = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        status.addWidget(self.status_label, 1)
        status.addWidget(self.progress)
        status.addWidget(self.cancel_button)
        column.addLayout(status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        # Saving is not giving: a saved report is a draft unless the facilitator says otherwise.
        self.saved_is_given = QCheckBox(_("A saved copy is given to the partners"))
        self.saved_is_given.setObjectName("savedIsGiven")
        buttons.addWidget(self.saved_is_given)
        self.save_button = QPushButton(_("Save…"))
        self.save_button.setToolTip(_("Save as PDF, or as a DOCX document to edit before sending"))
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.clicked.connect(self.print_report)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)
        for b in (self.save_button, self.print_button, close):
            buttons.addWidget(b)
        column.addLayout(buttons)
        return column

    # -- options and generation -------------------------------------------------------

    def current_options(self) -> ReportOptions:
        """The options as set in the form; raises ``ValueError`` for a period that is wrong."""

        def day(edit: DateField) -> date:
            d, problem = edit.read()
            if problem or d is None:
                edit.check()
                raise ValueError(problem)
            return d

        return ReportOptions(
            generated_on=date.today(),
            period_from=day(self.from_edit) if self.from_check.isChecked() else None,
            period_to=day(self.to_edit) if self.to_check.isChecked() else None,
            sections=tuple(k for k, box in self.section_checks.items() if box.isChecked()),
            language=str(self.language_box.currentData()),
            hide_names=self.hide_names.isChecked(),
            anonymous=self.anonymous.isChecked(),
            author=self.author_edit.text(),
            audience=str(self.audience_box.currentData()),
            appendix=self.appendix_check.isChecked(),
        )

    def _options_changed(self) -> None:
        self._set_ready(False)
        self._debounce.start()

    def generate(self) -> None:
        """Start building the report with the current options (cancelling one under way)."""
        self._debounce.stop()
        self.cancel()
        try:
            options = self.current_options()
            if not options.sections:
                raise ValueError(_("Choose at least one section."))
            if (
                options.period_from
                and options.period_to
                and options.period_from > options.period_to
            ):
                raise ValueError(_("The period ends before it starts."))
            data = feedback.report_data(self._diary, self._pk, options)
        except (ValueError, feedback.ReportError) as exc:
            self._show_status(str(exc), busy=False)
            return
        if options.hide_names and not self.side_tabs.isTabVisible(0):
            self.side_tabs.setTabVisible(0, True)
            self.side_tabs.setCurrentIndex(0)
        self.side_tabs.setTabVisible(0, options.hide_names)
        self.review.show_review(data.names_review)
        # The estimate comes before the wait: the appendix of a large diary is thousands of pages.
        estimate = feedback.page_estimate(self._diary, self._pk, data)
        self.appendix_note.setText(
            ngettext(
                "The appendix adds about {n} page.",
                "The appendix adds about {n} pages.",
                estimate.appendix,
            ).format(n=estimate.appendix)
        )
        pages = estimate.report + (estimate.appendix if options.appendix else 0)
        self._jobs += 1
        from reports.feedback import build_feedback_pdf

        self._job = PreviewJob(
            self._jobs, lambda progress, stop: build_feedback_pdf(data, progress, stop)
        )
        self.options, self._pending = options, data
        self._show_status(
            ngettext(
                "Preparing the report (about {n} page)…",
                "Preparing the report (about {n} pages)…",
                pages,
            ).format(n=pages),
            busy=True,
        )
        self._pool.start(PreviewWorker(self._job, self._signals))

    def cancel(self) -> None:
        if self._job is not None:
            self._job.stop.set()
            self._job = None
            self._show_status(_("Cancelled."), busy=False)

    def is_busy(self) -> bool:
        return self._job is not None

    def _current(self, number: int) -> bool:
        return self._job is not None and self._job.number == number

    def _on_progress(self, number: int, fraction: float) -> None:
        if self._current(number):
            self.progress.setValue(int(fraction * 100))

    def _on_finished(self, number: int, pdf: bytes, images: list[QImage]) -> None:
        if not self._current(number):
            return
        self._job = None
        self.pdf, self.data = pdf, self._pending
        self.preview.show_pages(images)
        self._show_status(page_count_text(len(images)), busy=False)
        self._set_ready(True)

    def _on_failed(self, number: int, message: str) -> None:
        if self._current(number):
            self._job = None
            self._show_status(
                _("The report could not be made: {reason}").format(reason=message), busy=False
            )

    def _on_cancelled(self, number: int) -> None:
        if self._current(number):
            self._job = None
            self._show_status(_("Cancelled."), busy=False)

    def _show_status(self, text: str, *, busy: bool) -> None:
        self.status_label.setText(text)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setValue(0)
            self._set_ready(False)

    def _set_ready(self, ready: bool) -> None:
        self.save_button.setEnabled(ready and self.pdf is not None)
        self.print_button.setEnabled(ready and self.pdf is not None)

    # -- save, print, record ------------------------------------------------------------

    def save(self) -> None:
        """Ask for a file; its type (or its name's ending) says PDF or DOCX."""
        if self.pdf is not None and self.options is not None:
            chosen = ask_report_file(self)
            if chosen is not None:
                self.save_to(chosen[0], docx=chosen[1])

    def save_to(self, path: str, *, docx: bool = False) -> None:
        """Write the report shown (or, with ``docx``, the same report as DOCX) and record it."""
        if self.pdf is None or self.options is None or (docx and self.data is None):
            return
        content = docx_bytes(self.data) if docx and self.data is not None else self.pdf
        try:
            write_output(path, content, private=False)
        except OSError as exc:
            QMessageBox.warning(
                self,
                _("Not saved"),
                _("Cannot write {path}: {reason}").format(path=path, reason=os_reason(exc)),
            )
            return
        given = self.saved_is_given.isChecked()
        self._record(content, ReportStatus.GIVEN if given else ReportStatus.DRAFT)

    def print_report(self) -> None:
        if self.pdf is None or self.options is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if print_pdf(self.pdf, printer) == 0:
            QMessageBox.warning(self, _("Not printed"), _("The printer could not be started."))
            return
        self._record(self.pdf)

    def _record(self, content: bytes, status: ReportStatus = ReportStatus.GIVEN) -> None:
        """Record the exact file (its SHA-256): given to the partners, or a draft."""
        assert self.options is not None
        try:
            feedback.record_given(self._diary, self._pk, content, self.options, status=status)
        except DiaryError as exc:
            QMessageBox.warning(self, _("Not recorded"), str(exc))
            return
        self.given.reload()
        self.report_recorded.emit()

    def done(self, result: int) -> None:
        """Stop a build under way before the dialog goes."""
        self.cancel()
        self._pool.waitForDone(10_000)
        super().done(result)
