"""Who may read which report. Every report view fetches through one of the two helpers.

- HR: every role's reports and comparisons.
- Hiring managers: reports and comparisons for the roles they own.
- Recruiters: a candidate's report only once their own interview of that candidate is
  submitted (interviewers score independently and must not be anchored by the
  panel), and never a comparison.
- Anyone else: 403 (the role gives no access to reports).

Disclosure follows the interviews app: a candidate or role outside what the user may see
at all is a 404; one they can see but whose report they may not read is a 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from hiring.accounts.roles import Person, is_recruiter
from hiring.interviews.access import manages, visible_candidates, visible_roles
from hiring.interviews.models import Candidate, Interview, Role


def can_read_report(user: Person, candidate: Candidate) -> bool:
    if manages(user, candidate.role):
        return True
    return (
        is_recruiter(user)
        and Interview.objects.submitted()
        .filter(candidate=candidate, interviewer_id=user.pk)
        .exists()
    )


def get_candidate_for_report(user: Person, pk: int) -> Candidate:
    candidate = get_object_or_404(visible_candidates(user), pk=pk)
    if not can_read_report(user, candidate):
        raise PermissionDenied("You may not read this candidate's report.")
    return candidate


def get_role_for_comparison(user: Person, slug: str) -> Role:
    role = get_object_or_404(visible_roles(user), slug=slug)
    if not manages(user, role):
        raise PermissionDenied("You may not compare this role's candidates.")
    return role
