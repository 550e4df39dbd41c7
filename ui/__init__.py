"""Kumppani's user interfaces: the desktop application (PySide6, pyqtgraph) and the command line.

Modules here may import ``reports`` and ``app``; nothing below imports ``ui``.
"""
