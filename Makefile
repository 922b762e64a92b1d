# The two commands of the README: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install browser clean

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed

demo: install  ## replay the bundled nights offline into archive.db and diff_reports/
	$(BIN)/regwatch demo

# Headless Chromium for tests/test_browser.py (Debian's package, no browser download); the
# test fails, never skips, when it is missing.
browser:
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    echo "installing chromium and fonts-noto-cjk for the browser tests"; \
	    $$SUDO apt-get update -q && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
	      chromium fonts-noto-cjk; \
	  else \
	    echo "chromium is missing and apt-get is not available: install Chromium yourself"; \
	  fi; \
	fi

test: install browser  ## the whole test suite, then the linter
	$(BIN)/pytest -q
	$(BIN)/ruff check .

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) archive.db archive.db-wal archive.db-shm archive.db.lock diff_reports evidence/archive
