"""The question bank HR owns: banks, their versions, and what a version holds.

A published version is frozen: every interview run on it keeps pointing at the
exact questions, anchors and rules it was scored against. Editing happens on a
draft (a copy of the latest version) which publishing then freezes in turn.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class FrozenVersionError(Exception):
    """Raised on any attempt to change what a published or retired version holds."""


class Bank(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Digest of the shipped bank content last created or offered as a draft: a restart
    # with the same shipped file is then a no-op, even after HR published their own edits.
    seed_digest = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("assessments:bank", args=[self.slug])

    def latest_version(self) -> BankVersion | None:
        return self.versions.order_by("-number").first()

    def latest_published(self) -> BankVersion | None:
        return self.versions.latest_published()

    def draft(self) -> BankVersion | None:
        return self.versions.filter(status=BankVersion.Status.DRAFT).first()


class BankVersionQuerySet(models.QuerySet["BankVersion"]):
    def published(self) -> BankVersionQuerySet:
        return self.filter(status=BankVersion.Status.PUBLISHED)

    def readable_by_all(self) -> BankVersionQuerySet:
        """Versions that recruiters and hiring managers may read."""
        return self.exclude(status=BankVersion.Status.DRAFT)

    def latest_published(self) -> BankVersion | None:
        """The current published version: the highest number (one draft at a time, so
        numbers follow publication order)."""
        return self.published().order_by("-number").first()


class BankVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        RETIRED = "retired", "Retired"

    bank = models.ForeignKey(Bank, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    changelog = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    published_at = models.DateTimeField(null=True, blank=True)
    # Bumped on every edit of a draft; keys the compiled-screener cache.
    revision = models.PositiveIntegerField(default=0)
    # Part of the version's content, frozen with it: off, the version's screener runs the
    # rules only, so every flag it raises is a pattern HR wrote and can read back.
    learned_stage = models.BooleanField(
        "learned stage",
        default=True,
        help_text="Also flag wording close to a rule's examples (the learned stage). "
        "Off: rules only.",
    )

    objects = BankVersionQuerySet.as_manager()

    class Meta:
        ordering = ["bank", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["bank", "number"], name="unique_version_number"),
            models.UniqueConstraint(
                fields=["bank"], condition=Q(status="draft"), name="one_draft_per_bank"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bank.name} v{self.number} ({self.get_status_display().lower()})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk:
            stored = BankVersion.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored and stored != self.Status.DRAFT:
                # The only change a frozen version accepts is being retired.
                update_fields = set(kwargs.get("update_fields") or ())
                retiring = (
                    stored == self.Status.PUBLISHED
                    and self.status == self.Status.RETIRED
                    and update_fields == {"status"}
                )
                if not retiring:
                    raise FrozenVersionError(f"{self} is {stored} and cannot be changed.")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("assessments:version", args=[self.bank.slug, self.number])

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if not self.is_draft:
            raise FrozenVersionError(f"{self} is {self.status} and cannot be deleted.")
        return super().delete(*args, **kwargs)

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def label(self) -> str:
        return f"v{self.number}"

    def ensure_draft(self) -> None:
        if not self.is_draft:
            raise FrozenVersionError(f"{self} is {self.status}; edit a draft instead.")

    def touch(self) -> None:
        """Record that the draft's content changed (invalidates cached screeners)."""
        self.ensure_draft()
        BankVersion.objects.filter(pk=self.pk).update(revision=models.F("revision") + 1)
        self.refresh_from_db(fields=["revision"])

    def note_change(self, user: Any, summary: str) -> DraftChange:
        """Record who changed what in this draft (its history), and bump its revision."""
        self.touch()
        return DraftChange.objects.create(
            version=self, user=user if getattr(user, "pk", None) else None, summary=summary
        )

    def switch_learned_stage(self, on: bool, user: Any) -> DraftChange | None:
        """Turn the learned stage on or off in this draft, recorded in its history.

        Returns the history entry, or None when the draft already screens that way.
        """
        self.ensure_draft()
        if self.learned_stage == on:
            return None
        with transaction.atomic():
            self.learned_stage = on
            # save() asks the database whether the version is still a draft.
            self.save(update_fields=["learned_stage"])
            return self.note_change(user, f"Switched the learned stage {self.screening}.")

    @staticmethod
    def learned_stage_words(on: bool) -> str:
        """The setting in HR's words: the version page, its history and the diff say it so."""
        return "on: rules and learned patterns raise flags" if on else "off: rules only"

    @property
    def screening(self) -> str:
        return self.learned_stage_words(self.learned_stage)

    def history_text(self) -> str:
        """The draft's history as a starting changelog, oldest change first."""
        return "\n".join(f"- {c.summary}" for c in self.changes.order_by("at", "pk"))

    def ordered_dimensions(self) -> models.QuerySet[Dimension]:
        return self.dimensions.prefetch_related("questions__anchors").order_by("position")


