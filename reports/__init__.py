"""Feedback reports for partners, drawn with reportlab from plain data assembled in ``app``.

Nothing here imports Qt; the desktop application and the command line both call in.
"""
