"""The warning-answer screener, specified by example. Pure Python: no Django here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from assessments.screening import (
    Flag,
    PatternError,
    RuleSpec,
    Screener,
    evaluate,
    load_rules,
    pattern_problem,
    self_test,
)

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
RULES_YAML = REPO / "assessments" / "data" / "warning_rules.yaml"
LABELLED = HERE / "labelled_answers.jsonl"
DEV = HERE / "dev_answers.jsonl"  # a copy of the shared dev sample, kept in the repo

REQUIRED_CODES = {
    "appreciation",
    "elsewhere",
    "sarcasm",
    "control",
    "calm_down",
    "not_my_job",
    "blame",
    "civility",
    "fire_customer",
    "sorry_guilt",
    "servitude",
    "change_customer",
    "vengeance",
    "defensive",
    "mistrust",
    "arrogance",
    "dismissive",
    "personal",
}
DIMENSION_LIMITS = {"natural_traits": 15, "cx_beliefs": 11, "basic_beliefs": 4}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def raw_rules() -> list[dict]:
    return yaml.safe_load(RULES_YAML.read_text(encoding="utf-8"))["warning_rules"]


@pytest.fixture(scope="module")
def screener(raw_rules) -> Screener:
    return Screener(load_rules({"warning_rules": raw_rules}))


def rule(code: str = "r", *patterns: str, **extra) -> RuleSpec:
    return RuleSpec(
        code=code,
        label=extra.pop("label", f"label {code}"),
        why=extra.pop("why", f"why {code}"),
        patterns=patterns,
        source=extra.pop("source", "A post title"),
        **extra,
    )


def codes(screener: Screener, text: str) -> set[str]:
    return {f.rule for f in screener.screen(text)}


# ------------------------------------------------------------------ robustness


def test_it_matches_inflections_of_a_plain_word():
    s = Screener([rule("a", "appreciate")])
    for text in (
        "I like being appreciated.",
        "Appreciation matters to me.",
        "I enjoy customers appreciating me.",
        "She appreciates it.",
    ):
        assert codes(s, text) == {"a"}, text
    assert codes(s, "I love apples.") == set()


def test_it_matches_inflections_with_the_default_rules(screener):
    assert "appreciation" in codes(screener, "I like being appreciated.")
    assert "appreciation" in codes(screener, "I love the appreciation I get from customers.")
    assert "appreciation" in codes(screener, "I like it when customers are appreciating me.")
    assert "fire_customer" in codes(screener, "I believe in firing difficult customers.")
    assert "sorry_guilt" in codes(screener, "I never apologised to a customer in my last job.")


def test_it_tolerates_word_order_and_filler_words():
    s = Screener([rule("a", "like ~5 appreciated")])
    assert codes(s, "I like, you know, really being appreciated.") == {"a"}
    assert codes(s, "I like being, um, appreciated") == {"a"}
    # order still matters, and a gap never crosses a sentence
    assert codes(s, "Being appreciated is something I like.") == set()
    assert codes(s, "I like people. Being appreciated is different.") == set()


def test_it_tolerates_filler_words_with_the_default_rules(screener):
    assert "control" in codes(screener, "Customers, honestly, have to follow my process.")
    assert "calm_down" in codes(screener, "I'd tell them, well, to just calm right down.")


def test_it_expands_contractions_and_reads_curly_quotes(screener):
    assert "control" in codes(screener, "I don\u2019t make exceptions.")
    assert "control" in codes(screener, "I do not make exceptions.")
    assert "not_my_job" in codes(screener, "That\u2019s not my job.")
    assert "not_my_job" in codes(screener, "That isn't my job.")
    assert "elsewhere" in codes(screener, "I\u2019d rather be fishing.")
    s = Screener([rule("c", "can't wait")])
    assert codes(s, "I cannot wait for the weekend") == {"c"}


def test_it_ignores_case(screener):
    assert "not_my_job" in codes(screener, "THAT'S NOT MY JOB.")
    assert "calm_down" in codes(screener, "i told her to CALM DOWN")


def test_it_forgives_light_typos_in_long_words(screener):
    assert "appreciation" in codes(screener, "I like being apreciated.")
    assert "sarcasm" in codes(screener, "I can be very sracastic with customers.")
    assert "servitude" in codes(screener, "I feel like the customers' servnat.")
    # but short words and real words are not "corrected" into a pattern word
    assert "servitude" not in codes(screener, "Even with demanding customers I stay warm.")
    s = Screener([rule("f", "fire")])
    assert codes(s, "I love fine dining") == set()
    assert codes(Screener([rule("r", "resent*")]), "They kept resetting his router.") == set()
    # another form of the prefix's own root is no slip: "moaned" is not "moaner*" misspelt
    moaner = Screener([rule("m", "moaner*")])
    assert codes(moaner, "She called them moanres.") == {"m"}
    assert codes(moaner, "The customer moaned to me about the wait.") == set()


def test_a_word_is_not_stemmed_into_a_pronoun(screener):
    s = Screener([rule("h", "(her|them) ~2 fault")])
    assert codes(s, "It was her own fault.") == {"h"}
    assert codes(s, "Here the fault was ours.") == set()  # not "her"
    assert codes(s, "The theme of the fault log was clear.") == set()  # not "them"


def test_it_catches_the_paraphrases_listed_in_a_rule(screener):
    assert "elsewhere" in codes(screener, "Honestly I'd rather be anywhere else than at work.")
    assert "appreciation" in codes(screener, "The gratitude from customers is what keeps me going.")
    assert "calm_down" in codes(screener, "I'd ask them to lower their voice first.")
    assert "mistrust" in codes(screener, "Customers are mostly trying to get something for free.")
    assert "fire_customer" in codes(screener, "I'd tell them to take their business elsewhere.")


# ------------------------------------------------------------------ stance


def test_it_does_not_flag_a_negated_phrase(screener):
    assert "appreciation" in codes(screener, "I do this to be appreciated.")
    assert "appreciation" not in codes(screener, "I don't do this to be appreciated.")
    assert "appreciation" not in codes(screener, "I don't need to be appreciated; I like helping.")
    assert "calm_down" in codes(screener, "I would tell a customer to calm down.")
    assert "calm_down" not in codes(screener, "I would never tell a customer to calm down.")
    assert "sarcasm" not in codes(screener, "I no longer use sarcasm with anyone.")


def test_it_does_not_flag_someone_elses_words_that_the_candidate_rejects(screener):
    assert "fire_customer" in codes(screener, "Fire the customer, that's what I say.")
    assert (
        codes(screener, "My old manager used to say 'fire the customer' and I disagreed.") == set()
    )
    assert codes(screener, "My old manager used to say \u201cfire the customer\u201d.") == set()
    assert codes(screener, "Some people think sorry means guilty.") == set()
    assert codes(screener, "I once saw a colleague tell a customer to calm down.") == set()


def test_it_does_not_flag_a_disowned_motivation(screener):
    assert "appreciation" in codes(screener, "Thank-you notes are why I do it.")
    text = "Thank-you notes are nice, but they're not why I do it."
    assert "appreciation" not in codes(screener, text)
    text = "Customers thank me sometimes, but that's not why I do the work."
    assert codes(screener, text) == set()


def test_it_keeps_the_candidates_own_reaction_after_reported_speech(screener):
    assert "personal" in codes(screener, "If someone says I did a bad job, I feel hurt for days.")


def test_negation_in_an_earlier_clause_does_not_cancel_a_later_one(screener):
    assert "calm_down" in codes(screener, "I don't shout, I just tell them to calm down.")
    assert "calm_down" in codes(screener, "I never argue but I do tell them to calm down.")


def test_a_pattern_can_carry_its_own_negation(screener):
    assert "not_my_job" in codes(screener, "That's not my job, so I'd send them elsewhere.")
    assert "not_my_job" not in codes(screener, "I'd never say 'that's not my job'.")
    assert "sorry_guilt" in codes(screener, "I don't apologise because it admits guilt.")


# ------------------------------------------------------------------ flags


def test_it_reports_evidence_offsets_into_the_original_text(screener):
    text = "   I\u2019d tell them \u201cthat\u2019s not my job\u201d, honestly."
    flags = screener.screen(text)
    assert [f.rule for f in flags] == ["not_my_job"]
    flag = flags[0]
    assert text[flag.start : flag.end] == flag.evidence
    assert flag.evidence == "not my job"
    text = "\n\tCalm down, I\u2019d say."
    flag = screener.screen(text)[0]
    assert (flag.start, flag.evidence) == (2, "Calm down")
    assert text[flag.start : flag.end] == flag.evidence


def test_evidence_is_exact_for_every_labelled_answer(screener):
    for rec in read_jsonl(LABELLED):
        for flag in screener.screen(rec["answer"]):
            assert rec["answer"][flag.start : flag.end] == flag.evidence


def test_a_flag_explains_itself(screener):
    flag = screener.screen("I love customer service because I like being appreciated.")[0]
    assert isinstance(flag, Flag)
    data = flag.as_dict()
    assert set(data) == {
        "rule",
        "label",
        "evidence",
        "start",
        "end",
        "pattern",
        "why",
        "source",
        "severity",
    }
    assert data["rule"] == "appreciation"
    assert data["evidence"] == "like being appreciated"
    assert data["pattern"] in screener.rule("appreciation").patterns
    assert data["source"] == "Great Customer Service Staff: Recruit These 15 Natural Traits"
    assert data["why"] and data["label"] and data["severity"] in {"low", "medium", "high"}


def test_it_gives_at_most_one_flag_per_rule_the_earliest_sorted_by_start(screener):
    text = (
        "I tell people to relax. Then I tell them to calm down. "
        "That's not my job anyway. Calm down, I say again."
    )
    flags = screener.screen(text)
    rules = [f.rule for f in flags]
    assert len(rules) == len(set(rules))
    assert rules.count("calm_down") == 1
    assert flags == sorted(flags, key=lambda f: f.start)
    calm = next(f for f in flags if f.rule == "calm_down")
    assert calm.start == text.index("tell people")


def test_it_is_deterministic(raw_rules):
    text = "If they're rude I'll make them wait longer, and it's not my job anyway."
    a = Screener(load_rules({"warning_rules": raw_rules}))
    b = Screener(load_rules({"warning_rules": raw_rules}))
    assert a.screen(text) == a.screen(text) == b.screen(text)
    assert len(a.screen(text)) == 2


def test_it_returns_nothing_for_empty_answers(screener):
    assert screener.screen("") == []
    assert screener.screen("   \n") == []
    assert screener.screen("...!?") == []


# ------------------------------------------------------------------ patterns and self-test


def test_a_bad_pattern_raises_pattern_error_naming_rule_and_pattern():
    with pytest.raises(PatternError) as err:
        Screener([rule("good", "calm down"), rule("broken", "(calm|relax down")])
    assert "broken" in str(err.value)
    assert "(calm|relax down" in str(err.value)
    assert err.value.code == "broken"


@pytest.mark.parametrize(
    "pattern",
    ["", "   ", "(a|b", "a ~ ~ b", "ab*", "a ~40 b", "calm ]", "a | b", "~", "!", "hello@world"],
)
def test_pattern_problem_explains_invalid_patterns(pattern):
    assert pattern_problem(pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        "calm down",
        "like ~ being appreciat*",
        "(thank*|prais*) ~5 keep* me going",
        "not my job !to",
        "[really] =fire (them|the customer)",
        "don't make exceptions",
    ],
)
def test_pattern_problem_accepts_valid_patterns(pattern):
    assert pattern_problem(pattern) is None


def test_self_test_reports_a_missed_example_and_a_flagged_counter_example():
    spec = rule(
        "calm",
        "calm down",
        examples=("Please calm down.", "I'd ask them to relax."),
        counter_examples=("I stay calm.", "Calm down is what I say."),
    )
    s = Screener([spec])
    problems = self_test(s, "calm")
    assert len(problems) == 2
    assert any("I'd ask them to relax." in p and "example" in p for p in problems)
    assert any("Calm down is what I say." in p and "counter-example" in p for p in problems)
    assert self_test(s, "nope") == ["there is no rule 'nope'"]


def test_self_test_is_empty_for_a_healthy_rule():
    spec = rule("calm", "calm down", examples=("Calm down!",), counter_examples=("I stay calm.",))
    assert self_test(Screener([spec]), "calm") == []


# ------------------------------------------------------------------ the default rules


def test_the_default_rules_are_complete_and_well_formed(raw_rules):
    assert len(raw_rules) >= 20
    found = {r["code"] for r in raw_rules}
    assert found >= REQUIRED_CODES
    for r in raw_rules:
        assert r["label"] and r["why"] and r["source"], r["code"]
        assert r["severity"] in {"low", "medium", "high"}, r["code"]
        assert len(r["examples"]) >= 3, r["code"]
        assert len(r["counter_examples"]) >= 2, r["code"]
        assert r["patterns"], r["code"]
        for p in r["patterns"]:
            assert pattern_problem(p) is None, (r["code"], p)
        m = re.fullmatch(r"(natural_traits|cx_beliefs|basic_beliefs):(\d+)", r["dimension"])
        assert m, r["code"]
        assert 1 <= int(m.group(2)) <= DIMENSION_LIMITS[m.group(1)], r["code"]


def test_every_default_rule_passes_its_self_test(screener):
    problems = [p for r in screener.rules for p in self_test(screener, r.code)]
    assert problems == []


def test_every_default_rule_passes_its_self_test_with_rules_only(raw_rules):
    # HR can switch the learned stage off; a version must still publish then.
    rules_only = Screener(load_rules({"warning_rules": raw_rules}), learned=False)
    problems = [p for r in rules_only.rules for p in self_test(rules_only, r.code)]
    assert problems == []


def test_the_default_rules_compile_into_a_reusable_screener(raw_rules):
    # Speed is measured in bench/screening_bench.py, not asserted here.
    specs = load_rules({"warning_rules": raw_rules})
    screener = Screener(specs)
    assert screener.rules == tuple(specs)
    assert screener.screen("That's not my job.") == screener.screen("That's not my job.")


# ------------------------------------------------------------------ evaluation


def test_the_labelled_set_is_big_and_balanced(raw_rules):
    records = read_jsonl(LABELLED)
    assert len(records) >= 240
    assert len({r["id"] for r in records}) == len(records)
    negatives = [r for r in records if not r["warning"]]
    assert len(negatives) >= 100
    assert all(r["category"] is None for r in negatives)
    for r in raw_rules:
        n = sum(1 for rec in records if rec["warning"] and rec["category"] == r["code"])
        assert n >= 8, r["code"]
    examples = {e for r in raw_rules for e in (*r["examples"], *r["counter_examples"])}
    assert not examples & {r["answer"] for r in records}, "labelled answers must be held out"


def test_it_meets_the_targets_on_the_labelled_set(screener):
    result = evaluate(screener, read_jsonl(LABELLED))
    report = result.format_report()
    assert result.precision >= 0.92, report
    assert result.recall >= 0.88, report


@pytest.mark.skipif(not DEV.exists(), reason=f"dev sample not found at {DEV}")
def test_it_meets_the_targets_on_the_dev_sample(screener):
    result = evaluate(screener, read_jsonl(DEV))
    report = result.format_report()
    assert result.precision >= 0.92, report
    assert result.recall >= 0.88, report


def test_evaluate_counts_and_reports():
    s = Screener([rule("calm_down", "calm down")], model=None)  # count the patterns alone
    records = [
        {"id": "a", "answer": "Calm down!", "warning": True, "category": "calm_down"},
        {"id": "b", "answer": "I'd say relax.", "warning": True, "category": "calm_down"},
        {"id": "c", "answer": "Calm down is fine by me", "warning": False},
        {"id": "d", "answer": "I listen.", "warning": False, "category": None},
    ]
    result = evaluate(s, records)
    assert (result.true_positives, result.false_negatives) == (1, 1)
    assert (result.false_positives, result.true_negatives) == (1, 1)
    assert result.precision == 0.5 and result.recall == 0.5 and result.f1 == 0.5
    assert result.per_category["calm_down"]["recall"] == 0.5
    assert [m["id"] for m in result.misses] == ["b"]
    assert result.false_flags[0]["id"] == "c" and result.false_flags[0]["rules"] == ["calm_down"]
    report = result.format_report()
    assert "precision 0.500" in report and "calm_down" in report and "[b]" in report


HOLDOUTS = [Path(__file__).with_name(n) for n in ("holdout_a.jsonl", "holdout_b.jsonl")]


@pytest.mark.skipif(not all(p.exists() for p in HOLDOUTS), reason="holdout sets not found")
def test_it_meets_the_targets_on_the_holdout_sets(screener):
    # Written blind by two other authors; since used for tuning (see the module docstring
    # for the blind figures measured before that).
    records = [r for p in HOLDOUTS for r in read_jsonl(p)]
    result = evaluate(screener, records)
    report = result.format_report()
    assert result.precision >= 0.92, report
    assert result.recall >= 0.88, report


def test_stance_edge_cases(screener):
    assert "sorry_guilt" not in codes(screener, "I'm not afraid to say sorry to a customer.")
    assert "sarcasm" not in codes(screener, "When a customer is sarcastic with me, I stay kind.")
    assert "arrogance" in codes(screener, "Customers shouldn't argue with me, I'm the expert.")
    text = "When customers say I bet you'd rather be at home, I tell them I'm glad to be here."
    assert codes(screener, text) == set()
    assert "personal" not in codes(screener, "I used to get upset when customers complained.")


def test_a_screener_with_a_memo_gives_the_same_flags_and_a_fresh_list_each_time(raw_rules):
    rules = load_rules({"warning_rules": raw_rules})
    answers = [
        "Honestly I like being appreciated, that is why I do this job.",
        "I listened, said sorry for the trouble and rang her back when I said I would.",
        "Some customers just need to calm down and stop wasting my time.",
    ]
    plain = Screener(rules)
    assert any(plain.screen(text) for text in answers)  # flags to remember
    remembering = Screener(rules, memo=2)
    for _ in range(2):  # the second round is answered from the memo (and evicts as it goes)
        for text in answers:
            first = remembering.screen(text)
            assert first == plain.screen(text)
            first.clear()  # a caller's list is its own
            assert remembering.screen(text) == plain.screen(text)
    # A call leaving a stage out is never answered from the memo of both stages.
    text = answers[0]
    assert remembering.screen(text, learned=False) == plain.screen(text, learned=False)
