"""Protections around the diary that are not storage itself: where the file lives (cloud and
network folders), text that cannot be stored, and the crash log."""
