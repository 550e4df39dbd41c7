"""Partner view: what the window shows while it is projected for the partners.

Every widget in this package is given a ``PartnerSource`` (``source.py``) and reads nothing
else: the source is built on ``app.persistence.shared.SharedView`` and the report assembler,
so private entries, event purposes, checklist notes and warnings never reach these widgets.
An import-linter contract keeps the other modules of this package away from the diary, the
use cases and the facilitator's pages.
"""
