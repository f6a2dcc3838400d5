# One venv, one set-up path. `make setup` is idempotent: pip runs only when the
# dependency files change, and prepare.sh skips a model or index that is current.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: setup run test bench image image-test clean

setup: $(INSTALLED)
	scripts/prepare.sh $(PY)

# torch first, pinned: the CPU wheel on local disk satisfies it, so nothing
# later pulls a multi-GB CUDA build.
$(INSTALLED): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check torch==2.13.0
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

run: setup
	$(PY) -m bot

test: setup
	$(PY) -m pytest

bench: setup
	for b in bench/bench_*.py; do $(PY) $$b || exit 1; done

include mk/image.mk

clean:
	rm -rf $(VENV) data models
