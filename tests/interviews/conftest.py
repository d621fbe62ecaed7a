"""Fixtures for the hiring process: a small bank, a role, candidates and interviews.

Most tests run on `mini_bank` (2 dimensions, 3 questions, 1 rule) because loading the full
default bank costs time on every test; the query-bound and demo tests use `published`.
"""

from __future__ import annotations

import pytest

from hiring.interviews import services
from hiring.interviews.models import Candidate, Interview, Response, Role


def anchors(stem: str) -> list[dict[str, object]]:
    return [{"level": n, "behaviour": f"{stem} at level {n}"} for n in range(1, 6)]


MINI_BANK = {
    "bank": "Mini bank",
    "version": 1,
    "dimensions": [
        {
            "kind": "trait",
            "list": "natural_traits",
            "number": 1,
            "title": "Empathy",
            "description": "Feels what the customer feels.",
            "source": "Natural traits",
            "questions": [
                {
                    "kind": "behavioural",
                    "prompt": "Tell me about an upset customer you helped.",
                    "probes": ["What did you say first?"],
                    "listen_for": ["Names the feeling"],
                    "anchors": anchors("Empathy example"),
                },
                {
                    "kind": "situational",
                    "prompt": "A customer cries on the phone. What do you do?",
                    "probes": [],
                    "listen_for": [],
                    "anchors": anchors("Would comfort"),
                },
            ],
        },
        {
            "kind": "belief",
            "list": "cx_beliefs",
            "number": 1,
            "title": "Service is the job",
            "description": "",
            "source": "Customer-experience beliefs",
            "questions": [
                {
                    "kind": "belief",
                    "prompt": "Why do you want to work in service?",
                    "probes": [],
                    "listen_for": [],
                    "anchors": anchors("Belief"),
                },
            ],
        },
    ],
    "warning_rules": [
        {
            "code": "seeks-appreciation",
            "label": "Motivated by being appreciated",
            "why": "Service people who need thanks burn out when customers are rude.",
            "severity": "medium",
            "patterns": ["like ~ appreciat*"],
            "examples": ["I like being appreciated"],
            "counter_examples": ["I do not need to be appreciated"],
            "dimension": None,
            "source": "Hire for beliefs",
        }
    ],
}


@pytest.fixture
def mini_bank(db):
    import copy

    from assessments.bankfile import parse_data
    from assessments.services import load_bank

    return load_bank(parse_data(copy.deepcopy(MINI_BANK), "mini")).version


@pytest.fixture
def role(mini_bank, maya) -> Role:
    return Role.objects.create(title="Service advisor", bank_version=mini_bank, hiring_manager=maya)


@pytest.fixture
def cleo(role) -> Candidate:
    """Cleo is a candidate for the service advisor role."""
    return Candidate.objects.create(role=role, name="Cleo Brand", email="cleo@example.com")


@pytest.fixture
def ravis(cleo, ravi) -> Interview:
    """Ravi's interview of Cleo, just started."""
    return services.start_interview(cleo, ravi)


@pytest.fixture
def rosas(cleo, rosa) -> Interview:
    return services.start_interview(cleo, rosa)


def _fill(interview: Interview, score: int = 4, answer: str = "A calm, specific example.") -> None:
    """Answer and score every question (straight to the database)."""
    Response.objects.filter(interview=interview).update(answer=answer, score=score, revision=1)


def _submit(
    interview: Interview,
    score: int = 4,
    answer: str = "A calm, specific example.",
    recommendation: str = "yes",
) -> Interview:
    _fill(interview, score, answer)
    verdict = {"recommendation": recommendation, "takeaways": "", "panel_note": ""}
    assert services.submit_interview(interview, verdict) == []
    return interview


@pytest.fixture
def fill():
    """fill(interview, score=4, answer=...): answer and score every question."""
    return _fill


@pytest.fixture
def submit():
    """submit(interview, ...): fill every question, then submit (lock) the interview."""
    return _submit
