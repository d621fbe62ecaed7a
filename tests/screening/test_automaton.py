"""All patterns run as one automaton find exactly what each pattern run alone finds."""

import json
from pathlib import Path

import pytest

from assessments.screening.answer import Answer
from assessments.screening.matcher import Automaton, compile_pattern, matches
from assessments.screening.patterns import parse
from assessments.screening.vocabulary import Vocabulary

HERE = Path(__file__).parent
PATTERNS = [
    "calm down",
    "(thank*|praise) ~3 (me|myself)",
    "not my (job|department|problem)",
    "=sorry ~2 !(for|about) guilty",
    "rules [are] rules",
    "(sorry|refund|help) ~4 (sorry|refund|help) ~4 (sorry|refund|help)",
]


@pytest.fixture(scope="module")
def compiled():
    vocab = Vocabulary()
    programs = [compile_pattern(i, p, parse(p), vocab) for i, p in enumerate(PATTERNS)]
    vocab.finish(True)
    return vocab, programs, Automaton(programs)


def answers():
    lines = (HERE / "labelled_answers.jsonl").read_text(encoding="utf-8").splitlines()
    yield from (json.loads(line)["answer"] for line in lines[:300])
    yield "Calm down. Calm, down! But calm down, however: not my job, but not my problem"
    yield "sorry " * 500 + "refund help but help refund sorry"


def test_it_finds_the_same_matches_as_each_pattern_alone(compiled):
    vocab, programs, automaton = compiled
    matched = 0
    for text in answers():
        ans = Answer(text, vocab)
        alone = [(p, found) for p in programs if (found := matches(p, ans))]
        assert automaton.matches(ans) == alone, text
        matched += bool(alone)
    assert matched >= 10  # the comparison is not vacuous


def test_it_starts_afresh_when_its_tables_are_full(compiled, monkeypatch):
    vocab, _programs, automaton = compiled
    monkeypatch.setattr("assessments.screening.matcher._DELTA_LIMIT", 3)
    ans = Answer("Please calm down, it is not my job to help with a refund.", vocab)
    first = automaton.matches(ans)
    assert first and automaton.matches(ans) == first
    assert len(automaton._tables.delta) <= 3 + ans.n + len(ans.span_of)
