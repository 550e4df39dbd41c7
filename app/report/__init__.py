"""Feedback report data: what a partner report shows, assembled from shared records only.

``assemble_report(view, options)`` turns a ``SharedView`` (the one query path that can see only
what partners may see) into a frozen ``ReportData`` the PDF builder in ``reports/`` lays out.
"""

from app.report.assemble import assemble_report
from app.report.model import SECTIONS, ReportData, ReportOptions

__all__ = ["SECTIONS", "ReportData", "ReportOptions", "assemble_report"]
