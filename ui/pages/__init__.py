"""The pages shown for the selected partnership, in the order of the main window's tabs.

A page is a QWidget with a ``title`` (translated, shown on its tab) and a
``show_partnership(pk: int | None)`` method the main window calls when the selection changes.
Each page is built by a factory taking the ``AppContext``; add yours to ``PAGE_FACTORIES``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QWidget

from ui.context import AppContext


class Page(Protocol):
    title: str

    def show_partnership(self, pk: int | None) -> None: ...


PageFactory = Callable[[AppContext], QWidget]

# Filled in as pages are built: (order, factory). Lower order comes first.
PAGE_FACTORIES: list[tuple[int, PageFactory]] = []


def build_pages(context: AppContext) -> list[QWidget]:
    return [factory(context) for _, factory in sorted(PAGE_FACTORIES, key=lambda p: p[0])]
