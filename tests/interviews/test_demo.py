"""`manage.py demo`: demo logins, a role with candidates in every state, bench panels."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from hiring.interviews.demo import BENCH_ROLE, DEMO_ROLE
from hiring.interviews.models import Candidate, Flag, Interview, Response, Role

pytestmark = pytest.mark.django_db


def test_it_refuses_without_debug(published):
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("demo")


@override_settings(DEBUG=True)
def test_it_creates_candidates_and_interviews_in_every_state(published):
    call_command("demo")
    role = Role.objects.get(title=DEMO_ROLE)
    assert role.bank_version == published and role.hiring_manager.username == "manager"
    interviews = Interview.objects.filter(candidate__role=role)
    assert role.candidates.filter(interviews=None).exists()  # not started
    assert interviews.drafts().filter(responses__score__isnull=False).exists()  # in progress
    panels = {c.name: c.interviews.submitted().count() for c in role.candidates.all()}
    assert 1 in panels.values() and 2 in panels.values()
    assert Flag.objects.filter(
        response__interview__candidate__role=role, rule__code="appreciation"
    ).exists()
    # A three-interview plan; the recruiter's open interview is a realistic length.
    assert [p.name for p in role.plan.ordered_interviews()] == [
        "Phone screen",
        "Panel A",
        "Panel B",
    ]
    open_one = interviews.drafts().get(interviewer__username="recruiter")
    assert open_one.responses.count() <= 12
    # Answers are written per question and never repeated; most raise no flag.
    answers = list(Response.objects.filter(interview__in=interviews).exclude(answer=""))
    assert len({r.answer for r in answers}) == len(answers) > 20
    flagged = {f.response_id for f in Flag.objects.filter(response__in=answers)}
    assert len(flagged) <= len(answers) // 4
    assert all(i.recommendation for i in interviews.submitted())
    call_command("demo")  # `make run` calls it every time: nothing is duplicated
    assert Role.objects.filter(title=DEMO_ROLE).count() == 1 and interviews.count() == 6


@override_settings(DEBUG=True)
def test_it_creates_n_candidates_with_submitted_panels(published):
    call_command("demo", candidates=3)
    bench = Candidate.objects.filter(role__title=BENCH_ROLE)
    assert bench.count() == 3
    assert Interview.objects.filter(candidate__in=bench).submitted().count() == 6
    questions = published.dimensions.values_list("questions", flat=True).count()
    interview = Interview.objects.filter(candidate__in=bench).first()
    assert interview.responses.filter(score__isnull=False).count() == questions
    call_command("demo", candidates=4)
    assert bench.count() == 4
