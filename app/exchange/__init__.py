"""The partnership exchange format (writes version 2, reads 1 and 2): one JSON file holds one
whole partnership.

``export_partnership`` and ``import_partnership`` convert between a diary and the format;
``load_file`` and ``save_file`` read and write the files; ``check_file`` checks a file of any size
record by record for an import in flat memory. See docs/exchange-format.md.
"""

from app.exchange.errors import AlreadyInDiary, ExchangeError
from app.exchange.export import export_partnership, export_stream
from app.exchange.files import dumps, load_file, save_file, write_document
from app.exchange.importer import MODES, Mode, import_partnership
from app.exchange.parse import FORMAT, VERSION, Parsed, parse
from app.exchange.stream import CheckedFile, check_file

__all__ = [
    "FORMAT",
    "MODES",
    "VERSION",
    "AlreadyInDiary",
    "CheckedFile",
    "ExchangeError",
    "Mode",
    "Parsed",
    "check_file",
    "dumps",
    "export_partnership",
    "export_stream",
    "import_partnership",
    "load_file",
    "parse",
    "save_file",
    "write_document",
]
