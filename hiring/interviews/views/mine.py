"""An interviewer's own work: interviews assigned, in progress and submitted."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from hiring.accounts.roles import HIRING_MANAGER, RECRUITER, role_required
from hiring.interviews.models import Assignment, Interview


class SearchForm(forms.Form):
    q = forms.CharField(label="Candidate", required=False, max_length=200)


@require_GET
@role_required(RECRUITER, HIRING_MANAGER)
def my_interviews(request: HttpRequest) -> HttpResponse:
    me = cast(User, request.user)  # role_required let only a signed-in interviewer in
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    interviews = Interview.objects.filter(interviewer=me).select_related(
        "candidate__role", "planned"
    )
    started = interviews.values_list("candidate_id", flat=True)
    waiting = (
        Assignment.objects.filter(interviewer=me)
        .exclude(candidate_id__in=started)
        .select_related("candidate__role", "planned")
        .order_by("assigned_at")
    )
    if query:
        interviews = interviews.filter(candidate__name__icontains=query)
        waiting = waiting.filter(candidate__name__icontains=query)
    context = {
        "form": form,
        "query": query,
        "waiting": list(waiting),
        "drafts": list(interviews.drafts().order_by("-started_at")),
        "submitted": list(interviews.submitted().order_by("-submitted_at")[:50]),
    }
    return render(request, "interviews/my_interviews.html", context)
