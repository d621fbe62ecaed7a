"""Report data for hiring managers: one candidate in depth (the comparison of a role's
candidates is in `hiring.reports.comparison`).

Everything here reads; the arithmetic lives in `hiring.interviews.scoring`, the picture in
`hiring.reports.charts`. The builder runs a fixed handful of queries whatever the number of
interviews or answers.

Only submitted interviews count. Drafts are listed as pending and left out of every
figure, flags included: a half-finished interview is not evidence yet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from assessments.models import BankVersion, Dimension, WarningRule
from hiring.accounts.roles import display_name
from hiring.interviews import scoring
from hiring.interviews.models import Candidate, Flag, Interview, Response, Role
from hiring.reports.charts import Bar, profile_image
from hiring.reports.panel import (
    AnsweredQuestion,
    Coverage,
    Verdict,
    answers_by_dimension,
    coverage_of,
    planned_keys,
    who_said_what,
)


@dataclass
class DimensionRow:
    dimension: Dimension
    code: str
    weight: float
    scores: list[float | None]
    mean: float | None
    spread: float | None
    disagreement: bool
    answers: list[AnsweredQuestion] = field(default_factory=list)  # with the notes


@dataclass
class FlaggedAnswer:
    """One answer with the flags one rule raised on it, so the quote appears once."""

    question: str
    dimension: Dimension
    interviewer: str
    answer: str
    flags: list[Flag]

    @property
    def open_count(self) -> int:
        return sum(1 for f in self.flags if not f.is_dismissed)

    @property
    def dismissed(self) -> list[Flag]:
        return [f for f in self.flags if f.is_dismissed]

    @property
    def stage_labels(self) -> list[str]:
        """Which screener stages raised these flags, in the recruiter's words."""
        raised = {f.stage for f in self.flags}
        return [stage.label for stage in Flag.Stage if stage in raised]


@dataclass
class RuleFlags:
    """Everything one warning rule flagged: why it matters is said once, then the answers."""

    rule: WarningRule
    answers: list[FlaggedAnswer]

    @property
    def open_count(self) -> int:
        return sum(a.open_count for a in self.answers)


@dataclass
class CandidateReport:
    candidate: Candidate
    role: Role
    version: BankVersion
    interviews: list[Interview]
    pending: list[Interview]
    elsewhere: list[Interview]  # submitted on another bank version: not combined
    interviewers: list[str]
    dimensions: list[DimensionRow]
    overall: float | None
    flagged: list[RuleFlags]
    chart: SafeString
    generated_at: Any
    verdicts: list[Verdict] = field(default_factory=list)
    coverage: Coverage = field(default_factory=lambda: Coverage([], []))
    method: str = scoring.OVERALL_METHOD

    @property
    def open_flags(self) -> int:
        return sum(group.open_count for group in self.flagged)

    @property
    def dismissed_flags(self) -> int:
        total = sum(len(a.flags) for group in self.flagged for a in group.answers)
        return total - self.open_flags

    @property
    def stages(self) -> list[tuple[str, str]]:
        """The stages that raised this report's flags, each with what it means, said once."""
        raised = {f.stage for group in self.flagged for a in group.answers for f in a.flags}
        return [(stage.label, Flag.STAGE_NOTES[stage]) for stage in Flag.Stage if stage in raised]

    @property
    def disagreements(self) -> list[DimensionRow]:
        return [row for row in self.dimensions if row.disagreement]

    @property
    def equal_weights(self) -> bool:
        """When every dimension weighs the same the weight column says nothing."""
        return len({row.weight for row in self.dimensions}) <= 1

    @property
    def has_answers(self) -> bool:
        return any(row.answers for row in self.dimensions)


def _report_version(candidate: Candidate, submitted: Sequence[Interview]) -> BankVersion:
    """The version most submitted interviews ran on (the newest on a tie); the role's if none."""
    if not submitted:
        return candidate.role.bank_version
    by_id = {i.bank_version_id: i.bank_version for i in submitted}
    return by_id[
        scoring.report_version((i.bank_version_id, i.bank_version.number) for i in submitted)
    ]


