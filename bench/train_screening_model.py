"""Train the screener's learned second stage and measure it across authors.

    python bench/train_screening_model.py            # table + assessments/data/screening_model.json
    python bench/train_screening_model.py --no-write # table only

Labelled answers come from five writers: A (tests/screening/labelled_answers.jsonl), B
(holdout_a.jsonl + holdout_c_blind.jsonl), C (holdout_b.jsonl), D (holdout_d.jsonl) and E
(holdout_e.jsonl); every rule's examples (positives) and counter-examples (negatives) are
training data in every split.

Cross-author evaluation: train on four writers, test on the fifth. The rule patterns were
tuned on A, B and C, so "rules" figures on those files are optimistic; D and E were written
blind and never tuned on, so their "rules+model" rows are the honest estimate for unseen
writers, as is "model" (the learned stage alone) everywhere. The threshold of each split is chosen
on the OTHER splits' held-out predictions (nested), as the smallest probability keeping the
model's own precision >= TARGET_PRECISION; the shipped model is trained on everything and
uses the threshold chosen on all held-out predictions. Deterministic: same data, same file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assessments import screening_model as sm  # noqa: E402
from assessments.screening import Screener, _Answer, load_rules  # noqa: E402

RULES_YAML = ROOT / "assessments" / "data" / "warning_rules.yaml"
TESTS = ROOT / "tests" / "screening"
DEV = ROOT.parent / "shared" / "screening" / "dev_answers.jsonl"
AUTHORS = {
    "A": ("labelled_answers.jsonl",),
    "B": ("holdout_a.jsonl", "holdout_c_blind.jsonl"),
    "C": ("holdout_b.jsonl",),
    "D": ("holdout_d.jsonl",),
    "E": ("holdout_e.jsonl",),
}
# The model's own precision on each held-out writer. 0.93 rather than 0.95: with five
# writers, 0.95 cost about 4 points of blind recall for 1 point of precision.
TARGET_PRECISION = 0.93
GRID = [round(0.3 + 0.01 * i, 2) for i in range(70)]  # 0.30 .. 0.99
FALLBACK = 0.99


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def author_records(author: str, tests: Path = TESTS) -> list[dict]:
    return [r for name in AUTHORS[author] for r in read_jsonl(tests / name)]


def rule_examples(specs) -> list[dict]:
    out = []
    for r in specs:
        out += [{"answer": t, "warning": True, "category": r.code} for t in r.examples]
        out += [{"answer": t, "warning": False, "category": None} for t in r.counter_examples]
    return out


def training_examples(screener: Screener, records: list[dict]) -> list[tuple[list[str], str]]:
    """(features, class) per answer; each sentence of a multi-sentence negative as well."""
    out = []
    for rec in records:
        ans = _Answer(rec["answer"], screener._vocab)
        if not ans.n:
            continue
        label = rec["category"] if rec["warning"] else sm.NONE
        out.append((sm.answer_features(ans), label))
        spans = sm.sentence_spans(ans)
        if label == sm.NONE and len(spans) > 1:
            for lo, hi in spans:
                out.append((sorted({f for f, _s, _e in sm.token_features(ans, lo, hi)}), sm.NONE))
    return out


def classes_of(specs) -> list[str]:
    return [sm.NONE, *sorted(r.code for r in specs)]


def fit(screener: Screener, specs, records: list[dict], threshold: float = 0.9, **kw):
    examples = training_examples(screener, records + rule_examples(specs))
    return sm.train(examples, classes_of(specs), threshold=threshold, **kw)


def model_score(screener: Screener, model, text: str) -> float:
    """Highest probability of a model flag the screener would accept (0.0 when none)."""
    saved = (screener.model, model.threshold)
    screener.model, model.threshold = model, 0.2
    try:
        ans = _Answer(text, screener._vocab)
        if not ans.n:
            return 0.0
        cache: list = []

        def ctx():
            if not cache:
                before = [
                    (q.rule_index, s, e)
                    for q, s, e, _l in screener._matches(
                        screener._before, screener._marker_index[0], ans
                    )
                ]
                after = [
                    (q.rule_index, s, e)
                    for q, s, e, _l in screener._matches(
                        screener._after, screener._marker_index[1], ans
                    )
                ]
                cache.append((before, after))
            return cache[0]

        best = 0.0
        for lo, hi in sm.sentence_spans(ans):
            feats = sm.token_features(ans, lo, hi)
            probs = model.probabilities(f for f, _s, _e in feats)
            for k, p in enumerate(probs):
                if p <= best or p < 0.2 or model.classes[k] not in screener._code_index:
                    continue
                top = model.contributions((f for f, _s, _e in feats), k)
                if top and screener._model_stance_ok(ans, feats, top[0][1], ctx):
                    best = p
        return best
    finally:
        screener.model, model.threshold = saved


def pr(flags: list[bool], truth: list[bool]) -> tuple[float, float, int, int]:
    tp = sum(1 for f, t in zip(flags, truth, strict=True) if f and t)
    fp = sum(1 for f, t in zip(flags, truth, strict=True) if f and not t)
    pos = sum(truth)
    return (tp / (tp + fp) if tp + fp else 1.0, tp / pos if pos else 1.0, tp, fp)


def choose_threshold(groups: list[list[tuple[float, bool]]]) -> float:
    """Smallest grid threshold whose model-only precision is >= TARGET_PRECISION on EVERY
    group (one group per held-out author)."""
    for t in GRID:
        ok = True
        for scored in groups:
            p, _r, _tp, _fp = pr([s >= t for s, _w in scored], [w for _s, w in scored])
            if p < TARGET_PRECISION:
                ok = False
                break
        if ok:
            return t
    return FALLBACK


def cross_author(specs, tests: Path = TESTS, **kw) -> dict:
    """Leave-one-author-out: per split the test records' rule flags and model scores."""
    screener = Screener(specs, model=None)
    out = {}
    for held in AUTHORS:
        train_recs = [r for a in AUTHORS if a != held for r in author_records(a, tests)]
        model = fit(screener, specs, train_recs, **kw)
        rows = []
        for name in AUTHORS[held]:
            for rec in read_jsonl(tests / name):
                rows.append(
                    {
                        "file": name,
                        "warning": bool(rec["warning"]),
                        "rules": bool(screener.screen(rec["answer"])),
                        "score": model_score(screener, model, rec["answer"]),
                    }
                )
        out[held] = rows
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="do not write the model file")
    args = parser.parse_args()
    t0 = time.perf_counter()
    specs = load_rules(yaml.safe_load(RULES_YAML.read_text(encoding="utf-8")))
    results = cross_author(specs)

    table = []
    print(
        f"{'split':<16}{'file':<24}{'thr':>5}  {'rules P/R':>13}  {'model P/R':>13}  "
        f"{'rules+model P/R':>16}"
    )
    for held, rows in results.items():
        others = [
            [(r["score"], r["warning"]) for r in rs] for h, rs in results.items() if h != held
        ]
        t = choose_threshold(others)
        train_names = "+".join(a for a in AUTHORS if a != held)
        for name in [*AUTHORS[held], "all"]:
            sub = [r for r in rows if name == "all" or r["file"] == name]
            if name == "all" and len(AUTHORS[held]) == 1:
                continue
            truth = [r["warning"] for r in sub]
            rp, rr, *_ = pr([r["rules"] for r in sub], truth)
            mp, mr, *_ = pr([r["score"] >= t for r in sub], truth)
            cp, cr, *_ = pr([r["rules"] or r["score"] >= t for r in sub], truth)
            row = {
                "train": train_names, "test": held, "file": name, "threshold": t,
                "rules": [round(rp, 3), round(rr, 3)],
                "model": [round(mp, 3), round(mr, 3)],
                "combined": [round(cp, 3), round(cr, 3)],
            }  # fmt: skip
            table.append(row)
            print(
                f"{train_names + '->' + held:<16}{name:<24}{t:>5.2f}  "
                f"{rp:>6.3f}/{rr:<6.3f}  {mp:>6.3f}/{mr:<6.3f}  {cp:>7.3f}/{cr:<7.3f}"
            )

    pooled = [(r["score"], r["warning"]) for rows in results.values() for r in rows]
    threshold = choose_threshold(
        [[(r["score"], r["warning"]) for r in rows] for rows in results.values()]
    )
    truth = [w for _s, w in pooled]
    mp, mr, *_ = pr([s >= threshold for s, _w in pooled], truth)
    print(f"\nshipped threshold {threshold:.2f} (pooled held-out model-only P/R {mp:.3f}/{mr:.3f})")

    screener = Screener(specs, model=None)
    everything = [r for a in AUTHORS for r in author_records(a)]
    model = fit(screener, specs, everything, threshold=threshold)
    model.meta = {"cross_author": table, "target_precision": TARGET_PRECISION}
    print(f"features {len(model.weights)}  ({time.perf_counter() - t0:.1f} s)")
    if not args.no_write:
        sm.DEFAULT_PATH.parent.mkdir(parents=True, exist_ok=True)
        model.dump(sm.DEFAULT_PATH)
        print(
            f"wrote {sm.DEFAULT_PATH.relative_to(ROOT)} "
            f"({sm.DEFAULT_PATH.stat().st_size / 1024:.0f} KB)"
        )


if __name__ == "__main__":
    main()
