"""HR's pages for question banks. Everyone with a role reads published versions; only HR
changes anything, and only on a draft."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from assessments import bankfile, services
from assessments import pattern_guide as guide
from assessments.access import get_version
from assessments.diff import diff_banks
from assessments.forms import (
    ConfirmImportForm,
    DiffForm,
    DimensionForm,
    ImportForm,
    LearnedStageForm,
    PublishForm,
    QuestionFormSet,
    RuleExamplesForm,
    RuleTesterForm,
    WarningRuleForm,
    dimension_edit_summary,
    rule_edit_summary,
)
from assessments.models import Bank, BankVersion, FrozenVersionError
from assessments.pattern_guide import example_fires
from assessments.rules import example_results, problems_for, screener_for
from hiring.accounts.roles import ALL_ROLES, HR, is_hr, is_htmx, role_required


@role_required(*ALL_ROLES)
def bank_list(request: HttpRequest) -> HttpResponse:
    readable = (
        BankVersion.objects.all() if is_hr(request.user) else BankVersion.objects.readable_by_all()
    )
    versions = (
        readable.select_related("bank")
        .annotate(role_count=Count("roles"))
        .order_by("bank__name", "-number")
    )
    banks: dict[int, BankSummary] = {}
    for version in versions:
        summary = banks.setdefault(version.bank_id, BankSummary(version.bank))
        summary.add(version)
    return render(request, "assessments/bank_list.html", {"banks": list(banks.values())})


@dataclass
class BankSummary:
    """A bank as the version list shows it: its versions, the current one, the open draft."""

    bank: Bank
    versions: list[BankVersion] = field(default_factory=list)
    current: BankVersion | None = None  # the latest published version
    draft: BankVersion | None = None

    def add(self, version: BankVersion) -> None:
        # Versions arrive newest first.
        self.versions.append(version)
        if version.is_draft:
            self.draft = version
        elif self.current is None and version.status == BankVersion.Status.PUBLISHED:
            self.current = version


@role_required(*ALL_ROLES)
def bank_detail(request: HttpRequest, slug: str) -> HttpResponse:
    bank = get_object_or_404(Bank, slug=slug)
    versions = bank.versions.all() if is_hr(request.user) else bank.versions.readable_by_all()
    version = versions.order_by("-number").first()
    if version is None:
        raise Http404("This bank has no version you can read.")
    return redirect(version)


@role_required(*ALL_ROLES)
def version_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    version = get_version(request.user, slug, number)
    rules = version.warning_rules.select_related("dimension")
    context = {
        "version": version,
        "dimensions": version.ordered_dimensions(),
        "rules": rules,
        "other_versions": version.bank.versions.exclude(pk=version.pk).order_by("-number"),
        "open_draft": version.bank.draft(),
        "is_current": version == version.bank.latest_published(),
        "publish_form": PublishForm(initial={"changelog": version.history_text()})
        if version.is_draft
        else None,
        "history": version.changes.select_related("user") if version.is_draft else None,
        "stage_form": LearnedStageForm.for_version(version) if version.is_draft else None,
        "rule_problems": problems_for(version) if version.is_draft else {},
    }
    return render(request, "assessments/version_detail.html", context)


@require_POST
@role_required(HR)
def start_draft(request: HttpRequest, slug: str) -> HttpResponse:
    bank = get_object_or_404(Bank, slug=slug)
    draft = services.start_draft(bank, user=request.user)
    messages.success(request, f"Draft {draft.label} is open for editing.")
    return redirect(draft)


@require_POST
@role_required(HR)
def publish(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    version = get_version(request.user, slug, number, draft=True)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Say what changed before publishing.")
        return redirect(version)
    try:
        services.publish_version(
            version, user=request.user, changelog=form.cleaned_data["changelog"]
        )
    except services.PublishError as exc:
        for code, problems in exc.problems.items():
            messages.error(request, f"Rule '{code}' fails its own examples: {'; '.join(problems)}")
        return redirect(version)
    messages.success(
        request, f"Published {version.label}. Interviews already run keep their version."
    )
    return redirect(version)


@require_POST
@role_required(HR)
def switch_learned_stage(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    version = get_version(request.user, slug, number)
    form = LearnedStageForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose whether this draft screens with rules only.")
        return redirect(f"{version.get_absolute_url()}#screening")
    try:
        change = version.switch_learned_stage(form.cleaned_data["learned_stage"], request.user)
    except FrozenVersionError as exc:
        # HR may read this version but not change it: say why, rather than a bare 404.
        raise PermissionDenied(
            f"{version.bank.name} {version.label} is {version.get_status_display().lower()}: "
            "its screening settings are fixed, so interviews already run on it keep their "
            "flags. Open a draft to change them."
        ) from exc
    if change is None:
        messages.info(request, "Nothing changed: the draft already screens that way.")
    else:
        messages.success(request, change.summary)
    return redirect(f"{version.get_absolute_url()}#screening")


@require_http_methods(["GET", "POST"])
@role_required(HR)
def discard(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Ask first (GET shows what would be lost), discard on POST."""
    version = get_version(request.user, slug, number, draft=True)
    bank = version.bank
    if request.method == "POST":
        services.discard_draft(version)
        messages.success(request, f"Draft {version.label} discarded.")
        return redirect("assessments:bank", bank.slug)
    base = bank.latest_published()
    context = {
        "version": version,
        "base": base,
        "changes": diff_banks(services.export_version(base), services.export_version(version))
        if base
        else None,
        "history": version.changes.select_related("user"),
    }
    return render(request, "assessments/discard_confirm.html", context)


