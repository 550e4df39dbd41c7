"""The built-in warning rules, one module per rule.

Each module defines ``RULE``, a ``app.rules.rule.Rule`` with its function; the registry
(``app.rules.registry``) finds them at start. To add a rule, add a module here and a test.
"""
