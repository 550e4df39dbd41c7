"""``make bundle-test``: start the built application as a facilitator's computer would.

``python freeze/bundle_test.py [dist/Kumppani]`` runs the bundle's own programs with an empty
environment (only a plain PATH, a fresh HOME and the offscreen Qt platform: what ``env -i`` would
leave, with no virtual environment and no PYTHONPATH) from a temporary working folder, and checks
that: ``--version`` answers, ``kumppani demo`` creates a new diary that ``kumppani check`` finds
healthy, ``kumppani report`` writes the demonstration's report as a PDF with pages, and the
window comes up and paints (``--smoke-test``). The PDF is read back with pypdf of the
development environment (the bundle has its own copy, for collecting questionnaire forms).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BUNDLE = ROOT / "dist" / "Kumppani"
EXE = ".exe" if sys.platform == "win32" else ""
CLEAN_PATH = "/usr/bin:/bin"
DEMO = ROOT / "resources" / "demo" / "demo-partnership.json"
TIMEOUT_S = 180


class Failed(Exception):
    pass


def clean_env(home: Path) -> dict[str, str]:
    """An environment as ``env -i PATH=/usr/bin:/bin`` leaves it, plus a home of its own."""
    env = {"PATH": CLEAN_PATH, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    if sys.platform == "win32":  # Windows cannot start a program without these
        import os

        env.update({k: os.environ[k] for k in ("SYSTEMROOT", "TEMP", "TMP") if k in os.environ})
        env["APPDATA"] = env["LOCALAPPDATA"] = str(home)
    return env


class BundleTest:
    def __init__(self, bundle: Path, work: Path) -> None:
        self.bundle = bundle
        self.work = work
        self.env = clean_env(work / "home")
        self.diary = work / "new-diary.sqlite3"

    def run(self, program: str, *args: str) -> str:
        command = [str(self.bundle / f"{program}{EXE}"), *args]
        done = subprocess.run(
            command,
            cwd=self.work,
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            raise Failed(f"{program} {' '.join(args)} exited {done.returncode}: {done.stderr}")
        return done.stdout

    def version(self) -> str:
        for program in ("kumppani", "kumppani-gui"):
            out = self.run(program, "--version").strip()
            if not re.fullmatch(r"kumppani(-gui)? \d+\.\d+\S*", out):
                raise Failed(f"{program} --version printed {out!r}")
        return out

    def check_new_diary(self) -> str:
        self.run("kumppani", "--db", str(self.diary), "demo")
        out = self.run("kumppani", "--db", str(self.diary), "check")
        if "healthy" not in out:
            raise Failed(f"check did not call the new diary healthy: {out!r}")
        return out.strip().splitlines()[0]

    def report(self) -> str:
        """The demonstration's report in each language (translations, fonts, Babel's dates)."""
        demo_id = json.loads(DEMO.read_text(encoding="utf-8"))["partnership"]["id"]
        written = []
        for lang in ("fi", "en"):
            pdf = self.work / f"demo-report-{lang}.pdf"
            args = ["--db", str(self.diary), "report", "--partnership", demo_id, "--lang", lang]
            self.run("kumppani", *args, "--out", str(pdf), "--draft")
            if not pdf.read_bytes().startswith(b"%PDF-"):
                raise Failed(f"{pdf} is not a PDF")
            pages = len(PdfReader(pdf).pages)
            if pages < 1:
                raise Failed(f"{pdf} has no pages")
            written.append(f"{pdf.name}: {pages} pages, {pdf.stat().st_size // 1024} kB")
        return "; ".join(written)

    def window(self) -> str:
        out = self.run("kumppani-gui", "--db", str(self.diary), "--smoke-test")
        lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        if not lines or lines[-1].get("smoke_test") != "painted":
            raise Failed(f"the window did not report its first paint: {out!r}")
        return "the main window painted and showed the demonstration (offscreen)"


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else DEFAULT_BUNDLE
    if not (bundle / f"kumppani{EXE}").is_file():
        print(f"No bundle in {bundle}: run `make bundle` first.", file=sys.stderr)
        return 2
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="kumppani-bundle-test-") as tmp:
        test = BundleTest(bundle.resolve(), Path(tmp))
        steps: list[tuple[str, Callable[[], str]]] = [
            ("--version", test.version),
            ("check on a new diary", test.check_new_diary),
            ("report of the demo", test.report),
            ("window comes up", test.window),
        ]
        for name, step in steps:
            try:
                detail = step()
            except (Failed, OSError, subprocess.TimeoutExpired) as exc:
                failed += 1
                print(f"FAIL  {name}: {exc}")
            else:
                passed += 1
                print(f"ok    {name}: {detail}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
