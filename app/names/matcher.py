"""Find the known people and organizations named in a text, in any form, and replace them.

A person is matched part by part (Anna-Liisa Virtanen: "anna", "liisa", "virtanen"), each part in
every inflected form (``app.names.finnish``), case- and diacritic-insensitively after folding
(``app.names.fold``); adjacent parts of the same person (Päivi Virtasen, Virtanen Päivi,
Anna-Liisa) become one replacement. An organization is matched only as its whole name, the last
word inflected (Pohjolan Tukun). E-mail addresses, @handles and names joined by underscores are
replaced whole when built from a person's name.

A word that is a form of several known people's names is never given one person's label: it
gets the neutral placeholder, unless the neighbouring part decides (Anna Korhonen).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from app.names.finnish import compiled, stems
from app.names.fold import Folded, adds_diacritics, fold, fold_light, fold_word

_WORD = re.compile(r"\w+(?:[':’]\w+)?")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_HANDLE = re.compile(r"(?<![\w@.])@\w(?:[\w.]*\w)?")
_PIECES = re.compile(r"[._+\-\d]+")
# What may stand between two parts of one person's name.
_JOIN = re.compile(r"\s+|\s*[-‐‑]\s*")
_SPLIT = re.compile(r"[\s\-‐‑]+")
_INITIAL = re.compile(r"(?<!\w)([a-z])\.\s*$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")


@dataclass(frozen=True, slots=True)
class Known:
    """Someone (or some organization) whose name is to be found, and what replaces it."""

    key: Hashable
    label: str
    names: tuple[str, ...]
    # An organization's name is matched only as a whole (its words are ordinary words).
    phrase: bool = False
    # Each word of the names on its own, in any form, but only where written with a capital
    # letter (the distinctive words of an organization's name: "Tukku" of Pohjolan Tukku Oy).
    capitalized: bool = False


@dataclass(frozen=True, slots=True)
class Found:
    """A name found in the original text: ``text[start:end]`` names ``keys``."""

    start: int
    end: int
    keys: frozenset[Hashable]
    person: bool = True


@dataclass(frozen=True, slots=True)
class Replacement:
    original: str
    label: str


@dataclass(frozen=True, slots=True)
class Hidden:
    text: str
    replacements: tuple[Replacement, ...] = ()


def name_parts(name: str) -> list[str]:
    """The folded parts of a name: words, and each half of a hyphenated word."""
    return [p for p in _SPLIT.split(fold_word(name)) if p]


class NameMatcher:
    """Finds and replaces the names of a fixed set of known people and organizations."""

    def __init__(self, known: Iterable[Known], placeholder: str) -> None:
        self.placeholder = placeholder
        self._labels: dict[Hashable, str] = {}
        self._parts: dict[str, set[Hashable]] = {}
        # Each folded part as typed (diacritics kept): "lahti" for Lahti, "paivi" → "päivi".
        self._typed: dict[str, set[str]] = {}
        self._compact: dict[str, set[Hashable]] = {}
        self._initials: dict[Hashable, set[str]] = {}
        self._domains: dict[str, set[Hashable]] = {}
        self._phrases: list[tuple[re.Pattern[str], Hashable]] = []
        self._capitalized: set[Hashable] = set()
        for k in known:
            self._labels[k.key] = k.label
            for name in k.names:
                if k.phrase:
                    self._add_organization(k.key, name_parts(name))
                else:
                    self._add_person(k.key, name)
            if k.capitalized:
                self._capitalized.add(k.key)
        self._index: dict[str, list[str]] = {}
        for part in self._parts:
            free, bound = stems(part)
            for stem in free | bound:
                bucket = self._index.setdefault(stem[:2], [])
                if part not in bucket:
                    bucket.append(part)
        # Only words that start like a known name are looked at (a long note has few).
        starts = "|".join(sorted(map(re.escape, self._index))) or "(?!)"
        self._candidate_words = re.compile(rf"(?<!\w)(?=(?:{starts}))\w+(?:[':’]\w+)?")

    def _add_organization(self, key: Hashable, parts: list[str]) -> None:
        if not parts:
            return
        self._phrases.append((re.compile(_phrase_pattern(parts)), key))
        # An address at the organization's domain names it: info@pohjolantukku.fi.
        for domain in {"".join(parts), *(p for p in parts if len(p) >= 4)}:
            self._domains.setdefault(domain, set()).add(key)

    def _add_person(self, key: Hashable, name: str) -> None:
        # A lone initial ("J. Smith") is not matched on its own; it joins a surname it precedes.
        pairs = [
            (part, typed)
            for part, typed in zip(name_parts(name), _typed_parts(name), strict=False)
            if len(part.strip(".")) > 1
        ]
        for part, typed in pairs:
            self._parts.setdefault(part, set()).add(key)
            self._typed.setdefault(part, set()).add(typed)
        parts = [part for part, _typed in pairs]
        self._initials.setdefault(key, set()).update(p[0] for p in name_parts(name))
        for joined in _compact_forms(parts):
            self._compact.setdefault(joined, set()).add(key)

    def label(self, keys: frozenset[Hashable]) -> str:
        return self._labels[next(iter(keys))] if len(keys) == 1 else self.placeholder

    # -- finding ---------------------------------------------------------------------------

    def owners(self, word: str, typed: str | None = None) -> frozenset[Hashable]:
        """Whose name (in any form) the folded ``word`` is; ``typed``, the word as written
        (``fold_light``), rules out a word whose diacritics the name lacks (lähdin ≠ Lahti)."""
        found: set[Hashable] = set()
        for part in self._index.get(word[:2], ()):
            if compiled(part).fullmatch(word) and (
                typed is None or not all(adds_diacritics(typed, n) for n in self._typed[part])
            ):
                found |= self._parts[part]
        return frozenset(found)

    def find(self, text: str) -> list[Found]:
        """Every known name in ``text``, as spans of the original text, in order."""
        folded = fold(text)
        f = folded.text
        taken: list[Found] = []
        phrases = [(m, key) for pattern, key in self._phrases for m in pattern.finditer(f)]
        # The longest of overlapping organization names wins (Pohjolan Tukku Oy over its core).
        for m, key in sorted(phrases, key=lambda x: (x[0].start() - x[0].end(), x[0].start())):
            if not _overlaps(m.start(), m.end(), taken):
                taken.append(Found(m.start(), m.end(), frozenset({key}), person=False))
                taken.sort(key=lambda x: x.start)
        taken = sorted(taken + self._handles(f, taken), key=lambda x: x.start)
        taken = sorted(taken + self._words(folded, text, taken), key=lambda x: x.start)
        merged = self._merge(f, taken)
        return [Found(*folded.span(x.start, x.end, text), x.keys, x.person) for x in merged]

    def _handles(self, f: str, taken: list[Found]) -> list[Found]:
        out: list[Found] = []
        tokens = [*_EMAIL.finditer(f), *_HANDLE.finditer(f)]
        tokens += [m for m in _WORD.finditer(f) if "_" in m.group()]
        for m in sorted(tokens, key=lambda m: m.start()):
            if _overlaps(m.start(), m.end(), taken) or (out and out[-1].end > m.start()):
                continue
            local, _at, domain = m.group().partition("@")
            keys = self._piece_owners([p for p in _PIECES.split(local or domain) if len(p) > 1])
            if keys:
                out.append(Found(m.start(), m.end(), keys))
            elif local and (owners := self._domain_owners(domain)):
                out.append(Found(m.start(), m.end(), owners, person=False))
        return out

    def _domain_owners(self, domain: str) -> frozenset[Hashable]:
        labels = domain.split(".")[:-1]  # not the top-level domain
        found = [self._domains[x] for x in labels if x in self._domains]
        return frozenset().union(*found) if found else frozenset()

    def _piece_owners(self, pieces: list[str]) -> frozenset[Hashable]:
        sets = [self.owners(p) | self._compact.get(p, set()) for p in pieces]
        sets = [s for s in sets if s]
        if not sets:
            return frozenset()
        common = frozenset.intersection(*map(frozenset, sets))
        return common or frozenset().union(*sets)

    def _words(self, folded: Folded, text: str, taken: list[Found]) -> list[Found]:
        out: list[Found] = []
        for m in self._candidate_words.finditer(folded.text):
            word = m.group()
            if word[:2] not in self._index or "_" in word:
                continue
            if _overlaps(m.start(), m.end(), taken):
                continue
            start, stop = folded.span(m.start(), m.end(), text)
            typed = fold_light(text[start:stop])
            keys = self.owners(word, typed)
            end = m.end()
            if not keys and any(c in word for c in "':’"):
                head = re.split(r"[':’]", word)[0]
                keys, end = self.owners(head, typed), m.start() + len(head)
            if keys & self._capitalized and not text[start:stop][:1].isupper():
                keys = keys - self._capitalized
            if keys:
                out.append(Found(m.start(), end, keys))
        return out

    def _merge(self, f: str, found: list[Found]) -> list[Found]:
        """Join adjacent parts of one person's name; take in a preceding initial (P. Virtanen)."""
        out: list[Found] = []
        for x in found:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.person
                and x.person
                and _JOIN.fullmatch(f[prev.end : x.start])
                and prev.keys & x.keys
            ):
                out[-1] = Found(prev.start, x.end, prev.keys & x.keys)
                continue
            initial = _INITIAL.search(f, max(0, x.start - 8), x.start) if x.person else None
            if (
                initial
                and any(initial.group(1) in self._initials.get(k, ()) for k in x.keys)
                and not (prev and prev.end > initial.start())
            ):
                x = Found(initial.start(), x.end, x.keys)
            out.append(x)
        return out

    # -- replacing -------------------------------------------------------------------------

    def hide(self, text: str, found: list[Found] | None = None) -> Hidden:
        """``text`` with every known name replaced by its label; nothing else changes.

        ``found`` is what ``find(text)`` returned, when the caller already has it."""
        found = self.find(text) if found is None else found
        if not found:
            return Hidden(text)
        pieces: list[str] = []
        replacements: list[Replacement] = []
        at = 0
        for x in found:
            label = self.label(x.keys)
            original = text[x.start : x.end]
            if (
                label[:1].islower()
                and original[:1].isupper()
                and _SENTENCE_START.search(text, max(0, x.start - 40), x.start)
            ):
                label = label[0].upper() + label[1:]
            pieces += [text[at : x.start], label]
            replacements.append(Replacement(original, label))
            at = x.end
        pieces.append(text[at:])
        return Hidden("".join(pieces), tuple(replacements))


