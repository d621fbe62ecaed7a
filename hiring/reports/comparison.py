"""Report data for hiring managers: all of a role's candidates side by side.

Everything here reads; the arithmetic lives in `hiring.interviews.scoring`. The builder runs
a fixed handful of queries whatever the number of candidates, interviews or answers, so a
200-candidate comparison costs what a 2-candidate one does in round trips. Each candidate is
compared on the bank version most of their submitted interviews ran on, one matrix per
version; only submitted interviews count.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import Count
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from assessments.models import BankVersion, Dimension
from hiring.interviews import scoring
from hiring.interviews.models import Candidate, Flag, Interview, Response, Role, Weights
from hiring.reports.charts import Bar, mini_profile_image
from hiring.reports.panel import (
    Coverage,
    coverage_of,
    planned_keys,
)

SORT_OVERALL = "overall"


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

    @property
    def equal_weights(self) -> bool:
        """When every dimension weighs the same the weight column says nothing (and costs
        the printed matrix a column of cells on every page)."""
        return len({row.weight for chunk in self.chunks for row in chunk.rows}) <= 1


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
    def equal_weights(self) -> bool:
        return all(group.equal_weights for group in self.groups)

    @property
    def mixed_versions(self) -> bool:
        return len(self.groups) > 1

    @property
    def candidate_count(self) -> int:
        ranked = sum(len(g.columns) for g in self.groups)
        return ranked + len(self.unassessed) + len(self.under_covered)


# Complexity 11: one pass that groups candidates by version and sets the unranked apart;
# the arithmetic is in scoring, the layout in _chunks.
def build_comparison(  # noqa: C901
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
            mini_profile_image([Bar(d.code, d.list, d.title, column.scores[d.pk]) for d in dims])
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
