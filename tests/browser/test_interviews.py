"""Recruiters' interview journeys in a real Chromium: live flags, autosave, conflicts, submit,
and independent scoring between two recruiters on one panel."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from hiring.interviews import demo, services
from hiring.interviews.models import Candidate, Flag, Interview, Response, Role

pytestmark = pytest.mark.browser


@pytest.fixture
def people(groups):
    return demo.create_users()


@pytest.fixture
def candidate(people, published) -> Candidate:
    role = Role.objects.create(
        title="Customer service advisor", bank_version=published, hiring_manager=people["manager"]
    )
    return Candidate.objects.create(role=role, name="Nora Quinn", email="nora@example.com")


def score_everything(page, level: str = "4") -> None:
    """Click a score in every question, by keyboard-free clicks on the radio labels."""
    for form in page.locator("form.question").all():
        form.locator(f"input[name=choice][value='{level}']").check()


def wait_until(page, condition, seconds: float = 10) -> None:
    for _ in range(int(seconds * 10)):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError("the page's autosave did not reach the database in time")


def test_it_runs_an_interview_from_start_to_locked(
    open_page, candidate, people, artefacts, live_server
):
    page = open_page("recruiter")
    page.get_by_role("link", name="Roles & candidates").first.click()
    page.get_by_role("link", name="Customer service advisor").click()
    page.get_by_role("link", name="Nora Quinn").click()
    page.get_by_role("button", name="Start interview").click()
    expect(page.get_by_role("heading", name="Interview: Nora Quinn")).to_be_visible()
    interview = Interview.objects.get(candidate=candidate, interviewer=people["recruiter"])
    total = interview.responses.count()
    expect(page.locator("#progress-count")).to_have_text(f"0 of {total}")

    first = page.locator("form.question").first
    answer = first.get_by_label("Candidate’s answer")
    answer.press_sequentially("I like being appreciated", delay=15)
    live = first.locator(".flags[aria-live=polite]")
    expect(live).to_contain_text("Motivated by being appreciated")
    expect(live.locator("mark.evidence")).to_have_text(re.compile("like being appreciated"))
    expect(first.locator(".save-text")).to_have_text(re.compile("Saved"))
    radio = first.locator("input[name=choice][value='3']")
    radio.check()
    kit_url = page.url
    radio.press("Enter")  # Enter on a score must not submit the form (and leave the page)
    page.wait_for_timeout(300)
    assert page.url == kit_url
    first.scroll_into_view_if_needed()
    page.screenshot(path=str(artefacts / "kit-flag.png"))
    # Autosaves run in the background: wait for the last one (the score) to land.
    saved = Response.objects.filter(interview=interview, score=3, answer="I like being appreciated")
    wait_until(page, saved.exists)
    flag = Flag.objects.get(response__interview=interview)
    assert flag.rule.code == "appreciation" and flag.evidence == "like being appreciated"

    page.reload()  # autosaved: the answer survives a reload
    expect(page.locator("form.question").first.get_by_label("Candidate’s answer")).to_have_value(
        "I like being appreciated"
    )
    score_everything(page)
    expect(page.locator("#progress-count")).to_have_text(f"{total} of {total}")
    page.get_by_role("button", name="Submit interview").click()  # no recommendation yet
    expect(page.get_by_text("Choose a recommendation before submitting.").first).to_be_visible()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Submit interview").click()
    expect(page.get_by_text("Submitted and locked")).to_be_visible()
    assert page.locator("textarea").count() == 0
    page.screenshot(path=str(artefacts / "kit-submitted.png"))
    interview.refresh_from_db()
    assert interview.is_submitted
    assert not Response.objects.filter(interview=interview, score__isnull=True).exists()


def test_a_late_autosave_answer_never_rolls_the_progress_back(open_page, candidate, people):
    interview = services.start_interview(candidate, people["recruiter"])
    first, second = interview.responses.order_by("pk")[:2]
    total = interview.responses.count()
    page = open_page("recruiter")
    held = []

    def hold_first_score(route) -> None:
        # The request reaches the server now (it saves and counts 1 scored); its answer is
        # held back until the second question's save has answered with 2 scored.
        if "choice=3" in (route.request.post_data or "") and not held:
            held.append((route, route.fetch()))
        else:
            route.continue_()

    page.route(f"**{reverse('interviews:save_response', args=[first.pk])}", hold_first_score)
    page.goto(interview.get_absolute_url())
    count = page.locator("#progress-count")
    page.locator(f"#q-{first.pk} input[name=choice][value='3']").check()
    wait_until(page, lambda: bool(held))
    page.locator(f"#q-{second.pk} input[name=choice][value='3']").check()
    expect(count).to_have_text(f"2 of {total}")
    route, answer = held[0]
    route.fulfill(response=answer)
    expect(page.locator(f"#save-{first.pk} .save-text")).to_have_text(re.compile("Saved"))
    expect(count).to_have_text(f"2 of {total}")
    jump = page.locator(f"#jump-{first.question.dimension_id}")
    expect(jump).to_contain_text(re.compile(r"2/\d|✓"))


def test_it_shows_a_conflict_when_two_tabs_edit_one_answer(open_page, candidate, people, artefacts):
    interview = services.start_interview(candidate, people["recruiter"])
    tab_one, tab_two = open_page("recruiter"), open_page("recruiter")
    for tab in (tab_one, tab_two):
        tab.goto(interview.get_absolute_url())
    notes_one = tab_one.locator("form.question").first.get_by_label("Your notes")
    notes_one.fill("Written in tab one")
    expect(tab_one.locator("form.question").first.locator(".save-text")).to_have_text(
        re.compile("Saved")
    )
    tab_two.locator("form.question").first.get_by_label("Your notes").fill("Written in tab two")
    block = tab_two.locator("form.question").first
    expect(block.get_by_role("alert")).to_contain_text("Conflict")
    expect(block.get_by_label("Your notes")).to_have_value("Written in tab one")
    expect(block.locator(".unsaved")).to_contain_text("Written in tab two")
    tab_two.screenshot(path=str(artefacts / "kit-conflict.png"))
    response = interview.responses.order_by(
        "question__dimension__position", "question__position"
    ).first()
    assert response.notes == "Written in tab one"


def test_it_keeps_a_second_recruiter_from_seeing_scores_before_submitting(
    open_page, candidate, people, artefacts
):
    ravis = services.start_interview(candidate, people["recruiter"])
    ravis.responses.update(score=2, notes="RAVI-PRIVATE-NOTE", answer="Ravi heard this")
    services.submit_interview(ravis, {"recommendation": "no"})

    page = open_page("recruiter2")
    page.goto(candidate.get_absolute_url())
    expect(page.get_by_text("stay hidden until you submit")).to_be_visible()
    assert "Ravi" not in page.locator("#main").inner_text()
    page.screenshot(path=str(artefacts / "panel-before-submitting.png"))
    page.get_by_role("button", name="Start interview").click()
    expect(page.get_by_role("heading", name="Interview: Nora Quinn")).to_be_visible()
    assert "RAVI-PRIVATE-NOTE" not in page.content()
    page.goto(ravis.get_absolute_url())
    assert "RAVI-PRIVATE-NOTE" not in page.content()
    expect(page.get_by_role("heading", name="Not found")).to_be_visible()

    rosas = Interview.objects.get(candidate=candidate, interviewer=people["recruiter2"])
    rosas.responses.update(score=5)
    page.goto(rosas.get_absolute_url())
    page.get_by_label("Strong yes").check()
    page.get_by_role("button", name="Submit interview").click()
    expect(page.get_by_text("Submitted and locked")).to_be_visible()
    page.goto(candidate.get_absolute_url())
    expect(page.locator("table.panel-scores")).to_contain_text("Ravi")
    page.get_by_role("link", name="Ravi Cole").click()
    expect(page.get_by_text("RAVI-PRIVATE-NOTE").first).to_be_visible()
    page.screenshot(path=str(artefacts / "panel-after-submitting.png"))
