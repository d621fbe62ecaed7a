"""Reports that support a decision: who said what, the answers, coverage of the plan."""

from __future__ import annotations

import pytest
from django.urls import reverse

from hiring.interviews.models import Candidate, Interview
from hiring.reports.candidate import build_candidate_report
from hiring.reports.comparison import build_comparison
from tests.reports.conftest import run_interview

pytestmark = pytest.mark.django_db


@pytest.fixture
def dora(role, questions, rosa) -> Candidate:
    """Dora: Rosa rated only the first five dimensions (the rest not asked)."""
    dora = Candidate.objects.create(role=role, name="Dora Dee", email="dora@example.com")
    first_five = {q.dimension_id for q in questions[:10]}
    run_interview(dora, rosa, questions, lambda q: 5 if q.dimension_id in first_five else None)
    dora.interviews.update(recommendation="strong_yes", takeaways="Warm and exact.")
    return dora


def test_it_shows_who_said_what(ana):
    Interview.objects.filter(candidate=ana, interviewer__username="ravi").update(
        recommendation="yes", takeaways="Owns problems.", panel_note="Ask about refunds."
    )
    verdicts = {v.interviewer: v for v in build_candidate_report(ana).verdicts}
    assert verdicts["Ravi"].recommendation == "Yes"
    assert verdicts["Ravi"].takeaways == "Owns problems."
    assert verdicts["Rosa"].recommendation == "No recommendation recorded"


def test_it_gives_the_candidates_answers_by_dimension(ana, questions):
    report = build_candidate_report(ana)
    first = report.dimensions[0]
    assert first.answers[0].prompt == questions[0].prompt
    assert {a.interviewer for a in first.answers[0].answers} == {"Ravi", "Rosa"}


def test_it_counts_coverage_against_the_planned_dimensions(ana, dora):
    assert build_candidate_report(ana).coverage.complete
    coverage = build_candidate_report(dora).coverage
    assert (len(coverage.assessed), coverage.planned) == (5, 30)
    assert "Assessed on 5 of 30 planned dimensions" in coverage.why


def test_it_lists_an_under_covered_candidate_apart_from_the_ranked(ana, ben, dora, role):
    comparison = build_comparison(role)
    ranked = [c.candidate for g in comparison.groups for c in g.columns]
    assert dora not in ranked and {ana, ben} <= set(ranked)
    assert [c.candidate for c in comparison.under_covered] == [dora]


def test_it_shows_the_decision_parts_on_the_pages(as_maya, ana, dora, role):
    page = as_maya.get(reverse("reports:candidate", args=[dora.pk])).content.decode()
    assert "Who said what" in page and "Strong yes" in page and "Warm and exact." in page
    assert "assessed on <strong>5 of 30</strong>" in page
    assert "The candidate&#x27;s answers" in page or "The candidate's answers" in page
    page = as_maya.get(reverse("reports:compare", args=[role.slug])).content.decode()
    assert "Not ranked yet: below the plan" in page
    assert "Assessed on 5 of 30 planned dimensions" in page
