"""The window collects cyclic garbage from its event loop, never in the middle of a Qt call."""

from __future__ import annotations

import gc
import weakref

from pytestqt.qtbot import QtBot

from ui.gc_timer import SafeGarbageCollector


class _Node:
    def __init__(self) -> None:
        self.me = self


def test_collection_moves_from_allocation_time_to_the_event_loop(qtbot: QtBot) -> None:
    was_enabled = gc.isenabled()
    gc.enable()  # as in a plain Python process (the test session itself collects between tests)
    collector = SafeGarbageCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        node = _Node()
        alive = weakref.ref(node)
        del node
        # Past every threshold: Python would have collected by now; only the timer may.
        for _ in range(gc.get_threshold()[0] * 2):
            _Node()
        assert alive() is not None
        qtbot.waitUntil(lambda: alive() is None, timeout=2000)
    finally:
        collector.stop()
    assert gc.isenabled()
    if not was_enabled:
        gc.disable()
