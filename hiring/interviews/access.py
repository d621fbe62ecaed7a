"""Who may see and change which roles, candidates and interviews.

Every interviews view fetches through the ``get_*`` helpers here. The policy for "missing"
against "not yours": an object the user may not read is a 404 (ids reveal nothing); an
object the user may read but not change is a 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from hiring.accounts.roles import Person, is_hiring_manager, is_hr, is_recruiter
from hiring.interviews.models import Candidate, Interview, Role

# --- Scoping roles, candidates and interviews to a user ------------------------------------
# Every hiring view fetches through these, so the independent-scoring rule lives in one place:
# before submitting their own interview, an interviewer sees nobody else's scores, notes or
# flags for that candidate, whatever else they are (a hiring manager on their own role's
# panel, someone who is also in HR). Otherwise hiring managers (of the role) and HR see
# everything submitted. Drafts are visible only to their interviewer.


def visible_roles(user: Person) -> QuerySet[Role]:
    """Recruiters and HR work across all openings; a hiring manager sees the roles they own."""
    roles = Role.objects.select_related("bank_version__bank", "hiring_manager")
    if is_hr(user) or is_recruiter(user):
        return roles
    if is_hiring_manager(user):
        return roles.filter(hiring_manager_id=user.pk)
    return roles.none()


def visible_candidates(user: Person) -> QuerySet[Candidate]:
    return Candidate.objects.filter(role__in=visible_roles(user)).select_related(
        "role__bank_version__bank", "role__hiring_manager"
    )


def manages(user: Person, role: Role) -> bool:
    """HR, or the role's own hiring manager: plans, weights, every submitted interview, reports."""
    return is_hr(user) or (is_hiring_manager(user) and role.is_managed_by(user))


def works_on(user: Person, role: Role) -> bool:
    """Recruiters work on any role; a hiring manager on their own: adds candidates, interviews."""
    return is_recruiter(user) or (is_hiring_manager(user) and role.is_managed_by(user))


def is_still_interviewing(user: Person, candidate: Candidate) -> bool:
    """Whether `user` has an interview of `candidate` that is not submitted yet."""
    return Interview.objects.drafts().filter(candidate=candidate, interviewer_id=user.pk).exists()


def sees_whole_panel(user: Person, candidate: Candidate) -> bool:
    """HR and the role's hiring manager read every submitted interview, unless they are
    interviewing the candidate themselves and have not submitted yet."""
    return manages(user, candidate.role) and not is_still_interviewing(user, candidate)


def visible_interviews(user: Person, candidate: Candidate) -> QuerySet[Interview]:
    """The interviews of `candidate` whose scores, notes and flags `user` may read."""
    interviews = Interview.objects.filter(candidate=candidate).select_related("interviewer")
    if not user.is_authenticated or not visible_candidates(user).filter(pk=candidate.pk).exists():
        return interviews.none()
    own = Q(interviewer=user)
    submitted = Q(status=Interview.Status.SUBMITTED)
    if is_still_interviewing(user, candidate):
        return interviews.filter(own)
    if manages(user, candidate.role) or interviews.filter(own & submitted).exists():
        return interviews.filter(own | submitted)
    return interviews.filter(own)


def get_role(user: Person, slug: str) -> Role:
    return get_object_or_404(visible_roles(user), slug=slug)


def get_candidate(user: Person, pk: int) -> Candidate:
    return get_object_or_404(visible_candidates(user), pk=pk)


def get_interview(user: Person, pk: int) -> Interview:
    """An interview the user may read; anything else is a 404, so ids reveal nothing.

    Joins what the kit and the read-only interview show, and no more: each joined model
    costs every kit request its columns' compiling and converting (the role's own bank
    version and bank, never shown there, were a fifth of this read)."""
    interview = get_object_or_404(
        Interview.objects.select_related("candidate__role", "interviewer", "bank_version__bank"),
        pk=pk,
    )
    if interview.is_run_by(user):
        return interview
    if not visible_interviews(user, interview.candidate).filter(pk=interview.pk).exists():
        raise Http404("No such interview.")
    return interview


def get_own_interview(user: Person, pk: int) -> Interview:
    """An interview the user runs (for writes). Someone else's readable one is 403, not 404.

    Whether it is still open is the caller's business: a locked interview answers 409.
    """
    interview = get_interview(user, pk)
    if not interview.is_run_by(user):
        raise PermissionDenied("Only the interviewer changes an interview.")
    return interview
