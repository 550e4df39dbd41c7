"""Early warnings: pure rules that read a partnership as of a date and say what looks wrong.

Qt-free and free of the database: ``evaluate(snapshot, as_of, thresholds)`` reads a
``Snapshot`` (plain data, loaded by ``app.services.warnings``) and returns ``EarlyWarning``s.
Each rule is one ``Rule`` in ``app.rules.builtin`` (its title, explanation, thresholds with
their ranges, severity policy and function); ``RULES`` is the registry everything else reads.
"""

from app.rules.engine import evaluate
from app.rules.model import EarlyWarning, EntryFact, Evidence, EvidenceKind, Severity, Snapshot
from app.rules.registry import RULES, Registry
from app.rules.rule import Parameter, Rule
from app.rules.thresholds import check, defaults, resolve

__all__ = [
    "RULES",
    "EarlyWarning",
    "EntryFact",
    "Evidence",
    "EvidenceKind",
    "Parameter",
    "Registry",
    "Rule",
    "Severity",
    "Snapshot",
    "check",
    "defaults",
    "evaluate",
    "resolve",
]
