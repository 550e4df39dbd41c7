"""``kumppani search --partnership REF TEXT [--json]``: the diary's full-text search, for scripts.

The same search as the History page (entries and events, best match first, deleted items left
out); private entries are found too and marked as private. The text is cleaned as the window
cleans it: control characters and broken characters are dropped, and a long text is cut to its
first words.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.backup.opening import open_diary_file
from app.i18n import _
from ui.cli.options import add_partnership

NAME = "search"
HELP = _("search the entries and events of a partnership")


def configure(parser: argparse.ArgumentParser) -> None:
    add_partnership(parser)
    parser.add_argument("--limit", type=int, default=50, metavar="N", help=_("show at most N hits"))
    parser.add_argument("--json", action="store_true", help=_("print the hits as JSON"))
    parser.add_argument("text", nargs="+", metavar="TEXT", help=_("the words to search for"))


def _as_dict(hit: Any) -> dict[str, Any]:
    return {
        "date": hit.when,
        "event": hit.event_title,
        "kind": hit.event_kind.value,
        "entry_type": hit.entry_type.value if hit.entry_type else None,
        "visibility": hit.visibility.value if hit.visibility else None,
        "text": hit.snippet.text,
    }


def _line(hit: dict[str, Any]) -> str:
    from app.domain import EntryType
    from app.domain.labels import entry_type_name

    what = entry_type_name(EntryType(hit["entry_type"])) if hit["entry_type"] else _("event")
    private = " " + _("(private)") if hit["visibility"] == "private" else ""
    return f"{hit['date']}  {hit['event']} — {what}{private}\n    {hit['text']}"


def run(args: argparse.Namespace) -> int:
    from app.i18n import ngettext
    from app.persistence.search import clean_query, hits, search_keys
    from app.services.lookup import PartnershipNotFound, resolve_partnership
    from ui.cli import UserError, diary_path

    if args.limit < 1:
        raise UserError(_("--limit must be 1 or more."))
    text = clean_query(" ".join(args.text))
    if not text.strip():
        raise UserError(_("Give at least one word to search for."))
    diary = open_diary_file(diary_path(args))
    try:
        partnership = resolve_partnership(diary.db, args.partnership)
        assert partnership.pk is not None
        keys = search_keys(diary.db, partnership.pk, text)
        found = [_as_dict(h) for h in hits(diary.db, text, keys[: args.limit])]
    except PartnershipNotFound as exc:
        raise UserError(exc.message) from None
    finally:
        diary.close()
    if args.json:
        print(json.dumps({"total": len(keys), "hits": found}, ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(_("Nothing found for {text}.").format(text=text))
        return 0
    print("\n".join(_line(h) for h in found))
    if len(keys) > len(found):
        more = len(keys) - len(found)
        print(
            ngettext(
                "… and {n} more; use --limit to see more.",
                "… and {n} more; use --limit to see more.",
                more,
            ).format(n=more)
        )
    return 0
