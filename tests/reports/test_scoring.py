"""The roll-up is mechanical: same scores in, same figures out, whoever reads them."""

import pytest

from hiring.interviews.scoring import (
    ScoredAnswer,
    competition_ranks,
    disagrees,
    mean,
    roll_up,
    spread,
    weighted_mean,
)


def answers(rows):
    return [ScoredAnswer(who, dim, q, score) for who, dim, q, score in rows]


def test_it_takes_the_mean_of_the_scores_that_are_there():
    assert mean([4, None, 2]) == 3
    assert mean([None, None]) is None
    assert mean([]) is None


def test_it_measures_spread_only_between_two_or_more_scores():
    assert spread([2, 5, None]) == 3
    assert spread([4]) is None
    assert spread([None, 3]) is None


def test_it_calls_two_points_apart_a_disagreement():
    assert disagrees(2.0)
    assert disagrees(3.5 - 1.5)
    assert not disagrees(1.5)
    assert not disagrees(None)


def test_it_rolls_questions_up_to_dimensions_then_across_interviewers():
    rollup = roll_up(
        answers(
            [
                ("ravi", "humour", "q1", 4),
                ("ravi", "humour", "q2", 2),  # Ravi: 3.0 on humour
                ("rosa", "humour", "q1", 5),  # Rosa: 5.0 on humour
                ("ravi", "adapt", "q3", 3),
                ("rosa", "adapt", "q3", None),  # not scored: left out, not zero
            ]
        ),
        weights={"humour": 1, "adapt": 1},
    )
    humour = rollup.dimensions["humour"]
    assert humour.by_interviewer == {"ravi": 3.0, "rosa": 5.0}
    assert humour.mean == 4.0
    assert humour.spread == 2.0 and humour.disagreement
    adapt = rollup.dimensions["adapt"]
    assert adapt.by_interviewer == {"ravi": 3.0, "rosa": None}
    assert adapt.mean == 3.0 and adapt.spread is None and not adapt.disagreement
    assert rollup.overall == 3.5
    assert rollup.disagreements == ["humour"]


def test_it_counts_each_interviewer_once_however_many_questions_they_scored():
    rollup = roll_up(
        answers(
            [
                ("ravi", "d", "q1", 5),
                ("ravi", "d", "q2", 5),
                ("ravi", "d", "q3", 5),
                ("rosa", "d", "q1", 1),
            ]
        ),
        weights={"d": 1},
    )
    assert rollup.score("d") == 3.0


def test_it_weights_the_overall_by_the_roles_weights():
    rollup = roll_up(
        answers([("ravi", "a", "q1", 5), ("ravi", "b", "q2", 2)]), weights={"a": 2, "b": 1}
    )
    assert rollup.overall == pytest.approx(4.0)


def test_it_renormalises_weights_over_dimensions_with_a_score():
    assert weighted_mean({"a": 4.0, "b": None}, {"a": 1, "b": 3}) == 4.0
    assert weighted_mean({"a": 4.0, "b": 2.0}, {"a": 1, "b": 0}) == 4.0
    assert weighted_mean({"a": None}, {"a": 1}) is None
    assert weighted_mean({}, {}) is None


def test_it_lists_every_interviewer_column_even_without_scores():
    rollup = roll_up(answers([("ravi", "a", "q1", 3)]), {"a": 1}, interviewers=["rosa", "ravi"])
    assert list(rollup.dimensions["a"].by_interviewer) == ["rosa", "ravi"]
    assert rollup.dimensions["a"].by_interviewer["rosa"] is None


def test_it_gives_no_overall_without_scores():
    assert roll_up([], {"a": 1}).overall is None


def test_it_ranks_highest_first_with_shared_ranks_for_ties():
    ranks = competition_ranks({"ana": 4.2, "ben": 3.0, "cy": 4.2, "dee": None, "eve": 2.5})
    assert ranks == {"ana": 1, "cy": 1, "ben": 3, "eve": 4, "dee": None}


def test_it_treats_scores_equal_at_two_decimals_as_tied():
    assert competition_ranks({"a": 3.3333, "b": 3.3329}) == {"a": 1, "b": 1}
