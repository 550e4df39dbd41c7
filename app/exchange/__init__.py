"""The partnership exchange format (version 1): one JSON file holds one whole partnership.

``export_partnership`` and ``import_partnership`` convert between a diary and the format;
``load_file`` and ``save_file`` read and write the files. See docs/exchange-format.md.
"""

from app.exchange.errors import AlreadyInDiary, ExchangeError
from app.exchange.export import export_partnership
from app.exchange.files import dumps, load_file, save_file
from app.exchange.importer import MODES, Mode, import_partnership
from app.exchange.parse import FORMAT, VERSION, Parsed, parse

__all__ = [
    "FORMAT",
    "MODES",
    "VERSION",
    "AlreadyInDiary",
    "ExchangeError",
    "Mode",
    "Parsed",
    "dumps",
    "export_partnership",
    "import_partnership",
    "load_file",
    "parse",
    "save_file",
]
