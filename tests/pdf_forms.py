"""Filling a questionnaire form the way a PDF reader stores the answers (for the tests)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, PdfWriter


def fill(src: Path, dst: Path, values: dict[str, str]) -> Path:
    """Copy ``src`` to ``dst`` with ``values`` set: a radio group's /V (and its button's /AS)
    becomes the chosen export value as a PDF name, a text field's /V the text; NeedAppearances
    is set, as readers do after filling in."""
    writer = PdfWriter(clone_from=PdfReader(src))
    named = {k: (v if k in ("name", "comment") else f"/{v}") for k, v in values.items()}
    for page in writer.pages:
        writer.update_page_form_field_values(page, named, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    with dst.open("wb") as out:
        writer.write(out)
    return dst


def pulse_answers(org: str, value: int = 4, **extra: str) -> dict[str, str]:
    items = ("commitment", "partner_commitment", "equity", "efficiency", "clarity")
    answers = {f"item_{i}": str(value) for i in (*items, "action_confidence", "trust")}
    return {"organization": org, **answers, **extra}
