"""Benchmarks of Kumppani: generated large diaries, measured start-up, views, search and reports.

Run with ``python -m bench`` (``make bench``) or ``python -m bench --quick``.
"""
