"""Interview plans: the default split of a role's dimensions, and writes that change a plan.

The default gives every assessed dimension to two interviews (a panel rating the same
dimension is far more reliable than one interviewer), each interview asking 6 to 12
questions: the first of a dimension's two interviewers asks its first question, the
second asks the other, so the panel hears both.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from django.contrib.auth.models import User
from django.db import transaction

from assessments.models import BankVersion, Dimension, Question
from hiring.interviews.models import (
    Assignment,
    Candidate,
    InterviewPlan,
    PlannedInterview,
    Role,
)

NAMES = ("Phone screen", "Panel A", "Panel B", "Panel C", "Panel D", "Panel E", "Panel F")
MIN_QUESTIONS = 6
MAX_QUESTIONS = 12


def interview_count(dimensions: int) -> int:
    """Three interviews, or more when two ratings per dimension need more than 12 each."""
    return max(3, math.ceil(2 * dimensions / MAX_QUESTIONS))


def default_split(
    dimensions: Sequence[Dimension], questions: Mapping[int, Sequence[Question]]
) -> list[tuple[list[Dimension], list[Question]]]:
    """Focus dimensions and questions per interview; each dimension goes to two interviews."""
    count = interview_count(len(dimensions))
    split: list[tuple[list[Dimension], list[Question]]] = [([], []) for _ in range(count)]
    for i, dimension in enumerate(dimensions):
        own = list(questions.get(dimension.pk, []))
        for turn, slot in enumerate((i % count, (i + 1) % count)):
            if own:
                split[slot][0].append(dimension)
                split[slot][1].append(own[turn % len(own)])
    # A short interview also asks its dimensions' other questions, up to six.
    for focus, asked in split:
        for dimension in focus:
            for q in questions.get(dimension.pk, []):
                if len(asked) >= MIN_QUESTIONS:
                    break
                if q not in asked:
                    asked.append(q)
    return split


@transaction.atomic
def build_default_plan(role: Role) -> InterviewPlan:
    """Replace the role's plan with the default split of its assessed dimensions."""
    plan, _ = InterviewPlan.objects.get_or_create(role=role)
    plan.interviews.all().delete()
    weights = role.weights()
    dimensions = list(
        role.bank_version.dimensions.filter(pk__in=list(weights)).order_by("position")
    )
    by_dimension: dict[int, list[Question]] = {}
    for q in Question.objects.filter(dimension__in=dimensions).order_by("position", "pk"):
        by_dimension.setdefault(q.dimension_id, []).append(q)
    for position, (focus, asked) in enumerate(default_split(dimensions, by_dimension)):
        planned = PlannedInterview.objects.create(
            plan=plan,
            name=NAMES[position] if position < len(NAMES) else f"Interview {position + 1}",
            position=position,
            minutes=PlannedInterview.estimate_minutes(len(asked)),
        )
        planned.dimensions.set(focus)
        planned.questions.set(asked)
    return plan


def plan_for(role: Role) -> InterviewPlan:
    """The role's plan, built by default the first time it is needed."""
    plan = InterviewPlan.objects.filter(role=role).first()
    return plan or build_default_plan(role)


@transaction.atomic
def assign_panel(
    candidate: Candidate, seats: Mapping[PlannedInterview, User | None], by: User
) -> None:
    """Set who runs each planned interview of a candidate; started ones keep theirs."""
    started = set(candidate.interviews.values_list("planned_id", flat=True))
    for planned, interviewer in seats.items():
        if planned.pk in started:
            continue
        Assignment.objects.filter(candidate=candidate, planned=planned).delete()
        if interviewer is not None:
            Assignment.objects.filter(candidate=candidate, interviewer=interviewer).exclude(
                planned_id__in=started
            ).delete()
            Assignment.objects.create(
                candidate=candidate, planned=planned, interviewer=interviewer, assigned_by=by
            )


@transaction.atomic
def move_to_version(role: Role, version: BankVersion) -> None:
    """Point the role, its weights and its plan at another published version.

    Dimensions are matched by key and questions by their place in the dimension, so the
    plan keeps its shape. Interviews already started stay pinned to their own version;
    only interviews started from now on use the new one.
    """
    dims = {d.key: d for d in version.dimensions.all()}
    questions = {
        (q.dimension.key, q.position): q
        for q in Question.objects.filter(dimension__version=version).select_related("dimension")
    }
    for rd in role.role_dimensions.select_related("dimension"):
        moved = dims.get(rd.dimension.key)
        if moved is None:
            rd.delete()
        else:
            rd.dimension = moved
            rd.save(update_fields=["dimension"])
    plan = InterviewPlan.objects.filter(role=role).first()
    if plan is not None:
        for planned in plan.interviews.prefetch_related("dimensions", "questions__dimension"):
            planned.dimensions.set([dims[d.key] for d in planned.dimensions.all() if d.key in dims])
            asked = [(q.dimension.key, q.position) for q in planned.questions.all()]
            planned.questions.set([questions[k] for k in asked if k in questions])
    role.bank_version = version
    role.save(update_fields=["bank_version"])
