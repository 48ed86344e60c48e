# `make dev` runs the whole system on the embedded default; `make test` runs every test.
# Both install what is missing first: Debian packages, the Python venv, npm packages.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PIP_STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
# Everything `make dev` and the README walkthrough use: ffmpeg for the analyzer, espeak-ng/sox/curl for the
# walkthrough's speech and HTTP calls, WenQuanYi Micro Hei for referrer posters.
APT_RUNTIME := ffmpeg espeak-ng sox curl fonts-wqy-microhei
APT_TEST := $(APT_RUNTIME) chromium chromium-driver redis-server
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: dev test test-python test-js models package system-runtime system-test worker bench clean

dev: system-runtime $(PIP_STAMP)
	@$(BIN)/python -m models.fetch zh ko || echo "Continuing without the production models (see above)."
	MIAOMIAN_ENV=development MIAOMIAN_DEV_LOGIN=1 $(BIN)/python -m api.devserver

test: system-test $(PIP_STAMP) $(NPM_STAMP)
	$(BIN)/python -m pytest
	@if [ -f package.json ]; then npm test; fi

test-python: system-test $(PIP_STAMP)
	$(BIN)/python -m pytest

models: $(PIP_STAMP)
	$(BIN)/python -m models.fetch --strict

# SCF artefacts under dist/ (deploy/package.py; deploy/scf/*/serverless.yml deploy them): rebuilt only when inputs change.
package: $(PIP_STAMP)
	$(BIN)/python -m deploy.package

worker: $(PIP_STAMP)
	MIAOMIAN_ENV=development $(BIN)/python -m api.trigger

system-runtime:
	@$(call apt_ensure,$(APT_RUNTIME))

system-test:
	@$(call apt_ensure,$(APT_TEST))

define apt_ensure
missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
if [ -n "$$missing" ]; then echo "Installing Debian packages:" $$missing; \
  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi
endef

$(PIP_STAMP): requirements.txt requirements-dev.txt requirements-nodeps.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements-dev.txt
	$(BIN)/pip install -q --no-deps -r requirements-nodeps.txt
	@touch $@

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

bench: $(PIP_STAMP)
	$(BIN)/python bench/analyze.py
	$(BIN)/python bench/api_load.py
	$(BIN)/python bench/protection.py
	$(BIN)/python -m bench.scoring
	$(BIN)/python bench/calibrate.py
	$(BIN)/python bench/scf_path.py

clean:
	rm -rf instance .pytest_cache dist
