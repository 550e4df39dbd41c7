"""The reading side of the repositories: what the user interface may import of the diary.

One module per repository, each re-exporting only functions that read (and the record types
they return). Changes go through the use cases of ``app.services``; an import-linter contract
in ``pyproject.toml`` forbids ``ui`` from importing the repositories themselves, and
``tests/test_architecture.py`` checks that nothing re-exported here writes.
"""
