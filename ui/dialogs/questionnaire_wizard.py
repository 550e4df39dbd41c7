"""The Questionnaire wizard: choose the instrument, the language and the number of forms, write
the fillable PDF forms of a new wave to a folder and open the folder.

Three pages: the instrument (with whether it is validated, its dimensions and a note), the wave
(title, date, language of the forms, number of forms) and the folder. Finish starts the wave
(``app.services.questionnaires.start_wave``) and writes the forms (``reports.questionnaire_form``);
a folder that cannot be written keeps the wizard open with the reason. The choices are
remembered for the next wave.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.domain import Role
from app.i18n import _, language
from app.persistence.diary import Diary
from app.persistence.read.partnerships import get_partnership, list_organizations
from app.scores import Instrument, load_instruments
from app.services.questionnaire_xlsx import write_template
from app.services.questionnaires import start_wave
from reports.questionnaire_form import FormContext, form_file_name, write_forms
from ui.settings import (
    QUESTIONNAIRE_COPIES,
    QUESTIONNAIRE_FOLDER,
    QUESTIONNAIRE_INSTRUMENT,
    QUESTIONNAIRE_LANGUAGE,
)
from ui.widgets.date_field import DateRow


def _label(text: str = "", name: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def open_folder(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class QuestionnaireWizard(QWizard):
    """Write the forms of a new wave; ``written`` lists them after Finish."""

    def __init__(
        self,
        diary: Diary,
        partnership_pk: int,
        settings: QSettings,
        parent: QWidget | None = None,
        opener: Callable[[Path], None] = open_folder,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("questionnaireWizard")
        self.setWindowTitle(_("Questionnaire forms"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(720, 520)
        self.diary, self.pk, self.settings, self.opener = diary, partnership_pk, settings, opener
        self.written: list[Path] = []
        problems: list[str] = []
        self.instruments: dict[str, Instrument] = load_instruments(problems=problems)
        self.partnership = get_partnership(diary.db, partnership_pk)
        self.addPage(self._instrument_page(problems))
        self.wave_page = self._wave_page()
        self.addPage(self.wave_page)
        self.addPage(self._folder_page())
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Write the forms"))
        self.setButtonText(QWizard.WizardButton.NextButton, _("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Cancel"))

    # -- pages ------------------------------------------------------------------------------

    def _instrument_page(self, problems: list[str]) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(_("Which questionnaire?"))
        page.setSubTitle(_("Each respondent fills in a form of their own."))
        self.instrument_list = QListWidget()
        self.instrument_list.setObjectName("instrumentList")
        lang = language()
        remembered = QUESTIONNAIRE_INSTRUMENT.read(self.settings)
        for inst in self.instruments.values():
            note = "" if inst.validated else "  · " + _("not validated")
            item = QListWidgetItem(inst.title(lang) + note)
            item.setData(Qt.ItemDataRole.UserRole, inst.id)
            self.instrument_list.addItem(item)
            if inst.id == remembered:
                self.instrument_list.setCurrentItem(item)
        if self.instrument_list.currentRow() < 0:
            self.instrument_list.setCurrentRow(0)
        self.instrument_about = _label("", "muted")
        self.instrument_list.currentRowChanged.connect(self._describe)
        layout = QVBoxLayout(page)
        layout.addWidget(self.instrument_list, 1)
        layout.addWidget(self.instrument_about)
        if problems:
            left_out = _label(
                _("Left out (correct the file to use it):") + "\n" + "\n".join(problems), "danger"
            )
            layout.addWidget(left_out)
        self._describe()
        return page

    def _wave_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(_("The wave"))
        page.setSubTitle(_("A wave is one round of the questionnaire; its forms carry its id."))
        self.title = QLineEdit()
        self.title.setObjectName("waveTitle")
        self.day_row = DateRow(optional=False)
        self.day = self.day_row.field
        self.day.setObjectName("waveDate")
        self.day.set_date(date.today())
        self.language = QComboBox()
        self.language.setObjectName("formLanguage")
        self.language.addItem(_("Finnish"), "fi")
        self.language.addItem(_("English"), "en")
        default = QUESTIONNAIRE_LANGUAGE.read(self.settings)
        default = default or (self.partnership.language if self.partnership else "fi")
        self.language.setCurrentIndex(max(0, self.language.findData(default)))
        self.language.currentIndexChanged.connect(self._retitle)
        self.copies = QSpinBox()
        self.copies.setObjectName("formCopies")
        self.copies.setRange(1, 500)
        copies = QUESTIONNAIRE_COPIES.read(self.settings)
        self.copies.setValue(int(copies) if copies.isdigit() else 10)
        orgs = [
            o.name
            for o in list_organizations(self.diary.db, self.pk)
            if o.role is not Role.FACILITATOR
        ]
        form = QFormLayout(page)
        form.addRow(_("Title"), self.title)
        form.addRow(_("Date"), self.day_row)
        form.addRow(_("Language of the forms"), self.language)
        self.kind = QComboBox()
        self.kind.setObjectName("formKind")
        self.kind.addItem(_("Fillable PDF forms, one per respondent"), "pdf")
        self.kind.addItem(_("A spreadsheet (XLSX), one row per respondent"), "xlsx")
        form.addRow(_("Answers on"), self.kind)
        form.addRow(_("Number of respondents"), self.copies)
        form.addRow(
            "",
            _label(
                _("Respondents choose their organization on the form: {orgs}.").format(
                    orgs=", ".join(orgs)
                ),
                "muted",
            ),
        )
        return page

    def _folder_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(_("Where to write the forms"))
        page.setSubTitle(
            _("The folder opens when the forms are written: send them to the respondents.")
        )
        folder = QUESTIONNAIRE_FOLDER.read(self.settings)
        self.folder = QLineEdit(str(folder or Path.home() / "Kumppani-forms"))
        self.folder.setObjectName("formFolder")
        browse = QPushButton(_("Choose folder…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.outcome = _label("", "danger")
        self.outcome.setObjectName("wizardOutcome")
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        return page

    # -- behaviour --------------------------------------------------------------------------

    def instrument(self) -> Instrument | None:
        item = self.instrument_list.currentItem()
        return self.instruments.get(str(item.data(Qt.ItemDataRole.UserRole))) if item else None

    def _describe(self) -> None:
        inst = self.instrument()
        if inst is None:
            self.instrument_about.setText("")
            return
        lang = language()
        dims = ", ".join(d.label_in(lang) for d in inst.dimension_defs)
        text = _("{n} statements, scale {low}–{high}. Dimensions: {dims}.").format(
            n=len(inst.items), low=inst.scale.low, high=inst.scale.high, dims=dims
        )
        note = inst.note_text.get(lang) or inst.note_text.get("en")
        self.instrument_about.setText(text + (f"\n{note}" if note else ""))
        if hasattr(self, "title") and not self.title.isModified():
            self.title.setText(inst.title(lang))

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        if page_id == 1:
            self._retitle()

    def _retitle(self) -> None:
        """The wave's title follows the instrument and the forms' language until typed over."""
        inst = self.instrument()
        if inst is not None and not self.title.isModified():
            self.title.setText(inst.title(str(self.language.currentData())))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, _("Folder for the forms"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def validateCurrentPage(self) -> bool:
        """The wave page is left only with a date that reads (the refusal is shown under it)."""
        if self.currentPage() is self.wave_page and not self.day.check():
            self.day.setFocus()
            return False
        return super().validateCurrentPage()

    def write(self) -> bool:
        """Start the wave and write its forms; False (with the reason shown) when not done."""
        inst = self.instrument()
        folder = Path(self.folder.text().strip()).expanduser()
        if inst is None or self.partnership is None or not self.folder.text().strip():
            self.outcome.setText(_("Choose a questionnaire and a folder."))
            return False
        lang = str(self.language.currentData())
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / ".kumppani-write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            self.outcome.setText(
                _("Cannot write to {path}: {reason}").format(path=folder, reason=exc.strerror)
            )
            return False
        day, problem = self.day.read()
        if problem or day is None:
            self.day.check()
            self.outcome.setText(problem)
            return False
        wave = start_wave(
            self.diary,
            self.pk,
            inst,
            day=day,
            title=self.title.text(),
            language=lang,
        )
        orgs = [
            o for o in list_organizations(self.diary.db, self.pk) if o.role is not Role.FACILITATOR
        ]
        ctx = FormContext(self.partnership.id, self.partnership.name, orgs, wave, inst, lang)
        try:
            if self.kind.currentData() == "xlsx":
                sheet = folder / form_file_name(ctx, 1).replace("-01.pdf", ".xlsx")
                write_template(
                    sheet, ctx.partnership_id, orgs, wave, inst, lang, self.copies.value()
                )
                self.written = [sheet]
            else:
                self.written = write_forms(folder, ctx, self.copies.value())
        except OSError as exc:
            self.outcome.setText(
                _("Cannot write to {path}: {reason}").format(path=folder, reason=exc.strerror)
            )
            return False
        QUESTIONNAIRE_INSTRUMENT.write(self.settings, inst.id)
        QUESTIONNAIRE_LANGUAGE.write(self.settings, lang)
        QUESTIONNAIRE_COPIES.write(self.settings, str(self.copies.value()))
        QUESTIONNAIRE_FOLDER.write(self.settings, folder)
        self.opener(folder)
        return True

    def accept(self) -> None:
        if self.write():
            super().accept()
