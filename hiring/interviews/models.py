"""The hiring process: roles, their candidates, and the interviews run on them.

An interview is pinned to the bank version its role used when it started, so its
questions, anchors and rules never move under it. Submitting locks it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, ProtectedError, Q
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from assessments.models import BankVersion, Dimension, Question, WarningRule
from assessments.screening import LEARNED_STAGE, RULES_STAGE

# Length caps on what people type: names fit one line, an answer or notes a long answer.
MAX_NAME = 200
MAX_EMAIL = 254  # RFC 5321's limit, and EmailField's column
MAX_ANSWER = 20_000
MAX_REASON = 1_000


class InterviewLocked(Exception):
    """Raised when something tries to change a submitted interview."""


@dataclass(frozen=True)
class Weights:
    """A role's weight per dimension key. With none chosen, every dimension weighs 1."""

    chosen: Mapping[str, float]

    def assesses(self, key: str) -> bool:
        return not self.chosen or key in self.chosen

    def of(self, key: str) -> float:
        if not self.chosen:
            return 1.0
        return self.chosen.get(key, 0.0)


class Role(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    bank_version = models.ForeignKey(
        BankVersion,
        on_delete=models.PROTECT,
        related_name="roles",
        limit_choices_to={"status": BankVersion.Status.PUBLISHED},
    )
    hiring_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="managed_roles"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = self.unique_slug(self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("interviews:role", args=[self.slug])

    @classmethod
    def unique_slug(cls, title: str) -> str:
        base = slugify(title)[:180] or "role"
        slug, n = base, 2
        while cls.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def is_managed_by(self, user: Any) -> bool:
        return self.hiring_manager_id == getattr(user, "pk", None)

    def weights_by_key(self) -> Weights:
        """The role's weights by dimension key, so they apply on any bank version."""
        return Weights(
            {
                rd.dimension.key: float(rd.weight)
                for rd in self.role_dimensions.select_related("dimension")
            }
        )

    def plan_in_use(self) -> bool:
        """Whether any interview has started on one of the plan's interviews."""
        return Interview.objects.filter(planned__plan__role=self).exists()

    def weights(self) -> dict[int, float]:
        """Weight per assessed dimension id of the role's own bank version."""
        weights = self.weights_by_key()
        return {
            d.pk: weights.of(d.key)
            for d in self.bank_version.dimensions.all()
            if weights.assesses(d.key)
        }


class RoleDimension(models.Model):
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="role_dimensions")
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="+")
    weight = models.DecimalField(
        max_digits=4, decimal_places=2, default=1, validators=[MinValueValidator(0)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["role", "dimension"], name="unique_role_dimension")
        ]

    def __str__(self) -> str:
        return f"{self.role}: {self.dimension.title} x{self.weight}"


class InterviewPlan(models.Model):
    """How a role's dimensions are split among a few interviews, each run by one interviewer."""

    # A dimension rated by fewer interviewers than this is under-covered (a panel of two
    # rating the same dimension is far more reliable than one rating alone).
    MIN_RATERS = 2

    role = models.OneToOneField(Role, on_delete=models.CASCADE, related_name="plan")
    min_raters = models.PositiveSmallIntegerField(default=MIN_RATERS)

    def __str__(self) -> str:
        return f"Plan for {self.role}"

    def get_absolute_url(self) -> str:
        return reverse("interviews:plan", args=[self.role.slug])

    def ordered_interviews(self) -> models.QuerySet[PlannedInterview]:
        return self.interviews.prefetch_related("dimensions", "questions").order_by("position")

    def raters_per_dimension(self) -> dict[int, int]:
        """How many planned interviews rate each of the role's assessed dimensions."""
        counts = dict.fromkeys(self.role.weights(), 0)
        for planned in self.ordered_interviews():
            for d in planned.dimensions.all():
                if d.pk in counts:
                    counts[d.pk] += 1
        return counts

    def under_covered(self) -> list[Dimension]:
        """Assessed dimensions fewer than `min_raters` planned interviews will rate."""
        counts = self.raters_per_dimension()
        short = [pk for pk, n in counts.items() if n < self.min_raters]
        return list(Dimension.objects.filter(pk__in=short).order_by("position"))


