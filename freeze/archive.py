"""Pack the built bundle into one file to hand out: ``python freeze/archive.py``.

``dist/Kumppani-VERSION-SYSTEM-MACHINE.zip`` on Windows and macOS (the .app on macOS), a
``.tar.gz`` on Linux (it keeps the programs executable and the links as they are).
"""

from __future__ import annotations

import platform
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.version import version

DIST = Path(__file__).resolve().parent.parent / "dist"


def main() -> int:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    folder = "Kumppani.app" if sys.platform == "darwin" else "Kumppani"
    if not (DIST / folder).exists():
        print(f"No bundle in {DIST / folder}: run `make bundle` first.", file=sys.stderr)
        return 2
    kind = "gztar" if system == "linux" else "zip"
    base = DIST / f"Kumppani-{version()}-{system}-{platform.machine().lower()}"
    made = shutil.make_archive(str(base), kind, root_dir=DIST, base_dir=folder)
    print(f"{made}: {Path(made).stat().st_size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
