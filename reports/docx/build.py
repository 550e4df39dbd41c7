"""``build_feedback_docx(data)``: the feedback report as the bytes of a Word document.

The same ``ReportData`` as the PDF, so the same shared records and the same hidden names: the
document holds only what the report data holds. Its properties carry the title and the author
the report prints (none in an anonymous report), and nothing of python-docx's template.
"""

from __future__ import annotations

from app.i18n import translator
from app.report.model import ReportData
from reports import labels as lb
from reports.docx.sections import SECTIONS, cover
from reports.docx.writer import DocWriter

# The running header cuts a long partnership name, as the PDF's does.
_HEADER_NAME = 70


def build_feedback_docx(data: ReportData) -> bytes:
    """The report as DOCX bytes, in the report's language."""
    options = data.options
    tr = translator(options.language)
    w = DocWriter(options.language)
    name = data.partnership
    name = name if len(name) <= _HEADER_NAME else name[: _HEADER_NAME - 1] + "…"
    made = lb.short_date(options.generated_on, options.language)
    w.running_header(name, tr("Feedback report") + " · " + made)
    w.page_numbers(tr("Page {page} of {pages}"))
    w.properties(
        title=tr("Feedback report") + " – " + data.partnership,
        subject=tr("Feedback report for the partners"),
        author=data.author,
        made=options.generated_on,
    )
    cover(w, data, tr)
    for key, section in SECTIONS.items():
        if key in options.sections:
            section(w, data, tr)
    return w.to_bytes()
