# Two commands do everything on a fresh machine with Python 3.11+ and make:
#   make demo   set up the environment and run the pipeline on the bundled sample articles
#   make test   set up the environment, lint (ruff, mypy) and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NATIVE := $(VENV)/.native-built
CODER_SOURCES := $(wildcard coding/*.py coding/*/*.py)
DB ?= warehouse/events.duckdb

export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

.PHONY: demo test setup lint

setup: $(STAMP) $(NATIVE)

# uv installs exactly what uv.lock pins; it is itself installed from the package index.
$(STAMP): pyproject.toml uv.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check "uv==0.13.9"
	$(BIN)/uv sync --frozen --extra dev --python $(BIN)/python
	touch $(STAMP)

# The coder's busiest modules compiled by mypyc (coding/native.py), again after any edit of the
# coder. Without a C compiler the build says so and the coder runs as plain Python. The build
# imports the plain modules (CAMEOFLOW_PURE_PYTHON), not the old build it replaces.
$(NATIVE): $(STAMP) $(CODER_SOURCES)
	CAMEOFLOW_PURE_PYTHON=1 $(BIN)/python -m coding.native_build
	touch $(NATIVE)

demo: setup
	$(BIN)/cameoflow run samples --db $(DB)

test: lint $(NATIVE)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check --no-cache .
	$(BIN)/mypy coding flows warehouse
