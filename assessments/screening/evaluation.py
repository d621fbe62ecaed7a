"""Self-test of a rule, precision/recall on labelled answers, and reading rule files."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from assessments.screening.spec import Flag, RuleSpec


class Screens(Protocol):
    def screen(self, text: str) -> list[Flag]: ...


class _Rules(Protocol):
    def rule(self, code: str) -> RuleSpec | None: ...

    def screen(self, text: str) -> list[Flag]: ...


def self_test(screener: _Rules, code: str) -> list[str]:
    """Problems with one rule's own examples and counter-examples; [] when fine."""
    rule = screener.rule(code)
    if rule is None:
        return [f"there is no rule '{code}'"]
    problems = []
    for example in rule.examples:
        if not any(f.rule == code for f in screener.screen(example)):
            problems.append(f"example not flagged by '{code}': {example!r}")
    for counter in rule.counter_examples:
        for f in screener.screen(counter):
            if f.rule == code:
                problems.append(
                    f"counter-example flagged by '{code}' (pattern {f.pattern!r}, "
                    f"evidence {f.evidence!r}): {counter!r}"
                )
    return problems


@dataclass
class Counts:
    """Confusion counts of one slice of the labelled answers."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, warning: bool, flagged: bool) -> None:
        if warning:
            self.tp += flagged
            self.fn += not flagged
        else:
            self.fp += flagged
            self.tn += not flagged

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    def line(self, name: str) -> str:
        return (
            f"{name:<18}{self.n:>5}{self.tp:>5}{self.fp:>5}{self.fn:>5}"
            f"{self.precision:>8.3f}{self.recall:>8.3f}"
        )


@dataclass
class Evaluation:
    total: int
    true_positives: int
    false_positives: int
    false_negatives: int
    true_negatives: int
    per_category: dict[str, dict[str, float]]
    per_rule: dict[str, dict[str, float]]
    misses: list[dict[str, object]]
    false_flags: list[dict[str, object]]
    per_style: dict[str, Counts] = field(default_factory=dict)
    per_writer: dict[str, Counts] = field(default_factory=dict)
    # (style, writer): each writer judged apart in each style, as a leave-one-writer-out
    # reading needs (a style is only as good as its worst unseen writer).
    per_style_writer: dict[tuple[str, str], Counts] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        positives = self.true_positives + self.false_negatives
        return self.true_positives / positives if positives else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def format_report(self) -> str:
        lines = [
            f"answers {self.total}  flagged {self.true_positives + self.false_positives}  "
            f"tp {self.true_positives}  fp {self.false_positives}  "
            f"fn {self.false_negatives}  tn {self.true_negatives}",
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  f1 {self.f1:.3f}",
        ]
        for title, table in (("style", self.per_style), ("writer", self.per_writer)):
            if table:
                lines += ["", f"{'by ' + title:<18}{'n':>5}{'tp':>5}{'fp':>5}{'fn':>5}"]
                lines[-1] += f"{'prec':>8}{'recall':>8}"
                lines += [table[k].line(k) for k in sorted(table)]
        lines += self._style_writer_lines()
        lines += ["", *self._category_lines(), *self._listing()]
        return "\n".join(lines)

    def _style_writer_lines(self) -> list[str]:
        """Precision/recall of every writer in every style, and the worst writer per style."""
        writers = sorted({w for _, w in self.per_style_writer})
        if len(writers) < 2:
            return []
        styles = sorted({s for s, _ in self.per_style_writer})
        lines = ["", "precision/recall by style and writer (worst writer last)"]
        lines.append(f"{'style':<10}" + "".join(f"{w:>13}" for w in writers) + f"{'worst':>13}")
        for style in styles:
            cells = [self.per_style_writer.get((style, w)) for w in writers]
            shown = [f"{c.precision:.2f}/{c.recall:.2f}" if c else "-" for c in cells]
            present = [c for c in cells if c]
            worst = f"{min(c.precision for c in present):.2f}/{min(c.recall for c in present):.2f}"
            lines.append(f"{style:<10}" + "".join(f"{x:>13}" for x in shown) + f"{worst:>13}")
        return lines

    def _category_lines(self) -> list[str]:
        lines = [f"{'category':<18}{'n':>4}{'found':>7}{'recall':>8}{'rule flags':>12}{'prec':>7}"]
        for cat in sorted(set(self.per_category) | set(self.per_rule)):
            c = self.per_category.get(cat, {})
            r = self.per_rule.get(cat, {})
            n, found, flags = int(c.get("n", 0)), int(c.get("found", 0)), int(r.get("flags", 0))
            rec = f"{c['recall']:.2f}" if n else "-"
            prec = f"{r['precision']:.2f}" if flags else "-"
            lines.append(f"{cat:<18}{n:>4}{found:>7}{rec:>8}{flags:>12}{prec:>7}")
        return lines

    def _listing(self) -> list[str]:
        lines: list[str] = []
        if self.misses:
            lines += ["", "missed warnings:"]
            lines += [f"  [{m['id']}] ({m['category']}) {m['answer']}" for m in self.misses]
        if self.false_flags:
            lines += ["", "false flags:"]
            for m in self.false_flags:
                rules = m["rules"]
                named = ",".join(str(r) for r in rules) if isinstance(rules, list) else ""
                lines.append(f"  [{m['id']}] {named}: {m['answer']}")
        return lines


def evaluate(screener: Screens, records: Iterable[Mapping[str, Any]]) -> Evaluation:
    """Answer-level precision and recall; per style and writer when the lines carry them."""
    result = Evaluation(0, 0, 0, 0, 0, {}, {}, [], [])
    for i, rec in enumerate(records, 1):
        _score(result, rec, i, [f.rule for f in screener.screen(str(rec.get("answer", "")))])
    for stats in result.per_category.values():
        stats["recall"] = stats["found"] / stats["n"] if stats["n"] else 0.0
    for stats in result.per_rule.values():
        stats["precision"] = stats["correct"] / stats["flags"] if stats["flags"] else 0.0
    return result


def _score(result: Evaluation, rec: Mapping[str, Any], i: int, rules: list[str]) -> None:
    answer = str(rec.get("answer", ""))
    warning = bool(rec.get("warning"))
    category = str(rec.get("category") or "")
    rid = rec.get("id", i)
    result.total += 1
    for code in rules:
        stats = result.per_rule.setdefault(code, {"flags": 0, "correct": 0})
        stats["flags"] += 1
        stats["correct"] += warning and code == category
    for key, table in (("style", result.per_style), ("writer", result.per_writer)):
        if rec.get(key):
            table.setdefault(str(rec[key]), Counts()).add(warning, bool(rules))
    if rec.get("style") and rec.get("writer"):
        cell = (str(rec["style"]), str(rec["writer"]))
        result.per_style_writer.setdefault(cell, Counts()).add(warning, bool(rules))
    if warning:
        stats = result.per_category.setdefault(category or "(none)", {"n": 0, "found": 0})
        stats["n"] += 1
        stats["found"] += bool(rules)
        if rules:
            result.true_positives += 1
        else:
            result.false_negatives += 1
            result.misses.append({"id": rid, "answer": answer, "category": category, "rules": []})
    elif rules:
        result.false_positives += 1
        result.false_flags.append({"id": rid, "answer": answer, "category": None, "rules": rules})
    else:
        result.true_negatives += 1


def load_rules(data: Any) -> list[RuleSpec]:
    """RuleSpecs from the parsed YAML/JSON shape ``{"warning_rules": [...]}`` or a list."""
    items = data.get("warning_rules", []) if isinstance(data, dict) else data
    return [
        RuleSpec(
            code=str(raw["code"]),
            label=str(raw.get("label", "")),
            why=str(raw.get("why", "")),
            patterns=tuple(raw.get("patterns") or ()),
            severity=str(raw.get("severity", "medium")),
            source=str(raw.get("source", "")),
            dimension=str(raw.get("dimension") or ""),
            examples=tuple(raw.get("examples") or ()),
            counter_examples=tuple(raw.get("counter_examples") or ()),
        )
        for raw in items or []
    ]
