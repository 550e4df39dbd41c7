"""Finding and hiding people's (and organizations') names in Finnish and English text.

Reusable wherever text leaves the diary (reports, exports, the partner view): ``NameMatcher``
finds every form of the known names and replaces them with labels, ``fold`` normalizes text for
matching, and ``name_candidates`` lists the words that look like names of people nobody has
entered yet.
"""

from app.names.candidates import Candidate, name_candidates
from app.names.fold import fold, fold_word
from app.names.matcher import Found, Hidden, Known, NameMatcher, Replacement, name_parts

__all__ = [
    "Candidate",
    "Found",
    "Hidden",
    "Known",
    "NameMatcher",
    "Replacement",
    "fold",
    "fold_word",
    "name_candidates",
    "name_parts",
]