def build_candidate_report(candidate: Candidate) -> CandidateReport:
    role = candidate.role
    interviews = list(
        candidate.interviews.select_related(
            "interviewer", "bank_version__bank", "planned"
        ).order_by("submitted_at", "started_at")
    )
    for interview in interviews:
        interview.interviewer_name = display_name(interview.interviewer)  # type: ignore[attr-defined]
    submitted = [i for i in interviews if i.is_submitted]
    version = _report_version(candidate, submitted)
    counted = [i for i in submitted if i.bank_version_id == version.pk]
    names = [i.interviewer_name for i in counted]  # type: ignore[attr-defined]
    column = {i.pk: n for n, i in enumerate(counted)}

    dimensions = list(version.dimensions.order_by("position"))
    responses = list(
        Response.objects.filter(interview__in=column.keys())
        .select_related("question")
        .order_by("question__position", "question_id", "interview_id")
    )
    flags = (
        Flag.objects.filter(response__in=[r.pk for r in responses])
        .select_related("rule", "dismissed_by")
        .order_by("response_id", "start")
    )
    flags_by_response: dict[int, list[Flag]] = defaultdict(list)
    for flag in flags:
        flags_by_response[flag.response_id].append(flag)

    weights = role.weights_by_key()
    by_id = {d.pk: d for d in dimensions}
    rollup = scoring.roll_up(
        (
            scoring.ScoredAnswer(
                column[r.interview_id],
                r.question.dimension_id,
                r.question_id,
                None if r.not_asked else r.score,
            )
            for r in responses
        ),
        weights={d.pk: weights.of(d.key) for d in dimensions},
        interviewers=range(len(counted)),
    )

    by_rule: dict[int, RuleFlags] = {}
    for r in responses:
        who = names[column[r.interview_id]]
        for rule_flags in _by_rule(flags_by_response.get(r.pk, [])):
            rule = rule_flags[0].rule
            group = by_rule.setdefault(rule.pk, RuleFlags(rule, []))
            group.answers.append(
                FlaggedAnswer(
                    r.question.prompt, by_id[r.question.dimension_id], who, r.answer, rule_flags
                )
            )
    answers = answers_by_dimension(responses, lambda r: names[column[r.interview_id]])
    # Rules with open flags first; within a rule, answers in interview order.
    flagged = sorted(by_rule.values(), key=lambda g: (-g.open_count, g.rule.position))

    rows = []
    for d in dimensions:
        result = rollup.dimensions.get(d.pk) or scoring.DimensionResult()
        rows.append(
            DimensionRow(
                dimension=d,
                code=d.code,
                weight=weights.of(d.key),
                scores=[result.by_interviewer.get(n) for n in range(len(counted))],
                mean=result.mean,
                spread=result.spread,
                disagreement=result.disagreement,
                answers=answers.get(d.pk, []),
            )
        )
    return CandidateReport(
        candidate=candidate,
        role=role,
        version=version,
        interviews=counted,
        pending=[i for i in interviews if not i.is_submitted],
        elsewhere=[i for i in submitted if i.bank_version_id != version.pk],
        interviewers=names,
        dimensions=rows,
        overall=rollup.overall,
        flagged=flagged,
        chart=mark_safe(profile_image(_bars(rows))),  # built from escaped strings only
        generated_at=timezone.now(),
        verdicts=who_said_what(counted, names),
        coverage=coverage_of(planned_keys(weights, dimensions), dimensions, rollup.score),
    )


def _by_rule(flags: list[Flag]) -> list[list[Flag]]:
    grouped: dict[int, list[Flag]] = {}
    for flag in flags:
        grouped.setdefault(flag.rule_id, []).append(flag)
    return list(grouped.values())


def _bars(rows: Iterable[DimensionRow]) -> list[Bar]:
    bars = []
    for row in rows:
        present = [s for s in row.scores if s is not None]
        bars.append(
            Bar(
                row.code,
                row.dimension.list,
                row.dimension.title,
                row.mean,
                low=min(present) if present else None,
                high=max(present) if present else None,
                disagreement=row.disagreement,
            )
        )
    return bars
