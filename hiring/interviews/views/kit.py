"""The interview kit: start, answer and score (autosaved), live warning flags, submit.

Every write view answers htmx with a fragment and a plain form POST with a redirect or a
full page, so the kit works with or without JavaScript. A write to a submitted interview
is refused with 409 and changes nothing.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.views.decorators.http import require_GET, require_POST

from hiring.accounts.roles import ALL_ROLES, HIRING_MANAGER, RECRUITER, is_htmx, role_required
from hiring.interviews import kit, services
from hiring.interviews.access import (
    get_candidate,
    get_interview,
    get_own_interview,
    visible_interviews,
    works_on,
)
from hiring.interviews.forms import (
    SCORE_CHOICES,
    DismissFlagForm,
    ResponseForm,
    ScreenForm,
    SubmitForm,
)
from hiring.interviews.models import Flag, Interview, InterviewLocked, Response
from hiring.interviews.services import Saved

INTERVIEWERS = (RECRUITER, HIRING_MANAGER)


def own_response(request: HttpRequest, pk: int, *, for_saving: bool = False) -> Response:
    """A response of an interview the user runs; other people's are 404 (or 403 if readable).

    `for_saving` (inside a transaction) locks the interview row in the same query, as
    services.save_response needs it locked. Both hot paths read only the interview and its
    bank version: every joined table costs them its columns' compiling and converting (the
    question and its dimension doubled an autosave's read), and the saved fragment needs the
    dimension only when the progress changed, once per question.
    """
    response = get_object_or_404(_hot_responses(for_saving), pk=pk)
    if not response.interview.is_run_by(request.user):  # one query for the hot path
        response.interview = get_own_interview(request.user, response.interview_id)
    return response


@cache
def _hot_responses(for_saving: bool) -> QuerySet[Response]:
    """Built once per process: get() clones it, and building it anew (the annotation, the
    joins, the lock) cost each autosave a third as much as compiling its SQL."""
    rows = Response.objects.with_flag_presence().select_related("interview__bank_version")
    return rows.select_for_update(of=("interview",)) if for_saving else rows


def locked(request: HttpRequest, interview: Interview) -> HttpResponse:
    template = "interviews/_locked.html" if is_htmx(request) else "interviews/locked.html"
    return render(request, template, {"interview": interview}, status=409)


@require_POST
@role_required(*INTERVIEWERS)
def start_interview(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_candidate(request.user, pk)
    if not works_on(request.user, person.role):
        raise PermissionDenied("Only recruiters and the role's hiring manager interview.")
    return redirect(services.start_interview(person, request.user))


def render_kit(
    request: HttpRequest,
    interview: Interview,
    *,
    status: int = 200,
    patch: dict[str, Any] | None = None,
    missing: list[Response] | None = None,
    submit_form: SubmitForm | None = None,
) -> HttpResponse:
    """The kit (editable for its interviewer while a draft) or the read-only interview.

    `patch` re-shows one question as the user posted it (errors, a conflict) without JS.
    """
    sections = kit.build_kit(interview)
    if patch:
        for section in sections:
            for q in section.questions:
                if q.pk == patch["pk"]:
                    q.values = {**q.values, **patch.get("values", {})}
                    q.errors = patch.get("errors", {})
                    q.conflict = patch.get("conflict")
    editable = interview.can_edit(request.user)
    first = next((q for s in sections for q in s.questions), None)
    context = {
        "interview": interview,
        "candidate": interview.candidate,
        "role": interview.candidate.role,
        "sections": sections,
        "progress": kit.progress_of(sections),
        "editable": editable,
        "missing": missing or [],
        "submit_form": submit_form or SubmitForm(instance=interview),
        "skip_to": f"#q-{first.pk}" if first else "#main",
    }
    template = "interviews/kit.html" if editable else "interviews/interview_readonly.html"
    return render(request, template, context, status=status)


@require_GET
@role_required(*ALL_ROLES)
def interview(request: HttpRequest, pk: int) -> HttpResponse:
    return render_kit(request, get_interview(request.user, pk))


def _saved_fragment(request: HttpRequest, result: services.SaveResult) -> HttpResponse:
    """The save status, plus the progress and flags only when they changed (the hot path)."""
    response = result.response
    context: dict[str, Any] = {"revision": response.revision, "outcome": result.outcome}
    if result.progress_changed:
        progress, dimension, dim_done, dim_total = kit.progress(response)
        context.update(progress=progress, dim_done=dim_done, dim_total=dim_total, oob=True)
        context["dimension"] = dimension
    if result.flags_changed:
        flags = response.flags.select_related("rule", "dismissed_by").order_by("start", "pk")
        items = kit.stored_items(response.answer, flags)
        context["flags"] = kit.flag_context(response.pk, response.answer, items)
    return render(request, "interviews/_saved.html", context)


@require_POST
@role_required(*INTERVIEWERS)
def save_response(request: HttpRequest, pk: int) -> HttpResponse:
    form = ResponseForm(request.POST)
    valid = form.is_valid()
    with transaction.atomic():
        response = own_response(request, pk, for_saving=True)
        if response.interview.is_submitted or not valid:
            result = None
        else:
            revision = form.cleaned_data["revision"]
            result = services.save_response(response, form.values(), revision, locked=True)
    if response.interview.is_submitted:
        return locked(request, response.interview)
    if result is None:
        if is_htmx(request):
            context = {"errors": form.errors, "revision": form["revision"].value()}
            return render(request, "interviews/_saved.html", context, status=422)
        values = {name: form[name].value() for name in ("answer", "notes", "choice", "revision")}
        patch = {"pk": pk, "values": values, "errors": form.errors}
        return render_kit(request, response.interview, status=400, patch=patch)
    if result.outcome == Saved.LOCKED:
        return locked(request, response.interview)
    if result.outcome == Saved.STALE:
        # Keep the newer stored text; show the user what they typed so nothing is lost.
        conflict = {
            "answer": form.cleaned_data["answer"],
            "notes": form.cleaned_data["notes"],
            "choice": dict(SCORE_CHOICES).get(form.cleaned_data["choice"], ""),
        }
        if is_htmx(request):
            question = kit.kit_question(result.response, conflict=conflict)
            page = render(
                request,
                "interviews/_question.html",
                {"q": question, "editable": True, "interview": response.interview},
                status=409,
            )
            page["HX-Retarget"] = f"#q-{pk}"
            page["HX-Reswap"] = "outerHTML"
            return page
        return render_kit(
            request, response.interview, status=409, patch={"pk": pk, "conflict": conflict}
        )
    if is_htmx(request):
        return _saved_fragment(request, result)
    messages.success(request, "Saved.")
    return redirect(f"{response.interview.get_absolute_url()}#q-{pk}")


@require_POST
@role_required(*INTERVIEWERS)
def screen(request: HttpRequest, pk: int) -> HttpResponse:
    """Flags for the text being typed (not saved here: autosave stores them)."""
    response = own_response(request, pk)
    if response.interview.is_submitted:
        return locked(request, response.interview)
    form = ScreenForm(request.POST)
    if not form.is_valid():
        return HttpResponse("The answer is too long to screen.", status=422)
    text = form.cleaned_data["answer"]
    found = kit.screen(response.interview.bank_version, text)
    stored = (
        response.flags.select_related("rule", "dismissed_by").order_by("start", "pk")
        if kit.may_have_flags(response)
        else []
    )
    items = kit.live_items(found, stored)
    context = {"flags": kit.flag_context(pk, text, items), "editable": True}
    return render(request, "interviews/_flags.html", context)


@require_POST
@role_required(*INTERVIEWERS)
def dismiss_flag(request: HttpRequest, pk: int) -> HttpResponse:
    flag = get_object_or_404(Flag.objects.select_related("response", "rule"), pk=pk)
    interview = get_own_interview(request.user, flag.response.interview_id)
    if interview.is_submitted:
        return locked(request, interview)
    form = DismissFlagForm(request.POST, prefix=f"flag{flag.pk}")
    valid = form.is_valid()
    if valid and not flag.is_dismissed:  # the first recorded reason stands
        flag.dismiss(request.user, form.cleaned_data["reason"])
    response = flag.response
    if is_htmx(request):
        stored = response.flags.select_related("rule", "dismissed_by").order_by("start", "pk")
        items = kit.stored_items(response.answer, stored)
        errors = {} if valid else {flag.pk: form.errors["reason"]}
        context = {
            "flags": kit.flag_context(response.pk, response.answer, items, errors),
            "editable": True,
        }
        return render(request, "interviews/_flags.html", context, status=200 if valid else 422)
    if valid:
        messages.success(request, f"Dismissed “{flag.rule.label}”; the reason is on record.")
    else:
        messages.error(request, "A flag is dismissed only with a written reason.")
    return redirect(f"{interview.get_absolute_url()}#q-{response.pk}")


@require_POST
@role_required(*INTERVIEWERS)
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_own_interview(request.user, pk)
    if interview.is_submitted:
        return locked(request, interview)
    form = SubmitForm(request.POST, instance=interview)
    if not form.is_valid():
        return render_kit(request, interview, status=400, submit_form=form)
    try:
        missing = services.submit_interview(interview, form.verdict())
    except InterviewLocked:
        return locked(request, interview)
    if missing:
        return render_kit(request, interview, status=400, missing=missing, submit_form=form)
    others = visible_interviews(request.user, interview.candidate).exclude(pk=interview.pk)
    count = others.count()
    messages.success(
        request,
        "Submitted. The interview is locked; "
        + (
            f"you can now read the {count} other submitted interview{pluralize(count)}."
            if count
            else "nobody else has submitted for this candidate yet."
        ),
    )
    return redirect(interview)
