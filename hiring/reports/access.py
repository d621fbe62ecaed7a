"""Who may read which report. Every report view fetches through one of the two helpers.

- HR: every role's reports and comparisons.
- Hiring managers: reports and comparisons for the roles they own.
- Recruiters: a candidate's report only once their own interview of that candidate is
  submitted (interviewers score independently and must not be anchored by the
  panel), and never a comparison.
- Anyone else: 403.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from hiring.accounts.roles import is_hiring_manager, is_hr, is_recruiter
from hiring.interviews.models import Candidate, Interview, Role


def can_compare(user: Any, role: Role) -> bool:
    if is_hr(user):
        return True
    return is_hiring_manager(user) and role.hiring_manager_id == user.pk


def can_read_report(user: Any, candidate: Candidate) -> bool:
    if can_compare(user, candidate.role):
        return True
    return (
        is_recruiter(user)
        and Interview.objects.submitted().filter(candidate=candidate, interviewer=user).exists()
    )


def get_candidate_for_report(request: HttpRequest, pk: int) -> Candidate:
    candidate = get_object_or_404(
        Candidate.objects.select_related("role__bank_version__bank"), pk=pk
    )
    if not can_read_report(request.user, candidate):
        raise PermissionDenied("You may not read this candidate's report.")
    return candidate


def get_role_for_comparison(request: HttpRequest, slug: str) -> Role:
    role = get_object_or_404(Role.objects.select_related("bank_version__bank"), slug=slug)
    if not can_compare(request.user, role):
        raise PermissionDenied("You may not compare this role's candidates.")
    return role
