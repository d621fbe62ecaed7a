"""What the panel said and how much of the plan it covered, for reports.

Coverage is the one home of the rule "is this candidate comparable yet": a candidate is
covered once every dimension the role assesses has at least one score from a submitted
interview. Keys (list:number) are used so the rule holds across bank versions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from assessments.models import Dimension
from hiring.interviews.models import Interview, Response, Weights


def planned_keys(weights: Weights, dimensions: Iterable[Dimension]) -> set[str]:
    """The keys of the dimensions (of one version) that the role assesses."""
    return {d.key for d in dimensions if weights.of(d.key) > 0}


@dataclass
class Coverage:
    assessed: list[Dimension]
    missing: list[Dimension]

    @property
    def planned(self) -> int:
        return len(self.assessed) + len(self.missing)

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def why(self) -> str:
        """Why a candidate is listed apart, in a sentence."""
        titles = "; ".join(d.title for d in self.missing[:4])
        more = f" and {len(self.missing) - 4} more" if len(self.missing) > 4 else ""
        return (
            f"Assessed on {len(self.assessed)} of {self.planned} planned dimensions; "
            f"not yet on {titles}{more}."
        )


def coverage_of(
    planned: set[str], dimensions: Iterable[Dimension], score: Callable[[int], float | None]
) -> Coverage:
    """Which of the planned dimensions (in `dimensions`, one version's) have a score."""
    result = Coverage([], [])
    for d in dimensions:
        if d.key in planned:
            (result.assessed if score(d.pk) is not None else result.missing).append(d)
    return result


@dataclass
class Verdict:
    """One interviewer's recommendation and take-aways, at a glance."""

    interviewer: str
    planned: str
    recommendation: str
    code: str
    takeaways: str
    panel_note: str


def who_said_what(interviews: Sequence[Interview], names: Sequence[str]) -> list[Verdict]:
    return [
        Verdict(
            interviewer=name,
            planned=i.planned.name if i.planned_id and i.planned else "",
            recommendation=i.get_recommendation_display() or "No recommendation recorded",
            code=i.recommendation or "none",
            takeaways=i.takeaways,
            panel_note=i.panel_note,
        )
        for i, name in zip(interviews, names, strict=True)
    ]


@dataclass
class Answer:
    """What one interviewer heard on one question, and what they noted about it."""

    interviewer: str
    answer: str
    score: int | None
    not_asked: bool
    notes: str = ""


@dataclass
class AnsweredQuestion:
    prompt: str
    kind: str
    answers: list[Answer] = field(default_factory=list)


def answers_by_dimension(
    responses: Iterable[Response], name_of: Callable[[Response], str]
) -> dict[int, list[AnsweredQuestion]]:
    """The candidate's own words and the interviewers' notes, per dimension then question,
    each with who heard it. One list for both, so a question's prompt is printed once and
    a note sits beside the answer it is about (the PDF is a quarter shorter for it)."""
    found: dict[int, dict[int, AnsweredQuestion]] = {}
    for r in responses:
        answer = "" if r.not_asked else r.answer.strip()
        if not answer and not r.notes.strip():
            continue
        questions = found.setdefault(r.question.dimension_id, {})
        entry = questions.setdefault(
            r.question_id, AnsweredQuestion(r.question.prompt, r.question.get_kind_display())
        )
        entry.answers.append(Answer(name_of(r), answer, r.score, r.not_asked, r.notes.strip()))
    return {pk: list(qs.values()) for pk, qs in found.items()}
