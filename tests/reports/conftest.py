"""A role with candidates at every stage, built straight through the ORM on the default bank.

- Ana: Ravi and Rosa submitted; they disagree on the first dimension (5 vs 2); one open
  flag on Ravi's answer and one flag Maya dismissed; notes on two questions; Rhea's
  interview of her is still a draft (pending, left out of every figure).
- Ben: only Ravi submitted, threes across the board; no flags.
- Cy: no interview at all yet.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from assessments.models import Question, WarningRule
from hiring.interviews.models import Candidate, Flag, Interview, Response, Role


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


FLAGGED_ANSWER = "Honestly I love this job because I like being appreciated by the regulars."
FLAGGED_PHRASE = "like being appreciated"
DISMISSED_ANSWER = "I enjoy the praise when a customer writes in, but the fix matters more."
DISMISSED_PHRASE = "enjoy the praise"


@pytest.fixture(autouse=True)
def report_cache(settings, tmp_path):
    """Each test gets an empty reports cache of its own."""
    settings.CACHES = {
        **settings.CACHES,
        "reports": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "reports-cache"),
        },
    }


@pytest.fixture
def rhea(db) -> User:
    """Rhea is a third recruiter, who has not finished her interview."""
    user = User.objects.create_user("rhea", "rhea@example.com", "x", first_name="Rhea")
    user.groups.add(Group.objects.get(name="Recruiter"))
    return user


@pytest.fixture
def marco(db) -> User:
    """Marco is a hiring manager too, but for another role."""
    user = User.objects.create_user("marco", "marco@example.com", "x", first_name="Marco")
    user.groups.add(Group.objects.get(name="Hiring manager"))
    return user


@pytest.fixture
def as_marco(marco):
    return client_for(marco)


@pytest.fixture
def as_rhea(rhea):
    return client_for(rhea)


@pytest.fixture
def questions(published) -> list[Question]:
    return list(
        Question.objects.filter(dimension__version=published)
        .select_related("dimension")
        .order_by("dimension__position", "position", "pk")
    )


@pytest.fixture
def rule(published) -> WarningRule:
    return published.warning_rules.get(code="appreciation")


def run_interview(
    candidate: Candidate,
    interviewer: User,
    questions: list[Question],
    score: Callable[[Question], int | None],
    *,
    submitted: bool = True,
    notes: dict[int, str] | None = None,
    answers: dict[int, str] | None = None,
) -> Interview:
    """An interview with a response to every question, scored by `score(question)`."""
    now = timezone.now()
    interview = Interview.objects.create(
        candidate=candidate,
        interviewer=interviewer,
        bank_version=questions[0].dimension.version,
        status=Interview.Status.SUBMITTED if submitted else Interview.Status.DRAFT,
        started_at=now - timedelta(hours=2),
        submitted_at=now if submitted else None,
    )
    # bulk_create skips Response.save's lock check: these are finished interviews' records.
    Response.objects.bulk_create(
        Response(
            interview=interview,
            question=q,
            score=score(q),
            notes=(notes or {}).get(q.pk, ""),
            answer=(answers or {}).get(q.pk, "An answer."),
        )
        for q in questions
    )
    return interview


def flag(
    interview: Interview,
    question: Question,
    rule: WarningRule,
    phrase: str,
    dismissed_by: User | None = None,
    reason: str = "",
    stage: str = Flag.Stage.RULES,
) -> Flag:
    response = interview.responses.get(question=question)
    start = response.answer.index(phrase)
    return Flag.objects.create(
        response=response,
        rule=rule,
        evidence=phrase,
        start=start,
        end=start + len(phrase),
        dismissed_by=dismissed_by,
        dismissed_at=timezone.now() if dismissed_by else None,
        dismiss_reason=reason,
        stage=stage,
    )


@pytest.fixture
def role(published, maya, hana) -> Role:
    return Role.objects.create(
        title="Support agent",
        slug="support-agent",
        bank_version=published,
        hiring_manager=maya,
        created_by=hana,
    )


@pytest.fixture
def other_role(published, marco) -> Role:
    return Role.objects.create(
        title="Team lead", slug="team-lead", bank_version=published, hiring_manager=marco
    )


@pytest.fixture
def ana(role, questions, ravi, rosa, rhea, maya, rule) -> Candidate:
    ana = Candidate.objects.create(role=role, name="Ana Alvarez", email="ana@example.com")
    first = questions[0].dimension_id
    q1, q2 = questions[0], questions[1]
    by_ravi = run_interview(
        ana,
        ravi,
        questions,
        lambda q: 5 if q.dimension_id == first else 4,
        notes={q1.pk: "Told the parking-fine story with warmth.", q2.pk: "Kept it kind."},
        answers={q2.pk: FLAGGED_ANSWER, questions[2].pk: DISMISSED_ANSWER},
    )
    run_interview(
        ana,
        rosa,
        questions,
        lambda q: 2 if q.dimension_id == first else 3,
        notes={q1.pk: "Laughed at the customer a little."},
    )
    run_interview(ana, rhea, questions, lambda q: 1, submitted=False)
    flag(by_ravi, q2, rule, FLAGGED_PHRASE)
    flag(
        by_ravi,
        questions[2],
        rule,
        DISMISSED_PHRASE,
        dismissed_by=maya,
        reason="Praise is mentioned in passing; the answer is about the fix.",
    )
    return ana


@pytest.fixture
def ben(role, questions, ravi) -> Candidate:
    ben = Candidate.objects.create(role=role, name="Ben Brook", email="ben@example.com")
    run_interview(ben, ravi, questions, lambda q: 3)
    return ben


@pytest.fixture
def cy(role) -> Candidate:
    return Candidate.objects.create(role=role, name="Cy Chen", email="cy@example.com")


@pytest.fixture
def panel(ana, ben, cy) -> list[Candidate]:
    return [ana, ben, cy]
