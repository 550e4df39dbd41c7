"""The feedback report as an editable Word document (DOCX), for a facilitator who edits the
report before sending it.

Built from the same ``ReportData`` as the PDF (names already hidden there), with python-docx:
the same sections, headings as Word headings, tables as Word tables, and the PDF's charts as
PNG images. ``build_feedback_docx(data)`` in ``reports.docx.build`` returns the file's bytes.
"""
