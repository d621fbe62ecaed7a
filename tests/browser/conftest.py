"""A real Chromium (Debian's) driven by Playwright against pytest-django's live server.

`chromium` is started once per module (a sync Playwright must not overlap another one in
the same thread); `open_page(username)` gives a fresh, logged-in browser context per call,
so two users, or two tabs of one user, can be driven side by side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from hiring.accounts.roles import ALL_ROLES

CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LAPTOP = {"width": 1366, "height": 768}  # a 13-inch laptop


@pytest.fixture(scope="module")
def chromium() -> Iterator:
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's Chromium is missing at /usr/bin/chromium: run `make browser` "
            "(or apt-get install chromium) to run the browser tests."
        )
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def artefacts() -> Path:
    ARTEFACTS.mkdir(exist_ok=True)
    return ARTEFACTS


@pytest.fixture
def groups(transactional_db) -> None:
    """A transactional test's flush empties the groups the data migration made; remake them."""
    for name in ALL_ROLES:
        Group.objects.get_or_create(name=name)


@pytest.fixture
def open_page(chromium, live_server, groups) -> Iterator[Callable]:
    contexts = []

    def open_as(username: str | None = None, password: str = "demo"):
        context = chromium.new_context(viewport=LAPTOP, base_url=live_server.url)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        if username:
            page.goto("/login/")
            page.get_by_label("Username").fill(username)
            page.get_by_label("Password").fill(password)
            page.get_by_role("button", name="Log in").click()
            page.wait_for_url(f"{live_server.url}/")
        return page

    yield open_as
    for context in contexts:
        context.close()
