"""Backups of the diary: made through SQLite's online backup API, verified, thinned, restored.

``files`` names and lists backups, ``make`` writes one safely, ``retention`` decides (purely)
which to keep, ``policy`` decides when to make one, ``restore`` lists and restores them.
Qt-free: the GUI drives the policy from a timer and shows the restore dialog.
"""
