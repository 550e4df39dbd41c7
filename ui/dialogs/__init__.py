"""Dialogs of the desktop application, each in its own module."""
