"""Train the learned stage and measure it writer by writer, through the public facade only.

    python -m assessments.screening.training            # table + data/screening_model.json
    python -m assessments.screening.training --no-write # table only
    python -m assessments.screening.training --scores F # also each held-out answer's score

Leave-one-writer-out: train on every writer but one, choose the threshold on the OTHER
splits' held-out predictions (nested), test on the one left out. Every rule's examples and
counter-examples are training data in every split. Deterministic: same data, same file.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path
from typing import Any

import yaml

from assessments.screening import (
    NONE,
    RuleSpec,
    Screener,
    ScreeningModel,
    load_rules,
    text_features,
    train_model,
)

ROOT = Path(__file__).resolve().parents[2]
RULES_YAML = ROOT / "assessments" / "data" / "warning_rules.yaml"
MODEL_JSON = ROOT / "assessments" / "data" / "screening_model.json"
TESTS = ROOT / "tests" / "screening"
WRITERS: dict[str, tuple[str, ...]] = {
    "A": ("labelled_answers.jsonl",),
    "B": ("holdout_a.jsonl", "holdout_c_blind.jsonl"),
    "C": ("holdout_b.jsonl",),
    "D": ("holdout_d.jsonl",),
    "E": ("holdout_e.jsonl",),
    "t1": ("styled_t1.jsonl",),
    "t2": ("styled_t2.jsonl",),
    "t3": ("styled_t3.jsonl",),
    "t4": ("styled_t4.jsonl",),
    "t5": ("styled_t5.jsonl",),
    "t6": ("styled_t6.jsonl",),
    "t7": ("styled_t7.jsonl",),
    "t8": ("styled_t8.jsonl",),
    "t9": ("styled_t9.jsonl",),
    "t10": ("styled_t10.jsonl",),
    "t11": ("styled_t11.jsonl",),
    "t12": ("styled_t12.jsonl",),
    "t13": ("styled_t13.jsonl",),
    "t14": ("styled_t14.jsonl",),
    "t15": ("styled_t15.jsonl",),
    "t16": ("styled_t16.jsonl",),
    "t17": ("styled_t17.jsonl",),
    "t18": ("styled_t18.jsonl",),
    "t19": ("styled_t19.jsonl",),
    "t20": ("styled_t20.jsonl",),
    "t21": ("styled_t21.jsonl",),
    "t23": ("styled_t23.jsonl",),
    "t24": ("styled_t24.jsonl",),
    "t25": ("styled_t25.jsonl",),
    "t26": ("styled_t26.jsonl",),
    "t27": ("styled_t27.jsonl",),
    "t28": ("styled_t28.jsonl",),
    "t29": ("styled_t29.jsonl",),
    "t30": ("styled_t30.jsonl",),
    "t31": ("styled_t31.jsonl",),
    "t32": ("styled_t32.jsonl",),
    "t33": ("styled_t33.jsonl",),
    "t34": ("styled_t34.jsonl",),
    "t35": ("styled_t35.jsonl",),
    "t36": ("styled_t36.jsonl",),
    "t37": ("styled_t37.jsonl",),
    "t38": ("styled_t38.jsonl",),
    "t39": ("styled_t39.jsonl",),
    "t40": ("styled_t40.jsonl",),
    "t41": ("styled_t41.jsonl",),
    "t42": ("styled_t42.jsonl",),
    "t43": ("styled_t43.jsonl",),
    "t44": ("styled_t44.jsonl",),
    "t45": ("styled_t45.jsonl",),
    "t46": ("styled_t46.jsonl",),
    "t47": ("styled_t47.jsonl",),
    # t48-t53 came after the shipped model was trained (stop 26): the next training adds them
    "t48": ("styled_t48.jsonl",),
    "t49": ("styled_t49.jsonl",),
    "t50": ("styled_t50.jsonl",),
    "t51": ("styled_t51.jsonl",),
    "t52": ("styled_t52.jsonl",),
    "t53": ("styled_t53.jsonl",),
    # t54-t59 came during stop 27, after its training run had started (first sight in the
    # held-out README, "Tenth scoring"): the next training adds them
    "t54": ("styled_t54.jsonl",),
    "t55": ("styled_t55.jsonl",),
    "t56": ("styled_t56.jsonl",),
    "t57": ("styled_t57.jsonl",),
    "t58": ("styled_t58.jsonl",),
    "t59": ("styled_t59.jsonl",),
    # good answers written to match the bank's level-4 and level-5 anchors (no warnings)
    "a1": ("anchor_answers_a1.jsonl",),
    "a2": ("anchor_answers_a2.jsonl",),
}
TARGET_PRECISION = 0.93
# Writer groups with no warning at all (a1, a2): the model may add at most this many flags
# there, over all such groups together. Asking them for a precision instead (as for the
# warning groups) made one false positive anywhere force the top of the grid (0.99), and the
# learned stage all but fell silent.
ANCHOR_GROUPS = frozenset({"a1", "a2"})
ANCHOR_FLAGS = 2
GRID = [round(0.3 + 0.01 * i, 2) for i in range(70)]  # 0.30 .. 0.99
FALLBACK = 0.99

Record = Mapping[str, Any]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def writer_records(writer: str, tests: Path = TESTS) -> list[dict[str, Any]]:
    return [
        r for name in WRITERS[writer] if (tests / name).exists() for r in read_jsonl(tests / name)
    ]


def rule_examples(specs: Sequence[RuleSpec]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for r in specs:
        out += [{"answer": t, "warning": True, "category": r.code} for t in r.examples]
        out += [{"answer": t, "warning": False, "category": None} for t in r.counter_examples]
    return out


def training_examples(records: Sequence[Record]) -> list[tuple[list[str], str]]:
    """(features, class) per answer; each sentence of a multi-sentence negative as well."""
    out: list[tuple[list[str], str]] = []
    for rec in records:
        whole, sentences = text_features(str(rec["answer"]))
        if not whole:
            continue
        label = str(rec["category"]) if rec["warning"] else NONE
        out.append((whole, label))
        if label == NONE and len(sentences) > 1:
            out += [(feats, NONE) for feats in sentences]
    return out


# Epochs of the first model, which only picks each warning's sentence (see fit).
PICKING_EPOCHS = 8


def warning_sentences(
    records: Sequence[Record], picker: ScreeningModel
) -> list[tuple[list[str], str]]:
    """Each multi-sentence warning's sentence that ``picker`` finds most like its kind, as
    an example of that kind on its own."""
    column = {code: k for k, code in enumerate(picker.classes)}
    out: list[tuple[list[str], str]] = []
    for rec in records:
        k = column.get(str(rec["category"])) if rec["warning"] else None
        if k is None:
            continue
        _whole, sentences = text_features(str(rec["answer"]))
        if len(sentences) > 1:
            best = max(sentences, key=lambda feats: picker.probabilities(feats)[k])
            out.append((best, str(rec["category"])))
    return out


def fit(
    specs: Sequence[RuleSpec], records: Sequence[Record], threshold: float = 0.9, **kw: Any
) -> ScreeningModel:
    """Train on whole answers, then once more with each warning's own sentence added.

    The model learns from whole answers, but the screener scores one sentence at a time,
    and a warning buried in a long spoken answer is one sentence in ten: its words were
    learned diluted by the rest. So a first, shorter fit picks the sentence of each warning
    that reads most like its kind, and the final fit learns from that sentence as well
    (one round of multiple-instance learning). Measured on writers t26-t35 left out
    together (trained on the other groups), rules plus model, precision/recall: at
    threshold 0.95, 0.876/0.754 against 0.877/0.726 without; at 0.7, 0.870/0.808 against
    0.867/0.769.
    """
    everything = [*records, *rule_examples(specs)]
    examples = training_examples(everything)
    classes = [NONE, *sorted(r.code for r in specs)]
    first = {**kw, "epochs": min(int(kw.get("epochs", PICKING_EPOCHS)), PICKING_EPOCHS)}
    picker = train_model(examples, classes, **first)
    examples += warning_sentences(everything, picker)
    return train_model(examples, classes, threshold=threshold, **kw)


def pr(flags: Sequence[bool], truth: Sequence[bool]) -> tuple[float, float]:
    tp = sum(1 for f, t in zip(flags, truth, strict=True) if f and t)
    fp = sum(1 for f, t in zip(flags, truth, strict=True) if f and not t)
    pos = sum(truth)
    return (tp / (tp + fp) if tp + fp else 1.0, tp / pos if pos else 1.0)


def choose_threshold(groups: Mapping[str, Sequence[Mapping[str, Any]]]) -> float:
    """Smallest threshold at which the flags the model ADDS to the rules' (answers no rule
    flagged) are, pooled over the warning groups, at least TARGET_PRECISION precise, and add
    at most ANCHOR_FLAGS flags to the warning-free anchor groups."""
    added = [
        (r["score"], r["warning"], name in ANCHOR_GROUPS)
        for name, rows in groups.items()
        for r in rows
        if not r["rules"]
    ]
    for t in GRID:
        tp = sum(1 for s, w, anchor in added if s >= t and w and not anchor)
        fp = sum(1 for s, w, anchor in added if s >= t and not w and not anchor)
        on_anchors = sum(1 for s, _w, anchor in added if s >= t and anchor)
        if on_anchors <= ANCHOR_FLAGS and (tp + fp == 0 or tp / (tp + fp) >= TARGET_PRECISION):
            return t
    return FALLBACK


def _held_out(
    held: str, specs: Sequence[RuleSpec], tests: Path, kw: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """One held-out writer: each of its answers' label, rule flag and model score."""
    test = writer_records(held, tests)
    train = [r for w in WRITERS if w != held for r in writer_records(w, tests)]
    rules_only = Screener(specs, learned=False)
    scorer = Screener(specs, model=fit(specs, train, **kw))
    return [
        {
            "style": rec.get("style") or "-",
            "warning": bool(rec["warning"]),
            "rules": bool(rules_only.screen(rec["answer"])),
            "score": scorer.learned_score(rec["answer"]),
        }
        for rec in test
    ]


