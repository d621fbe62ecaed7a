"""Mechanical roll-up of interview scores, in plain Python (no Django).

Combining scores by formula rather than by discussion is the point: the same
scores always give the same figures, whoever reads the report. The chain is

    answer score (1..5, or none when not asked/unscored)
      -> dimension score per interviewer: mean of that interviewer's question scores
      -> dimension score: mean over interviewers (each interviewer counts once,
         however many questions they scored)
      -> overall: the role's weighted mean of dimension scores.

Unscored items are left out rather than counted as zero, and the overall is taken
over the dimensions that have a score, with their weights renormalised.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# Two points apart on a five-point scale is not noise: the panel saw different things.
DISAGREEMENT_POINTS = 2.0

OVERALL_METHOD = (
    "Overall is the role's weighted mean of the dimension scores; each dimension score is "
    "the mean of its interviewers' scores, and each interviewer's score is the mean of the "
    "questions they scored (unscored questions and dimensions are left out, not counted as zero)."
)


def report_version(ran_on: Iterable[tuple[int, int]]) -> int:
    """The bank version a candidate is reported on: the one most of their submitted
    interviews ran on, the newer on a tie. `ran_on` holds (version id, version number)
    per submitted interview; the answer is a version id."""
    counts = Counter(ran_on)
    return max(counts, key=lambda v: (counts[v], v[1]))[0]


def mean(values: Iterable[float | None]) -> float | None:
    """Arithmetic mean of the values that are there; None when there are none."""
    present = [float(v) for v in values if v is not None]
    if not present:
        return None
    return sum(present) / len(present)


def spread(values: Iterable[float | None]) -> float | None:
    """Highest minus lowest score; None when fewer than two scores are there to compare."""
    present = [float(v) for v in values if v is not None]
    if len(present) < 2:
        return None
    return max(present) - min(present)


def disagrees(spread_value: float | None) -> bool:
    # A tiny epsilon keeps 3.5 vs 1.5 (floating means) on the right side of the line.
    return spread_value is not None and spread_value >= DISAGREEMENT_POINTS - 1e-9


def weighted_mean(
    scores: Mapping[Hashable, float | None], weights: Mapping[Hashable, float]
) -> float | None:
    """Weighted mean over keys that have a score and a positive weight."""
    total = weight_sum = 0.0
    for key, value in scores.items():
        weight = float(weights.get(key, 0.0))
        if value is None or weight <= 0:
            continue
        total += weight * value
        weight_sum += weight
    if weight_sum == 0:
        return None
    return total / weight_sum


@dataclass(frozen=True)
class ScoredAnswer:
    """One scored answer: who scored it, on which dimension, which question, and the score."""

    interviewer: Hashable
    dimension: Hashable
    question: Hashable
    score: int | None


@dataclass
class DimensionResult:
    by_interviewer: dict[Hashable, float | None] = field(default_factory=dict)
    mean: float | None = None
    spread: float | None = None

    @property
    def disagreement(self) -> bool:
        return disagrees(self.spread)


@dataclass
class Rollup:
    dimensions: dict[Hashable, DimensionResult]
    overall: float | None

    def score(self, dimension: Hashable) -> float | None:
        result = self.dimensions.get(dimension)
        return result.mean if result else None

    @property
    def disagreements(self) -> list[Hashable]:
        return [key for key, result in self.dimensions.items() if result.disagreement]


def roll_up(
    answers: Iterable[ScoredAnswer],
    weights: Mapping[Hashable, float],
    interviewers: Sequence[Hashable] = (),
) -> Rollup:
    """Roll answers up to dimension scores and a weighted overall.

    `interviewers` fixes the columns: each dimension result lists every one of them
    (None where they scored nothing on it), in that order.
    """
    per: dict[Hashable, dict[Hashable, list[int]]] = defaultdict(lambda: defaultdict(list))
    order = list(interviewers)
    for answer in answers:
        if answer.interviewer not in order:
            order.append(answer.interviewer)
        bucket = per[answer.dimension][answer.interviewer]
        if answer.score is not None:
            bucket.append(answer.score)
    dimensions: dict[Hashable, DimensionResult] = {}
    for dimension, by_person in per.items():
        scores = {who: mean(by_person.get(who, ())) for who in order}
        dimensions[dimension] = DimensionResult(
            by_interviewer=scores, mean=mean(scores.values()), spread=spread(scores.values())
        )
    overall = weighted_mean({k: r.mean for k, r in dimensions.items()}, weights)
    return Rollup(dimensions=dimensions, overall=overall)


def competition_ranks(overalls: Mapping[Any, float | None]) -> dict[Any, int | None]:
    """Rank by overall, highest first, ties sharing a rank ("1, 2, 2, 4"); no score, no rank.

    Scores are compared at two decimals, as shown, so candidates that look tied are tied.
    """
    scored = sorted(
        ((round(v, 2), k) for k, v in overalls.items() if v is not None),
        key=lambda pair: -pair[0],
    )
    ranks: dict[Any, int | None] = {k: None for k in overalls}
    previous: float | None = None
    rank = 0
    for position, (value, key) in enumerate(scored, start=1):
        if value != previous:
            rank, previous = position, value
        ranks[key] = rank
    return ranks
