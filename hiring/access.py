"""Who may do what. Three groups, created by a data migration: HR, Recruiter, Hiring manager.

Views use `role_required`: anonymous users are sent to log in, logged-in users
without one of the roles get 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from hiring.models import Candidate, Interview, Role

HR = "HR"
RECRUITER = "Recruiter"
HIRING_MANAGER = "Hiring manager"
ALL_ROLES = (HR, RECRUITER, HIRING_MANAGER)

User = AbstractBaseUser | AnonymousUser


def role_names(user: Any) -> frozenset[str]:
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def has_role(user: Any, *roles: str) -> bool:
    return bool(role_names(user) & set(roles))


def is_hr(user: Any) -> bool:
    return has_role(user, HR)


def is_recruiter(user: Any) -> bool:
    return has_role(user, RECRUITER)


def is_hiring_manager(user: Any) -> bool:
    return has_role(user, HIRING_MANAGER)


def role_required(*roles: str) -> Callable:
    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied("Your role does not give access to this page.")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def roles(request: HttpRequest) -> dict[str, Any]:
    """Template context: which navigation a user gets."""
    names = role_names(request.user)
    return {
        "user_is_hr": HR in names,
        "user_is_recruiter": RECRUITER in names,
        "user_is_manager": HIRING_MANAGER in names,
    }


# --- Scoping roles, candidates and interviews to a user ------------------------------------
# Every hiring view fetches through these, so the independent-scoring rule lives in one place:
# before submitting their own interview, an interviewer sees nobody else's scores, notes or
# flags for that candidate. Hiring managers (of the role) and HR see everything submitted.
# Drafts are visible only to their interviewer.


def visible_roles(user: Any) -> QuerySet[Role]:
    """Recruiters and HR work across all openings; a hiring manager sees the roles they own."""
    roles = Role.objects.select_related("bank_version__bank", "hiring_manager")
    if is_hr(user) or is_recruiter(user):
        return roles
    if is_hiring_manager(user):
        return roles.filter(hiring_manager=user)
    return roles.none()


def visible_candidates(user: Any) -> QuerySet[Candidate]:
    return Candidate.objects.filter(role__in=visible_roles(user)).select_related(
        "role__bank_version__bank", "role__hiring_manager"
    )


def can_manage_role(user: Any, role: Role) -> bool:
    return is_hr(user) or (is_hiring_manager(user) and role.is_managed_by(user))


def can_add_candidates(user: Any, role: Role) -> bool:
    return is_recruiter(user) or (is_hiring_manager(user) and role.is_managed_by(user))


def can_interview(user: Any, role: Role) -> bool:
    """Recruiters interview for any role; a hiring manager may sit on their own role's panels."""
    return is_recruiter(user) or (is_hiring_manager(user) and role.is_managed_by(user))


def sees_whole_panel(user: Any, candidate: Candidate) -> bool:
    """HR and the role's hiring manager read every submitted interview at any time."""
    return is_hr(user) or (is_hiring_manager(user) and candidate.role.is_managed_by(user))


def visible_interviews(user: Any, candidate: Candidate) -> QuerySet[Interview]:
    """The interviews of `candidate` whose scores, notes and flags `user` may read."""
    interviews = Interview.objects.filter(candidate=candidate).select_related("interviewer")
    if not user.is_authenticated or not visible_candidates(user).filter(pk=candidate.pk).exists():
        return interviews.none()
    own = Q(interviewer=user)
    submitted = Q(status=Interview.Status.SUBMITTED)
    if sees_whole_panel(user, candidate):
        return interviews.filter(own | submitted)
    if interviews.filter(own & submitted).exists():
        return interviews.filter(own | submitted)
    return interviews.filter(own)


def get_role(user: Any, slug: str) -> Role:
    return get_object_or_404(visible_roles(user), slug=slug)


def get_candidate(user: Any, pk: int) -> Candidate:
    return get_object_or_404(visible_candidates(user), pk=pk)


def get_interview(user: Any, pk: int) -> Interview:
    """An interview the user may read; anything else is a 404, so ids reveal nothing."""
    interview = get_object_or_404(
        Interview.objects.select_related(
            "candidate__role__bank_version__bank", "interviewer", "bank_version__bank"
        ),
        pk=pk,
    )
    if interview.is_run_by(user):
        return interview
    if not visible_interviews(user, interview.candidate).filter(pk=interview.pk).exists():
        raise Http404("No such interview.")
    return interview


def get_own_interview(user: Any, pk: int) -> Interview:
    """An interview the user runs (for writes). Someone else's readable one is 403, not 404.

    Whether it is still open is the caller's business: a locked interview answers 409.
    """
    interview = get_interview(user, pk)
    if not interview.is_run_by(user):
        raise PermissionDenied("Only the interviewer changes an interview.")
    return interview
