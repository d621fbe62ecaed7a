"""Roles (job openings) and their candidates."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from hiring.accounts.roles import (
    ALL_ROLES,
    HIRING_MANAGER,
    HR,
    RECRUITER,
    as_user,
    has_role,
    role_required,
)
from hiring.interviews import plans, services
from hiring.interviews.access import (
    get_candidate,
    get_role,
    manages,
    visible_interviews,
    visible_roles,
    works_on,
)
from hiring.interviews.forms import (
    CandidateForm,
    CandidateImportForm,
    RoleEditForm,
    RoleForm,
    WeightsForm,
)
from hiring.interviews.models import Candidate, Interview, Response


@require_http_methods(["GET", "POST"])
@role_required(*ALL_ROLES)
def roles(request: HttpRequest) -> HttpResponse:
    """The openings a user sees; HR and hiring managers open a new one here (POST)."""
    can_create = has_role(request.user, HR, HIRING_MANAGER)
    form = RoleForm(request.POST or None, user=request.user) if can_create else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("Only HR and hiring managers open roles.")
        if form.is_valid():
            role = form.save()
            plans.build_default_plan(role)
            messages.success(
                request,
                f"Opened the role “{role.title}” with a default interview plan. "
                "Check the plan, then add candidates.",
            )
            return redirect(role)
    listed = visible_roles(request.user).annotate(candidate_count=Count("candidates"))
    context = {"roles": listed, "can_create": can_create, "form": form}
    return render(request, "interviews/roles.html", context)


@require_GET
@role_required(*ALL_ROLES)
def role(request: HttpRequest, slug: str) -> HttpResponse:
    opening = get_role(request.user, slug)
    me = request.user.pk
    candidates = opening.candidates.annotate(
        submitted=Count("interviews", filter=Q(interviews__status=Interview.Status.SUBMITTED)),
        started=Count("interviews"),
    )
    mine = dict(
        Interview.objects.filter(candidate__role=opening, interviewer_id=me).values_list(
            "candidate_id", "status"
        )
    )
    rows = [(c, mine.get(c.pk)) for c in candidates]
    context = {
        "role": opening,
        "rows": rows,
        "can_add": works_on(request.user, opening),
        "can_manage": manages(request.user, opening),
        "form": CandidateForm(role=opening),
        "dimensions_count": len(opening.weights()),
    }
    return render(request, "interviews/role.html", context)


@require_http_methods(["GET", "POST"])
@role_required(HR, HIRING_MANAGER)
def edit_role(request: HttpRequest, slug: str) -> HttpResponse:
    opening = get_role(request.user, slug)
    if not manages(request.user, opening):
        raise PermissionDenied("Only HR and the role's hiring manager change a role.")
    version = opening.bank_version
    form = RoleEditForm(request.POST or None, instance=opening, user=request.user)
    if request.method == "POST" and form.is_valid():
        moved_to = form.cleaned_data["bank_version"]
        opening.bank_version = version  # moved below, with its weights and plan
        form.save()
        if moved_to != version:
            plans.move_to_version(opening, moved_to)
        messages.success(request, f"Saved the role “{opening.title}”.")
        return redirect(opening)
    return render(request, "interviews/role_form.html", {"role": opening, "form": form})


@require_http_methods(["GET", "POST"])
@role_required(HR, HIRING_MANAGER)
def role_weights(request: HttpRequest, slug: str) -> HttpResponse:
    opening = get_role(request.user, slug)
    if not manages(request.user, opening):
        raise PermissionDenied("Only HR and the role's hiring manager set its weights.")
    form = WeightsForm(request.POST or None, role=opening)
    if request.method == "POST" and form.is_valid():
        services.set_weights(opening, form.weights())
        if opening.plan_in_use():
            messages.warning(
                request,
                "Saved the weights. Interviews have started on the plan, so it was kept: "
                "check its focus dimensions.",
            )
        else:
            plans.build_default_plan(opening)
            messages.success(request, "Saved the weights and rebuilt the plan to match them.")
        return redirect("interviews:plan", opening.slug)
    return render(request, "interviews/role_weights.html", {"role": opening, "form": form})


def _role_for_adding(request: HttpRequest, slug: str) -> Any:
    opening = get_role(request.user, slug)
    if not works_on(request.user, opening):
        raise PermissionDenied("Recruiters and the role's hiring manager add candidates.")
    return opening


@require_http_methods(["GET", "POST"])
@role_required(RECRUITER, HIRING_MANAGER)
def new_candidate(request: HttpRequest, slug: str) -> HttpResponse:
    opening = _role_for_adding(request, slug)
    form = CandidateForm(request.POST or None, role=opening)
    if request.method == "POST" and form.is_valid():
        candidate = form.save(commit=False)
        candidate.created_by = as_user(request.user)
        candidate.save()
        messages.success(request, f"Added {candidate.name}.")
        return redirect(opening)
    return render(request, "interviews/candidate_form.html", {"role": opening, "form": form})


@require_http_methods(["GET", "POST"])
@role_required(RECRUITER, HIRING_MANAGER)
def import_candidates(request: HttpRequest, slug: str) -> HttpResponse:
    opening = _role_for_adding(request, slug)
    form = CandidateImportForm(request.POST or None, request.FILES or None, role=opening)
    if request.method == "POST":
        if form.is_valid():
            added = services.import_candidates(opening, form.rows, request.user)
            messages.success(request, f"Imported {len(added)} candidates.")
            return redirect(opening)
        status = 400
    else:
        status = 200
    return render(
        request, "interviews/candidate_import.html", {"role": opening, "form": form}, status=status
    )


def panel_scores(interviews: Sequence[Interview]) -> list[dict[str, Any]]:
    """Mean score per dimension per submitted interview, for the candidate page's table."""
    submitted = [i for i in interviews if i.is_submitted]
    rows = (
        Response.objects.filter(interview__in=submitted, score__isnull=False)
        .values("interview_id", "question__dimension__title", "question__dimension__position")
        .annotate(mean=Avg("score"))
        .order_by("question__dimension__position")
    )
    table: dict[tuple[int, str], dict[int, float]] = defaultdict(dict)
    for r in rows:
        key = (r["question__dimension__position"], r["question__dimension__title"])
        table[key][r["interview_id"]] = r["mean"]
    return [
        {"title": title, "scores": [table[(pos, title)].get(i.pk) for i in submitted]}
        for pos, title in sorted(table)
    ]


@require_GET
@role_required(*ALL_ROLES)
def candidate(request: HttpRequest, pk: int) -> HttpResponse:
    person: Candidate = get_candidate(request.user, pk)
    visible = list(
        visible_interviews(request.user, person).annotate(
            flag_count=Count("responses__flags", filter=Q(responses__flags__dismissed_at=None))
        )
    )
    mine = next((i for i in visible if i.interviewer_id == request.user.pk), None)
    hidden = person.interviews.exclude(pk__in=[i.pk for i in visible]).count()
    seats = list(person.assignments.select_related("planned", "interviewer"))
    context = {
        "seats": seats,
        "my_seat": next((a for a in seats if a.interviewer_id == request.user.pk), None),
        "can_manage": manages(request.user, person.role),
        "candidate": person,
        "role": person.role,
        "interviews": visible,
        "submitted": [i for i in visible if i.is_submitted],
        "mine": mine,
        "hidden": hidden,
        "whole_panel": manages(request.user, person.role),
        "can_start": mine is None and works_on(request.user, person.role),
        "panel": panel_scores(visible),
    }
    return render(request, "interviews/candidate.html", context)
