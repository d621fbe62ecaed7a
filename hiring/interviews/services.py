"""Writes that span several hiring models, each in one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from assessments.models import Question
from hiring.interviews.kit import sync_flags
from hiring.interviews.models import (
    Assignment,
    Candidate,
    Interview,
    InterviewLocked,
    InterviewPlan,
    PlannedInterview,
    Response,
    Role,
    RoleDimension,
)


@transaction.atomic
def set_weights(role: Role, weights: Mapping[int, Decimal]) -> None:
    """Store the assessed dimensions and their weights; all equal means "the default"."""
    role.role_dimensions.all().delete()
    chosen = {pk: w for pk, w in weights.items() if w > 0}
    everything = set(role.bank_version.dimensions.values_list("pk", flat=True))
    if set(chosen) == everything and len(set(chosen.values())) <= 1:
        return  # no rows: every dimension, equal weights
    RoleDimension.objects.bulk_create(
        RoleDimension(role=role, dimension_id=pk, weight=w) for pk, w in chosen.items()
    )


@transaction.atomic
def import_candidates(role: Role, rows: Iterable[tuple[str, str]], user: Any) -> list[Candidate]:
    """All rows or none: the form has already checked every one of them."""
    now = timezone.now()
    return Candidate.objects.bulk_create(
        Candidate(role=role, name=name, email=email, created_by=user, created_at=now)
        for name, email in rows
    )


@transaction.atomic
def start_interview(candidate: Candidate, interviewer: Any) -> Interview:
    """Open (or return) the interviewer's interview, pinned to the role's current bank version.

    One blank response per question of the dimensions the role assesses is created up front,
    so autosave only ever updates rows and the kit is one fixed query.
    """
    existing = Interview.objects.filter(candidate=candidate, interviewer=interviewer).first()
    if existing:
        return existing
    role = candidate.role
    planned = seat_for(candidate, interviewer)
    try:
        with transaction.atomic():
            interview = Interview.objects.create(
                candidate=candidate,
                interviewer=interviewer,
                bank_version=role.bank_version,
                planned=planned,
            )
    except IntegrityError:  # a double click raced us to it
        return Interview.objects.get(candidate=candidate, interviewer=interviewer)
    if planned is not None:
        questions = planned.questions.filter(dimension__version=role.bank_version)
    else:
        questions = Question.objects.filter(
            dimension__version=role.bank_version, dimension_id__in=list(role.weights())
        )
    ordered = questions.order_by("dimension__position", "position", "pk")
    Response.objects.bulk_create(Response(interview=interview, question=q) for q in ordered)
    return interview


def seat_for(candidate: Candidate, interviewer: Any) -> PlannedInterview | None:
    """The planned interview this interviewer runs for the candidate.

    Without an assignment, an interviewer who starts anyway takes the first planned
    interview nobody holds yet, so an unplanned start still asks a plan-sized kit.
    """
    seat = candidate.assignments.filter(interviewer=interviewer).select_related("planned")
    if assigned := seat.first():
        return assigned.planned
    plan = InterviewPlan.objects.filter(role=candidate.role).first()
    if plan is None:
        return None
    taken = set(candidate.assignments.values_list("planned_id", flat=True))
    taken |= set(candidate.interviews.values_list("planned_id", flat=True))
    free = plan.interviews.exclude(pk__in=taken).order_by("position").first()
    if free is not None:
        Assignment.objects.create(candidate=candidate, planned=free, interviewer=interviewer)
    return free


class Saved(StrEnum):
    SAVED = "saved"
    UNCHANGED = "unchanged"
    STALE = "stale"
    LOCKED = "locked"


@dataclass
class SaveResult:
    outcome: Saved
    response: Response
    flags_changed: bool = False


@transaction.atomic
def save_response(response: Response, data: Mapping[str, Any], revision: int) -> SaveResult:
    """Save one answer unless someone saved it since `revision` was read (optimistic locking).

    The compare-and-swap is a single conditional UPDATE, so two tabs racing each other cannot
    both win; the loser gets STALE and the newer text stays. Saving what is already stored is
    never a conflict (a change and a blur send the same text twice).
    """
    current = Response.objects.select_related("interview__bank_version", "question").get(
        pk=response.pk
    )
    if current.interview.is_submitted:
        return SaveResult(Saved.LOCKED, current)
    fields = {name: data[name] for name in ("answer", "notes", "score", "not_asked")}
    if all(getattr(current, name) == value for name, value in fields.items()):
        return SaveResult(Saved.UNCHANGED, current)
    if current.revision != revision:
        return SaveResult(Saved.STALE, current)
    updated = Response.objects.filter(
        pk=current.pk, revision=revision, interview__status=Interview.Status.DRAFT
    ).update(**fields, revision=F("revision") + 1, updated_at=timezone.now())
    if not updated:
        current.refresh_from_db()
        outcome = Saved.LOCKED if _is_locked(current.interview_id) else Saved.STALE
        return SaveResult(outcome, current)
    answer_changed = fields["answer"] != current.answer
    for name, value in fields.items():
        setattr(current, name, value)
    current.revision = revision + 1
    changed = sync_flags(current, current.interview.bank_version) if answer_changed else False
    return SaveResult(Saved.SAVED, current, changed)


def _is_locked(interview_id: int) -> bool:
    return Interview.objects.filter(pk=interview_id).submitted().exists()


@transaction.atomic
def submit_interview(interview: Interview, verdict: Mapping[str, str]) -> list[Response]:
    """Record the verdict and lock the interview if every question is scored or not asked.

    Returns the incomplete responses (nothing is changed then). Raises InterviewLocked if it
    was already submitted, e.g. from another tab.
    """
    interview.ensure_open()
    missing = list(
        interview.responses.filter(score__isnull=True, not_asked=False)
        .select_related("question__dimension")
        .order_by("question__dimension__position", "question__position")
    )
    if missing:
        return missing
    now = timezone.now()
    locked = (
        Interview.objects.filter(pk=interview.pk)
        .drafts()
        .update(status=Interview.Status.SUBMITTED, submitted_at=now, **verdict)
    )
    if not locked:
        raise InterviewLocked("This interview was already submitted.")
    interview.status, interview.submitted_at = Interview.Status.SUBMITTED, now
    for name, value in verdict.items():
        setattr(interview, name, value)
    return []
