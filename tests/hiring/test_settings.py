"""Production settings, read from the environment in a fresh process as a server would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "SECRET_KEY": "x" * 60 + "-production-like-secret-for-the-deploy-check",
    "ALLOWED_HOSTS": "hiring.example.com",
}
SHOW = """
import django, json
django.setup()
from django.conf import settings as s
print(json.dumps({k: getattr(s, k, None) for k in [
    "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_AGE", "SESSION_COOKIE_SECURE"]}))
"""


def run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    # The suite sets DJANGO_ALLOW_ASYNC_UNSAFE for Playwright; a server never would.
    dropped = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "hiring.settings", **PRODUCTION, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_for(**env: str) -> dict[str, object]:
    done = run(["-c", SHOW], **env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_it_passes_the_deploy_check_with_no_warning() -> None:
    done = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout


def test_it_turns_on_hsts_and_the_https_redirect_in_production() -> None:
    values = settings_for()
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == 365 * 24 * 60 * 60
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_AGE"] == 12 * 60 * 60


def test_it_trusts_a_tls_proxy_header_only_when_told_to() -> None:
    assert settings_for()["SECURE_PROXY_SSL_HEADER"] is None
    values = settings_for(SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto", SECURE_SSL_REDIRECT="0")
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_SSL_REDIRECT"] is False


def test_it_still_passes_the_deploy_check_when_the_proxy_redirects() -> None:
    done = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], SECURE_SSL_REDIRECT="0"
    )
    assert done.returncode == 0, done.stderr


def test_it_refuses_to_start_without_a_secret_key() -> None:
    done = run(["manage.py", "check"], SECRET_KEY="")
    assert done.returncode != 0
    assert "Set SECRET_KEY" in done.stderr
