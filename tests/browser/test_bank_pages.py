"""HR's bank pages in a real Chromium: read a version, edit a draft, compare versions."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

from assessments import services

CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed"),
]


@pytest.fixture
def hr_page(live_server, transactional_db):
    from playwright.sync_api import sync_playwright

    hr = User.objects.create_user("hr-browser", password="pw-for-browser")
    hr.groups.add(Group.objects.get(name="HR"))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"{live_server.url}/login/")
        page.get_by_label("Username").fill("hr-browser")
        page.get_by_label("Password").fill("pw-for-browser")
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(f"{live_server.url}/")
        yield page
        browser.close()


def test_it_walks_hr_through_reading_editing_and_comparing(hr_page, live_server, default_bank_data):
    import copy

    version = services.load_bank(copy.deepcopy(default_bank_data)).version
    page = hr_page
    ARTEFACTS.mkdir(exist_ok=True)

    page.goto(f"{live_server.url}{version.get_absolute_url()}")
    first = version.dimensions.order_by("position").first()
    assert page.get_by_role("heading", name=first.title).is_visible()
    page.screenshot(path=str(ARTEFACTS / "bank-version.png"))

    page.get_by_role("button", name="Edit (open draft)").first.click()
    page.wait_for_url("**/v2/")
    page.get_by_role("link", name=f"Edit {first.title}").click()
    page.get_by_label("Title").fill("Keeps humour kind, never sarcastic")
    page.screenshot(path=str(ARTEFACTS / "bank-draft-edit.png"), full_page=False)
    page.get_by_role("button", name="Save dimension").click()
    heading = page.get_by_role("heading", name="Keeps humour kind, never sarcastic")
    heading.wait_for()
    assert page.get_by_text("Saved 'Keeps humour kind, never sarcastic'").is_visible()

    page.get_by_label("Changelog").fill("Retitled the first trait.")
    page.get_by_role("button", name="Publish v2").click()
    assert page.get_by_text("Published v2").is_visible()

    page.get_by_role("link", name="Compare versions").first.click()
    page.get_by_role("button", name="Compare").click()
    assert page.get_by_text("Keeps humour kind, never sarcastic").first.is_visible()
    page.screenshot(path=str(ARTEFACTS / "bank-diff.png"))
