"""Fillable questionnaire forms: one PDF per respondent, with reportlab's interactive fields.

Each form carries the partnership and the wave it belongs to and its own form id as hidden
fields, so collecting it back (``app.services.collect_forms``) knows where its answers go and
counts it once. The visible page says the same in words (partnership, wave, date and a short
form number) so that a form printed and filled with a pen can be typed in by hand. Every choice
is a radio button: the respondent's organization, their level, and one row per item on the
instrument's scale; the name field is optional (anonymous answers are the default) and the
comment is free. The fields use the standard Helvetica font every PDF reader has (the letters
of Finnish are in it); the printed text uses the report's embedded DejaVu Sans.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from app.dates import long_date
from app.domain import Level, Organization
from app.domain.labels import level_name
from app.domain.questionnaire import (
    FIELD_COMMENT,
    FIELD_FORM,
    FIELD_LEVEL,
    FIELD_NAME,
    FIELD_ORGANIZATION,
    FIELD_PARTNERSHIP,
    FIELD_WAVE,
    ITEM_PREFIX,
    Wave,
)
from app.i18n import Translator, translator
from app.scores.instrument_model import Instrument
from reports.fonts import BOLD, FAMILY, ITALIC, register_fonts

MARGIN = 42.0
# reportlab draws a round radio button's appearance correctly only at 20 points (its circle
# path is scaled by size/20 twice); smaller sizes render as broken rings.
RADIO = 20.0
WIDTH, HEIGHT = A4
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
RULE = colors.HexColor("#cbd2d9")
BAND = colors.HexColor("#f0f4f8")
FIELD_BORDER = colors.HexColor("#3e4c59")


@dataclass(frozen=True, slots=True)
class FormContext:
    """What every form of a wave prints: whose partnership, which wave, in which language."""

    partnership_id: str
    partnership_name: str
    organizations: Sequence[Organization]  # the sides a respondent may choose
    wave: Wave
    instrument: Instrument
    language: str


class _Page:
    """A canvas with a cursor that starts a new page when the next block does not fit."""

    def __init__(self, canvas: Canvas, tr: Translator, footer: str) -> None:
        self.c, self.tr, self.footer = canvas, tr, footer
        self.page = 1
        self.y = HEIGHT - MARGIN

    def need(self, height: float) -> None:
        if self.y - height < MARGIN + 24:
            self.finish_page()
            self.c.showPage()
            self.page += 1
            self.y = HEIGHT - MARGIN

    def finish_page(self) -> None:
        self.c.setFont(FAMILY, 7.5)
        self.c.setFillColor(MUTED)
        self.c.drawString(MARGIN, MARGIN - 8, self.footer)
        page = self.tr("Page {n}").format(n=self.page)
        self.c.drawRightString(WIDTH - MARGIN, MARGIN - 8, page)

    def text(
        self,
        text: str,
        *,
        font: str = FAMILY,
        size: float = 10,
        color: object = INK,
        x: float = MARGIN,
        width: float = WIDTH - 2 * MARGIN,
        gap: float = 4,
    ) -> None:
        lines = simpleSplit(text, font, size, width) or [""]
        leading = size * 1.3
        self.need(leading * len(lines))
        self.c.setFont(font, size)
        self.c.setFillColor(color)
        for line in lines:
            self.y -= leading
            self.c.drawString(x, self.y + size * 0.25, line)
        self.y -= gap


def short_form_number(form_id: str) -> str:
    """The form id as printed for reading aloud or typing in: its first eight characters."""
    return form_id.replace("-", "")[:8].upper()


def _radio_row(
    page: _Page,
    name: str,
    values: Sequence[tuple[str, str]],
    *,
    x: float,
    width: float,
    required: bool,
    label_size: float = 8.5,
) -> None:
    """One choice among ``values`` ((export value, label)) laid out across ``width``."""
    column = width / len(values)
    labels = [simpleSplit(label, FAMILY, label_size, column - 4) for _v, label in values]
    height = RADIO + 8 + max(len(lines) for lines in labels) * label_size * 1.2
    page.need(height)
    top = page.y
    flags = "noToggleToOff radio" + (" required" if required else "")
    for i, (value, _label) in enumerate(values):
        cx = x + column * i + column / 2
        page.c.acroForm.radio(
            name=name,
            value=value,
            selected=False,
            x=cx - RADIO / 2,
            y=top - RADIO - 2,
            size=RADIO,
            buttonStyle="circle",
            shape="circle",
            borderColor=FIELD_BORDER,
            fillColor=colors.white,
            textColor=INK,
            borderWidth=1,
            fieldFlags=flags,
            tooltip=_label,
            forceBorder=True,
        )
        page.c.setFont(FAMILY, label_size)
        page.c.setFillColor(INK)
        for j, line in enumerate(labels[i]):
            page.c.drawCentredString(cx, top - RADIO - 12 - j * label_size * 1.2, line)
    page.y = top - height - 8


def _header(page: _Page, ctx: FormContext, form_id: str, number: int) -> None:
    tr, inst, lang = page.tr, ctx.instrument, ctx.language
    page.text(inst.title(lang), font=BOLD, size=16, gap=2)
    page.text(ctx.partnership_name, size=11, color=MUTED, gap=2)
    wave = tr("{wave}, {date} · form {number} ({id})").format(
        wave=ctx.wave.title,
        date=long_date(ctx.wave.held_on, ctx.language),
        number=number,
        id=short_form_number(form_id),
    )
    page.text(wave, size=9, color=MUTED, gap=8)
    if not inst.validated:
        page.text(
            tr(
                "This questionnaire has not been validated: its results open a conversation, "
                "they do not measure."
            ),
            font=ITALIC,
            size=8.5,
            color=MUTED,
            gap=6,
        )
    how = tr(
        "Fill in this form on the computer (Adobe Acrobat Reader, Edge, Firefox, Preview) and "
        "save it, or print it and mark your answers with a pen. Choose one circle on each row. "
        "Your answers are reported only as group results; your name is not needed."
    )
    page.text(how, size=9.5, gap=4)
    if inst.instructions:
        page.text(inst.instructions.get(lang) or inst.instructions.get("en", ""), size=9.5, gap=8)


def _respondent(page: _Page, ctx: FormContext) -> None:
    tr = page.tr
    page.text(tr("Your organization"), font=BOLD, size=10.5, gap=0)
    orgs = [(o.id, o.name) for o in ctx.organizations]
    _radio_row(
        page,
        FIELD_ORGANIZATION,
        orgs,
        x=MARGIN,
        width=min(WIDTH - 2 * MARGIN, 130.0 * len(orgs)),
        required=True,
        label_size=9,
    )
    page.text(tr("Your level in the organization"), font=BOLD, size=10.5, gap=0)
    levels = [(level.value, level_name(level, tr)) for level in Level]
    _radio_row(page, FIELD_LEVEL, levels, x=MARGIN, width=390, required=False, label_size=9)
    page.text(
        tr("Your name or a pseudonym (optional; leave empty to answer anonymously)"),
        font=BOLD,
        size=10.5,
        gap=2,
    )
    page.need(24)
    page.c.acroForm.textfield(
        name=FIELD_NAME,
        value="",
        x=MARGIN,
        y=page.y - 20,
        width=260,
        height=18,
        fontName="Helvetica",
        fontSize=10,
        borderColor=FIELD_BORDER,
        fillColor=colors.white,
        textColor=INK,
        borderWidth=1,
        maxlen=200,
        forceBorder=True,
    )
    page.y -= 30


def _items(page: _Page, ctx: FormContext) -> None:
    inst, lang, tr = ctx.instrument, ctx.language, page.tr
    scale = inst.scale
    points = scale.points()
    text_width = (WIDTH - 2 * MARGIN) * (0.46 if len(points) > 5 else 0.52)
    grid_x = MARGIN + text_width + 6
    grid_width = WIDTH - MARGIN - grid_x
    column = grid_width / len(points)
    labels = [simpleSplit(scale.label(p, lang) or str(p), FAMILY, 7.5, column - 2) for p in points]
    head = 6 + max(len(lines) for lines in labels) * 9

    def heading() -> None:
        page.need(head + 30)
        page.c.setFillColor(BAND)
        page.c.rect(MARGIN, page.y - head, WIDTH - 2 * MARGIN, head, stroke=0, fill=1)
        page.c.setFillColor(INK)
        page.c.setFont(BOLD, 9)
        page.c.drawString(MARGIN + 4, page.y - 12, tr("Statement"))
        page.c.setFont(FAMILY, 7.5)
        for i, lines in enumerate(labels):
            cx = grid_x + column * i + column / 2
            for j, line in enumerate(lines):
                page.c.drawCentredString(cx, page.y - 10 - j * 9, line)
        page.y -= head

    heading()
    for n, item in enumerate(inst.items, 1):
        text = f"{n}. {item.text_in(lang)}" + (" *" if item.required else "")
        lines = simpleSplit(text, FAMILY, 9.5, text_width - 8)
        height = max(RADIO + 8, len(lines) * 12.0 + 10)
        if page.y - height < MARGIN + 24:
            page.need(height + head)
            heading()
        top = page.y
        page.c.setFont(FAMILY, 9.5)
        page.c.setFillColor(INK)
        for j, line in enumerate(lines):
            page.c.drawString(MARGIN + 4, top - 14 - j * 12, line)
        mid = top - height / 2
        flags = "noToggleToOff radio" + (" required" if item.required else "")
        for i, point in enumerate(points):
            cx = grid_x + column * i + column / 2
            page.c.acroForm.radio(
                name=ITEM_PREFIX + item.id,
                value=str(point),
                selected=False,
                x=cx - RADIO / 2,
                y=mid - RADIO / 2,
                size=RADIO,
                buttonStyle="circle",
                shape="circle",
                borderColor=FIELD_BORDER,
                fillColor=colors.white,
                textColor=INK,
                borderWidth=1,
                fieldFlags=flags,
                tooltip=f"{n}: {scale.label(point, lang) or point}",
                forceBorder=True,
            )
        page.c.setStrokeColor(RULE)
        page.c.setLineWidth(0.5)
        page.c.line(MARGIN, top - height, WIDTH - MARGIN, top - height)
        page.y = top - height
    if any(i.required for i in inst.items):
        page.y -= 4
        page.text(tr("* an answer is needed"), size=8, color=MUTED, gap=6)


def _comment(page: _Page) -> None:
    page.y -= 6
    page.text(
        page.tr("Anything else you would like to say (optional)"), font=BOLD, size=10.5, gap=2
    )
    page.need(80)
    page.c.acroForm.textfield(
        name=FIELD_COMMENT,
        value="",
        x=MARGIN,
        y=page.y - 72,
        width=WIDTH - 2 * MARGIN,
        height=70,
        fontName="Helvetica",
        fontSize=10,
        borderColor=FIELD_BORDER,
        fillColor=colors.white,
        textColor=INK,
        borderWidth=1,
        fieldFlags="multiline",
        maxlen=4000,
        forceBorder=True,
    )
    page.y -= 80


def _hidden(canvas: Canvas, name: str, value: str) -> None:
    canvas.acroForm.textfield(
        name=name,
        value=value,
        x=0,
        y=0,
        width=1,
        height=1,
        fontName="Helvetica",
        fontSize=1,
        borderWidth=0,
        annotationFlags="hidden",
        fieldFlags="readOnly",
        maxlen=100,
    )


def write_form(path: Path, ctx: FormContext, form_id: str, number: int) -> None:
    """Write one fillable form to ``path``."""
    register_fonts()
    tr = translator(ctx.language)
    canvas = Canvas(str(path), pagesize=A4, pageCompression=1)
    canvas.setTitle(f"{ctx.instrument.title(ctx.language)} – {ctx.wave.title}")
    canvas.setCreator("Kumppani")
    canvas.setSubject(ctx.partnership_name)
    footer = tr("Kumppani questionnaire · {partnership} · form {id}").format(
        partnership=ctx.partnership_name, id=short_form_number(form_id)
    )
    page = _Page(canvas, tr, footer)
    _hidden(canvas, FIELD_PARTNERSHIP, ctx.partnership_id)
    _hidden(canvas, FIELD_WAVE, ctx.wave.id)
    _hidden(canvas, FIELD_FORM, form_id)
    _header(page, ctx, form_id, number)
    _respondent(page, ctx)
    _items(page, ctx)
    _comment(page)
    page.text(
        tr("Thank you! Save the form and send it back to the facilitator."),
        font=BOLD,
        size=10,
        gap=0,
    )
    page.finish_page()
    canvas.save()


def form_file_name(ctx: FormContext, number: int) -> str:
    stem = "".join(ch if ch.isalnum() else "-" for ch in ctx.wave.title.lower()).strip("-")
    return f"{'-'.join(p for p in stem.split('-') if p)[:40] or 'form'}-{number:02d}.pdf"


def write_forms(folder: Path, ctx: FormContext, copies: int) -> list[Path]:
    """Write ``copies`` forms (each its own form id) into ``folder``; returns their paths.

    Forms already in the folder are kept: numbering goes on after the last one there.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    number = 1
    while len(written) < copies:
        path = folder / form_file_name(ctx, number)
        if not path.exists():
            write_form(path, ctx, str(uuid.uuid4()), number)
            written.append(path)
        number += 1
    return written
