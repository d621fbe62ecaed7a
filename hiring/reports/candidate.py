"""Report data for hiring managers: one candidate in depth, or all of a role side by side.

Everything here reads; the arithmetic lives in `hiring.interviews.scoring`, the picture in
`hiring.reports.charts`. Both builders run a fixed handful of queries whatever the number of
candidates, interviews or answers, so a 200-candidate comparison costs what a
2-candidate one does in round trips.

Only submitted interviews count. Drafts are listed as pending and left out of every
figure, flags included: a half-finished interview is not evidence yet.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import Count
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from assessments.models import BankVersion, Dimension, WarningRule
from hiring.accounts.roles import display_name
from hiring.interviews import scoring
from hiring.interviews.models import Candidate, Flag, Interview, Response, Role, Weights
from hiring.reports.charts import Bar, mini_profile_svg, profile_svg
from hiring.reports.panel import (
    AnsweredQuestion,
    Coverage,
    Verdict,
    answers_by_dimension,
    coverage_of,
    planned_keys,
    who_said_what,
)

SORT_OVERALL = "overall"


# ---------------------------------------------------------------- candidate report


@dataclass
class NoteEntry:
    interviewer: str
    score: int | None
    not_asked: bool
    notes: str


@dataclass
class QuestionNotes:
    prompt: str
    kind: str
    entries: list[NoteEntry]


@dataclass
class DimensionRow:
    dimension: Dimension
    code: str
    weight: float
    scores: list[float | None]
    mean: float | None
    spread: float | None
    disagreement: bool
    questions: list[QuestionNotes] = field(default_factory=list)
    answers: list[AnsweredQuestion] = field(default_factory=list)


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
    def disagreements(self) -> list[DimensionRow]:
        return [row for row in self.dimensions if row.disagreement]

    @property
    def equal_weights(self) -> bool:
        """When every dimension weighs the same the weight column says nothing."""
        return len({row.weight for row in self.dimensions}) <= 1

    @property
    def has_notes(self) -> bool:
        return any(row.questions for row in self.dimensions)


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

    notes: dict[int, dict[int, QuestionNotes]] = defaultdict(dict)
    by_rule: dict[int, RuleFlags] = {}
    for r in responses:
        who = names[column[r.interview_id]]
        if r.notes.strip():
            entry = notes[r.question.dimension_id].setdefault(
                r.question_id, QuestionNotes(r.question.prompt, r.question.get_kind_display(), [])
            )
            entry.entries.append(NoteEntry(who, r.score, r.not_asked, r.notes))
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
                questions=list(notes[d.pk].values()),
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
        chart=mark_safe(profile_svg(_bars(rows))),  # built from escaped strings only
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


# ---------------------------------------------------------------- comparison


@dataclass
class Column:
    """One candidate in the comparison matrix."""

    candidate: Candidate
    scores: dict[int, float | None]  # by dimension id
    disagreements: set[int]
    overall: float | None
    open_flags: int
    interviews: int
    pending: int
    coverage: Coverage = field(default_factory=lambda: Coverage([], []))
    rank: int | None = None
    profile: SafeString = field(default_factory=lambda: mark_safe(""))


@dataclass
class Cell:
    value: float | None
    disagreement: bool


@dataclass
class MatrixRow:
    dimension: Dimension
    code: str
    weight: float
    cells: list[Cell]


@dataclass
class Chunk:
    """A slice of the candidates narrow enough for one printed table."""

    columns: list[Column]
    rows: list[MatrixRow]


@dataclass
class VersionGroup:
    version: BankVersion
    columns: list[Column]
    chunks: list[Chunk]


@dataclass
class Comparison:
    role: Role
    groups: list[VersionGroup]
    unassessed: list[Candidate]
    under_covered: list[Column]  # assessed, but not yet on every planned dimension
    sort: str
    sort_label: str
    generated_at: Any
    method: str = scoring.OVERALL_METHOD

    @property
    def mixed_versions(self) -> bool:
        return len(self.groups) > 1

    @property
    def candidate_count(self) -> int:
        ranked = sum(len(g.columns) for g in self.groups)
        return ranked + len(self.unassessed) + len(self.under_covered)


def build_comparison(
    role: Role,
    candidates: Iterable[Candidate] | None = None,
    *,
    sort: str = SORT_OVERALL,
    chunk_size: int = 1000,
) -> Comparison:
    """Compare a role's candidates (or the chosen subset), one matrix per bank version.

    A candidate not yet assessed on every planned dimension is listed apart, saying which
    are missing, rather than ranked on a scale the others were measured on in full.
    """
    chosen = list(candidates) if candidates is not None else list(role.candidates.all())
    ids = [c.pk for c in chosen]
    interviews = list(
        Interview.objects.filter(candidate__in=ids).values_list(
            "pk", "candidate_id", "bank_version_id", "bank_version__number", "status"
        )
    )
    submitted_by: dict[int, list[tuple[int, int]]] = defaultdict(list)
    ran_on: dict[int, list[tuple[int, int]]] = defaultdict(list)
    pending: Counter[int] = Counter()
    for pk, candidate_id, version_id, number, status in interviews:
        if status == Interview.Status.SUBMITTED:
            submitted_by[candidate_id].append((pk, version_id))
            ran_on[candidate_id].append((version_id, number))
        else:
            pending[candidate_id] += 1
    version_of = {cid: scoring.report_version(rows) for cid, rows in ran_on.items()}
    counted = {
        pk: candidate_id
        for candidate_id, rows in submitted_by.items()
        for pk, v in rows
        if v == version_of[candidate_id]
    }
    answers = Response.objects.filter(interview__in=counted.keys()).values_list(
        "interview_id", "question_id", "question__dimension_id", "score", "not_asked"
    )
    per_candidate: dict[int, list[scoring.ScoredAnswer]] = defaultdict(list)
    for interview_id, question_id, dimension_id, score, not_asked in answers:
        per_candidate[counted[interview_id]].append(
            scoring.ScoredAnswer(
                interview_id, dimension_id, question_id, None if not_asked else score
            )
        )
    open_flags = dict(
        Flag.objects.open()
        .filter(response__interview__in=counted.keys())
        .values("response__interview__candidate_id")
        .annotate(n=Count("pk"))
        .values_list("response__interview__candidate_id", "n")
    )
    versions = {v.pk: v for v in BankVersion.objects.filter(pk__in=set(version_of.values()))}
    dims_by_version: dict[int, list[Dimension]] = defaultdict(list)
    for d in Dimension.objects.filter(version__in=versions.keys()).order_by("position"):
        dims_by_version[d.version_id].append(d)
    weights = role.weights_by_key()

    by_version: dict[int, list[Column]] = defaultdict(list)
    unassessed: list[Candidate] = []
    under_covered: list[Column] = []
    for candidate in chosen:
        if candidate.pk not in version_of:
            unassessed.append(candidate)
            continue
        dims = dims_by_version[version_of[candidate.pk]]
        rollup = scoring.roll_up(
            per_candidate[candidate.pk], {d.pk: weights.of(d.key) for d in dims}
        )
        column = Column(
            candidate=candidate,
            scores={d.pk: rollup.score(d.pk) for d in dims},
            disagreements={cast(int, key) for key in rollup.disagreements},
            overall=rollup.overall,
            open_flags=open_flags.get(candidate.pk, 0),
            interviews=len(submitted_by[candidate.pk]),
            pending=pending[candidate.pk],
            coverage=coverage_of(planned_keys(weights, dims), dims, rollup.score),
        )
        column.profile = mark_safe(
            mini_profile_svg([Bar(d.code, d.list, d.title, column.scores[d.pk]) for d in dims])
        )
        if column.coverage.complete:
            by_version[version_of[candidate.pk]].append(column)
        else:
            under_covered.append(column)

    sort_label = "overall score"
    groups = []
    # The role's current version first, then newest to oldest.
    current = role.bank_version_id
    for version_id in sorted(by_version, key=lambda v: (v != current, -versions[v].number)):
        dims = dims_by_version[version_id]
        columns = by_version[version_id]
        ranks = scoring.competition_ranks({c.candidate.pk: c.overall for c in columns})
        for c in columns:
            c.rank = ranks[c.candidate.pk]
        sort_dim = next((d for d in dims if d.key == sort), None)
        if sort_dim is not None:
            sort_label = sort_dim.title
        columns.sort(key=lambda c: _sort_key(c, sort_dim))
        groups.append(
            VersionGroup(versions[version_id], columns, _chunks(columns, dims, weights, chunk_size))
        )
    return Comparison(
        role=role,
        groups=groups,
        unassessed=unassessed,
        under_covered=under_covered,
        sort=sort,
        sort_label=sort_label,
        generated_at=timezone.now(),
    )


def _sort_key(column: Column, dimension: Dimension | None) -> tuple[bool, float, float, str]:
    value = column.scores.get(dimension.pk) if dimension else column.overall
    # Highest first, unscored last, then overall, then name for a stable order.
    return (value is None, -(value or 0), -(column.overall or 0), column.candidate.name)


def _chunks(
    columns: list[Column], dims: list[Dimension], weights: Weights, size: int
) -> list[Chunk]:
    chunks = []
    for start in range(0, len(columns), size):
        part = columns[start : start + size]
        rows = [
            MatrixRow(
                d,
                d.code,
                weights.of(d.key),
                [Cell(c.scores.get(d.pk), d.pk in c.disagreements) for c in part],
            )
            for d in dims
        ]
        chunks.append(Chunk(part, rows))
    return chunks