@require_http_methods(["GET", "POST"])
@role_required(HR)
def edit_dimension(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    version = get_version(request.user, slug, number, draft=True)
    dimension = get_object_or_404(version.dimensions, pk=pk)
    form = DimensionForm(request.POST or None, instance=dimension)
    questions = QuestionFormSet(request.POST or None, instance=dimension, prefix="questions")
    if request.method == "POST" and form.is_valid() and questions.is_valid():
        summary = dimension_edit_summary(form, questions)
        with transaction.atomic():
            form.save()
            questions.save()
            version.note_change(request.user, summary)
        messages.success(request, f"Saved '{dimension.title}'.")
        return redirect(f"{version.get_absolute_url()}#dim-{dimension.pk}")
    context = {
        "version": version,
        "dimension": dimension,
        "form": form,
        "questions": questions,
    }
    return render(request, "assessments/dimension_form.html", context)


@require_http_methods(["GET", "POST"])
@role_required(HR)
def edit_rule(
    request: HttpRequest, slug: str, number: int, code: str | None = None
) -> HttpResponse:
    version = get_version(request.user, slug, number, draft=True)
    rule = get_object_or_404(version.warning_rules, code=code) if code else None
    form = WarningRuleForm(request.POST or None, instance=rule, version=version)
    if request.method == "POST" and form.is_valid():
        summary = rule_edit_summary(form)
        with transaction.atomic():
            saved = form.save()
            version.note_change(request.user, summary)
        problems = problems_for(version).get(saved.code)
        if problems:
            messages.warning(
                request,
                f"Saved, but '{saved.code}' fails its own examples: "
                + "; ".join(problems)
                + ". It must pass before publishing.",
            )
        else:
            messages.success(request, f"Saved rule '{saved.code}'; its examples pass.")
        return redirect(f"{version.get_absolute_url()}#rule-{saved.code}")
    return render(
        request, "assessments/rule_form.html", {"version": version, "rule": rule, "form": form}
    )


@require_POST
@role_required(HR)
def delete_rule(request: HttpRequest, slug: str, number: int, code: str) -> HttpResponse:
    version = get_version(request.user, slug, number, draft=True)
    rule = get_object_or_404(version.warning_rules, code=code)
    with transaction.atomic():
        rule.delete()
        version.note_change(request.user, f"Deleted rule “{rule.label}” ({code}).")
    messages.success(request, f"Deleted rule '{code}'.")
    return redirect(f"{version.get_absolute_url()}#rules")


@role_required(*ALL_ROLES)
def rule_detail(request: HttpRequest, slug: str, number: int, code: str) -> HttpResponse:
    version = get_version(request.user, slug, number)
    rule = get_object_or_404(version.warning_rules.select_related("dimension"), code=code)
    context = {"version": version, "rule": rule, "results": example_results(version, code)}
    return render(request, "assessments/rule_detail.html", context)


@role_required(*ALL_ROLES)
def pattern_guide(request: HttpRequest) -> HttpResponse:
    sections = [
        (section, [(e, example_fires(e)) for e in section.examples]) for section in guide.SECTIONS
    ]
    context = {"title": guide.TITLE, "intro": guide.INTRO, "sections": sections}
    return render(request, "assessments/pattern_guide.html", context)


@require_http_methods(["GET", "POST"])
@role_required(HR)
def rule_tester(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    version = get_version(request.user, slug, number)
    form = RuleTesterForm(request.POST or None)
    examples = RuleExamplesForm(request.GET or None, version=version)
    flags = None
    if request.method == "POST" and form.is_valid():
        flags = screener_for(version).screen(form.cleaned_data["answer"])
    results = None
    if examples.is_valid():
        results = example_results(version, examples.cleaned_data["rule"])
    template = (
        "assessments/_tester_results.html" if is_htmx(request) else "assessments/rule_tester.html"
    )
    answer = form.cleaned_data.get("answer", "") if form.is_bound and form.is_valid() else ""
    context = {
        "version": version,
        "form": form,
        "flags": flags,
        "answer": answer,
        "examples": examples,
        "results": results,
    }
    return render(request, template, context)


@role_required(*ALL_ROLES)
def diff(request: HttpRequest, slug: str) -> HttpResponse:
    bank = get_object_or_404(Bank, slug=slug)
    versions = bank.versions.all() if is_hr(request.user) else bank.versions.readable_by_all()
    numbers = list(versions.order_by("-number").values_list("number", flat=True))
    initial = {"new": numbers[0], "old": numbers[1]} if len(numbers) > 1 else {}
    form = DiffForm(request.GET or initial, numbers=numbers)
    changes = None
    old = new = None
    if form.is_valid():
        old = versions.get(number=form.cleaned_data["old"])
        new = versions.get(number=form.cleaned_data["new"])
        changes = diff_banks(services.export_version(old), services.export_version(new))
    return render(
        request,
        "assessments/diff.html",
        {"bank": bank, "form": form, "changes": changes, "old": old, "new": new},
    )


@role_required(*ALL_ROLES)
def export(request: HttpRequest, slug: str, number: int, fmt: str) -> HttpResponse:
    version = get_version(request.user, slug, number)
    body = bankfile.dump(services.export_version(version), fmt)
    content_type = "application/json" if fmt == "json" else "application/yaml"
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    filename = f"{version.bank.slug}-v{version.number}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
@role_required(HR)
def import_bank(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"]
        draft = services.draft_replaced_by(data)
        if draft is not None:
            # The file would replace the draft's own edits: show what changes, ask first.
            return _confirm_import(request, draft, data, form.cleaned_data["publish"])
        return _load(request, data, form.cleaned_data["publish"])
    return render(request, "assessments/import.html", {"form": form})


@require_POST
@role_required(HR)
def confirm_import(request: HttpRequest) -> HttpResponse:
    form = ConfirmImportForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The import could not be confirmed; upload the file again.")
        return redirect("assessments:import")
    data = form.cleaned_data["content"]
    draft = services.draft_replaced_by(data)
    if draft is not None and draft.revision != form.cleaned_data["revision"]:
        messages.warning(request, f"{draft.label} changed since you reviewed it; review again.")
        return _confirm_import(request, draft, data, form.cleaned_data["publish"])
    return _load(request, data, form.cleaned_data["publish"], replace_draft=True)


def _confirm_import(
    request: HttpRequest, draft: BankVersion, data: bankfile.BankData, publish: bool
) -> HttpResponse:
    confirm = ConfirmImportForm(
        initial={
            "content": bankfile.dump(data, "json"),
            "publish": publish,
            "revision": draft.revision,
        }
    )
    context = {
        "draft": draft,
        "form": confirm,
        "changes": diff_banks(services.export_version(draft), data),
        "history": draft.changes.select_related("user"),
    }
    return render(request, "assessments/import_confirm.html", context)


def _load(
    request: HttpRequest,
    data: bankfile.BankData,
    publish: bool,
    *,
    replace_draft: bool = False,
) -> HttpResponse:
    try:
        result = services.load_bank(
            data, publish=publish, user=request.user, replace_draft=replace_draft
        )
    except (services.PublishError, services.DraftOpenError) as exc:
        messages.error(request, f"Nothing was imported. {exc}")
        return redirect("assessments:import")
    (messages.success if result.changed else messages.info)(request, result.message)
    return redirect(result.version)
