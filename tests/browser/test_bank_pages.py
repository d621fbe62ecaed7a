"""HR's bank pages in a real Chromium: read a version, edit a draft, compare versions."""

import pytest
from django.contrib.auth.models import Group, User

from assessments import services

pytestmark = pytest.mark.browser


@pytest.fixture
def hr_page(open_page):
    hr = User.objects.create_user("hr-browser", password="pw-for-browser")
    hr.groups.add(Group.objects.get(name="HR"))
    return open_page("hr-browser", password="pw-for-browser")


def test_it_walks_hr_through_reading_editing_and_comparing(
    hr_page, live_server, default_bank_data, artefacts
):
    import copy

    version = services.load_bank(copy.deepcopy(default_bank_data)).version
    page = hr_page

    page.goto(f"{live_server.url}{version.get_absolute_url()}")
    first = version.dimensions.order_by("position").first()
    assert page.get_by_role("heading", name=first.title).is_visible()
    page.screenshot(path=str(artefacts / "bank-version.png"))

    page.get_by_role("button", name="Edit (open a draft)").first.click()
    page.wait_for_url("**/v2/")
    page.get_by_role("link", name=f"Edit {first.title}").click()
    page.get_by_label("Title").fill("Keeps humour kind, never sarcastic")
    page.screenshot(path=str(artefacts / "bank-draft-edit.png"), full_page=False)
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
    page.screenshot(path=str(artefacts / "bank-diff.png"))
