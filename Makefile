# Two commands on a fresh machine (only python3 needed):
#   make run    install what the front door needs and start it (web chat and console on localhost)
#   make test   install what testing needs and run the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.deps-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.deps-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.deps-run

run: $(VENV)/.deps-run
	$(BIN)/voordeur run

test: $(VENV)/.deps-test
	$(BIN)/python -m pytest

bench: $(VENV)/.deps-test
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) var .pytest_cache
