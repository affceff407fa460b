# The README's quick start. Each target creates .venv on first use.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: example test lint system-deps schema golden clean

example: $(VENV)/.installed  ## render specs/example.yaml into output/
	$(BIN)/prfaqgen render specs/example.yaml -o output

test: $(VENV)/.installed system-deps  ## the whole test suite
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check prfaqgen tests scripts

system-deps:  ## LibreOffice, poppler and fonts for the real-client tests (apt, when missing)
	bash scripts/install-system-deps

schema: $(VENV)/.installed  ## regenerate the committed JSON Schema
	$(BIN)/prfaqgen schema -o prfaqgen/spec/schema.json

golden: $(VENV)/.installed  ## regenerate the golden files after an intended output change
	PRFAQGEN_UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/golden -q

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]' ruff
	touch $@

clean:
	rm -rf $(VENV) output/*.pdf output/*.docx output/*.html
