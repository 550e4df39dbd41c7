"""Reading a CSV file as a stream: one record at a time, never the whole file in memory.

A decoding error (the file is not UTF-8) surfaces as ``UnicodeDecodeError`` while records are
read; a header line too long to be one is ``Unreadable``.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from typing import BinaryIO

from app.i18n import ngettext

# The longest header line: a questionnaire's header is a few hundred characters.
MAX_HEADER_CHARS = 65_536


class Unreadable(Exception):
    """The file cannot be read as CSV at all; the message says why."""


def text_stream(data: bytes | BinaryIO) -> io.TextIOWrapper:
    """``data`` as UTF-8 text (a BOM dropped), decoded as it is read; line ends kept for csv."""
    raw: BinaryIO = io.BytesIO(data) if isinstance(data, bytes) else data
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def read_records(stream: io.TextIOWrapper) -> Iterator[tuple[int, list[str]]]:
    """CSV records with the file row (line) each starts on; quoted newlines stay in the field.

    The header line decides the separator: semicolon when it has more semicolons than commas
    (Finnish spreadsheets)."""
    header = stream.readline(MAX_HEADER_CHARS)
    if len(header) >= MAX_HEADER_CHARS and not header.endswith("\n"):
        raise Unreadable(
            ngettext(
                "The header row is longer than {n} character.",
                "The header row is longer than {n} characters.",
                MAX_HEADER_CHARS,
            ).format(n=MAX_HEADER_CHARS)
        )
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.reader(itertools.chain([header], stream), delimiter=delimiter)
    line = 1
    for record in reader:
        yield line, record
        line = reader.line_num + 1
