"""Early warnings: pure rules that read a partnership as of a date and say what looks wrong.

Qt-free and free of the database: ``evaluate(snapshot, as_of, thresholds)`` reads a
``Snapshot`` (plain data, loaded by ``app.services.warnings``) and returns ``EarlyWarning``s.
"""

from app.rules.engine import RULES, evaluate
from app.rules.model import EarlyWarning, EntryFact, Evidence, EvidenceKind, Severity, Snapshot
from app.rules.thresholds import DEFAULTS, check, resolve

__all__ = [
    "DEFAULTS",
    "RULES",
    "EarlyWarning",
    "EntryFact",
    "Evidence",
    "EvidenceKind",
    "Severity",
    "Snapshot",
    "check",
    "evaluate",
    "resolve",
]
