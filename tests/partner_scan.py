"""Every text a window shows or holds: widgets, tooltips, titles, actions, models, plot items.

Not a test module of its own: the partner view tests import ``texts`` from here.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)

_ROLES = [*range(0, 16), *range(Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 16)]


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return max(model.columnCount(parent), 1)
    except TypeError:  # a list model: its columnCount is private, it has one column
        return 1


def _model_texts(model: QAbstractItemModel, parent: QModelIndex, out: list[str]) -> None:
    columns = _columns(model, parent)
    for row in range(model.rowCount(parent)):
        for col in range(columns):
            index = model.index(row, col, parent)
            for role in _ROLES:
                value = model.data(index, role)
                if value is not None:
                    out.append(str(value))
            if col == 0 and columns > 1 and model.rowCount(index) > 0:
                _model_texts(model, index, out)
    for section in range(columns):
        out.append(str(model.headerData(section, Qt.Orientation.Horizontal)))


def _widget_texts(w: QWidget, out: list[str]) -> None:
    out += [w.windowTitle(), w.toolTip(), w.statusTip(), w.whatsThis(), w.accessibleName()]
    if isinstance(w, QLabel | QAbstractButton | QLineEdit):
        out.append(w.text())
    if isinstance(w, QLineEdit):
        out.append(w.placeholderText())
    if isinstance(w, QTextEdit):
        out.append(w.toPlainText())
    if isinstance(w, QMessageBox):
        out += [w.text(), w.informativeText(), w.detailedText()]
    if isinstance(w, QTabWidget):
        out += [w.tabText(i) for i in range(w.count())]
        out += [w.tabToolTip(i) for i in range(w.count())]
    if isinstance(w, QComboBox):
        _model_texts(w.model(), QModelIndex(), out)
    if isinstance(w, QAbstractItemView) and w.model() is not None:
        _model_texts(w.model(), QModelIndex(), out)
    if isinstance(w, QGraphicsView) and w.scene() is not None:
        for item in w.scene().items():
            if isinstance(item, QGraphicsTextItem):
                out.append(item.toPlainText())
            out.append(item.toolTip())


def texts(root: QObject) -> str:
    """All the texts of ``root`` and every object under it, hidden ones included."""
    out: list[str] = []
    widgets = [root, *root.findChildren(QWidget)] if isinstance(root, QWidget) else []
    for w in widgets:
        if isinstance(w, QWidget):
            _widget_texts(w, out)
    for action in root.findChildren(QAction):
        out += [action.text(), action.toolTip(), action.statusTip()]
    return "\n".join(t for t in out if t)
