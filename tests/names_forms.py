"""How names are really written, spelled out independently of ``app.names``: the test side's
own inflection of Finnish and English names (after ../shared/notes/names-fi.md), and the ways
text arrives (capitals, decomposed Unicode, soft hyphens, no diacritics, e-mail addresses).

Not a test module of its own: ``test_names`` and ``test_names_property`` import it.
"""

from __future__ import annotations

import unicodedata

# Names whose stems change, with forms a Finnish writer uses (genitive, allative, partitive…).
IRREGULAR: dict[str, tuple[str, ...]] = {
    "Mikko": ("Mikon", "Mikolle", "Mikkoa", "Mikkoon", "Mikossa", "Mikoksi", "Mikkona"),
    "Pekka": ("Pekan", "Pekalle", "Pekkaa", "Pekkaan", "Pekalta"),
    "Antti": ("Antin", "Antille", "Anttia", "Anttiin", "Antilta"),
    "Matti": ("Matin", "Matille", "Mattia", "Mattiin"),
    "Satu": ("Sadun", "Sadulle", "Satua", "Satuun", "Sadulta"),
    "Seppo": ("Sepon", "Sepolle", "Seppoa", "Seppoon"),
    "Pirkko": ("Pirkon", "Pirkolle", "Pirkkoa"),
    "Jaakko": ("Jaakon", "Jaakolle", "Jaakkoa"),
    "Heikki": ("Heikin", "Heikille", "Heikkiä"),
    "Hilkka": ("Hilkan", "Hilkalle", "Hilkkaa"),
    "Valto": ("Vallon", "Vallolle", "Valtoa"),
    "Lahti": ("Lahden", "Lahdelle", "Lahtea", "Lahteen", "Lahdesta"),
    "Koski": ("Kosken", "Koskelle", "Koskea", "Koskeen"),
    "Niemi": ("Niemen", "Niemelle", "Niemeä", "Niemeen"),
    "Järvi": ("Järven", "Järvelle", "Järveä", "Järveen"),
    "Lampi": ("Lammen", "Lammelle", "Lampea"),
    "Mäki": ("Mäen", "Mäelle", "Mäkeä", "Mäkeen"),
    "Markus": ("Markuksen", "Markukselle", "Markusta", "Markukseen"),
    "Tuomas": ("Tuomaksen", "Tuomakselle", "Tuomasta"),
}
GIVEN = (
    "Päivi",
    "Helmi",
    "Aino",
    "Eino",
    "Sanna",
    "Liisa",
    "Anna-Liisa",
    "Juha",
    "Outi",
    "Bo",
    "Ville",
    "Kalle",
    "Sarah",
    "Emily",
    "Oliver",
    "Mike",
    "Ahmed",
    "Ann",
    "Jyrki",
)
SURNAMES = (
    "Virtanen",
    "Kärkkäinen",
    "Mäkinen",
    "Nieminen",
    "Östman",
    "Lindqvist",
    "Ek",
    "Aho",
    "Smith",
    "Johnson",
    "Haapaniemi",
    "Salo",
    "Berg",
)
ENGLISH = frozenset({"Sarah", "Emily", "Oliver", "Mike", "Smith", "Johnson", "Ann"})
VOWELS = "aeiouyäö"
CLITICS = (("kin", "kin"), ("kaan", "kään"), ("han", "hän"), ("pa", "pä"), ("ko", "kö"))
POSSESSIVES = (("nsa", "nsä"), ("ni", "ni"), ("mme", "mme"))


def back(word: str) -> bool:
    """Vowel harmony: endings with a, o, u after a back-vowel word."""
    return any(c in "aouAOU" for c in word)


def harmony(word: str, pair: tuple[str, str]) -> str:
    return pair[0] if back(word) else pair[1]


def finnish_forms(name: str) -> tuple[str, ...]:
    """Case forms of one name part, by the rules a Finnish writer follows."""
    if name in IRREGULAR:
        return (name, *IRREGULAR[name])
    a = harmony(name, ("a", "ä"))
    if name.endswith("nen"):
        root = name[:-3]
        return (
            name,
            root + "sen",
            root + "selle",
            root + "sta" if back(name) else root + "stä",
            root + "set",
            root + "sessa" if back(name) else root + "sessä",
            root + "seen",
            root + "sten",
            root + "seksi",
            root + "sella" if back(name) else root + "sellä",
        )
    if name[-1].lower() in VOWELS:
        return (
            name,
            name + "n",
            name + a,
            name + "lle",
            name + "ss" + a,
            name + "st" + a,
            name + "ll" + a,
            name + "lt" + a,
            name + "n" + a,
            name + "ksi",
            name + "t",
            name + name[-1] + "n",
        )
    # Consonant-final (Swedish, foreign): a link vowel i before the ending.
    return (name, name + "in", name + "ille", name + "i" + a, name + "ist" + a, name + "iin")


def english_forms(name: str) -> tuple[str, ...]:
    marked = (name + "'n", name + "'lle") if name in ENGLISH else ()
    return (name, name + "'s", name + "’s", *marked)


def with_suffixes(form: str, clitic: int | None, possessive: int | None) -> str:
    """A form with a possessive suffix and a clitic stacked on it (Päivinsäkin)."""
    if possessive is not None:
        form += harmony(form, POSSESSIVES[possessive])
    if clitic is not None:
        form += harmony(form, CLITICS[clitic])
    return form


def without_diacritics(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def with_invisible(text: str, at: int, char: str = "\u00ad") -> str:
    """A soft hyphen (or zero-width space) inside a word, as pasted from a hyphenated text."""
    at = max(1, min(at, len(text) - 1))
    return text[:at] + char + text[at:]


def handles(given: str, surname: str) -> tuple[str, ...]:
    """E-mail addresses and handles built from a name."""
    g, s = without_diacritics(given).lower(), without_diacritics(surname).lower()
    return (
        f"{g}.{s}@example.fi",
        f"{s}.{g}@firma.com",
        f"@{g[0]}{s}",
        f"{given}_{surname}",
        f"{g}{s}@mail.example.org",
    )
