"""Translators' tools for the catalogues: not imported by the application.

``python -m app.i18n_tools fold FILE…`` folds the translations of a plain ``.po`` file (the
``resources/i18n/fi/<branch>.po`` an engineer adds with new messages) into the language's one
catalogue, compiles the ``.mo`` and deletes the file. ``fold --all`` folds every such stray
file. A message the catalogue already translates differently is a conflict: it is listed, the
catalogue keeps its text (``--overwrite`` takes the file's) and the file stays until resolved.

``python -m app.i18n_tools compile`` writes every ``.mo`` from its ``.po`` (the same as
``make i18n-compile``). See docs/architecture.md "Translations" for the whole workflow.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from app.i18n import DOMAIN, locale_dir


def catalogue_path(lang: str, root: Path | None = None) -> Path:
    return (root or locale_dir()) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(path: Path, lang: str) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, domain=DOMAIN)


def write_catalogue(catalogue: Catalog, path: Path) -> None:
    with path.open("wb") as fh:
        write_po(fh, catalogue, sort_output=True, ignore_obsolete=True)


def compile_catalogue(po: Path) -> Path:
    """Write the ``.mo`` beside ``po`` (translated, non-fuzzy messages only)."""
    mo = po.with_suffix(".mo")
    with mo.open("wb") as fh:
        write_mo(fh, read_catalogue(po, po.parent.parent.name))
    return mo


def _translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return bool(message.id) and all(strings)


@dataclass
class Folded:
    added: list[str] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def fold(source: Catalog, target: Catalog, *, overwrite: bool = False) -> Folded:
    """Copy the translations of ``source`` into ``target``; report what changed."""
    result = Folded()
    for message in source:
        if not _translated(message):
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        mine = target.get(message.id, message.context)
        if mine is None:
            target.add(message.id, message.string, context=message.context)
            result.added.append(key)
        elif not _translated(mine) or mine.fuzzy:
            mine.string, mine.flags = message.string, mine.flags - {"fuzzy"}
            result.filled.append(key)
        elif mine.string != message.string:
            result.conflicts.append(f"{key!r}: {mine.string!r} ≠ {message.string!r}")
            if overwrite:
                mine.string = message.string
    return result


def stray_files(lang: str, root: Path | None = None) -> list[Path]:
    """The plain ``.po`` files lying beside a language's catalogue, waiting to be folded."""
    return sorted(((root or locale_dir()) / lang).glob("*.po"))


def fold_files(files: Sequence[Path], lang: str, *, overwrite: bool, keep: bool) -> int:
    target_path = catalogue_path(lang)
    target = read_catalogue(target_path, lang)
    status = 0
    for path in files:
        result = fold(read_catalogue(path, lang), target, overwrite=overwrite)
        print(f"{path}: {len(result.added)} added, {len(result.filled)} filled in")
        for line in result.conflicts:
            print(f"  conflict {line}", file=sys.stderr)
        if result.conflicts and not overwrite:
            status = 1
            print(f"  {path} is kept: resolve the conflicts (or --overwrite)", file=sys.stderr)
        elif not keep:
            path.unlink()
    write_catalogue(target, target_path)
    compile_catalogue(target_path)
    print("Now run `make i18n` to update the catalogue against the code.")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.i18n_tools")
    commands = parser.add_subparsers(dest="command", required=True)
    folding = commands.add_parser("fold", help="fold plain .po files into the catalogue")
    folding.add_argument("files", nargs="*", type=Path)
    folding.add_argument("--all", action="store_true", help="every stray .po of the language")
    folding.add_argument("--lang", default="fi")
    folding.add_argument("--overwrite", action="store_true", help="the file's text wins")
    folding.add_argument("--keep", action="store_true", help="do not delete the folded files")
    commands.add_parser("compile", help="write every .mo from its .po")
    args = parser.parse_args(argv)
    if args.command == "compile":
        for po in sorted(locale_dir().glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            print(compile_catalogue(po))
        return 0
    files = [*args.files, *(stray_files(args.lang) if args.all else [])]
    if not files:
        parser.error("name the .po files to fold, or --all")
    return fold_files(files, args.lang, overwrite=args.overwrite, keep=args.keep)


if __name__ == "__main__":
    sys.exit(main())
