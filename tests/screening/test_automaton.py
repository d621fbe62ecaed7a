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


def test_it_runs_only_patterns_whose_required_words_the_sentence_has(compiled):
    vocab, _programs, automaton = compiled
    ans = Answer("Please calm down. It is not my job to help with a refund.", vocab)
    found = [prog.pattern for prog, _m in automaton.matches(ans)]
    assert found == ["calm down", "not my (job|department|problem)"]
    assert automaton.matches(ans) == automaton.matches(ans)  # nothing learnt in between
