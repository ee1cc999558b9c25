# One command checks what CI checks: `make test`. `make example` sets up and codes the bundled example.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: setup test example bench probes

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

setup: $(VENV)/.installed

test: setup
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy src
	$(BIN)/pytest -q

example: setup
	$(BIN)/eventcoder code examples/kirkuk-ambush.txt --published 2021-11-22 --format table

bench: setup
	$(BIN)/python scripts/benchmark.py

probes: setup
	PATH=$(CURDIR)/$(BIN):$$PATH $(PYTHON) ../shared/probes/run.py
