"""Finding a partnership from what a user typed: its id, or else its name in any letter case."""

from __future__ import annotations

from sqlite_utils import Database

from app.domain import Partnership
from app.i18n import _
from app.persistence import partnerships


class PartnershipNotFound(LookupError):
    """No partnership (or more than one) answers to the reference; the message says which."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def _listing(found: list[Partnership]) -> str:
    return "; ".join(f'"{p.name}" ({p.id})' for p in found)


def _same_name(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def resolve_partnership(db: Database, ref: str) -> Partnership:
    """The partnership whose id is ``ref``, or else the one whose name is ``ref``.

    Names match whatever their letter case ("demo" finds "Demo"). When several names match,
    the one spelled exactly as typed wins if there is exactly one; otherwise the reference is
    ambiguous and ``PartnershipNotFound`` lists the candidates with their ids. When none
    matches, the message names the partnerships there are.
    """
    everything = partnerships.list_partnerships(db)
    by_id = [p for p in everything if p.id == ref]
    if by_id:
        return by_id[0]
    by_name = [p for p in everything if _same_name(p.name, ref)]
    exact = [p for p in by_name if p.name == ref]
    if len(by_name) == 1:
        return by_name[0]
    if len(exact) == 1:
        return exact[0]
    if by_name:
        raise PartnershipNotFound(
            _("Several partnerships are named {ref}; give the id of one: {listing}.").format(
                ref=ref, listing=_listing(by_name)
            )
        )
    if not everything:
        raise PartnershipNotFound(
            _("There is no partnership {ref}: this diary has no partnerships yet.").format(ref=ref)
        )
    raise PartnershipNotFound(
        _("There is no partnership {ref} in this diary. It has: {listing}.").format(
            ref=ref, listing=_listing(everything)
        )
    )