def leave_one_writer_out(
    specs: Sequence[RuleSpec], tests: Path = TESTS, **kw: Any
) -> dict[str, list[dict[str, Any]]]:
    """Per held-out writer, its answers scored by a model trained without it. The splits are
    independent, so they run one per core (a fit takes about a minute)."""
    held = [w for w in WRITERS if writer_records(w, tests)]
    with ProcessPoolExecutor() as pool:
        scored = pool.map(_held_out, held, repeat(specs), repeat(tests), repeat(kw))
        return dict(zip(held, scored, strict=True))


def report(results: Mapping[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    table: list[dict[str, Any]] = []
    print(
        f"{'held out':<10}{'style':<9}{'n':>4}{'thr':>6}  {'rules P/R':>13}  {'+learned P/R':>13}"
    )
    for held, rows in results.items():
        t = choose_threshold({h: rs for h, rs in results.items() if h != held})
        for style in ["all", *sorted({r["style"] for r in rows} - {"-"})]:
            sub = [r for r in rows if style in ("all", r["style"])]
            truth = [r["warning"] for r in sub]
            rp, rr = pr([r["rules"] for r in sub], truth)
            cp, cr = pr([r["rules"] or r["score"] >= t for r in sub], truth)
            table.append(
                {
                    "test": held,
                    "style": style,
                    "threshold": t,
                    "rules": [round(rp, 3), round(rr, 3)],
                    "combined": [round(cp, 3), round(cr, 3)],
                }
            )
            print(
                f"{held:<10}{style:<9}{len(sub):>4}{t:>6.2f}"
                f"  {rp:>6.3f}/{rr:<6.3f}  {cp:>6.3f}/{cr:<6.3f}"
            )
    return table


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Train the screener's learned stage.")
    parser.add_argument("--no-write", action="store_true", help="do not write the model file")
    parser.add_argument(
        "--scores", type=Path, help="also write each held-out answer's label, rule flag and score"
    )
    args = parser.parse_args(argv)
    specs = load_rules(yaml.safe_load(RULES_YAML.read_text(encoding="utf-8")))
    results = leave_one_writer_out(specs)
    if args.scores:
        args.scores.write_text(json.dumps(results, sort_keys=True), encoding="utf-8")
    table = report(results)
    threshold = choose_threshold(results)
    everything = [r for w in WRITERS for r in writer_records(w)]
    model = fit(specs, everything, threshold=threshold)
    model.meta = {"leave_one_writer_out": table, "target_precision": TARGET_PRECISION}
    print(f"shipped threshold {threshold:.2f}, features {len(model.weights)}")
    if not args.no_write:
        model.dump(MODEL_JSON)
        print(f"wrote {MODEL_JSON.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
