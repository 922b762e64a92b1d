# The two commands of the README: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install clean

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed

demo: install  ## replay the bundled nights offline into archive.db and diff_reports/
	$(BIN)/regwatch demo

test: install  ## the whole test suite, then the linter
	$(BIN)/pytest -q
	$(BIN)/ruff check .

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) archive.db archive.db-wal archive.db-shm diff_reports
