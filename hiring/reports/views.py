"""Hiring managers' reports: a candidate in depth, a role's candidates side by side,
each as a page and as a PDF of the same templates.

Every view fetches through `hiring.reports.access`, which scopes to the user; the
comparison's options are validated by ComparisonForm.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from hiring.accounts.roles import ALL_ROLES, HIRING_MANAGER, HR, RECRUITER, role_required
from hiring.interviews.access import get_role
from hiring.interviews.models import PlannedInterview
from hiring.reports import pdf, tasks
from hiring.reports.access import (
    can_compare,
    get_candidate_for_report,
    get_role_for_comparison,
)
from hiring.reports.candidate import build_candidate_report
from hiring.reports.comparison import build_comparison
from hiring.reports.forms import ComparisonForm


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Reports carry personal data: browsers and proxies must not keep copies.
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@role_required(*ALL_ROLES)
def candidate_report(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_candidate_for_report(request.user, pk)
    report = build_candidate_report(candidate)
    context = {"report": report, "can_compare": can_compare(request.user, candidate.role)}
    return render(request, "reports/candidate.html", context)


@require_GET
@role_required(*ALL_ROLES)
def candidate_report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_candidate_for_report(request.user, pk)
    return pdf_response(pdf.candidate_pdf(candidate), pdf.candidate_filename(candidate))


@require_GET
@role_required(*ALL_ROLES)
def compare(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_role_for_comparison(request.user, slug)
    form = ComparisonForm(role, request.GET or None)
    options = form.options() if form.is_bound and form.is_valid() else {}
    comparison = build_comparison(role, **options)
    context = {
        "role": role,
        "form": form,
        "comparison": comparison,
        "query": request.GET.urlencode() if form.is_bound and form.is_valid() else "",
        "background": comparison.candidate_count > tasks.sync_limit(),
    }
    return render(request, "reports/compare.html", context)


def _bound_form(request: HttpRequest, slug: str) -> tuple[ComparisonForm, str | None]:
    role = get_role_for_comparison(request.user, slug)
    form = ComparisonForm(role, request.GET)
    if not form.is_valid():
        return form, None
    key = pdf.comparison_key(role, form.options()["candidates"], form.fingerprint_part())
    return form, key


@require_GET
@role_required(*ALL_ROLES)
def compare_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    form, key = _bound_form(request, slug)
    if key is None:
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain")
    role = form.role
    data = pdf.reports_cache().get(key)
    if data is None:
        options = form.options()
        count = len(options["candidates"]) if options["candidates"] else role.candidates.count()
        if count > tasks.sync_limit():
            # Too big to render in the request; the progress page offers (or follows) the job.
            return redirect(_progress_url(role.slug, request.GET.urlencode()))
        data = pdf.cached(key, lambda: pdf.comparison_pdf_bytes(role, options))
    return pdf_response(data, pdf.comparison_filename(role))


def _progress_url(slug: str, query: str) -> str:
    url = reverse("reports:compare_job", args=[slug])
    return f"{url}?{query}" if query else url


@require_http_methods(["GET", "POST"])
@role_required(*ALL_ROLES)
def compare_job(request: HttpRequest, slug: str) -> HttpResponse:
    """A background comparison PDF: GET shows the job for these options (never starts one),
    POST starts it unless it is already queued or running, then shows its progress."""
    form, key = _bound_form(request, slug)
    if key is None:
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain")
    query = request.GET.urlencode()
    if request.method == "POST":
        tasks.start(form.role.pk, query, key)
        return redirect(_progress_url(form.role.slug, query))
    ready = pdf.reports_cache().has_key(key)
    context = {
        "role": form.role,
        "ready": ready,
        "state": None if ready else tasks.job_state(key),
        "query": query,
    }
    return render(request, "reports/compare_job.html", context)


@require_GET
@role_required(RECRUITER, HIRING_MANAGER, HR)
def blank_kit_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A planned interview's kit on paper: questions, probes, cues and anchors, no answers."""
    role = get_role(request.user, slug)
    planned = get_object_or_404(PlannedInterview.objects.filter(plan__role=role), pk=pk)
    questions = (
        planned.questions.select_related("dimension")
        .prefetch_related("anchors")
        .order_by("dimension__position", "position")
    )
    context = {"role": role, "planned": planned, "questions": questions}
    data = pdf.render_pdf("reports/blank_kit_pdf.html", context, title=planned.name)
    return pdf_response(data, f"{role.slug}-{slugify(planned.name)}-kit.pdf")
