"""The panel journey in a real Chromium: the hiring manager plans the interviews and seats
three interviewers; each runs only their planned kit and submits with a recommendation; the
report says who said what and how much of the plan is covered; the comparison keeps an
under-covered candidate apart from the ranked ones."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from hiring.interviews import demo
from hiring.interviews.models import Candidate, Interview, Role

pytestmark = pytest.mark.browser

ASSESSED = 8  # a realistic role: eight dimensions, not all thirty


@pytest.fixture
def people(groups):
    return demo.create_users()


def shoot(page, artefacts, name: str) -> None:
    page.screenshot(path=str(artefacts / f"journey-{name}.png"), full_page=True)


def open_role_with_eight_dimensions(page, published) -> Role:
    page.goto("/roles/")
    page.get_by_text("New role").click()
    page.get_by_label("Title").fill("Weekend chat agent")
    page.get_by_role("button", name="Open role").click()
    expect(page.get_by_text("with a default interview plan")).to_be_visible()
    page.get_by_role("link", name="Dimensions & weights").first.click()
    boxes = page.locator("form input[type=checkbox]")
    for i in range(boxes.count()):
        if i >= ASSESSED:
            boxes.nth(i).uncheck()
    page.get_by_role("button", name="Save weights").click()
    expect(page.get_by_role("heading", name="Interview plan")).to_be_visible()
    return Role.objects.get(title="Weekend chat agent")


def build_plan(page, artefacts, role: Role) -> None:
    plan = role.plan
    names = [p.name for p in plan.ordered_interviews()]
    assert names == ["Phone screen", "Panel A", "Panel B"]
    expect(page.locator(".covered")).to_be_visible()
    # Narrow the phone screen to one dimension fewer: the plan page says what that leaves.
    screen = plan.ordered_interviews().first()
    dropped = screen.dimensions.order_by("position").first()
    page.get_by_role("link", name="Edit Phone screen").click()
    page.locator(f"input[name=dimensions][value='{dropped.pk}']").uncheck()
    asked = list(screen.questions.filter(dimension=dropped).values_list("pk", flat=True))
    for pk in asked:
        page.locator(f"input[name=questions][value='{pk}']").uncheck()
    page.get_by_role("button", name="Save interview").click()
    warning = page.locator(".under-covered")
    expect(warning).to_contain_text(f"{dropped.title}: only 1 interview")
    shoot(page, artefacts, "1-plan-under-covered")
    # Put it back: every dimension is rated by two interviewers again.
    page.get_by_role("link", name="Edit Phone screen").click()
    page.locator(f"input[name=dimensions][value='{dropped.pk}']").check()
    for pk in asked:
        page.locator(f"input[name=questions][value='{pk}']").check()
    page.get_by_role("button", name="Save interview").click()
    expect(page.locator(".covered")).to_be_visible()
    shoot(page, artefacts, "2-plan-covered")


def add_candidate(page, role: Role, name: str, email: str) -> Candidate:
    page.goto(role.get_absolute_url())
    page.get_by_label("Name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_role("button", name="Add candidate").click()
    return Candidate.objects.get(role=role, email=email)


def assign(page, candidate: Candidate, seats: dict[str, str]) -> None:
    page.goto(candidate.get_absolute_url())
    page.get_by_role("link", name="Assign interviewers").click()
    for planned, person in seats.items():
        page.get_by_label(planned).select_option(label=person)
    page.get_by_role("button", name="Save panel").click()
    for planned in seats:
        expect(page.locator(".seats")).to_contain_text(planned)


def run_kit(page, candidate: Candidate, recommendation: str, takeaway: str) -> Interview:
    page.goto(candidate.get_absolute_url())
    page.get_by_role("button", name="Start interview").click()
    questions = page.locator("form.question")
    assert 6 <= questions.count() <= 12
    total = questions.count()
    for n, form in enumerate(questions.all(), start=1):
        # One save at a time, as an interviewer works: each waits for the one before it.
        form.locator("input[name=choice][value='4']").check()
        expect(page.locator("#progress-count")).to_have_text(f"{n} of {total}")
    questions.first.get_by_label("Candidate’s answer").fill(
        "I rang the courier myself and called her back within the hour with a new slot."
    )
    expect(questions.first.locator(".save-text")).to_contain_text("Saved")
    expect(page.locator("#progress-count")).to_have_text(f"{total} of {total}")
    page.get_by_label(recommendation, exact=True).check()
    page.get_by_label("Key take-aways").fill(takeaway)
    page.get_by_role("button", name="Submit interview").click()
    expect(page.get_by_text("Submitted and locked")).to_be_visible()
    return Interview.objects.get(candidate=candidate, interviewer__username=page.username)


def test_it_runs_a_planned_panel_from_plan_to_comparison(open_page, people, published, artefacts):
    manager = open_page("manager")
    role = open_role_with_eight_dimensions(manager, published)
    build_plan(manager, artefacts, role)
    nora = add_candidate(manager, role, "Nora Quinn", "nora@example.com")
    omar = add_candidate(manager, role, "Omar Reid", "omar@example.com")
    assign(
        manager,
        nora,
        {"Phone screen": "Ravi Cole", "Panel A": "Rosa Lind", "Panel B": "Maya Okafor"},
    )
    assign(manager, omar, {"Phone screen": "Ravi Cole"})
    shoot(manager, artefacts, "3-candidate-panel")

    verdicts = [
        ("recruiter", "Yes", "Calls customers back before they chase."),
        ("recruiter2", "Strong yes", "Explains bills in plain words."),
        ("manager", "No", "Defensive when told the forum disagreed."),
    ]
    for username, recommendation, takeaway in verdicts:
        page = manager if username == "manager" else open_page(username)
        page.username = username
        interview = run_kit(page, nora, recommendation, takeaway)
        assert interview.planned is not None and interview.recommendation
        assert interview.responses.count() == interview.planned.questions.count()
    ravi = open_page("recruiter")
    ravi.username = "recruiter"
    run_kit(ravi, omar, "Yes", "Warm, but only the phone screen so far.")
    shoot(ravi, artefacts, "4-kit-submitted")

    manager.goto(f"/reports/candidates/{nora.pk}/")
    who = manager.locator(".who-said-what")
    for _, recommendation, takeaway in verdicts:
        expect(who).to_contain_text(recommendation)
        expect(who).to_contain_text(takeaway)
    expect(manager.locator(".coverage")).to_contain_text(f"{ASSESSED} of {ASSESSED}")
    shoot(manager, artefacts, "5-report-who-said-what")

    manager.goto(f"/reports/roles/{role.slug}/compare/")
    apart = manager.locator(".under-covered")
    expect(apart).to_contain_text("Omar Reid")
    expect(apart).to_contain_text(f"of {ASSESSED} planned dimensions")
    expect(manager.locator("table.matrix")).to_contain_text("Nora Quinn")
    expect(manager.locator("table.matrix")).not_to_contain_text("Omar Reid")
    shoot(manager, artefacts, "6-comparison-apart")