class PlannedInterview(models.Model):
    """One interview of a plan: its focus dimensions and the questions its kit asks."""

    # Minutes a planned question takes with its probes, and the fixed part (welcome,
    # candidate's own questions), for the estimate shown to the hiring manager.
    MINUTES_PER_QUESTION = 4
    MINUTES_OVERHEAD = 10

    plan = models.ForeignKey(InterviewPlan, on_delete=models.CASCADE, related_name="interviews")
    name = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField(default=0)
    dimensions = models.ManyToManyField(Dimension, related_name="+", blank=True)
    questions = models.ManyToManyField(Question, related_name="+", blank=True)
    minutes = models.PositiveSmallIntegerField(
        default=45, validators=[MinValueValidator(5), MaxValueValidator(240)]
    )

    class Meta:
        ordering = ["plan", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="unique_planned_interview_name")
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def estimate_minutes(cls, questions: int) -> int:
        return cls.MINUTES_OVERHEAD + cls.MINUTES_PER_QUESTION * questions

    def ordered_questions(self) -> list[Question]:
        return sorted(self.questions.all(), key=lambda q: (q.dimension.position, q.position, q.pk))


class Candidate(models.Model):
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="candidates")
    name = models.CharField(max_length=MAX_NAME)
    email = models.EmailField(max_length=MAX_EMAIL)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["role", "email"], name="unique_candidate_per_role")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("interviews:candidate", args=[self.pk])


