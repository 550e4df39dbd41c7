"""The partner-facing view (shared rows only), for partner view in the UI (it only reads)."""

from app.persistence.shared import SharedView

__all__ = ["SharedView"]
