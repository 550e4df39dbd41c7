"""The research export: a partnership pseudonymized for qualitative analysis.

``build_study`` (``study``) makes the pseudonymized study; ``qdpx_bytes`` (``qdpx``) writes it as
a REFI-QDA project, ``xlsx_bytes`` and ``csv_text`` (``table``) as one row per entry.
``export_research`` (``files``) does all of it for one file, choosing by the file's ending.
"""

from app.research.files import FORMATS, ResearchError, export_research
from app.research.qdpx import NS, qdpx_bytes
from app.research.study import Study, build_study
from app.research.table import COLUMNS, csv_text, table_rows, xlsx_bytes

__all__ = [
    "COLUMNS",
    "FORMATS",
    "NS",
    "ResearchError",
    "Study",
    "build_study",
    "csv_text",
    "export_research",
    "qdpx_bytes",
    "table_rows",
    "xlsx_bytes",
]