class Assignment(models.Model):
    """Who runs which planned interview of a candidate; the interview starts later, from it."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="assignments")
    planned = models.ForeignKey(
        PlannedInterview, on_delete=models.CASCADE, related_name="assignments"
    )
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["planned__position"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "planned"], name="one_seat_per_planned"),
            models.UniqueConstraint(
                fields=["candidate", "interviewer"], name="one_seat_per_interviewer"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate}: {self.planned} by {self.interviewer}"


class InterviewQuerySet(models.QuerySet["Interview"]):
    def submitted(self) -> InterviewQuerySet:
        return self.filter(status=Interview.Status.SUBMITTED)

    def drafts(self) -> InterviewQuerySet:
        return self.filter(status=Interview.Status.DRAFT)


class Interview(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "In progress"
        SUBMITTED = "submitted", "Submitted"

    class Recommendation(models.TextChoices):
        STRONG_NO = "strong_no", "Strong no"
        NO = "no", "No"
        YES = "yes", "Yes"
        STRONG_YES = "strong_yes", "Strong yes"
        NO_DECISION = "no_decision", "No decision"

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="interviews")
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="interviews"
    )
    bank_version = models.ForeignKey(BankVersion, on_delete=models.PROTECT, related_name="+")
    planned = models.ForeignKey(
        PlannedInterview,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interviews",
        help_text="The plan's interview this one runs; its questions are the kit's.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    recommendation = models.CharField(
        max_length=12, choices=Recommendation.choices, blank=True, help_text="Required to submit."
    )
    takeaways = models.TextField("Key take-aways", blank=True)
    panel_note = models.TextField("Note for the other interviewers", blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = InterviewQuerySet.as_manager()

    class Meta:
        ordering = ["started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "interviewer"], name="one_interview_per_interviewer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.candidate} by {self.interviewer}"

    def get_absolute_url(self) -> str:
        return reverse("interviews:interview", args=[self.pk])

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    def ensure_open(self) -> None:
        if self.is_submitted:
            raise InterviewLocked(f"The interview of {self.candidate} was submitted and is locked.")

    def is_run_by(self, user: Any) -> bool:
        return self.interviewer_id == getattr(user, "pk", None)

    def can_edit(self, user: Any) -> bool:
        return self.is_run_by(user) and not self.is_submitted


@cache
def _has_flags() -> Exists:
    """Built once: annotate() resolves a copy each time, and building the sub-query's
    queryset anew cost the kit page (and, before the hot paths kept their queryset, each
    autosave) as much as compiling it."""
    return Exists(Flag.objects.filter(response_id=OuterRef("pk")))


class ResponseQuerySet(models.QuerySet["Response"]):
    # A response is complete once it is scored or marked not asked; the one home of that
    # rule, in SQL here and in Python in Response.is_complete.
    COMPLETE = Q(not_asked=True) | Q(score__isnull=False)

    def incomplete(self) -> ResponseQuerySet:
        return self.exclude(self.COMPLETE)

    def with_flag_presence(self) -> ResponseQuerySet:
        """Each response with `has_flags`, so the hot paths skip reading flags there are none
        of (most answers while they are typed): an EXISTS in the same query."""
        return self.annotate(has_flags=_has_flags())


class Response(models.Model):
    """One question's answer in one interview: what the candidate said, notes, a score."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="responses")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    answer = models.TextField(blank=True, max_length=MAX_ANSWER)
    notes = models.TextField(blank=True, max_length=MAX_ANSWER)
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    not_asked = models.BooleanField(default=False)
    # Each save bumps it; a save based on an older revision is refused as stale.
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["question__dimension__position", "question__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "question"], name="one_response_per_question"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | (Q(score__gte=1) & Q(score__lte=5)),
                name="response_score_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.interview}: {self.question}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.interview.is_submitted:
            raise InterviewLocked("Responses of a submitted interview cannot change.")
        super().save(*args, **kwargs)

    @property
    def is_complete(self) -> bool:
        """Scored or marked not asked (ResponseQuerySet.COMPLETE says the same in SQL)."""
        return self.not_asked or self.score is not None

    @property
    def choice(self) -> str:
        """The score as the kit's single radio group sees it: "1".."5", "na" or ""."""
        if self.not_asked:
            return "na"
        return "" if self.score is None else str(self.score)


class FlagQuerySet(models.QuerySet["Flag"]):
    def open(self) -> FlagQuerySet:
        return self.filter(dismissed_at__isnull=True)


class Flag(models.Model):
    """A warning rule that fired on an answer, kept with the evidence that triggered it."""

    class Stage(models.TextChoices):
        # The screener's own names for its stages; the labels are what a recruiter reads.
        RULES = RULES_STAGE, "Rule match"
        LEARNED = LEARNED_STAGE, "Learned pattern"

    # One sentence per stage, beside the label wherever a flag is shown.
    STAGE_NOTES = {
        Stage.RULES: "One of the rule's patterns describes these words.",
        Stage.LEARNED: "No pattern matched: the wording is close to the rule's examples. "
        "HR can switch this stage off for a bank version (rules only).",
    }

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="flags")
    rule = models.ForeignKey(WarningRule, on_delete=models.PROTECT, related_name="+")
    evidence = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    pattern = models.CharField(max_length=300, blank=True)
    # Which stage of the screener raised it, kept as it was when the flag was stored.
    stage = models.CharField(max_length=10, choices=Stage.choices, default=Stage.RULES)
    created_at = models.DateTimeField(default=timezone.now)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    dismissed_at = models.DateTimeField(null=True, blank=True)
    dismiss_reason = models.TextField(blank=True, max_length=MAX_REASON)

    objects = FlagQuerySet.as_manager()

    class Meta:
        ordering = ["response", "start"]

    def __str__(self) -> str:
        return f"{self.rule.code}: {self.evidence}"

    @property
    def bank_version(self) -> BankVersion:
        """The version whose rule fired: a flag always points into the interview's version."""
        return self.rule.version

    @property
    def is_dismissed(self) -> bool:
        return self.dismissed_at is not None

    @property
    def stage_note(self) -> str:
        return self.STAGE_NOTES[self.Stage(self.stage)]

    def dismiss(self, user: Any, reason: str) -> None:
        """Record why an interviewer set the flag aside; the flag itself stays for the report."""
        if not reason.strip():
            raise ValueError("A flag is dismissed only with a written reason.")
        self.dismissed_by = user
        self.dismissed_at = timezone.now()
        self.dismiss_reason = reason.strip()
        self.save(update_fields=["dismissed_by", "dismissed_at", "dismiss_reason"])


class SubmittedInterviewProtected(ProtectedError):
    """Deleting would erase a submitted interview (directly or through its candidate/role)."""


@receiver(pre_delete, sender=Interview)
def _keep_submitted_interviews(sender: type[Interview], instance: Interview, **kwargs: Any) -> None:
    """Refuse to delete a submitted interview, however the delete was reached (a candidate's
    or role's cascade, a queryset, the admin). Erasing candidate data is its own, audited
    action; it is not a side effect of tidying up."""
    if instance.status == Interview.Status.SUBMITTED:
        raise SubmittedInterviewProtected(
            f"Cannot delete: {instance.candidate} has a submitted interview "
            f"(by {instance.interviewer}). Submitted interviews are kept.",
            {instance},
        )
