"""Every user setting Kumppani keeps between runs, in one registry: key, type and default.

The settings are properties of this computer and this user (window layout, the language, a
second backup folder on an external drive), so they live in ``QSettings``, not in the diary.
Code reads and writes them only through the descriptors below, never with raw keys: a key is
written once, and a stored value of the wrong type (an edited or damaged settings file, a value
left by an older version) reads as the default instead of reaching a widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from app.domain.authors import Author, new_author_id, valid_author_id


@dataclass(frozen=True)
class TextSetting:
    """A short text; with ``choices``, only one of them (anything else reads as the default)."""

    key: str
    default: str = ""
    choices: tuple[str, ...] = ()

    def read(self, store: QSettings) -> str:
        value = store.value(self.key)
        if not isinstance(value, str) or (self.choices and value not in self.choices):
            return self.default
        return value

    def write(self, store: QSettings, value: str) -> None:
        store.setValue(self.key, value)

    def forget(self, store: QSettings) -> None:
        store.remove(self.key)


@dataclass(frozen=True)
class PathSetting:
    """A file or folder on this computer, or None when none was chosen."""

    key: str
    default: None = None

    def read(self, store: QSettings) -> Path | None:
        value = store.value(self.key)
        if not isinstance(value, str) or not value.strip():
            return self.default
        return Path(value)

    def write(self, store: QSettings, value: Path | None) -> None:
        if value is None:
            self.forget(store)
        else:
            store.setValue(self.key, str(value))

    def forget(self, store: QSettings) -> None:
        store.remove(self.key)


@dataclass(frozen=True)
class LayoutSetting:
    """A widget's saved layout (``saveState``/``saveGeometry``), or None before the first save."""

    key: str
    default: None = None

    def read(self, store: QSettings) -> QByteArray | None:
        value = store.value(self.key)
        if not isinstance(value, QByteArray) or value.isEmpty():
            return self.default
        return value

    def write(self, store: QSettings, value: QByteArray) -> None:
        store.setValue(self.key, value)

    def forget(self, store: QSettings) -> None:
        store.remove(self.key)


@dataclass(frozen=True)
class FlagSetting:
    """On or off (anything but a stored true reads as the default)."""

    key: str
    default: bool = False

    def read(self, store: QSettings) -> bool:
        value = store.value(self.key)
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        return self.default

    def write(self, store: QSettings, value: bool) -> None:
        store.setValue(self.key, "true" if value else "false")
        store.sync()

    def forget(self, store: QSettings) -> None:
        store.remove(self.key)


Setting = TextSetting | PathSetting | LayoutSetting | FlagSetting

# The interface language chosen in the preferences ("" = follow the system), read at start.
LANGUAGE = TextSetting("ui/language", choices=("en", "fi"))
# The diary last chosen with File ▸ Open diary / New diary.
LAST_DIARY = PathSetting("diary/last")
# A second backup folder (an external drive), chosen in the preferences.
SECOND_BACKUP_FOLDER = PathSetting("backup/second_folder")
WINDOW_GEOMETRY = LayoutSetting("mainWindow/geometry")
WINDOW_STATE = LayoutSetting("mainWindow/state")
WINDOW_SPLITTER = LayoutSetting("mainWindow/splitter")
# The key of the page (tab) open at the last exit.
OPEN_PAGE = TextSetting("mainWindow/tab")
# The stable id (not the database key) of the partnership open at the last exit.
LAST_PARTNERSHIP = TextSetting("mainWindow/lastPartnership")
# The measure shown on the commitment page.
COMMITMENT_MEASURE = TextSetting("commitment/measure", default="commitment")
# The commitment page shows attendance and answers split by organizational level.
COMMITMENT_BY_LEVEL = FlagSetting("commitment/split_by_level")
DIARY_SPLITTER = LayoutSetting("diary/splitter")
# Partner view: a newly connected screen switches to it without asking; people shown by label.
PARTNER_AUTO_SWITCH = FlagSetting("partner_view/switch_on_new_screen")
PARTNER_HIDE_NAMES = FlagSetting("partner_view/hide_names")
# The questionnaire wizard: the last instrument, forms' language, number and folder.
QUESTIONNAIRE_INSTRUMENT = TextSetting("questionnaire/instrument", default="kumppani-pulse")
QUESTIONNAIRE_LANGUAGE = TextSetting("questionnaire/language", choices=("en", "fi"))
QUESTIONNAIRE_COPIES = TextSetting("questionnaire/copies", default="10")
QUESTIONNAIRE_FOLDER = PathSetting("questionnaire/folder")
# The facilitator who writes: a name typed in the preferences and an id made once (author_of).
AUTHOR_NAME = TextSetting("author/name")
AUTHOR_ID = TextSetting("author/id")
# The research export: the format last chosen and the folder last written to.
RESEARCH_FORMAT = TextSetting(
    "research/format", default=".qdpx", choices=(".qdpx", ".xlsx", ".csv")
)
RESEARCH_FOLDER = PathSetting("research/folder")
# The minutes dialog: the format last chosen, names hidden, and the folder last saved into.
MINUTES_FORMAT = TextSetting("minutes/format", default="pdf", choices=("pdf", "docx", "txt"))
MINUTES_HIDE_NAMES = FlagSetting("minutes/hide_names")
MINUTES_FOLDER = PathSetting("minutes/folder")

ALL: tuple[Setting, ...] = (
    LANGUAGE,
    LAST_DIARY,
    SECOND_BACKUP_FOLDER,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    WINDOW_SPLITTER,
    OPEN_PAGE,
    LAST_PARTNERSHIP,
    COMMITMENT_MEASURE,
    COMMITMENT_BY_LEVEL,
    DIARY_SPLITTER,
    PARTNER_AUTO_SWITCH,
    PARTNER_HIDE_NAMES,
    QUESTIONNAIRE_INSTRUMENT,
    QUESTIONNAIRE_LANGUAGE,
    QUESTIONNAIRE_COPIES,
    QUESTIONNAIRE_FOLDER,
    RESEARCH_FORMAT,
    RESEARCH_FOLDER,
    AUTHOR_NAME,
    AUTHOR_ID,
    MINUTES_FORMAT,
    MINUTES_HIDE_NAMES,
    MINUTES_FOLDER,
)


def author_of(store: QSettings) -> Author:
    """The facilitator of this computer: the name from the preferences and the short stable id,
    made and stored the first time it is asked for (an edited, invalid id is made anew)."""
    author_id = AUTHOR_ID.read(store)
    if not valid_author_id(author_id):
        author_id = new_author_id()
        AUTHOR_ID.write(store, author_id)
        store.sync()
    return Author(author_id, AUTHOR_NAME.read(store).strip()[:200])
