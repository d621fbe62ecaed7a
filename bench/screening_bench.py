"""Benchmark the warning-answer screener on one core.

    python bench/screening_bench.py           # compile time and throughput
    python bench/screening_bench.py --eval    # also precision/recall: naive search vs engine

Loads the default rules (assessments/data/warning_rules.yaml), times compilation, then
screens the labelled answers repeated to about 20,000 answers. Stdlib + PyYAML only.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assessments.screening import Screener, evaluate, load_rules  # noqa: E402

RULES_YAML = ROOT / "assessments" / "data" / "warning_rules.yaml"
LABELLED = ROOT / "tests" / "screening" / "labelled_answers.jsonl"
DEV = ROOT.parent / "shared" / "screening" / "dev_answers.jsonl"
CORPUS_SIZE = 20_000

# The "naive search": the sources' own phrases, matched as lower-case substrings.
NAIVE_PHRASES = (
    "like being appreciated",
    "rather be fishing",
    "rather be",
    "sarcastic",
    "sarcasm",
    "control",
    "script",
    "calm down",
    "not my job",
    "told you so",
    "your own fault",
    "67%",
    "wouldn't leave",
    "fire the customer",
    "sorry means guilty",
    "guilty",
    "servitude",
    "servant",
    "get even",
    "vengeance",
    "mistrust",
    "don't trust",
    "question",
    "not important",
    "probably won't work",
    "doesn't matter",
    "personally",
    "trainee",
    "we usually",
    "not our fault",
)


class NaiveScreener:
    """Flags an answer when any of the sources' phrases appears in it."""

    def screen(self, text: str) -> list:
        low = text.lower().replace("\u2019", "'")
        return [_Hit(p) for p in NAIVE_PHRASES if p in low]


class _Hit:
    def __init__(self, rule: str) -> None:
        self.rule = rule


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", action="store_true", help="print precision/recall as well")
    parser.add_argument("--size", type=int, default=CORPUS_SIZE, help="answers to screen")
    args = parser.parse_args()

    specs = load_rules(yaml.safe_load(RULES_YAML.read_text(encoding="utf-8")))
    compile_times = []
    screener = None
    for _ in range(5):
        t0 = time.perf_counter()
        screener = Screener(specs)
        compile_times.append((time.perf_counter() - t0) * 1000)
    assert screener is not None

    records = read_jsonl(LABELLED)
    answers = [r["answer"] for r in records]
    corpus = (answers * (args.size // len(answers) + 1))[: args.size]
    runs = []
    flags = 0
    for _ in range(3):
        fresh = Screener(specs)  # cold word cache each run
        t0 = time.perf_counter()
        flags = sum(len(fresh.screen(a)) for a in corpus)
        runs.append(time.perf_counter() - t0)
    seconds = min(runs)

    model = screener.model
    rows = [
        ("learned model", f"on (threshold {model.threshold})" if model is not None else "off"),
        ("rules", f"{len(specs)}"),
        ("patterns", f"{sum(len(r.patterns) for r in specs)}"),
        ("compile ms (min of 5)", f"{min(compile_times):.1f}"),
        ("compile ms (median)", f"{statistics.median(compile_times):.1f}"),
        ("answers", f"{len(corpus)}"),
        ("flags", f"{flags}"),
        ("seconds (best of 3)", f"{seconds:.3f}"),
        ("answers/second", f"{len(corpus) / seconds:,.0f}"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 10}")
    for k, v in rows:
        print(f"{k:<{width}}  {v}")

    if args.eval:
        sets = [("labelled", records)]
        if DEV.exists():
            sets.append(("dev sample", read_jsonl(DEV)))
        variants = [
            ("naive phrase search", NaiveScreener()),
            ("stems + gaps only", Screener(specs, stance=False, fuzzy=False, model=None)),
            ("+ typos", Screener(specs, stance=False, model=None)),
            ("+ negation/distancing", Screener(specs, model=None)),
            ("+ learned model", Screener(specs)),
        ]
        print()
        print(f"{'engine':<24}{'set':<12}{'precision':>10}{'recall':>8}{'f1':>7}")
        for name, engine in variants:
            for set_name, recs in sets:
                e = evaluate(engine, recs)  # type: ignore[arg-type]
                print(f"{name:<24}{set_name:<12}{e.precision:>10.3f}{e.recall:>8.3f}{e.f1:>7.3f}")


if __name__ == "__main__":
    main()
