# Biståndsguiden — the two commands a newcomer types are `make run` and `make test`.
# Every target is idempotent: a second run only redoes what changed.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV      := .venv
VENV_RASA := .venv-rasa
PY        := $(VENV)/bin/python
RASA      := $(VENV_RASA)/bin/rasa
MODEL     := models/bistandsguiden.tar.gz
RASA_ARGS := --config config.yml --domain assistant/domain --data assistant/data
ASSISTANT_FILES := config.yml $(shell find assistant/domain assistant/data -type f 2>/dev/null)

export RASA_TELEMETRY_ENABLED := false
export PYTHONDONTWRITEBYTECODE := 1
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: help run test setup venvs index model lint unit validate rasa-test e2e browser-deps lock-rasa lock \
	postgres-deps redis-deps var cluster-run

help:
	@echo "make run   - set everything up, start Rasa, the action server and the web app on 127.0.0.1"
	@echo "make test  - set everything up and run lint, unit tests, rasa validate/train/test and end-to-end tests"
	@echo "make cluster-run REPLICAS=2 - PostgreSQL, Redis, several Rasa replicas and the web app"

# --- set-up ---------------------------------------------------------------------------------
$(VENV)/.installed: pyproject.toml requirements/constraints.txt
	@test -x $(PY) || { py=$$(scripts/find-python.sh 3.11) && "$$py" -m venv $(VENV); }
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check -c requirements/constraints.txt -e '.[dev,st]'
	@touch $@

$(VENV_RASA)/.installed: requirements/rasa.lock.txt
	@test -x $(VENV_RASA)/bin/python || { py=$$(scripts/find-python.sh 3.10) && "$$py" -m venv $(VENV_RASA); }
	$(VENV_RASA)/bin/python -m pip install -q --disable-pip-version-check pip==24.0
	$(VENV_RASA)/bin/python -m pip install -q --disable-pip-version-check --no-deps -r requirements/rasa.lock.txt
	@touch $@

venvs: $(VENV)/.installed $(VENV_RASA)/.installed

index: $(VENV)/.installed
	$(PY) -m knowledge build

$(MODEL): $(VENV_RASA)/.installed $(ASSISTANT_FILES)
	$(RASA) train $(RASA_ARGS) --out models --fixed-model-name bistandsguiden
	@touch $@

model: $(MODEL)

setup: venvs index model

# --- run --------------------------------------------------------------------------------------
# var/ holds the SQLite tracker store (assistant/endpoints.yml); Rasa does not create the folder.
var:
	@mkdir -p var

run: setup var
	$(VENV)/bin/honcho start -f Procfile

# The cluster topology on this machine (PostgreSQL, Redis, REPLICAS Rasa servers, the action
# server, the web app; tests/support/cluster.py, the same code the cluster tests start).
REPLICAS ?= 2
cluster-run: setup postgres-deps redis-deps
	$(PY) -m tests.support.cluster --replicas $(REPLICAS)

# --- test -------------------------------------------------------------------------------------
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

unit: $(VENV)/.installed index
	$(VENV)/bin/pytest -m "not e2e and not browser"

validate: $(VENV_RASA)/.installed
	$(RASA) data validate $(RASA_ARGS) --fail-on-warnings

rasa-test: $(MODEL)
	$(RASA) test core --stories assistant/tests --model $(MODEL) --out results --fail-on-prediction-errors

# The restart test runs against a real PostgreSQL server (initdb/pg_ctl in a temp folder).
# Installs Debian's postgresql package when it is missing and we may (root + apt-get);
# otherwise says loudly that the PostgreSQL test will be skipped.
postgres-deps:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; then \
	  echo "PostgreSQL: found"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; \
	else \
	  echo "*** WARNING: PostgreSQL is missing and cannot be installed here (needs root and" \
	       "apt-get): the PostgreSQL restart test will be SKIPPED. ***"; \
	fi

# The cluster tests run two Rasa servers on a Redis lock store: Debian's redis-server, installed
# the same way as postgresql (started by the tests on a free loopback port in a temp folder).
redis-deps:
	@if command -v redis-server >/dev/null || test -x /usr/bin/redis-server; then \
	  echo "Redis: found"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends redis-server \
	    && { systemctl disable --now redis-server 2>/dev/null || service redis-server stop 2>/dev/null || true; }; \
	else \
	  echo "*** WARNING: redis-server is missing and cannot be installed here (needs root and" \
	       "apt-get): the cluster tests will FAIL. ***"; \
	fi

e2e: setup postgres-deps redis-deps browser-deps
	$(VENV)/bin/pytest -m "e2e or browser"

# Browser tests: Debian's chromium (Playwright's own browser download does not work here) and
# axe-core from the npm registry (tests/browser/package-lock.json).
browser-deps:
	command -v chromium >/dev/null || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium)
	test -d tests/browser/node_modules/axe-core || (cd tests/browser && npm ci --no-audit --no-fund)

test: setup lint unit validate rasa-test e2e

# --- maintenance ------------------------------------------------------------------------------
# Regenerate the pinned lock files (needs the package registry).
lock-rasa:
	rm -rf /tmp/rasa-lock-venv && py=$$(scripts/find-python.sh 3.10) && "$$py" -m venv /tmp/rasa-lock-venv
	/tmp/rasa-lock-venv/bin/pip install -q pip==24.0 && /tmp/rasa-lock-venv/bin/pip install -q rasa==3.6.21 packaging==20.9 setuptools==70.3.0 wheel jsonschema==3.2.0
	/tmp/rasa-lock-venv/bin/pip freeze --all | grep -v '^pip==' > requirements/rasa.lock.txt

lock:
	$(PY) -m pip freeze --exclude-editable | sed 's/^\(torch==[0-9.]*\)+cpu$$/\1/' > requirements/constraints.txt
