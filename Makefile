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
RUN_OUTPUT = --output-dir "$(abspath $(FIGURES))/notebooks"
else
RUN_OUTPUT =
endif
ifdef FIGURES
export FIGURES := $(abspath $(FIGURES))
endif

.PHONY: setup run test lab bench report clean-venv

# Kernels talk to nbconvert and JupyterLab over local sockets (IPC) in Jupyter's runtime folder, not
# over TCP ports (an absolute path: a kernel runs in its notebook's folder, its client elsewhere;
# one name per run, from the shell's process id, so runs side by side never share a socket).
KERNEL = --KernelManager.transport=ipc --KernelManager.ip="$(RUNTIME)/kernel-ipc-$$$$"
RUNTIME = $(shell $(BIN)/jupyter --runtime-dir)

$(READY): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing the pinned requirements into $(VENV) (a minute or two the first time)"
	# -qq: errors only (pip warns that lxml has no 'html_clean' extra; lxml_html_clean is pinned instead)
	$(BIN)/python -m pip install -qq --disable-pip-version-check -r requirements.txt
	# executed notebooks keep their outputs on disk; git sees them stripped
	if git rev-parse --git-dir >/dev/null 2>&1; then $(BIN)/nbstripout --install; fi
	touch $(READY)

## setup: only the virtual environment (the other targets do this first when needed)
setup: $(READY)

# Notebooks executed at once (helpers/execute.py). Each one runs on its own (it reads the corpus and
# the cache, never another notebook's output), so two run side by side, one per core: the longest
# first (as measured on 1,000 articles), so that the short ones fill the other core meanwhile.
# `make run JOBS=1` runs them one by one, in reading order.
JOBS ?= 2
LONGEST_FIRST := $(foreach n,05_alliances 03_term_frequency 04_quotes 01_loading,$(filter %$(n).ipynb,$(NOTEBOOKS)))
RUN_ORDER := $(if $(filter 1,$(JOBS)),$(NOTEBOOKS),$(LONGEST_FIRST) $(filter-out $(LONGEST_FIRST),$(NOTEBOOKS)))

## run: check the corpus, execute every notebook (outputs saved in the notebooks, two at a time), write figures/
run: $(READY)
	@$(BIN)/python -m helpers check --corpus "$(or $(CORPUS),corpus)"
	NEWS_STATIC=1 $(BIN)/python -m helpers execute --jobs $(JOBS) $(RUN_OUTPUT) $(RUN_ORDER)
	$(BIN)/python -m helpers index
	@# git keeps the notebooks stripped of outputs; a notebook whose stripped text is what git already
	@# has gets its index entry refreshed, so `git status` stays clean (real edits are left alone)
	@if [ -z '$(RUN_OUTPUT)' ] && git rev-parse --git-dir >/dev/null 2>&1; then \
	    for nb in $(NOTEBOOKS); do \
	        if [ "$$($(BIN)/python -m nbstripout < $$nb | git hash-object --stdin)" = "$$(git rev-parse -q --verify :$$nb)" ]; then \
	            git add -- $$nb; fi; done; fi

## report: run the notebooks, then write them as one page, reports/report.html: code hidden,
## figures embedded, a table of contents; it opens offline (another corpus: reports/<folder name>/)
report: run
	$(BIN)/python -m helpers report $(if $(CORPUS),$(addprefix $(FIGURES)/notebooks/,$(notdir $(NOTEBOOKS))),$(NOTEBOOKS))

## test: the whole test suite, which also executes every notebook
test: $(READY)
	$(BIN)/python -m pytest

## lab: open JupyterLab on this project's environment, at the project's root with notebooks/ open
## (stop it with Ctrl-C in this terminal, then y, or Ctrl-C twice)
LAB_AS_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)
lab: $(READY)
	@mkdir -p "$(RUNTIME)"
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/notebooks \
	    $(KERNEL) $(LAB_AS_ROOT)

## bench: accuracy of quote finding and of cleaning, start-up cost of the command line, then speed on
## 1,000 and 10,000 synthetic articles (never part of the tests)
BENCHMARKS := bench/quote_scorecard.py bench/cleaning_scorecard.py bench/validation/example.py bench/cli_startup.py bench/scale.py bench/notebooks.py bench/hostile.py bench/cluster_scale.py bench/versus.py
bench: $(READY)
	@for script in $(BENCHMARKS); do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean-venv:
	rm -rf $(VENV)
