"""Minutes… of one event: choose the format, the language and whether names are hidden, then
save the file or copy the minutes as text for an e-mail. Ticking "record as given" records
what was saved or copied as given to the partners (it then counts as feedback to the
management that attended).

The minutes are assembled by ``app.services.minutes`` from the partner-facing view only.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.labels import os_reason
from app.i18n import N_, _
from app.persistence.diary import Diary
from app.persistence.read.events import get_event
from app.persistence.read.partnerships import get_partnership
from app.report.minutes import MinutesData, MinutesOptions, minutes_text
from app.safety.output import write_output
from app.services.minutes import MinutesError, minutes_data, record_minutes
from reports.minutes_file import build_minutes
from ui import settings as st

_FORMATS = (
    ("pdf", N_("PDF")),
    ("docx", N_("Word document, editable (DOCX)")),
    ("txt", N_("Plain text")),
)


class MinutesDialog(QDialog):
    """Format, language, hidden names, record as given; Save… and Copy as text."""

    def __init__(
        self,
        diary: Diary,
        partnership_pk: int,
        event_pk: int,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("minutesDialog")
        self.diary, self.partnership_pk, self.event_pk = diary, partnership_pk, event_pk
        self.settings = settings
        self.today = today or date.today()
        event = get_event(diary.db, event_pk)
        partnership = get_partnership(diary.db, partnership_pk)
        self.event_title = event.title if event else ""
        self.setWindowTitle(_("Minutes for the partners"))
        self._build(partnership.language if partnership else "en")

    def _build(self, language: str) -> None:
        heading = QLabel(_("Minutes of “{event}”").format(event=self.event_title))
        heading.setObjectName("dialogHeading")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.format_box = QComboBox()
        self.format_box.setObjectName("minutesFormat")
        for key, label in _FORMATS:
            self.format_box.addItem(_(label), key)
        self.format_box.setCurrentIndex(
            self.format_box.findData(st.MINUTES_FORMAT.read(self.settings))
        )
        self.language_box = QComboBox()
        self.language_box.setObjectName("minutesLanguage")
        self.language_box.addItem("English", "en")
        self.language_box.addItem("suomi", "fi")
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self.hide_names = QCheckBox(_("Hide names (pseudonyms or job titles)"))
        self.hide_names.setChecked(st.MINUTES_HIDE_NAMES.read(self.settings))
        self.given = QCheckBox(_("Record as given to the partners"))
        self.given.setToolTip(
            _(
                "Minutes given count as feedback to the management of each side whose sponsor "
                "attended the meeting."
            )
        )
        form = QFormLayout()
        form.addRow(_("Format:"), self.format_box)
        form.addRow(_("Language:"), self.language_box)
        form.addRow("", self.hide_names)
        form.addRow("", self.given)
        note = QLabel(_("The minutes contain only records shared with the partners."))
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("minutesMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()  # shown with the first thing to tell
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(_("Save…"))
        self.save_button.setObjectName("minutesSave")
        self.save_button.setDefault(True)
        self.copy_button = QPushButton(_("Copy as text"))
        self.copy_button.setObjectName("minutesCopy")
        self.copy_button.setToolTip(_("For the body of an e-mail"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save())
        self.copy_button.clicked.connect(self.copy_text)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    # -- what the user chose ------------------------------------------------------------

    def options(self) -> MinutesOptions:
        return MinutesOptions(
            event=self.event_pk,
            generated_on=self.today,
            language=str(self.language_box.currentData()),
            hide_names=self.hide_names.isChecked(),
        )

    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def _remember(self) -> None:
        st.MINUTES_FORMAT.write(self.settings, self.fmt())
        st.MINUTES_HIDE_NAMES.write(self.settings, self.hide_names.isChecked())

    def tell(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _data(self, options: MinutesOptions) -> MinutesData | None:
        try:
            return minutes_data(self.diary, self.partnership_pk, options)
        except MinutesError as exc:
            self.tell(str(exc))
            return None

    def _record(self, document: bytes, options: MinutesOptions) -> None:
        if self.given.isChecked():
            record_minutes(self.diary, self.partnership_pk, document, options)

    # -- commands -----------------------------------------------------------------------

    def default_name(self) -> str:
        words = re.sub(r"[^\w-]+", "-", self.event_title.lower()).strip("-")[:60] or "event"
        return _("minutes") + f"-{words}.{self.fmt()}"

    def ask_path(self) -> Path | None:
        folder = st.MINUTES_FOLDER.read(self.settings) or Path.home()
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Save the minutes"), str(folder / self.default_name())
        )
        return Path(chosen) if chosen else None

    def save(self, path: Path | None = None) -> bool:
        """Write the minutes in the chosen format (to ``path``, or where the user says)."""
        path = path or self.ask_path()
        if path is None:
            return False
        if path.suffix.lower() != "." + self.fmt():
            path = path.with_name(path.name + "." + self.fmt())
        options = self.options()
        data = self._data(options)
        if data is None:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            document = build_minutes(data, self.fmt())
            write_output(path, document, private=False)
        except OSError as exc:
            self.tell(_("Cannot write {path}: {reason}").format(path=path, reason=os_reason(exc)))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self._record(document, options)
        self._remember()
        st.MINUTES_FOLDER.write(self.settings, path.parent)
        self.tell(
            _("Saved to {path} and recorded as given.").format(path=path)
            if self.given.isChecked()
            else _("Saved to {path}.").format(path=path)
        )
        return True

    def copy_text(self) -> None:
        options = self.options()
        data = self._data(options)
        if data is None:
            return
        text = minutes_text(data)
        QGuiApplication.clipboard().setText(text)
        self._record(text.encode("utf-8"), options)
        self._remember()
        self.tell(
            _("Copied to the clipboard and recorded as given: paste it into an e-mail.")
            if self.given.isChecked()
            else _("Copied to the clipboard: paste it into an e-mail.")
        )
