"""Finding a partnership from what a user typed: its id, or else its exact name."""

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


def resolve_partnership(db: Database, ref: str) -> Partnership:
    """The partnership whose id is ``ref``, or else the one named exactly ``ref``.

    Raises ``PartnershipNotFound`` naming the partnerships there are when none matches, and
    listing the ids to choose from when several have that name.
    """
    everything = partnerships.list_partnerships(db)
    by_id = [p for p in everything if p.id == ref]
    if by_id:
        return by_id[0]
    by_name = [p for p in everything if p.name == ref]
    if len(by_name) == 1:
        return by_name[0]
    if len(by_name) > 1:
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
