"""The learned second stage of the screener (assessments/screening/model.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from assessments.screening import RuleSpec, Screener, evaluate, load_rules, training
from assessments.screening import model as sm
from assessments.screening.answer import Answer, sentence_spans

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
RULES_YAML = REPO / "assessments" / "data" / "warning_rules.yaml"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def specs() -> list[RuleSpec]:
    return load_rules(yaml.safe_load(RULES_YAML.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def trainer():
    return training


def appreciation_rule() -> RuleSpec:
    return RuleSpec(
        code="appreciation",
        label="Motivated by being appreciated",
        why="why",
        patterns=("zzqx never matches",),
        source="a source",
    )


def tiny_model() -> sm.ScreeningModel:
    # "be appreciated" (a bigram: never negation-marked) strongly means "appreciation"
    return sm.ScreeningModel(
        classes=(sm.NONE, "appreciation"),
        bias=(2.0, 0.0),
        weights={"b:be appreci": ((1, 8.0),), "u:appreci": ((1, 1.0),)},
        threshold=0.9,
    )


def test_the_shipped_model_loads_once_and_deterministically():
    assert sm.DEFAULT_PATH.exists()
    assert sm.default_model() is sm.default_model()
    a, b = sm.load(), sm.load()
    assert a.to_json() == b.to_json()
    assert sm.DEFAULT_PATH.stat().st_size < 1_000_000
    assert a.classes[0] == sm.NONE and 0.0 < a.threshold < 1.0


def test_model_none_disables_it(specs):
    assert Screener(specs).model is sm.default_model()
    assert Screener(specs, model=None).model is None


def test_training_is_deterministic(specs, trainer):
    records = read_jsonl(HERE / "holdout_c_blind.jsonl")
    one = trainer.fit(specs, records, epochs=3).to_json()
    two = trainer.fit(specs, records, epochs=3).to_json()
    assert json.dumps(one, sort_keys=True) == json.dumps(two, sort_keys=True)


def test_a_model_flag_cites_the_answers_own_words_as_short_evidence():
    s = Screener([appreciation_rule()], model=tiny_model())
    text = "I work hard. Honestly, I just love to be \u201cappreciated\u201d by people!"
    flags = s.screen(text)
    assert [f.rule for f in flags] == ["appreciation"]
    f = flags[0]
    assert f.label == "Motivated by being appreciated" and f.source == "a source"
    assert f.evidence == text[f.start : f.end]
    # the shortest span carrying the strongest features, quoted as written (no stems)
    assert f.evidence == "be \u201cappreciated"
    assert f.pattern == "model: be \u201cappreciated, appreciated"
    assert f.stage == "learned"


def test_the_model_never_flags_a_negated_or_distanced_clause():
    s = Screener([appreciation_rule()], model=tiny_model())
    assert s.screen("I like to be appreciated.")
    assert s.screen("I don't do this job to be appreciated.") == []
    assert s.screen("I never need to be appreciated by anyone.") == []
    assert s.screen("My old manager used to say we all need to be appreciated.") == []


def test_the_model_is_skipped_for_codes_the_bank_lacks():
    other = RuleSpec(code="other", label="l", why="w", patterns=("zzqx",), source="s")
    assert Screener([other], model=tiny_model()).screen("I like to be appreciated.") == []


def test_a_pattern_flag_wins_over_a_model_flag():
    spec = RuleSpec(code="appreciation", label="l", why="w", patterns=("appreciated",), source="s")
    flags = Screener([spec], model=tiny_model()).screen("I like to be appreciated.")
    assert len(flags) == 1 and flags[0].pattern == "appreciated"


def test_shipped_model_flags_have_valid_evidence_and_labels(specs):
    screener = Screener(specs)
    assert screener.model is not None
    seen = 0
    for name in ("holdout_a.jsonl", "holdout_b.jsonl", "holdout_c_blind.jsonl"):
        for rec in read_jsonl(HERE / name):
            text = rec["answer"]
            for f in screener.screen(text, patterns=False):  # model-only
                seen += 1
                assert f.evidence == text[f.start : f.end] and f.evidence.strip()
                rule = screener.rule(f.rule)
                assert rule is not None and f.label == rule.label and f.why == rule.why
                assert f.pattern.startswith("model: ")
    assert seen >= 50


def test_cross_author_train_a_and_b_test_c(specs, trainer):
    """Trained in-test on writers A (every 2nd answer) and B, tested on writer C."""
    rules_only = Screener(specs, model=None)
    records = trainer.writer_records("A")[::2] + trainer.writer_records("B")
    model = trainer.fit(specs, records, threshold=0.55, epochs=10)
    combined = Screener(specs, model=model)
    test = read_jsonl(HERE / "holdout_b.jsonl")
    before, after = evaluate(rules_only, test), evaluate(combined, test)
    assert after.recall > before.recall
    assert after.precision >= 0.92, after.format_report()

    class ModelOnly:
        def screen(self, text):
            return combined.screen(text, patterns=False)

    # the honest figure: the rules were tuned on holdout_b, the model never saw it
    alone = evaluate(ModelOnly(), test)
    assert alone.precision >= 0.9 and alone.recall >= 0.5, (alone.precision, alone.recall)


def test_it_never_lets_the_model_flag_a_rules_own_counter_example():
    """HR cannot edit the model, so a counter-example it would flag raises that rule's bar."""
    from assessments.screening import RuleSpec, Screener

    probe = "The thanks from customers is what keeps me going every day."
    plain = RuleSpec(code="appreciation", label="Appreciation", why="w", patterns=("zzqx",))
    unbounded = Screener([plain])
    if unbounded.model is None or not unbounded.screen(probe):
        pytest.skip("the shipped model does not flag the probe sentence")
    bounded = Screener(
        [
            RuleSpec(
                code="appreciation",
                label="Appreciation",
                why="w",
                patterns=("zzqx",),
                counter_examples=(probe,),
            )
        ]
    )
    assert bounded.screen(probe) == []


def test_scoring_reads_the_same_features_in_the_same_order_as_quoting():
    text = "I don't trust them. Honestly the thanks keeps me going, but I'd never say it."
    ans = Answer(text, sm._PLAIN)
    for lo, hi in sentence_spans(ans):
        assert sm.feature_names(ans, lo, hi) == [f for f, _s, _e in sm.token_features(ans, lo, hi)]