class DraftChange(models.Model):
    """One edit inside a draft: who, when and what, in HR's words."""

    version = models.ForeignKey(BankVersion, on_delete=models.CASCADE, related_name="changes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    summary = models.CharField(max_length=500)

    class Meta:
        ordering = ["version", "-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.version.label} {self.at:%Y-%m-%d %H:%M}: {self.summary}"


class VersionContentQuerySet[M: models.Model](models.QuerySet[M]):
    """Bulk writes go through the same freeze check as single saves."""

    version_path = "version"

    def _frozen(self) -> bool:
        lookup = {f"{self.version_path}__status": BankVersion.Status.DRAFT}
        return self.exclude(**lookup).exists()

    def update(self, **kwargs: Any) -> int:
        if self._frozen():
            raise FrozenVersionError("These rows belong to a published version.")
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        if self._frozen():
            raise FrozenVersionError("These rows belong to a published version.")
        return super().delete()


class DimensionContentQuerySet[M: models.Model](VersionContentQuerySet[M]):
    version_path = "dimension__version"


class VersionContent(models.Model):
    """Base for everything a version holds: saving or deleting under a frozen version raises."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self._ensure_draft()
        super().save(*args, **kwargs)
        self._bump_revision()

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        self._ensure_draft()
        deleted = super().delete(*args, **kwargs)
        self._bump_revision()
        return deleted

    def _bump_revision(self) -> None:
        # Any edit, from a page, the admin or a script, makes cached screeners stale.
        BankVersion.objects.filter(pk=self.owning_version().pk).update(
            revision=models.F("revision") + 1
        )

    def _ensure_draft(self) -> None:
        # Ask the database, not the in-memory version: it may have been published
        # since this object was loaded.
        version = self.owning_version()
        stored = BankVersion.objects.filter(pk=version.pk).values_list("status", flat=True)
        if stored.first() != BankVersion.Status.DRAFT:
            raise FrozenVersionError(f"{version} is frozen; edit a draft instead.")

    def owning_version(self) -> BankVersion:
        raise NotImplementedError


class Dimension(VersionContent):
    class Kind(models.TextChoices):
        TRAIT = "trait", "Trait"
        BELIEF = "belief", "Belief"

    class List(models.TextChoices):
        NATURAL_TRAITS = "natural_traits", "Natural traits"
        CX_BELIEFS = "cx_beliefs", "Customer-experience beliefs"
        BASIC_BELIEFS = "basic_beliefs", "Basic beliefs"

    # The letter that starts a dimension's short code (T1..T15, C1..C11, B1..B4).
    LIST_LETTERS = {List.NATURAL_TRAITS: "T", List.CX_BELIEFS: "C", List.BASIC_BELIEFS: "B"}

    version = models.ForeignKey(BankVersion, on_delete=models.CASCADE, related_name="dimensions")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    list = models.CharField(max_length=20, choices=List.choices)
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    source = models.CharField(max_length=300, help_text="Title of the post this comes from.")
    position = models.PositiveIntegerField(default=0)

    objects = VersionContentQuerySet.as_manager()

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "list", "number"], name="unique_dimension_in_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.title}"

    @property
    def key(self) -> str:
        """A stable name across versions, used by rules, roles' weights and diffs."""
        return self.make_key(self.list, self.number)

    @staticmethod
    def make_key(list_name: str, number: int) -> str:
        return f"{list_name}:{number}"

    @property
    def code(self) -> str:
        """A short label for charts and narrow columns: T1..T15, C1..C11, B1..B4."""
        return f"{self.LIST_LETTERS.get(self.List(self.list), '?')}{self.number}"

    def owning_version(self) -> BankVersion:
        return self.version


class Question(VersionContent):
    class Kind(models.TextChoices):
        BEHAVIOURAL = "behavioural", "Behavioural"
        SITUATIONAL = "situational", "Situational"
        BELIEF = "belief", "Belief probe"

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    prompt = models.TextField()
    probes = models.JSONField(default=list, blank=True)
    listen_for = models.JSONField(default=list, blank=True)
    position = models.PositiveIntegerField(default=0)

    objects = DimensionContentQuerySet.as_manager()

    class Meta:
        ordering = ["dimension", "position", "id"]

    def __str__(self) -> str:
        return self.prompt[:80]

    def owning_version(self) -> BankVersion:
        return self.dimension.version


class AnchorQuerySet(VersionContentQuerySet["Anchor"]):
    version_path = "question__dimension__version"


class Anchor(VersionContent):
    """One score level of one question, describing what an answer to THAT question sounds like."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="anchors")
    level = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    behaviour = models.TextField()

    objects = AnchorQuerySet.as_manager()

    class Meta:
        ordering = ["question", "level"]
        constraints = [
            models.UniqueConstraint(fields=["question", "level"], name="unique_anchor_level"),
            models.CheckConstraint(
                condition=Q(level__gte=1) & Q(level__lte=5), name="anchor_level_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.level}: {self.behaviour[:60]}"

    def owning_version(self) -> BankVersion:
        return self.question.dimension.version


class WarningRule(VersionContent):
    class Severity(models.TextChoices):
        LOW = "low", "Low"
        MEDIUM = "medium", "Medium"
        HIGH = "high", "High"

    version = models.ForeignKey(BankVersion, on_delete=models.CASCADE, related_name="warning_rules")
    code = models.SlugField(max_length=60)
    label = models.CharField(max_length=200)
    why = models.TextField(help_text="Why this answer matters, in a sentence or two.")
    severity = models.CharField(max_length=6, choices=Severity.choices, default=Severity.MEDIUM)
    patterns = models.JSONField(default=list)
    examples = models.JSONField(default=list, help_text="Answers this rule must flag.")
    counter_examples = models.JSONField(default=list, help_text="Answers it must not flag.")
    dimension = models.ForeignKey(
        Dimension, null=True, blank=True, on_delete=models.SET_NULL, related_name="warning_rules"
    )
    source = models.CharField(max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)

    objects = VersionContentQuerySet.as_manager()

    class Meta:
        ordering = ["version", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="unique_rule_code")]

    def __str__(self) -> str:
        return f"{self.code}: {self.label}"

    def owning_version(self) -> BankVersion:
        return self.version
