"""Minutes of a meeting for the partners, assembled from shared records only.

``assemble_minutes(view, options)`` turns a ``MeetingView`` into a frozen ``MinutesData`` that
``reports.minutes`` (PDF), ``reports.docx.minutes`` (DOCX) and ``minutes_text`` (plain text for an
e-mail) lay out.
"""

from app.report.minutes.assemble import EventNotFound, assemble_minutes
from app.report.minutes.model import FORMATS, MinutesData, MinutesOptions
from app.report.minutes.text import minutes_text

__all__ = [
    "FORMATS",
    "EventNotFound",
    "MinutesData",
    "MinutesOptions",
    "assemble_minutes",
    "minutes_text",
]
