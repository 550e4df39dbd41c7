# Kumppani: two commands do all the set-up on a fresh machine.
#   make run   - create .venv, install Kumppani and start the app
#   make test  - create .venv, install Kumppani with its test tools, run every check headless
#   make bundle      - build the one-folder application for this machine in dist/Kumppani
#   make bundle-test - start that application outside any virtual environment and check it
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
BUNDLE_TOOLS := $(VENV)/.bundle-tools

.PHONY: run test lint typecheck layers pytest bench bench-quick demo bundle bundle-test clean i18n \
	i18n-compile

# PYTHONWARNINGS=ignore on the editable installs: setuptools prints an "Editable installation"
# notice boxed in asterisks, information for packagers that a newcomer reads as an error.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Kumppani needs Python 3.11 or newer ($(PYTHON) is older)." >&2; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	PYTHONWARNINGS=ignore $(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(BUNDLE_TOOLS): $(STAMP)
	PYTHONWARNINGS=ignore $(PY) -m pip install --quiet -e '.[test,bundle]'
	touch $(BUNDLE_TOOLS)

run: $(STAMP)
	$(VENV)/bin/kumppani

demo: $(STAMP)
	$(VENV)/bin/kumppani demo

lint: $(STAMP)
	$(VENV)/bin/ruff check app reports ui tests bench freeze main.py
	$(VENV)/bin/ruff format --check app reports ui tests bench freeze main.py

typecheck: $(STAMP)
	$(VENV)/bin/mypy

layers: $(STAMP)
	$(VENV)/bin/lint-imports

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

test: lint typecheck layers pytest

bench: $(STAMP)
	$(PY) -m bench

bench-quick: $(STAMP)
	$(PY) -m bench --quick

# Translations (docs/architecture.md "Translations"): extract the messages of the code into the
# template, merge them into each language's catalogue, then compile the .mo files the app reads.
I18N     := resources/i18n
POT      := $(I18N)/kumppani.pot
KEYWORDS := -k _ -k N_ -k tr -k ngettext:1,2 -k pgettext:1c,2 -k npgettext:1c,2,3

i18n: $(STAMP)
	$(VENV)/bin/pybabel extract --add-location=file --sort-output -F babel.cfg \
		--project=Kumppani --copyright-holder="The Kumppani developers" \
		--no-default-keywords $(KEYWORDS) -o $(POT) .
	$(VENV)/bin/pybabel update --ignore-obsolete -D kumppani \
		-i $(POT) -d $(I18N)
	$(MAKE) i18n-compile

i18n-compile: $(STAMP)
	$(VENV)/bin/pybabel compile --statistics -D kumppani -d $(I18N)

# PyInstaller builds only for the system it runs on: run this on each (Linux, Windows, macOS).
bundle: $(BUNDLE_TOOLS)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build freeze/kumppani.spec
	$(PY) freeze/archive.py

bundle-test: $(STAMP)
	$(PY) freeze/bundle_test.py dist/Kumppani

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info build dist
