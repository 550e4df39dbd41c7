"""The one data source of partner view: the partnership as the partner report sees it.

Built on ``SharedView`` (shared rows only, no event purposes, no checklist notes) and on the
report assembler, which resolves people to names or, when names are hidden, to pseudonyms
(``app.report.names.Namer``). It is also the one way partner view writes: a captured entry goes
through the editing use case like any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain import Entry, EntryType, EventKind, Visibility
from app.domain.model import parse_when
from app.i18n import translator
from app.persistence.diary import Diary
from app.persistence.read.shared import SharedView
from app.report import ReportData, ReportOptions, assemble_report
from app.report.names import Namer
from app.services.editing import Editor


@dataclass(frozen=True, slots=True)
class PartnerEntry:
    pk: int
    type: EntryType
    text: str


@dataclass(frozen=True, slots=True)
class PartnerEvent:
    pk: int
    day: date
    kind: EventKind
    title: str
    entries: tuple[PartnerEntry, ...]


class PartnerSource:
    """What partner view may show of partnership ``pk``, names hidden or not."""

    def __init__(
        self, diary: Diary, editor: Editor, pk: int, *, hide_names: bool, language: str
    ) -> None:
        self._diary = diary
        self._editor = editor  # the window's one editor: undo merges and history stay whole
        self.pk = pk
        self.hide_names = hide_names
        self.language = language

    def _view(self) -> SharedView:
        return SharedView(self._diary.db, self.pk)

    def report(self, language: str | None = None, as_of: date | None = None) -> ReportData:
        """The partner report's data as of ``as_of`` (today) in ``language`` (the view's)."""
        options = ReportOptions(
            generated_on=as_of or date.today(),
            language=language or self.language,
            hide_names=self.hide_names,
        )
        return assemble_report(self._view(), options)

    def events(self) -> list[PartnerEvent]:
        """Every live event in date order with its shared entries, names as chosen."""
        view = self._view()
        namer = Namer(
            view.people(),
            view.organizations(),
            hide=self.hide_names,
            tr=translator(self.language),
        )
        by_event: dict[int, list[PartnerEntry]] = {}
        for e in view.entries():
            by_event.setdefault(e.event, []).append(PartnerEntry(e.pk, e.type, namer.text(e.text)))
        return [
            PartnerEvent(
                pk=ev.pk,
                day=parse_when(ev.when)[0],
                kind=ev.kind,
                title=namer.text(ev.title),
                entries=tuple(by_event.get(ev.pk, ())),
            )
            for ev in view.events()
        ]

    def search(self, text: str) -> list[tuple[PartnerEvent, PartnerEntry]]:
        """Shared entries whose text holds ``text`` (case-insensitive), in date order."""
        needle = text.casefold().strip()
        if not needle:
            return []
        return [
            (event, entry)
            for event in self.events()
            for entry in event.entries
            if needle in entry.text.casefold()
        ]

    def capture(self, event_pk: int, kind: EntryType, text: str, *, private: bool) -> int:
        """Store a new entry in ``event_pk`` (raises ``ValidationError`` on bad input)."""
        visibility = Visibility.PRIVATE if private else Visibility.SHARED
        entry = Entry(event=event_pk, type=kind, text=text, visibility=visibility)
        return self._editor.create_entry(self.pk, entry)
