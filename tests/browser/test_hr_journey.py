"""HR's journey in a real Chromium: the version list orients, a rule reads like HR's own
document, a dismissed flag becomes a counter-example, an import over the draft and a
discard both ask first, and the diff speaks HR's words. Screenshots go to test-artifacts/."""

import copy
import json

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from assessments import services
from hiring.interviews.models import Candidate, Flag, Interview, Response, Role

pytestmark = pytest.mark.browser
DISMISSED = "I enjoy the praise when a customer writes in, but the fix matters more to me."


@pytest.fixture
def bank(groups, default_bank_data):
    """v1 published, one role on it, and one submitted interview with a dismissed flag."""
    hr = User.objects.create_user("hr-journey", password="pw-journey", first_name="Hana")
    hr.groups.add(Group.objects.get(name="HR"))
    manager = User.objects.create_user("mgr-journey", first_name="Maya")
    version = services.load_bank(copy.deepcopy(default_bank_data)).version
    role = Role.objects.create(title="Advisor", bank_version=version, hiring_manager=manager)
    candidate = Candidate.objects.create(role=role, name="Ana", email="ana@example.com")
    interview = Interview.objects.create(
        candidate=candidate,
        interviewer=manager,
        bank_version=version,
        status=Interview.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    question = version.dimensions.order_by("position").first().questions.first()
    (response,) = Response.objects.bulk_create(
        [Response(interview=interview, question=question, answer=DISMISSED, score=4)]
    )
    start = DISMISSED.index("enjoy the praise")
    Flag.objects.create(
        response=response,
        rule=version.warning_rules.get(code="appreciation"),
        evidence="enjoy the praise",
        start=start,
        end=start + 16,
        dismissed_by=manager,
        dismissed_at=timezone.now(),
        dismiss_reason="Praise in passing; the answer is about the fix.",
    )
    return version


def test_hr_tunes_a_rule_reviews_an_import_and_reads_the_diff(
    open_page, bank, live_server, artefacts, tmp_path
):
    page = open_page("hr-journey", password="pw-journey")
    shot = lambda name: page.screenshot(path=str(artefacts / f"hr-{name}.png"), full_page=True)  # noqa: E731

    # 5. The version list: current version marked, roles counted.
    page.goto(f"{live_server.url}/bank/")
    assert page.get_by_text("Current", exact=True).is_visible()
    assert page.get_by_role("cell", name="1 role").is_visible()
    page.get_by_role("button", name="Edit (open a draft)").click()
    page.wait_for_url("**/v2/")
    page.goto(f"{live_server.url}/bank/")
    page.get_by_role("link", name="Continue draft v2").wait_for()
    shot("1-version-list")

    # 3. A rule HR can read, its examples checked; the guide; the tester runs the examples.
    page.get_by_role("link", name="Continue draft v2").click()
    page.get_by_role("link", name="of rule appreciation").click()
    page.get_by_role("heading", name="Examples and counter-examples").wait_for()
    assert page.get_by_text("Failing").count() == 0
    shot("2-rule-page")
    page.get_by_role("link", name="How patterns are written").click()
    page.get_by_role("heading", name="Writing warning-rule patterns").wait_for()
    assert page.get_by_text("the guide is out of date").count() == 0
    shot("3-pattern-guide")
    page.go_back()
    page.get_by_role("link", name="Run its examples in the tester").click()
    page.get_by_role("heading", name="Run a rule's own examples").wait_for()
    shot("4-tester-examples")

    # 4. Evidence from interviews; a dismissed answer becomes a counter-example in one step.
    page.go_back()
    page.get_by_role("link", name="How it fares in interviews").click()
    assert page.get_by_text("Praise in passing").is_visible()
    shot("5-rule-evidence")
    page.get_by_role("button", name="Add this answer as a counter-example to draft v2").click()
    page.get_by_text("as a counter-example of").wait_for()
    assert page.get_by_role("cell", name=DISMISSED).is_visible()
    # The rule still flags it: the page says so, and publishing waits for a pattern fix.
    assert page.get_by_text("Failing").count() == 1
    shot("6-counter-example-added")

    # 2. An import over the open draft shows what would change and asks first.
    data = services.export_version(bank)
    data["dimensions"][1]["title"] = "Adapts with ease"
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(data))
    page.goto(f"{live_server.url}/bank/import/")
    page.get_by_label("File").set_input_files(str(path))
    page.get_by_role("button", name="Import").click()
    page.get_by_role("heading", name="Replace draft v2 with this file?").wait_for()
    assert page.get_by_text("Adapts with ease").first.is_visible()
    shot("7-import-confirm")
    page.get_by_role("link", name="Keep the draft").click()
    page.get_by_role("link", name="Discard draft…").click()
    page.get_by_role("heading", name="Discard draft v2?").wait_for()
    assert page.get_by_text(DISMISSED).first.is_visible()  # the counter-example would be lost
    shot("8-discard-confirm")
    page.get_by_role("link", name="Keep the draft").click()

    # 7 and 6. The history is the starting changelog; the diff reads in HR's words.
    changelog = page.get_by_label("Changelog")
    assert "counter-example" in changelog.input_value()
    assert page.get_by_role("button", name="Publish v2").is_disabled()  # the rule fails
    shot("9-draft-history")
    page.get_by_role("link", name="Compare versions").first.click()
    page.get_by_label("From").select_option("1")
    page.get_by_label("To").select_option("2")
    page.get_by_role("button", name="Compare").click()
    assert page.get_by_text("natural_traits:").count() == 0
    assert page.get_by_text(DISMISSED).first.is_visible()
    shot("10-diff")
