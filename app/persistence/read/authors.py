"""Reading who wrote what (``app.persistence.authors``)."""

from app.persistence.authors import (
    Stamp,
    author_names,
    list_authors,
    partnership_authors,
    record_authors,
)

__all__ = ["Stamp", "author_names", "list_authors", "partnership_authors", "record_authors"]
