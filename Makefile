# The README's quick start. Each target creates .venv on first use.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# What `make test` passes to pytest: the whole suite on two workers (pytest-xdist).
# The README's docs test sets a small subset, so that its nested `make test`
# proves the command works without running the suite a second time.
PYTEST_ARGS ?= -n 2

.PHONY: example test test-fast lint system-deps schema golden clean

example: $(VENV)/.installed  ## render specs/example.yaml into output/
	$(BIN)/prfaqgen render specs/example.yaml -o output

test: $(VENV)/.installed system-deps  ## the whole test suite, on two workers
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: $(VENV)/.installed  ## the edit-test loop: everything but the slow tests, on all cores
	$(BIN)/python -m pytest -m "not slow" -n auto -q

lint: $(VENV)/.installed  ## ruff, mypy and the import layers (lint-imports); CI fails on any
	$(BIN)/ruff check prfaqgen tests scripts benchmarks
	$(BIN)/ruff format --check prfaqgen tests scripts benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

system-deps:  ## LibreOffice, poppler and fonts for the real-client tests (apt, when missing)
	bash scripts/install-system-deps

schema: $(VENV)/.installed  ## regenerate the committed JSON Schema
	$(BIN)/prfaqgen schema -o prfaqgen/spec/schema.json

golden: $(VENV)/.installed  ## regenerate the golden files after an intended output change
	PRFAQGEN_UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/golden -q

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) output/*.pdf output/*.docx output/*.html
