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
    progress_changed: bool = False  # complete or not, or scored against not asked, changed


# No savepoint when called inside a transaction (the kit's view): nothing here is retried
# after a failure, which rolls the caller's whole transaction back anyway, and the hot path
# spares two statements.
@transaction.atomic(savepoint=False)
def save_response(
    response: Response, data: Mapping[str, Any], revision: int, *, locked: bool = False
) -> SaveResult:
    """Save one answer unless someone saved it since `revision` was read (optimistic locking).

    The interview row is locked first, so a save waits for a submit in flight and then sees
    it (LOCKED), and a submit waits for this save. The compare-and-swap is one UPDATE whose
    WHERE holds the response's key and revision and nothing else: PostgreSQL re-checks such a
    condition after waiting for the row lock (it would not re-check a sub-select), so two tabs
    racing each other cannot both win. The loser gets STALE and the newer text stays. Saving
    what is already stored is never a conflict (a change and a blur send the same text twice).

    `locked`: the caller read `response` in this same transaction with its interview row
    locked (``select_for_update(of=("interview",))``), so its status is current; the hot
    path spares a query that way.
    """
    status = response.interview.status if locked else _lock_interview(response.interview_id)
    if status == Interview.Status.SUBMITTED:
        response.interview.status = Interview.Status.SUBMITTED
        return SaveResult(Saved.LOCKED, response)
    fields = {name: data[name] for name in ("answer", "notes", "score", "not_asked")}
    # `response` was read before the lock; equal values at the posted revision mean nothing
    # the user typed is new, whatever happened since.
    if response.revision == revision and _holds(response, fields):
        return SaveResult(Saved.UNCHANGED, response)
    updated = Response.objects.filter(pk=response.pk, revision=revision).update(
        **fields, revision=F("revision") + 1, updated_at=timezone.now()
    )
    if not updated:
        response.refresh_from_db(fields=[*fields, "revision", "updated_at"])
        outcome = Saved.UNCHANGED if _holds(response, fields) else Saved.STALE
        return SaveResult(outcome, response)
    answer_changed = fields["answer"] != response.answer
    was = (response.is_complete, response.not_asked)
    for name, value in fields.items():
        setattr(response, name, value)
    response.revision = revision + 1
    version = response.interview.bank_version
    changed = sync_flags(response, version) if answer_changed else False
    return SaveResult(
        Saved.SAVED, response, changed, was != (response.is_complete, response.not_asked)
    )


def _holds(response: Response, fields: Mapping[str, Any]) -> bool:
    return all(getattr(response, name) == value for name, value in fields.items())


def _lock_interview(interview_id: int) -> str:
    """Take the interview's row lock until the transaction ends; return its current status.

    PostgreSQL blocks here while another transaction holds the row. SQLite has no row locks:
    its transactions start IMMEDIATE (settings), which serialises writers the same way.
    """
    return (
        Interview.objects.select_for_update()
        .filter(pk=interview_id)
        .values_list("status", flat=True)
        .get()
    )


@transaction.atomic
def submit_interview(interview: Interview, verdict: Mapping[str, str]) -> list[Response]:
    """Record the verdict and lock the interview if every question is scored or not asked.

    Returns the incomplete responses (nothing is changed then). Raises InterviewLocked if it
    was already submitted, e.g. from another tab. The row lock makes every save either
    commit before the check below (and be seen by it) or wait and find the interview locked.
    """
    if _lock_interview(interview.pk) == Interview.Status.SUBMITTED:
        interview.status = Interview.Status.SUBMITTED
        raise InterviewLocked("This interview was already submitted.")
    missing = list(
        interview.responses.incomplete()
        .select_related("question__dimension")
        .order_by("question__dimension__position", "question__position")
    )
    if missing:
        return missing
    now = timezone.now()
    Interview.objects.filter(pk=interview.pk).update(
        status=Interview.Status.SUBMITTED, submitted_at=now, **verdict
    )
    interview.status, interview.submitted_at = Interview.Status.SUBMITTED, now
    for name, value in verdict.items():
        setattr(interview, name, value)
    return []
