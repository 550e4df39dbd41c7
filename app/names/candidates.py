"""Words that look like names of people nobody has entered: what to review before printing.

A candidate is a capitalized word that does not start a sentence, was not replaced as a known
name, and is not in the known vocabulary (organization and partnership names, month and day
names, words the facilitator dismissed). Finnish writes only names with a capital letter inside a
sentence, so what is left is mostly people and places; the facilitator decides.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.names.fold import fold_word
from app.names.matcher import Found, Known, NameMatcher

_CAPITALIZED = re.compile(r"(?<![\w@.])[^\W\d_][\w’'\-]*")
_OPENERS = "\"'“”‘’«»([{-–—•*·"
_ENDS = ".!?:;"

# Capitalized mid-sentence in English (or anywhere) without being anyone's name.
COMMON_WORDS = frozenset(
    fold_word(w)
    for w in [
        "I",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "English",
        "Finnish",
        "Swedish",
        "Finland",
        "Finn",
        "Finns",
        "OK",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
    ]
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A word that may be a person's name, how often it occurs and one place it occurs."""

    word: str
    count: int
    context: str


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip().rstrip(_OPENERS).rstrip()
    if not before or before[-1] in _ENDS:
        return True
    # A line of its own (a list item, a heading) starts like a sentence.
    return "\n" in text[len(before) : start]


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - 30) : start].split("\n")[-1]
    right = text[end : end + 30].split("\n")[0]
    return f"…{left}{text[start:end]}{right}…"


def _inside(start: int, end: int, found: list[Found]) -> bool:
    i = bisect.bisect_right(found, start, key=lambda f: f.start)
    return (i > 0 and found[i - 1].end > start) or (i < len(found) and found[i].start < end)


def _is_candidate(word: str) -> bool:
    if not word[0].isupper() or len(word) < 2:
        return False
    letters = [c for c in word if c.isalpha()]
    # An acronym (HR, THL, KPI) is not a name.
    return not all(c.isupper() for c in letters)


def name_candidates(
    texts: Iterable[tuple[str, list[Found]]], vocabulary: Iterable[str] = ()
) -> list[Candidate]:
    """Possible unknown names in ``texts`` (each with the known names found in it), most
    frequent first; ``vocabulary`` holds words that are known not to be people's names."""
    words = sorted({w for phrase in vocabulary for w in re.findall(r"[^\W\d_]+", phrase)})
    # Inflected forms of the vocabulary are known too ("Tukun" of Pohjolan Tukku Oy).
    known = NameMatcher([Known(w, "", (w,)) for w in words], "")
    counts: dict[str, int] = {}
    contexts: dict[str, str] = {}
    for text, found in texts:
        for m in _CAPITALIZED.finditer(text):
            word = m.group().rstrip("’'-")
            inside = _inside(m.start(), m.end(), found)
            if inside or not _is_candidate(word):
                continue
            base = re.split(r"[’':\-]", word)[0]
            folded = fold_word(base)
            if folded in COMMON_WORDS or known.owners(folded) or _starts_sentence(text, m.start()):
                continue
            counts[base] = counts.get(base, 0) + 1
            contexts.setdefault(base, _context(text, m.start(), m.end()))
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    return [Candidate(w, counts[w], contexts[w]) for w in ranked]
