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
from django.http import HttpRequest, HttpResponse

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
