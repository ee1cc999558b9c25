# One command checks what CI checks: `make test`. `make example` sets up and codes the bundled example.
# `make web` fetches the page's pinned browser libraries (npm ci) into src/eventcoder/web/static/vendor/;
# `make browser` installs Debian's Chromium (and Node.js/npm) when missing, for the browser tests.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: setup web browser test example bench probes screenshots loadtest
WEB_VENDOR = src/eventcoder/web/static/vendor

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

setup: $(VENV)/.installed

$(WEB_VENDOR)/.built: package.json package-lock.json src/eventcoder/web/assets.py | $(VENV)/.installed
	@command -v npm >/dev/null 2>&1 || { apt-get update && apt-get install -y nodejs npm; }
	$(BIN)/python -m eventcoder.web.assets
	touch $@

web: setup $(WEB_VENDOR)/.built

browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update && apt-get install -y chromium; }

test: setup web browser
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy src
	$(BIN)/pytest -q

example: setup
	$(BIN)/eventcoder code examples/kirkuk-ambush.txt --published 2021-11-22 --format table

bench: setup
	$(BIN)/python scripts/benchmark.py

probes: setup
	PATH=$(CURDIR)/$(BIN):$$PATH $(PYTHON) ../shared/probes/run.py

screenshots: web browser
	$(BIN)/python scripts/screenshots.py

loadtest: web
	$(BIN)/python scripts/loadtest.py
