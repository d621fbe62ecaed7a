# Two commands matter: `make run` and `make test`. Everything else is set-up they share.
VENV := .venv
PY := $(VENV)/bin/python
PYTHON ?= $(shell sh scripts/find-python)
HOST ?= 127.0.0.1:8000

.PHONY: run serve test lint bench setup assets browser clean

# `make run` is for a laptop or a team trying it out: DEBUG on, SQLite unless DATABASE_URL
# says otherwise, served by gunicorn (gunicorn.conf.py) so a team's saves run in parallel;
# code changes reload it.
run: export DEBUG ?= 1
run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_bank
	$(PY) manage.py demo
	@echo "Starting the background task worker and the server on http://$(HOST)/"
	$(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	HOST=$(HOST) $(PY) -m gunicorn hiring.wsgi

# `make serve` is production: DEBUG off, SECRET_KEY and ALLOWED_HOSTS required,
# gunicorn plus the task worker (scripts/serve supervises both).
serve: setup
	@PY=$(PY) HOST=$(HOST) sh scripts/serve

test: setup browser
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy assessments hiring

bench: setup
	$(PY) bench/run.py

# staticfiles/ is filled by collectstatic in production; WhiteNoise warns when it is absent.
setup: $(VENV)/.installed assets
	@mkdir -p staticfiles

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "A Python 3.12+ is needed (see above)."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

assets: node_modules/.installed

node_modules/.installed: package.json
	@command -v npm >/dev/null || { echo "npm is needed for the front-end assets (apt-get install npm)."; exit 1; }
	npm install --no-audit --no-fund --silent
	touch $@

browser:
	sh scripts/ensure-chromium

clean:
	rm -rf $(VENV) node_modules staticfiles
