"""A role's interview plan (the hiring manager edits it) and a candidate's panel."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hiring.accounts.roles import ALL_ROLES, HIRING_MANAGER, HR, role_required
from hiring.interviews import plans
from hiring.interviews.access import get_candidate, get_role, manages
from hiring.interviews.models import PlannedInterview, Role
from hiring.interviews.plan_forms import PanelForm, PlannedInterviewForm


def _managed_role(request: HttpRequest, slug: str) -> Role:
    role = get_role(request.user, slug)
    if not manages(request.user, role):
        raise PermissionDenied("Only HR and the role's hiring manager change its plan.")
    return role


@require_GET
@role_required(*ALL_ROLES)
def plan(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_role(request.user, slug)
    the_plan = plans.plan_for(role)
    interviews = list(the_plan.ordered_interviews())
    raters = the_plan.raters_per_dimension()
    context = {
        "role": role,
        "plan": the_plan,
        "interviews": interviews,
        "under_covered": [(d, raters[d.pk]) for d in the_plan.under_covered()],
        "can_manage": manages(request.user, role),
        "total_questions": sum(len(p.questions.all()) for p in interviews),
    }
    return render(request, "interviews/plan.html", context)


@require_http_methods(["GET", "POST"])
@role_required(HR, HIRING_MANAGER)
def edit_planned(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    role = _managed_role(request, slug)
    the_plan = plans.plan_for(role)
    planned = get_object_or_404(the_plan.interviews, pk=pk) if pk else None
    form = PlannedInterviewForm(request.POST or None, instance=planned, plan=the_plan)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, f"Saved “{saved.name}”.")
        return redirect(the_plan)
    context = {"role": role, "plan": the_plan, "form": form, "planned": planned}
    return render(request, "interviews/planned_form.html", context)


@require_POST
@role_required(HR, HIRING_MANAGER)
def delete_planned(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    role = _managed_role(request, slug)
    planned: PlannedInterview = get_object_or_404(plans.plan_for(role).interviews, pk=pk)
    if planned.interviews.exists():
        # Interviews already run keep pointing at it; removing it would orphan their plan.
        messages.error(request, f"“{planned.name}” has interviews already started; kept.")
    else:
        planned.delete()
        messages.success(request, f"Removed “{planned.name}” from the plan.")
    return redirect("interviews:plan", role.slug)


@require_POST
@role_required(HR, HIRING_MANAGER)
def reset_plan(request: HttpRequest, slug: str) -> HttpResponse:
    role = _managed_role(request, slug)
    if role.plan_in_use():
        messages.error(request, "Interviews have started on this plan; edit it instead.")
    else:
        plans.build_default_plan(role)
        messages.success(request, "Rebuilt the default plan from the role's dimensions.")
    return redirect("interviews:plan", role.slug)


@require_http_methods(["GET", "POST"])
@role_required(HR, HIRING_MANAGER)
def panel(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_candidate(request.user, pk)
    role = person.role
    if not manages(request.user, role):
        raise PermissionDenied("Only HR and the role's hiring manager assign interviewers.")
    the_plan = plans.plan_for(role)
    form = PanelForm(request.POST or None, candidate=person, plan=the_plan)
    if request.method == "POST" and form.is_valid():
        manager = cast(User, request.user)  # role_required let only a signed-in user in
        plans.assign_panel(person, form.seats(), by=manager)
        messages.success(request, f"Saved {person.name}'s panel.")
        return redirect(person)
    context = {"candidate": person, "role": role, "plan": the_plan, "form": form}
    return render(request, "interviews/panel_form.html", context)
