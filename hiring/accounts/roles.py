"""Who is who: the three roles a person can hold, and the checks every app builds on.

The roles are Django groups created by this app's data migration: HR (owns the question
bank), Recruiter (runs interviews) and Hiring manager (owns roles, reads reports). What a
role may do with a particular object is decided by each app's ``access.py``; this module
only answers "which roles does this user hold".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

if TYPE_CHECKING:
    from django.contrib.auth.models import User
else:
    from django.contrib.auth import get_user_model

    User = get_user_model()

__all__ = [
    "ALL_ROLES",
    "HIRING_MANAGER",
    "HR",
    "RECRUITER",
    "Person",
    "User",
    "as_user",
    "display_name",
    "has_role",
    "is_hiring_manager",
    "is_hr",
    "is_htmx",
    "is_recruiter",
    "navigation",
    "remember_roles",
    "role_names",
    "role_required",
]

HR = "HR"
RECRUITER = "Recruiter"
HIRING_MANAGER = "Hiring manager"
ALL_ROLES = (HR, RECRUITER, HIRING_MANAGER)

# Whoever a request comes from: a logged-in person or nobody.
type Person = User | AnonymousUser
type View = Callable[..., HttpResponse]


def role_names(user: Person) -> frozenset[str]:
    """The user's roles, read once per request object and kept on it."""
    if not user.is_authenticated:
        return frozenset()
    cached: frozenset[str] | None = getattr(user, "_role_names", None)
    if cached is None:
        cached = remember_roles(user, user.groups.values_list("name", flat=True))
    return cached


def remember_roles(user: User, names: Iterable[str]) -> frozenset[str]:
    """Keep the user's role names on the user object, which lives as long as the request
    (the authentication backend reads them with the user, see backends.py)."""
    roles = frozenset(names)
    setattr(user, "_role_names", roles)  # noqa: B010
    return roles


def has_role(user: Person, *roles: str) -> bool:
    return bool(role_names(user) & set(roles))


def is_hr(user: Person) -> bool:
    return has_role(user, HR)


def is_recruiter(user: Person) -> bool:
    return has_role(user, RECRUITER)


def is_hiring_manager(user: Person) -> bool:
    return has_role(user, HIRING_MANAGER)


def as_user(user: Person | None) -> User | None:
    """The logged-in person as a user row to record (who created or changed something)."""
    return user if isinstance(user, User) else None


def display_name(user: User) -> str:
    """How a person is named on every page and PDF: full name, else the login."""
    return user.get_full_name() or user.get_username()


def is_htmx(request: HttpRequest) -> bool:
    """A request htmx made (it answers with a fragment), not a plain form post."""
    return request.headers.get("HX-Request") == "true"


def role_required(*roles: str) -> Callable[[View], View]:
    """Anonymous users are sent to log in; logged-in users with none of `roles` get 403."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied("Your role does not give access to this page.")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def navigation(request: HttpRequest) -> dict[str, bool]:
    """Template context: which navigation a user gets."""
    names = role_names(request.user)
    return {
        "user_is_hr": HR in names,
        "user_is_recruiter": RECRUITER in names,
        "user_is_manager": HIRING_MANAGER in names,
    }
