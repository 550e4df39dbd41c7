"""Kumppani's core: the domain, the diary database and the services, with no GUI code.

Everything here runs without Qt, pyqtgraph or reportlab, so the command line, the reports and the
tests use exactly the same rules as the desktop application.
"""

__version__ = "0.1.0"
