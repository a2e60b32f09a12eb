# Two commands do all the set-up on a fresh machine:
#   make demo   — install, then check the bundled 1 June 2020 letter and write its report
#   make test   — install (with Debian's chromium for the browser tests), then run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := build

.PHONY: demo test lint eval bench stress browser schemas clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip install --quiet --no-deps --force-reinstall -e .  # console scripts follow pyproject
	$(BIN)/python -m compileall -q mandate  # editable installs are not byte-compiled; cold starts pay
	touch $(STAMP)

# Debian's chromium, a CJK font and Noto (Latin, Cyrillic, Arabic): the report is checked in a real
# browser (Playwright drives it) in all six UN languages.
browser:
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi wqy \
	  && fc-list 2>/dev/null | grep -qi "Noto Sans Arabic" || { \
	  echo "installing Debian's chromium, fonts-wqy-zenhei and fonts-noto-core"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
	    fonts-wqy-zenhei fonts-noto-core >/dev/null; }

demo: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/mandate check examples/2480-letter-2020-06-01.zh.txt --mandate 2480 \
	  --format html --output $(OUT)/2480-letter-2020-06-01.html --fail-on never
	$(BIN)/mandate check examples/2480-letter-2020-06-01.zh.txt --mandate 2480 \
	  --format json --output $(OUT)/2480-letter-2020-06-01.json --fail-on never
	@echo "report: $(OUT)/2480-letter-2020-06-01.html"

test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/pytest -q

eval: $(STAMP)
	$(BIN)/python scripts/evaluate.py

bench: $(STAMP)
	$(BIN)/python -m compileall -q mandate
	$(BIN)/python benchmarks/bench.py

# Hostile and huge letters (issue 15): time, CPU and peak RSS of `mandate check` on each generated
# pathological input and on 1x, 10x, 100x and 1000x the bundled letter (a benchmark, not a test).
stress: $(STAMP)
	$(BIN)/python scripts/stress.py

# Regenerate the shipped JSON Schemas after changing the models (a test checks they are in sync).
schemas: $(STAMP)
	$(BIN)/mandate rules schema -o schemas/rules.schema.json
	$(BIN)/python -c "from mandate.schemas import output_schema_text as t; open('schemas/check-result.schema.json','w').write(t())"

clean:
	rm -rf $(VENV) $(OUT) artifacts .pytest_cache
