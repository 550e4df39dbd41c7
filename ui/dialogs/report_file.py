"""Where and as what the feedback report is saved: the save dialog's file types (PDF, or an
editable Word document) and the bytes of the chosen one. Used by the report dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from app.i18n import _
from app.report import ReportData


def ask_report_file(parent: QWidget) -> tuple[str, bool] | None:
    """The file the user chose and whether it is to be a DOCX (by the file type chosen or the
    name's ending); a DOCX chosen under a ``.pdf`` name gets ``.docx`` instead."""
    pdf_filter, docx_filter = _("PDF files (*.pdf)"), _("Word documents, editable (*.docx)")
    path, chosen = QFileDialog.getSaveFileName(
        parent, _("Save the report"), _("feedback-report.pdf"), f"{pdf_filter};;{docx_filter}"
    )
    if not path:
        return None
    docx = chosen == docx_filter or path.lower().endswith(".docx")
    if docx and not path.lower().endswith(".docx"):
        path = (path[:-4] if path.lower().endswith(".pdf") else path) + ".docx"
    return path, docx


def docx_bytes(data: ReportData) -> bytes:
    """The report as DOCX, made from the data of the PDF shown (seconds for a long report: the
    pointer says so meanwhile)."""
    from reports.docx.build import build_feedback_docx

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return build_feedback_docx(data)
    finally:
        QApplication.restoreOverrideCursor()
