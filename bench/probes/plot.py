"""Placeholder replaced once the commitment plot exists."""

from __future__ import annotations

from bench.probes import emit

if __name__ == "__main__":
    emit({"unavailable": "the commitment plot is not built yet"})
