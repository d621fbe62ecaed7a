"""How each warning rule of a bank fares in submitted interviews, for HR tuning the rules.

Counted per rule code across the bank's versions: a rule keeps its code from version
to version, and the draft HR tunes continues the rule that fired.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from assessments.models import Bank, WarningRule
from hiring.interviews.models import Flag, Interview, Response


@dataclass
class RuleEvidence:
    code: str
    label: str
    fired: int = 0
    dismissed: int = 0
    dismissals: list[Flag] = field(default_factory=list)

    @property
    def dismissed_share(self) -> float | None:
        return self.dismissed / self.fired if self.fired else None


def submitted_flags(bank: Bank) -> QuerySet[Flag]:
    return Flag.objects.filter(
        rule__version__bank=bank, response__interview__status=Interview.Status.SUBMITTED
    )


def submitted_answers(bank: Bank) -> int:
    return (
        Response.objects.filter(
            interview__bank_version__bank=bank, interview__status=Interview.Status.SUBMITTED
        )
        .exclude(answer="")
        .count()
    )


def _labels(bank: Bank) -> dict[str, str]:
    # The newest wording of each rule's label, whichever version it was last in.
    rows = WarningRule.objects.filter(version__bank=bank).order_by("version__number")
    return dict(rows.values_list("code", "label"))


def rule_overview(bank: Bank) -> list[RuleEvidence]:
    """Every rule of the bank with how often it fired and was dismissed, most dismissed first."""
    labels = _labels(bank)
    counts: dict[str, tuple[int, int]] = {
        code: (fired, dismissed)
        for code, fired, dismissed in submitted_flags(bank)
        .values("rule__code")
        .annotate(fired=Count("pk"), dismissed=Count("pk", filter=Q(dismissed_at__isnull=False)))
        .values_list("rule__code", "fired", "dismissed")
    }
    rows = [RuleEvidence(code, label, *counts.get(code, (0, 0))) for code, label in labels.items()]
    return sorted(rows, key=lambda r: (-r.dismissed, -r.fired, r.label))


def rule_evidence(bank: Bank, code: str) -> RuleEvidence:
    """One rule's counts and its dismissed flags, newest first, with the answers."""
    flags = submitted_flags(bank).filter(rule__code=code)
    dismissals = list(
        flags.filter(dismissed_at__isnull=False)
        .select_related("response", "rule__version", "dismissed_by")
        .order_by("-dismissed_at")
    )
    return RuleEvidence(
        code,
        _labels(bank).get(code, code),
        fired=flags.count(),
        dismissed=len(dismissals),
        dismissals=dismissals,
    )
