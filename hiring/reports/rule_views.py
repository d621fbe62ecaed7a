"""HR's evidence for tuning warning rules: how often each fired and was dismissed, and a
one-step way to turn a dismissed flag's answer into a counter-example in the draft."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from assessments import services
from assessments.models import Bank
from assessments.rules import problems_for
from hiring.accounts.roles import HR, role_required
from hiring.interviews.models import Flag
from hiring.reports.rule_evidence import rule_evidence, rule_overview, submitted_answers


@require_GET
@role_required(HR)
def rules_overview(request: HttpRequest, slug: str) -> HttpResponse:
    bank = get_object_or_404(Bank, slug=slug)
    context = {"bank": bank, "rules": rule_overview(bank), "answers": submitted_answers(bank)}
    return render(request, "reports/rule_overview.html", context)


@require_GET
@role_required(HR)
def rule_detail(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    bank = get_object_or_404(Bank, slug=slug)
    evidence = rule_evidence(bank, code)
    if not evidence.fired and code not in {r.code for r in rule_overview(bank)}:
        raise Http404("This bank has no such rule.")
    context = {
        "bank": bank,
        "rule": evidence,
        "answers": submitted_answers(bank),
        "draft": bank.draft(),
    }
    return render(request, "reports/rule_evidence.html", context)


@require_POST
@role_required(HR)
def add_counter_example(request: HttpRequest, pk: int) -> HttpResponse:
    flag = get_object_or_404(
        Flag.objects.select_related("rule__version__bank", "response"),
        pk=pk,
        dismissed_at__isnull=False,
    )
    bank, code = flag.rule.version.bank, flag.rule.code
    try:
        rule = services.add_counter_example(bank, code, flag.response.answer, user=request.user)
    except services.NoSuchRule as exc:
        messages.error(request, str(exc))
        return redirect("reports:rule_evidence", bank.slug, code)
    draft = rule.version
    if problems_for(draft).get(code):
        messages.warning(
            request,
            f"Added to draft {draft.label} as a counter-example of '{rule.label}'. The rule still "
            "flags it, so adjust its patterns before publishing.",
        )
    else:
        messages.success(
            request, f"Added to draft {draft.label} as a counter-example of '{rule.label}'."
        )
    return redirect(reverse("assessments:rule", args=[bank.slug, draft.number, code]))
