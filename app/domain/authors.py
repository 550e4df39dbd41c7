"""The facilitators who write in a diary: each one's short stable id and name.

A facilitator's preferences hold their name and an id made once on their computer
(``new_author_id``); every record they create or change carries that id (``created_by``,
``updated_by``), and partnership files carry the ids with the names (``authors``), so a team
can see who wrote what after bringing their diaries together.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


@dataclass(frozen=True, slots=True)
class Author:
    id: str
    name: str = ""

    @property
    def label(self) -> str:
        """What the app shows for the author: the name, or the id when no name was given."""
        return self.name.strip() or self.id


def new_author_id() -> str:
    """A fresh author id: 8 lower-case hexadecimal characters, short enough to read."""
    return uuid.uuid4().hex[:8]


def valid_author_id(value: str) -> bool:
    """Lower-case letters, digits and hyphens, 1–40 characters, not starting with a hyphen."""
    return bool(_ID.match(value))
