"""The forms a name takes in Finnish (and English) running text, as a regular expression.

The rules are data (``resources/names/finnish.json``): the endings, the ``-nen`` stems, consonant
gradation, old e-stems and the link vowel of consonant-final names. ``forms_pattern("virtanen")``
gives a pattern that matches, as a whole word of folded text, every form of the name: Virtanen,
Virtasen, Virtaselle, Virtasta, Virtaset, Virtasellekinhan, Virtanen's, …
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

VOWELS = "aeiouy"


@dataclass(frozen=True, slots=True)
class Rules:
    cases: tuple[str, ...]
    plurals: tuple[str, ...]
    possessives: tuple[str, ...]
    clitics: tuple[str, ...]
    nen_suffix: str
    nen_stems: tuple[str, ...]
    gradation: tuple[tuple[str, tuple[str, ...]], ...]
    single_after: str
    min_stem: int
    e_from: str
    e_to: str
    link: str
    s_stems: tuple[str, ...]
    marks: str


@cache
def rules() -> Rules:
    """The shipped rules, read once."""
    path = resources.files("resources").joinpath("names/finnish.json")
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    grading = data["gradation"]
    return Rules(
        cases=tuple(data["cases"]),
        plurals=tuple(data["plurals"]),
        possessives=tuple(data["possessives"]),
        clitics=tuple(data["clitics"]),
        nen_suffix=data["nen"]["suffix"],
        nen_stems=tuple(data["nen"]["stems"]),
        gradation=tuple((strong, tuple(weak)) for strong, weak in grading["pairs"]),
        single_after=grading["single_after"],
        min_stem=int(grading["min_stem"]),
        e_from=data["e_stem"]["ending"],
        e_to=data["e_stem"]["becomes"],
        link=data["consonant_final"]["link"],
        s_stems=tuple(data["consonant_final"]["s_names"]),
        marks=data["separators"]["marks"],
    )


def weak_grades(word: str, r: Rules) -> set[str]:
    """``word`` (ending in a vowel) with the consonants before its last vowel in the weak grade."""
    if len(word) < 2 or word[-1] not in VOWELS:
        return set()
    head, last = word[:-1], word[-1]
    for strong, weaks in r.gradation:
        if not head.endswith(strong):
            continue
        before = head[: -len(strong)]
        # A single k, p or t grades only between vowels (Satu → Sadun, not Kusti → Kusdin).
        if len(strong) == 1 and (not before or before[-1] not in r.single_after):
            return set()
        return {before + weak + last for weak in weaks if len(before + weak) + 1 >= r.min_stem}
    return set()


def stems(part: str) -> tuple[set[str], set[str]]:
    """(free, bound) stems of a folded name part: a free stem stands alone or takes endings; a
    bound stem (Virtase-, Miko-, Östmani-) is a form only with an ending after it."""
    r = rules()
    free, bound = {part}, set()
    if part.endswith(r.nen_suffix) and len(part) > len(r.nen_suffix) + 1:
        root = part[: -len(r.nen_suffix)]
        bound |= {root + s for s in r.nen_stems}
    elif part[-1] in VOWELS:
        bound |= weak_grades(part, r)
        if part.endswith(r.e_from) and len(part) > 2:
            e_stem = part[: -len(r.e_from)] + r.e_to
            bound.add(e_stem)
            bound |= {w[:-1] + r.e_to for w in weak_grades(part, r)}
    else:
        # Consonant-final (Östman, Ahmed, Ann): endings come after a link vowel, so "Anna" is
        # not a form of "Ann".
        bound.add(part + r.link)
        if len(part) > 2 and part[-1] == "s" and part[-2] in VOWELS:
            bound |= {part[:-1] + s for s in r.s_stems}
            bound.add(part)
    return free, bound


def _alt(items: set[str] | tuple[str, ...]) -> str:
    ordered = sorted(set(items), key=lambda s: (-len(s), s))
    return "|".join(re.escape(s) for s in ordered if s)


def _illatives(stem: str) -> set[str]:
    """Illative endings built on a stem's last vowel: Päivi-in, Mikko-on, Bo-hon."""
    if stem[-1] not in VOWELS:
        return set()
    v = stem[-1]
    return {v + "n", "h" + v + "n"}


def forms_pattern(part: str) -> str:
    """A regular expression (no anchors) for every form of a folded name part."""
    r = rules()
    free, bound = stems(part)
    endings = set(r.cases) | set(r.plurals)
    tail = f"(?:{_alt(r.possessives)})?(?:{_alt(r.clitics)}){{0,3}}"
    mark = f"(?:[{re.escape(r.marks)}][a-z]{{1,12}})"
    vowel_final = part[-1] in VOWELS
    branches = []
    for stem in sorted(free | bound):
        own = endings | _illatives(stem)
        ending = f"(?:{_alt(own)})"
        if stem in free and not vowel_final:
            # A consonant-final name takes clitics and marked endings directly: Östmankin, Mike's.
            branches.append(f"{re.escape(stem)}(?:{mark}|(?:{_alt(r.clitics)}){{1,3}})?")
        elif stem in free:
            branches.append(f"{re.escape(stem)}(?:{ending})?{tail}{mark}?")
        if stem in bound:
            branches.append(f"{re.escape(stem)}{ending}{tail}")
    return "(?:" + "|".join(branches) + ")"


@cache
def compiled(part: str) -> re.Pattern[str]:
    """The whole-word pattern of a folded name part."""
    return re.compile(forms_pattern(part))
