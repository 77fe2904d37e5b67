# 乡村法律服务工作台 — one command to run, one to test.
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed

.PHONY: run test bench bench-scale lint venv clean translations installer-check

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade --quiet pip
	$(BIN)/python -m pip install --quiet -e '.[server,dev]'
	touch $(STAMP)

venv: $(STAMP)

# Qt translations: the .ts sources are in git, the .qm files are built here.
translations: $(STAMP)
	$(BIN)/python -m ui.i18n

run: translations
	$(BIN)/advisor-app $(ARGS)

test: translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench $(BENCH_ARGS)

# The city server at province scale: 100k, 1M and 10M records and a full city morning (docs/server.md).
bench-scale:
	ADVISOR_BENCH_SIZES=100000,1000000,10000000 ADVISOR_BENCH_MORNING=2000,120 $(BIN)/python -m tests.bench -k scale

# Build the frozen app (PyInstaller) and smoke-test it: store, agreement PDF, keyring (docs/installing.md).
installer-check: translations
	$(BIN)/python -m pip install --quiet -e '.[installer]'
	$(BIN)/python installer/smoke.py

# ruff, then mypy on advisor_app and sync ([tool.mypy] in pyproject.toml; docs/architecture.md, "Checked rules").
lint: $(STAMP)
	$(BIN)/ruff check advisor_app ui sync tests
	$(BIN)/ruff format --check advisor_app ui sync tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info
