"""Who may read which report. Every report view fetches through one of the two helpers.

- HR: every role's reports and comparisons.
- Hiring managers: reports and comparisons for the roles they own.
- Recruiters: a candidate's report only once their own interview of that candidate is
  submitted (interviewers score independently and must not be anchored by the
  panel), and never a comparison.
- Nobody, hiring managers and HR included, reads a candidate's report while their own
  interview of that candidate is unsubmitted, nor a role's comparison while they still
  have an unsubmitted interview for that role.
- Anyone else: 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from hiring.accounts.roles import Person, is_recruiter
from hiring.interviews.access import is_still_interviewing, oversees
from hiring.interviews.models import Candidate, Interview, Role


def interviewing_for(user: Person, role: Role) -> bool:
    """Whether `user` has an unsubmitted interview of any candidate of `role`."""
    return Interview.objects.drafts().filter(candidate__role=role, interviewer_id=user.pk).exists()


def can_compare(user: Person, role: Role) -> bool:
    return oversees(user, role) and not interviewing_for(user, role)


def can_read_report(user: Person, candidate: Candidate) -> bool:
    if is_still_interviewing(user, candidate):
        return False
    if oversees(user, candidate.role):
        return True
    return (
        is_recruiter(user)
        and Interview.objects.submitted()
        .filter(candidate=candidate, interviewer_id=user.pk)
        .exists()
    )


def get_candidate_for_report(request: HttpRequest, pk: int) -> Candidate:
    candidate = get_object_or_404(
        Candidate.objects.select_related("role__bank_version__bank"), pk=pk
    )
    if is_still_interviewing(request.user, candidate):
        raise PermissionDenied(
            "Submit your own interview of this candidate first: the panel's scores stay "
            "hidden until then, so that you score independently."
        )
    if not can_read_report(request.user, candidate):
        raise PermissionDenied("You may not read this candidate's report.")
    return candidate


def get_role_for_comparison(request: HttpRequest, slug: str) -> Role:
    role = get_object_or_404(Role.objects.select_related("bank_version__bank"), slug=slug)
    if oversees(request.user, role) and interviewing_for(request.user, role):
        raise PermissionDenied(
            "Submit your open interviews for this role first: the comparison shows the "
            "panel's scores, which stay hidden until you have scored independently."
        )
    if not can_compare(request.user, role):
        raise PermissionDenied("You may not compare this role's candidates.")
    return role
