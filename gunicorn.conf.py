"""gunicorn's settings, read by every way the product is served: `make run` (with DEBUG on,
reloading on code changes), `make serve` and the Procfile's web process (production).

gunicorn reads this file from the working directory. Each setting can be changed through
the environment variable beside it (README, "Configuration").
"""

import os

bind = [os.environ.get("HOST", "127.0.0.1:8000")]
# Processes, not just threads: Python runs one thread at a time per process, so a single
# process (runserver) queues a team's autosaves behind each other on one core.
workers = int(os.environ.get("WEB_CONCURRENCY", 2))
threads = int(os.environ.get("WEB_THREADS", 4))
timeout = int(os.environ.get("WEB_TIMEOUT", 30))
accesslog = "-"
# On a laptop (`make run`, DEBUG on) code changes restart the workers, as runserver did.
# Read as hiring/settings.py env_flag reads it (importing the settings here would run them).
reload = os.environ.get("DEBUG", "").strip().lower() in ("1", "true", "yes", "on")
