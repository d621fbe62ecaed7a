"""Writes that span a whole bank version: load, export, copy into a draft, publish."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from assessments import bankfile
from assessments.bankfile import BankData
from assessments.models import Anchor, Bank, BankVersion, Dimension, Question, WarningRule
from assessments.rules import problems_for


class PublishError(Exception):
    def __init__(self, problems: dict[str, list[str]]) -> None:
        self.problems = problems
        lines = [f"{code}: {p}" for code, found in problems.items() for p in found]
        super().__init__("Rules fail their own examples:\n" + "\n".join(lines))


def export_version(version: BankVersion) -> BankData:
    dimensions = []
    for d in version.ordered_dimensions():
        dimensions.append(
            {
                "kind": d.kind,
                "list": d.list,
                "number": d.number,
                "title": d.title,
                "description": d.description,
                "source": d.source,
                "questions": [
                    {
                        "kind": q.kind,
                        "prompt": q.prompt,
                        "probes": q.probes,
                        "listen_for": q.listen_for,
                        "anchors": [
                            {"level": a.level, "behaviour": a.behaviour} for a in q.anchors.all()
                        ],
                    }
                    for q in d.questions.all()
                ],
            }
        )
    rules = [
        {
            "code": r.code,
            "label": r.label,
            "why": r.why,
            "severity": r.severity,
            "patterns": r.patterns,
            "examples": r.examples,
            "counter_examples": r.counter_examples,
            "dimension": r.dimension.key if r.dimension else None,
            "source": r.source,
        }
        for r in version.warning_rules.select_related("dimension").order_by("position", "code")
    ]
    return {
        "bank": version.bank.name,
        "version": version.number,
        "dimensions": dimensions,
        "warning_rules": rules,
    }


def _write_content(version: BankVersion, data: BankData) -> None:
    """Fill an empty draft with a bank file's dimensions and rules."""
    version.ensure_draft()
    dims: dict[str, Dimension] = {}
    for position, d in enumerate(data["dimensions"]):
        dim = Dimension.objects.create(
            version=version,
            kind=d["kind"],
            list=d["list"],
            number=d["number"],
            title=d["title"],
            description=d["description"],
            source=d["source"],
            position=position,
        )
        dims[dim.key] = dim
        questions = Question.objects.bulk_create(
            Question(
                dimension=dim,
                kind=q["kind"],
                prompt=q["prompt"],
                probes=q["probes"],
                listen_for=q["listen_for"],
                position=i,
            )
            for i, q in enumerate(d["questions"])
        )
        Anchor.objects.bulk_create(
            Anchor(question=question, level=a["level"], behaviour=a["behaviour"])
            for question, q in zip(questions, d["questions"], strict=True)
            for a in q["anchors"]
        )
    WarningRule.objects.bulk_create(
        WarningRule(
            version=version,
            code=r["code"],
            label=r["label"],
            why=r["why"],
            severity=r["severity"],
            patterns=r["patterns"],
            examples=r["examples"],
            counter_examples=r["counter_examples"],
            dimension=dims.get(r["dimension"]) if r["dimension"] else None,
            source=r["source"],
            position=i,
        )
        for i, r in enumerate(data["warning_rules"])
    )


def _clear_draft(version: BankVersion) -> None:
    version.ensure_draft()
    version.warning_rules.all().delete()
    version.dimensions.all().delete()


@dataclass
class LoadResult:
    version: BankVersion
    changed: bool
    message: str


@transaction.atomic
def load_bank(data: BankData, *, publish: bool = True, user=None) -> LoadResult:
    """Load a parsed bank file: unchanged content is a no-op; changed content becomes a
    new version (or refills the open draft), never an edit of a published one."""
    bank, _ = Bank.objects.get_or_create(
        name=data["bank"], defaults={"slug": _unique_slug(data["bank"])}
    )
    latest = bank.latest_version()
    if latest and bankfile.content_of(export_version(latest)) == bankfile.content_of(data):
        if publish and latest.is_draft:
            publish_version(latest, user=user)
            return LoadResult(latest, True, f"Published {latest} (content unchanged).")
        return LoadResult(
            latest, False, f"Unchanged: {bank.name} {latest.label} already holds this."
        )
    draft = bank.draft()
    if draft:
        _clear_draft(draft)
    else:
        number = data["version"] if latest is None else latest.number + 1
        draft = BankVersion.objects.create(
            bank=bank, number=number, created_by=user, changelog="Loaded from a bank file."
        )
    _write_content(draft, data)
    draft.touch()
    if publish:
        publish_version(draft, user=user)
        return LoadResult(draft, True, f"Loaded and published {bank.name} {draft.label}.")
    return LoadResult(draft, True, f"Loaded into draft {bank.name} {draft.label}.")


def _unique_slug(name: str) -> str:
    base = slugify(name) or "bank"
    slug, n = base, 2
    while Bank.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def start_draft(bank: Bank, *, user=None) -> BankVersion:
    """Open a draft as a copy of the latest version (or return the draft already open)."""
    existing = bank.draft()
    if existing:
        return existing
    latest = bank.latest_version()
    draft = BankVersion.objects.create(
        bank=bank, number=(latest.number + 1 if latest else 1), created_by=user
    )
    if latest:
        _write_content(draft, export_version(latest))
    return draft


@transaction.atomic
def publish_version(version: BankVersion, *, user=None, changelog: str = "") -> BankVersion:
    version.ensure_draft()
    problems = problems_for(version)
    if problems:
        raise PublishError(problems)
    if changelog:
        version.changelog = changelog
    version.status = BankVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at", "changelog"])
    return version


@transaction.atomic
def discard_draft(version: BankVersion) -> None:
    version.ensure_draft()
    _clear_draft(version)
    version.delete()
