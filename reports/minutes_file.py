"""Minutes in the format a file name asks for: ``.pdf``, ``.docx`` or ``.txt`` (UTF-8)."""

from __future__ import annotations

from pathlib import Path

from app.report.minutes import FORMATS, MinutesData, minutes_text


def minutes_format(path: Path) -> str | None:
    """The format of ``path`` by its extension ("pdf", "docx", "txt"), None if unknown."""
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def build_minutes(data: MinutesData, fmt: str) -> bytes:
    if fmt == "pdf":
        from reports.minutes import build_minutes_pdf

        return build_minutes_pdf(data)
    if fmt == "docx":
        from reports.docx.minutes import build_minutes_docx

        return build_minutes_docx(data)
    if fmt == "txt":
        return minutes_text(data).encode("utf-8")
    raise ValueError(f"unknown minutes format: {fmt}")
