# Two commands do all set-up on a fresh Debian/Ubuntu machine:
#   make demo   tag the example documents with the default model (built from corpus/ if needed)
#   make test   run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Same rule as models.persistence.default_model_dir()
MODEL_DIR ?= $(or $(INNOTAG_MODEL),$(or $(XDG_DATA_HOME),$(HOME)/.local/share)/innotag/models/default)
CORPUS_FILES := $(wildcard corpus/*.jsonl)

.PHONY: demo test setup system-deps model clean

demo: model
	$(BIN)/innotag tag examples/ --model "$(MODEL_DIR)" --format table

test: setup
	$(BIN)/python -m pytest -q

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(MAKE) --no-print-directory system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

# Voikko (libvoikko1 + voikko-fi) makes the 'accurate' pipeline possible; without root or
# passwordless sudo innotag still works on the 'fast' pipeline and says so. Chromium runs the
# browser test of the page (innotag serve), driven by Playwright without downloading a browser.
system-deps:
	@need=""; \
	dpkg -s libvoikko1 voikko-fi >/dev/null 2>&1 || need="libvoikko1 voikko-fi"; \
	dpkg -s chromium >/dev/null 2>&1 || need="$$need chromium"; \
	$(PYTHON) -c "import ensurepip, venv" >/dev/null 2>&1 || need="$$need python3-venv python3-pip"; \
	if [ -z "$$need" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else \
	  echo "note: cannot install $$need (needs root or passwordless sudo); without Voikko innotag uses the 'fast'" \
	       "pipeline, without chromium the browser test of innotag serve is skipped"; exit 0; fi; \
	echo "installing Debian packages: $$need"; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$need >/dev/null

model: $(MODEL_DIR)/meta.json

# corpus/ itself: adding, removing or renaming a corpus file changes the folder, so the model is rebuilt
$(MODEL_DIR)/meta.json: $(CORPUS_FILES) corpus | setup
	$(BIN)/innotag train corpus/ --output "$(MODEL_DIR)" --force

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
