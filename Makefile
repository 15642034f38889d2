# The two commands a newcomer needs: `make run` and `make test`.
# Every target sets up .venv (pinned requirements, helpers installed editable) when needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9]*.ipynb))

# `make run CORPUS=path/to/corpus` analyses another corpus: its figures go to figures/<folder name>/
# (or FIGURES=dir) and the executed notebooks to notebooks/ inside that folder, so the project's
# own notebooks keep the analysis of corpus/.
ifdef CORPUS
export CORPUS := $(abspath $(CORPUS))
FIGURES ?= figures/$(notdir $(CORPUS))
RUN_OUTPUT = --output-dir $(abspath $(FIGURES))/notebooks
else
RUN_OUTPUT = --inplace
endif
ifdef FIGURES
export FIGURES := $(abspath $(FIGURES))
endif

.PHONY: run test lab bench report clean-venv

$(READY): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	# executed notebooks keep their outputs on disk; git sees them stripped
	if git rev-parse --git-dir >/dev/null 2>&1; then $(BIN)/nbstripout --install; fi
	touch $(READY)

## run: execute every notebook in order (outputs saved in the notebooks), writing figures/
run: $(READY)
	$(BIN)/jupyter nbconvert --to notebook --execute $(RUN_OUTPUT) \
	    --ExecutePreprocessor.timeout=900 --ExecutePreprocessor.record_timing=False \
	    --log-level=WARN $(NOTEBOOKS)
	$(BIN)/python -m helpers index

## report: run the notebooks, then write them as one page, reports/report.html: code hidden,
## figures embedded, a table of contents; it opens offline (another corpus: reports/<folder name>/)
report: run
	$(BIN)/python -m helpers report $(if $(CORPUS),$(addprefix $(FIGURES)/notebooks/,$(notdir $(NOTEBOOKS))),$(NOTEBOOKS))

## test: the whole test suite, which also executes every notebook
test: $(READY)
	$(BIN)/python -m pytest

## lab: open JupyterLab on this project's environment
lab: $(READY)
	$(BIN)/jupyter lab notebooks/

## bench: accuracy of quote finding, then speed on 1,000 and 10,000 synthetic articles (never part of the tests)
BENCHMARKS := bench/quote_scorecard.py bench/scale.py
bench: $(READY)
	@for script in $(BENCHMARKS); do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean-venv:
	rm -rf $(VENV)
