"""Report data: mechanical roll-ups, drafts left out, flags and notes gathered, few queries."""

import pytest

from assessments.models import BankVersion, Dimension, Question
from hiring.interviews.models import Candidate, Interview, Response
from hiring.reports.candidate import build_candidate_report
from hiring.reports.comparison import build_comparison

from .conftest import FLAGGED_ANSWER, run_interview

pytestmark = pytest.mark.django_db


def test_it_rolls_scores_up_per_dimension_across_submitted_interviewers(ana, published):
    report = build_candidate_report(ana)
    assert report.interviewers == ["Ravi", "Rosa"]
    first, second = report.dimensions[0], report.dimensions[1]
    assert first.scores == [5.0, 2.0] and first.mean == 3.5
    assert first.spread == 3.0 and first.disagreement
    assert second.scores == [4.0, 3.0] and second.mean == 3.5 and not second.disagreement
    assert len(report.dimensions) == published.dimensions.count()
    assert report.overall == pytest.approx(3.5)
    assert report.disagreements == [first]
    assert "weighted mean" in report.method


def test_it_lists_drafts_as_pending_and_leaves_them_out_of_every_figure(ana, rhea):
    report = build_candidate_report(ana)
    assert [i.interviewer for i in report.pending] == [rhea]
    assert "Rhea" not in report.interviewers
    assert all(1.0 not in row.scores for row in report.dimensions)


def test_it_weights_the_overall_by_the_role(ana, role, published):
    first = published.dimensions.order_by("position").first()
    role.role_dimensions.create(dimension=first, weight=3)
    role.role_dimensions.create(dimension=published.dimensions.order_by("position")[1], weight=1)
    report = build_candidate_report(ana)
    assert report.overall == pytest.approx(3.5)  # both dimensions average 3.5
    assert report.dimensions[0].weight == 3.0 and report.dimensions[2].weight == 0.0


def test_it_gathers_flags_by_rule_with_their_answers_open_and_dismissed(ana, maya, rule):
    report = build_candidate_report(ana)
    assert report.open_flags == 1 and report.dismissed_flags == 1
    (group,) = report.flagged  # one rule fired twice: its "why" is shown once
    assert group.rule == rule and group.open_count == 1
    assert FLAGGED_ANSWER in [item.answer for item in group.answers]
    assert [item.interviewer for item in group.answers] == ["Ravi", "Ravi"]
    dismissed = next(f for item in group.answers for f in item.dismissed)
    assert dismissed.dismissed_by == maya


def test_it_puts_each_note_beside_the_answer_it_is_about(ana, questions):
    report = build_candidate_report(ana)
    first = report.dimensions[0].answers[0]
    assert first.prompt == questions[0].prompt
    assert [a.interviewer for a in first.answers] == ["Ravi", "Rosa"]
    noted = next(a for a in first.answers if a.notes)
    assert noted.answer and noted.notes == "Told the parking-fine story with warmth."
    assert report.has_answers


def test_it_keeps_the_note_on_a_question_not_asked_and_drops_what_says_nothing(ben, questions):
    interview = ben.interviews.get()
    first, second = interview.responses.filter(question__in=questions[:2]).order_by("question")
    skipped = {"not_asked": True, "score": None}
    Response.objects.filter(pk=first.pk).update(**skipped, notes="Ran out of time.")
    Response.objects.filter(pk=second.pk).update(**skipped, notes="")
    (heard,) = build_candidate_report(ben).dimensions[0].answers[0].answers
    assert (heard.not_asked, heard.answer, heard.notes) == (True, "", "Ran out of time.")
    asked = [q.prompt for row in build_candidate_report(ben).dimensions for q in row.answers]
    assert questions[1].prompt not in asked


def test_it_reports_a_candidate_without_interviews(cy, published):
    report = build_candidate_report(cy)
    assert report.overall is None and report.interviews == [] and report.flagged == []
    assert len(report.dimensions) == published.dimensions.count()


def test_it_builds_a_report_in_a_fixed_handful_of_queries(ana, django_assert_max_num_queries):
    candidate = Candidate.objects.select_related("role__bank_version__bank").get(pk=ana.pk)
    with django_assert_max_num_queries(6):
        build_candidate_report(candidate)


def test_it_compares_and_ranks_candidates_by_overall(panel, role):
    ana, ben, cy = panel
    comparison = build_comparison(role)
    (group,) = comparison.groups
    assert [c.candidate for c in group.columns] == [ana, ben]
    assert [c.rank for c in group.columns] == [1, 2]
    assert group.columns[0].open_flags == 1 and group.columns[1].open_flags == 0
    assert comparison.unassessed == [cy]
    assert comparison.candidate_count == 3
    assert group.columns[0].profile.startswith('<img class="mini-profile"')


def test_it_sorts_by_a_dimension(panel, role, questions, rosa):
    ana, ben, _ = panel
    first = questions[0].dimension
    # Ben's only interview becomes Rosa's: top marks on the first dimension, low elsewhere.
    # Submitted interviews cannot be deleted; reopen Ben's (setup only) to replace it.
    Interview.objects.filter(candidate=ben).update(status=Interview.Status.DRAFT)
    Interview.objects.filter(candidate=ben).delete()
    run_interview(ben, rosa, questions, lambda q: 5 if q.dimension_id == first.pk else 1)
    by_first = build_comparison(role, sort=first.key)
    assert [c.candidate for c in by_first.groups[0].columns] == [ben, ana]
    assert by_first.sort_label == first.title
    assert [c.candidate for c in build_comparison(role).groups[0].columns] == [ana, ben]


def test_it_never_filters_candidates_for_their_warning_flags(panel, role):
    ana, ben, _ = panel
    comparison = build_comparison(role)
    flagged = {c.candidate: c.open_flags for c in comparison.groups[0].columns}
    assert flagged[ana] > 0 and ben in flagged


def test_it_compares_a_chosen_subset(panel, role):
    _, ben, cy = panel
    comparison = build_comparison(role, [ben, cy])
    assert [c.candidate for c in comparison.groups[0].columns] == [ben]
    assert comparison.unassessed == [cy]


def test_it_splits_matrices_into_printable_chunks(panel, role, published):
    (group,) = build_comparison(role, chunk_size=1).groups
    assert [len(chunk.columns) for chunk in group.chunks] == [1, 1]
    assert len(group.chunks[0].rows) == published.dimensions.count()


def test_it_never_ranks_candidates_on_different_bank_versions_together(
    panel, role, published, ravi
):
    newer = BankVersion.objects.create(bank=published.bank, number=2)
    dimension = Dimension.objects.create(
        version=newer,
        kind="trait",
        list="natural_traits",
        number=1,
        title="Humour, reworded",
        source="x",
    )
    question = Question.objects.create(dimension=dimension, kind="behavioural", prompt="Tell me")
    BankVersion.objects.filter(pk=newer.pk).update(status=BankVersion.Status.PUBLISHED)
    dee = Candidate.objects.create(role=role, name="Dee Dunn", email="dee@example.com")
    run_interview(dee, ravi, [question], lambda q: 5)
    comparison = build_comparison(role)
    assert comparison.mixed_versions
    assert [g.version.number for g in comparison.groups] == [1, 2]
    assert [c.candidate.name for c in comparison.groups[1].columns] == ["Dee Dunn"]
    assert comparison.groups[1].columns[0].rank == 1  # ranked within its own version only


def test_it_compares_in_a_fixed_number_of_queries(panel, role, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        build_comparison(role)