def _overlaps(start: int, end: int, spans: list[Found]) -> bool:
    """Whether ``start:end`` overlaps one of ``spans`` (disjoint, sorted by start)."""
    i = bisect.bisect_right(spans, start, key=lambda s: s.start)
    return (i > 0 and spans[i - 1].end > start) or (i < len(spans) and spans[i].start < end)


def _phrase_pattern(parts: list[str]) -> str:
    """An organization's name as a whole, each word in any form (Pohjolan Tukun)."""
    words = [compiled(p).pattern for p in parts]
    return r"(?<!\w)" + r"[\s\-‐‑]+".join(words) + r"(?!\w)"


def _typed_parts(name: str) -> list[str]:
    """The parts of a name as typed, lower case with diacritics (``name_parts`` before folding)."""
    return [p for p in _SPLIT.split(fold_light(name)) if p]


def _compact_forms(parts: list[str]) -> set[str]:
    """How a name is squeezed into a handle: paivivirtanen, pvirtanen, virtanenp, …"""
    if len(parts) < 2:
        return set()
    surname, given = parts[-1], parts[:-1]
    out = {"".join(parts), surname + "".join(given)}
    for g in given:
        out |= {g + surname, surname + g, g[0] + surname, surname + g[0], g + surname[0]}
    return out
