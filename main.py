"""Start Kumppani: ``python main.py [--db PATH] [COMMAND ...]`` does the same as ``kumppani``."""

import sys

from ui.cli import main

if __name__ == "__main__":
    sys.exit(main())
