"""Writes that span a whole bank version: load, export, copy into a draft, publish."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from assessments import bankfile
from assessments.bankfile import BankData
from assessments.models import Anchor, Bank, BankVersion, Dimension, Question, WarningRule
from assessments.rules import problems_for
from hiring.accounts.roles import Person, as_user


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
        "learned_stage": version.learned_stage,
        "dimensions": dimensions,
        "warning_rules": rules,
    }


def _write_content(version: BankVersion, data: BankData) -> None:
    """Fill an empty draft with a bank file's settings, dimensions and rules."""
    version.ensure_draft()
    version.learned_stage = data.get("learned_stage", True)
    version.save(update_fields=["learned_stage"])
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


class DraftOpenError(Exception):
    """Loading would replace the edits of an open draft and nobody confirmed it."""

    def __init__(self, draft: BankVersion) -> None:
        self.draft = draft
        super().__init__(
            f"{draft.bank.name} {draft.label} is an open draft with its own content; "
            "nothing was loaded. Confirm replacing it (--replace-draft), or publish or "
            "discard it first."
        )


def holds(version: BankVersion, data: BankData) -> bool:
    """Whether a version's content is exactly a bank file's content."""
    return bankfile.content_of(export_version(version)) == bankfile.content_of(data)


def draft_replaced_by(data: BankData) -> BankVersion | None:
    """The open draft whose own content loading this file would replace, if any."""
    bank = Bank.objects.filter(name=data["bank"]).first()
    draft = bank.draft() if bank else None
    if draft is None or holds(draft, data):
        return None
    return draft


@transaction.atomic
def load_bank(
    data: BankData, *, publish: bool = True, user: Person | None = None, replace_draft: bool = False
) -> LoadResult:
    """Load a parsed bank file: unchanged content is a no-op; changed content becomes a
    new version, never an edit of a published one. An open draft is replaced only when
    the caller confirms it (`replace_draft`), since that throws the draft's edits away."""
    bank, _ = Bank.objects.get_or_create(
        name=data["bank"], defaults={"slug": _unique_slug(data["bank"])}
    )
    latest = bank.latest_version()
    if latest and holds(latest, data):
        if publish and latest.is_draft:
            publish_version(latest, user=user)
            return LoadResult(latest, True, f"Published {latest} (content unchanged).")
        return LoadResult(
            latest, False, f"Unchanged: {bank.name} {latest.label} already holds this."
        )
    draft = bank.draft()
    if draft and not replace_draft:
        raise DraftOpenError(draft)
    if draft:
        _clear_draft(draft)
        draft.note_change(user, "Replaced the draft's content with an imported bank file.")
    else:
        number = data["version"] if latest is None else latest.number + 1
        draft = BankVersion.objects.create(
            bank=bank,
            number=number,
            created_by=user if isinstance(user, User) else None,
            changelog="Loaded from a bank file.",
        )
    _write_content(draft, data)
    draft.touch()
    if publish:
        publish_version(draft, user=user)
        return LoadResult(draft, True, f"Loaded and published {bank.name} {draft.label}.")
    return LoadResult(draft, True, f"Loaded into draft {bank.name} {draft.label}.")


def seed_digest(data: BankData) -> str:
    held = bankfile.content_of(data)
    if held["learned_stage"]:
        # The default, left out so digests stored before the setting existed still match
        # and an unchanged shipped bank is not offered to HR as a new draft.
        del held["learned_stage"]
    content = json.dumps(held, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


@transaction.atomic
def seed_default_bank(data: BankData, *, publish: bool = True) -> LoadResult:
    """Create the shipped bank once; afterwards never publish it over HR's versions.

    A shipped bank whose content is new to this bank opens a draft for HR to review
    (unless HR already has a draft open, which is left alone); the same shipped content
    twice is a no-op.
    """
    digest = seed_digest(data)
    bank = Bank.objects.filter(name=data["bank"]).first()
    if bank is None or not bank.versions.exists():
        result = load_bank(data, publish=publish)
        Bank.objects.filter(pk=result.version.bank_id).update(seed_digest=digest)
        state = "published it" if publish else "left it as a draft"
        return LoadResult(
            result.version,
            True,
            f"Created {bank_name(result.version)} from the shipped bank and {state}.",
        )
    current = bank.latest_published() or bank.latest_version()
    assert current is not None
    nothing_new = (
        f"Nothing new in the shipped bank; nothing was published. "
        f"{bank.name} stays on {current.label}."
    )
    if bank.seed_digest == digest:
        return LoadResult(current, False, nothing_new)
    if any(holds(v, data) for v in bank.versions.all()):
        # A bank seeded before digests were kept, or HR imported the shipped file.
        Bank.objects.filter(pk=bank.pk).update(seed_digest=digest)
        return LoadResult(current, False, nothing_new)
    draft = bank.draft()
    if draft:
        return LoadResult(
            draft,
            False,
            f"The shipped bank has changed, but {draft.label} is an open draft; nothing was "
            "changed or published. Publish or discard the draft, then load the bank again.",
        )
    draft = BankVersion.objects.create(
        bank=bank,
        number=_next_number(bank),
        changelog="The shipped default bank changed; review before publishing.",
    )
    _write_content(draft, data)
    draft.note_change(None, "Opened with the new shipped default bank, for review.")
    Bank.objects.filter(pk=bank.pk).update(seed_digest=digest)
    return LoadResult(
        draft,
        True,
        f"The shipped bank has changed: opened draft {draft.label} for review (compare it "
        f"with {current.label}). Nothing was published; {current.label} stays current.",
    )


def bank_name(version: BankVersion) -> str:
    return f"{version.bank.name} {version.label}"


def _next_number(bank: Bank) -> int:
    latest = bank.latest_version()
    return latest.number + 1 if latest else 1


def _unique_slug(name: str) -> str:
    base = slugify(name) or "bank"
    slug, n = base, 2
    while Bank.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def start_draft(bank: Bank, *, user: Person | None = None) -> BankVersion:
    """Open a draft as a copy of the latest version (or return the draft already open)."""
    existing = bank.draft()
    if existing:
        return existing
    latest = bank.latest_version()
    draft = BankVersion.objects.create(
        bank=bank, number=(latest.number + 1 if latest else 1), created_by=as_user(user)
    )
    if latest:
        _write_content(draft, export_version(latest))
    opened = f"Opened the draft as a copy of {latest.label}." if latest else "Opened the draft."
    draft.note_change(user, opened)
    return draft


@transaction.atomic
def publish_version(
    version: BankVersion, *, user: Person | None = None, changelog: str = ""
) -> BankVersion:
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


class NoSuchRule(Exception):
    """The draft has no rule with this code (HR deleted or renamed it)."""


@transaction.atomic
def add_counter_example(bank: Bank, code: str, answer: str, *, user: Person) -> WarningRule:
    """Add an answer as a counter-example of a rule in the bank's draft (opened if needed)."""
    draft = start_draft(bank, user=user)
    rule = draft.warning_rules.filter(code=code).first()
    if rule is None:
        raise NoSuchRule(f"Draft {draft.label} has no rule '{code}'.")
    answer = answer.strip()
    if answer not in rule.counter_examples:
        rule.counter_examples = [*rule.counter_examples, answer]
        rule.save(update_fields=["counter_examples"])
        draft.note_change(user, f"Added a counter-example to '{rule.label}' from a dismissed flag.")
    return rule
