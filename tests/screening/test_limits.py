"""Pattern validation refuses what would be costly; evaluation reports per style and writer."""

import pytest

from assessments.screening import RuleSpec, Screener, evaluate, pattern_problem


@pytest.mark.parametrize(
    ("pattern", "says"),
    [
        ("a ~2 b ~2 c ~2 d ~2 e ~2 f", "too many gaps"),
        ("word " * 400, "too long"),
        ("(" + "|".join(f"w{i}" for i in range(70)) + ")", "too many alternatives"),
        ("((((a))))", "nested too deep"),
    ],
)
def test_it_refuses_costly_patterns_with_a_clear_message(pattern, says):
    assert says in (pattern_problem(pattern) or "")


def test_a_pattern_that_is_not_text_is_refused_with_a_message():
    # a bank file's YAML can hold a list where a pattern belongs; parsing is memoised
    assert pattern_problem(["sorry", "guilty"]) == "a pattern must be text"  # type: ignore[arg-type]


def test_a_refused_pattern_stays_refused_when_asked_again():
    assert pattern_problem("(a|b") == pattern_problem("(a|b") == "missing ')'"


def test_it_accepts_the_costliest_allowed_pattern():
    assert pattern_problem(" ~12 ".join(["(sorry|refund)"] * 5)) is None


def test_an_overlong_word_never_reaches_the_matcher():
    s = Screener([RuleSpec("r", "l", "w", ("sorry",))], learned=False)
    assert s.screen("x" * 20_000 + " sorry")[0].evidence == "sorry"
    assert s.screen("sorry" * 10) == []


def test_evaluate_reports_per_style_and_writer():
    s = Screener([RuleSpec("calm_down", "l", "w", ("calm down",))], learned=False)
    records = [
        {
            "answer": "Calm down!",
            "warning": True,
            "category": "calm_down",
            "style": "terse",
            "writer": "w1",
        },
        {"answer": "I listen.", "warning": False, "style": "notes", "writer": "w2"},
    ]
    result = evaluate(s, records)
    assert result.per_style["terse"].recall == 1.0 and result.per_writer["w2"].fp == 0
    report = result.format_report()
    assert "by style" in report and "by writer" in report and "notes" in report


def test_evaluate_judges_each_writer_apart_in_each_style():
    s = Screener([RuleSpec("calm_down", "l", "w", ("calm down",))], learned=False)
    records = [
        {"answer": "Calm down!", "warning": True, "style": "terse", "writer": "w1"},
        {"answer": "Settle, please.", "warning": True, "style": "terse", "writer": "w2"},
        {
            "answer": "I let them calm down first.",
            "warning": False,
            "style": "terse",
            "writer": "w2",
        },
    ]
    result = evaluate(s, records)
    assert result.per_style_writer[("terse", "w1")].recall == 1.0
    w2 = result.per_style_writer[("terse", "w2")]
    assert (w2.tp, w2.fp, w2.fn) == (0, 1, 1)
    # the worst writer's figures close the style's row
    report = result.format_report()
    matrix = report.split("by style and writer", 1)[1].splitlines()
    row = next(line for line in matrix if line.startswith("terse"))
    assert row.split() == ["terse", "1.00/1.00", "0.00/0.00", "0.00/0.00"]
