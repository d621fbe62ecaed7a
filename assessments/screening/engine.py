"""The Screener: compiled rules (and the learned stage) applied to one answer at a time."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from assessments.screening import disowning, stance_markers
from assessments.screening.answer import Answer, sentence_spans
from assessments.screening.matcher import Automaton, Match, Program, compile_pattern
from assessments.screening.model import (
    ScreeningModel,
    default_model,
    feature_names,
    sentence_names,
    token_features,
)
from assessments.screening.patterns import PatternError, parse
from assessments.screening.spec import LEARNED_STAGE, RULES_STAGE, Flag, RuleSpec
from assessments.screening.stance import Markers, find_markers, own_stance
from assessments.screening.text import plain_words
from assessments.screening.vocabulary import Vocabulary

# Matches of one rule whose stance is checked before giving up on the rule for this answer:
# bounds the stance work on answers built to repeat a phrase thousands of times.
_STANCE_CHECKS = 12
_TOP_FEATURES = 3


class _Default:
    """Sentinel type: "use the shipped model file when present"."""


DEFAULT_MODEL = _Default()


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    pattern: str
    stage: str


class Screener:
    """Compiled rules. Build once, reuse: ``Screener(rules).screen(answer)``.

    ``learned=False`` (or ``model=None``) screens with the rules only; by default the
    shipped learned stage (model.py) is used when its file is present. ``memo=N`` remembers
    the flags of the last N answers screened (both stages): screening is deterministic.
    """

    def __init__(
        self,
        rules: Iterable[RuleSpec],
        *,
        fuzzy: bool = True,
        stance: bool = True,
        learned: bool = True,
        model: ScreeningModel | _Default | None = DEFAULT_MODEL,
        memo: int = 0,
    ) -> None:
        self.rules: tuple[RuleSpec, ...] = tuple(rules)
        self.fuzzy = fuzzy
        self.stance = stance
        if isinstance(model, _Default):
            model = default_model()
        self.model: ScreeningModel | None = model if learned else None
        self._code_index = {rule.code: i for i, rule in enumerate(self.rules)}
        self._vocab = Vocabulary()
        # A compile builds some 60,000 tuples, sets and states, none of them in a cycle: the
        # cyclic collector, let run, walked the whole heap (the learned model's dicts
        # included) several times over, a fifth of a compile (bench/screening_bench.py).
        # Paused for the compile only; reference counting frees all that is dropped.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._programs = self._compile_rules()
            self._before = Automaton(_compile_markers(stance_markers.DISTANCE_BEFORE, self._vocab))
            self._after = Automaton(_compile_markers(disowning.DISTANCE_AFTER, self._vocab))
            for rule in self.rules:
                for text in (*rule.examples, *rule.counter_examples):
                    self._vocab.known.update(plain_words(text))
            self._vocab.finish(fuzzy)
            self._automaton = Automaton(self._programs)
        finally:
            if collecting:
                gc.enable()
        # Scoring HR's counter-examples with the learned model is not compiling the rules:
        # done by calibrate(), which the web process calls beside the compile (rules.py),
        # or else when the learned stage first would flag.
        self._model_floor: dict[int, float] | None = None
        self._memo: Callable[[str], tuple[Flag, ...]] | None = (
            lru_cache(maxsize=memo)(self._screen_both) if memo else None
        )

    @property
    def learned(self) -> bool:
        """Whether the learned stage is on."""
        return self.model is not None

    def rule(self, code: str) -> RuleSpec | None:
        index = self._code_index.get(code)
        return None if index is None else self.rules[index]

    def screen(self, text: str, *, patterns: bool = True, learned: bool = True) -> list[Flag]:
        """Flags for one answer, at most one per rule (the earliest), sorted by position.

        ``patterns=False`` or ``learned=False`` leaves that stage out for this call.
        """
        if patterns and learned and self._memo is not None:
            return list(self._memo(text))  # a fresh list: callers may change theirs
        return self._screen(text, patterns, learned)

    def _screen_both(self, text: str) -> tuple[Flag, ...]:
        return tuple(self._screen(text, True, True))

    def _screen(self, text: str, patterns: bool, learned: bool) -> list[Flag]:
        if not text or not text.strip():
            return []
        ans = Answer(text, self._vocab)
        if not ans.n:
            return []
        context = _Context(self, ans)
        hits = self._rule_hits(context) if patterns else {}
        if learned and self.model is not None:
            hits.update(self._model_hits(context, hits))
        flags = [self._flag(text, ans, ri, hit) for ri, hit in hits.items()]
        flags.sort(key=lambda f: (f.start, f.end, f.rule))
        return flags

    # ------------------------------------------------------------------ compiling

    def _compile_rules(self) -> list[Program]:
        programs: list[Program] = []
        codes: set[str] = set()
        for index, rule in enumerate(self.rules):
            if rule.code in codes:
                raise PatternError(f"rule '{rule.code}': duplicate code", code=rule.code)
            codes.add(rule.code)
            if not rule.patterns:
                raise PatternError(f"rule '{rule.code}': has no patterns", code=rule.code)
            for pattern in dict.fromkeys(rule.patterns):
                try:
                    seq = parse(pattern)
                except PatternError as exc:
                    raise PatternError(
                        f"rule '{rule.code}', pattern '{pattern}': {exc}",
                        code=rule.code,
                        pattern=pattern,
                    ) from None
                programs.append(compile_pattern(index, pattern, seq, self._vocab))
        return programs

    def calibrate(self) -> None:
        """Score the rules' counter-examples with the learned model now, not on its first
        flag (a server does it once, under its compile lock, so no request pays it)."""
        if self._model_floor is None:  # two threads may both calibrate: the same result
            self._model_floor = self._calibrate_model()

    def model_floor(self, ri: int) -> float:
        """The probability rule ``ri``'s learned flags must pass (0.0: the model's own
        threshold is enough)."""
        self.calibrate()
        assert self._model_floor is not None  # set by calibrate()
        return self._model_floor.get(ri, 0.0)

    def _calibrate_model(self) -> dict[int, float]:
        """Per-rule model thresholds raised just above the rule's own counter-examples.

        HR's counter-examples are authoritative: the model must never flag one, or a rule
        HR cannot change by editing patterns would block publishing.
        """
        if self.model is None:
            return {}
        model = self.model
        class_of = {code: k for k, code in enumerate(model.classes)}
        raised: dict[int, float] = {}
        for ri, rule in enumerate(self.rules):
            k = class_of.get(rule.code)
            if k is None:
                continue
            peak = 0.0
            for text in rule.counter_examples:
                for names in sentence_names(text):
                    peak = max(peak, model.probabilities(names)[k])
            if peak >= model.threshold:
                raised[ri] = min(1.0, peak + 1e-9)
        return raised

    # ------------------------------------------------------------------ stages

    def _rule_hits(self, context: _Context) -> dict[int, _Hit]:
        found: dict[int, list[tuple[Match, str]]] = {}
        for prog, found_here in self._automaton.matches(context.ans):
            for m in found_here:
                found.setdefault(prog.owner, []).append((m, prog.pattern))
        hits: dict[int, _Hit] = {}
        for ri, candidates in found.items():
            candidates.sort(key=lambda c: (c[0].start, c[0].end))
            for m, pattern in candidates[:_STANCE_CHECKS]:
                if context.own(m):
                    hits[ri] = _Hit(m.start, m.end, pattern, RULES_STAGE)
                    break
        return hits

    def learned_score(self, text: str, floor: float = 0.2) -> float:
        """Highest probability of a learned-stage flag this screener would accept at any
        threshold above ``floor`` (0.0 when none): what training picks thresholds from."""
        if self.model is None or not text.strip():
            return 0.0
        ans = Answer(text, self._vocab)
        scores: dict[int, float] = {}
        self._model_hits(_Context(self, ans), {}, floor, scores)
        return max(scores.values(), default=0.0)

    def _model_hits(
        self,
        context: _Context,
        known: dict[int, _Hit],
        threshold: float | None = None,
        scores: dict[int, float] | None = None,
    ) -> dict[int, _Hit]:
        """Sentence-level flags of the learned stage, quoting the answer's own words."""
        model = self.model
        assert model is not None  # only called with a model
        ans = context.ans
        bar = model.threshold if threshold is None else threshold
        hits: dict[int, _Hit] = {}
        rule_classes = [k for k, code in enumerate(model.classes) if code in self._code_index]
        for lo, hi in sentence_spans(ans):
            probs = model.probabilities(feature_names(ans, lo, hi))
            if all(probs[k] < bar for k in rule_classes):
                continue  # most sentences: no rule's class is likely enough to flag
            feats = token_features(ans, lo, hi)
            for k, p in enumerate(probs):
                ri = self._code_index.get(model.classes[k], -1)
                if p < bar or ri < 0 or ri in known or ri in hits:
                    continue
                if p <= self.model_floor(ri):
                    continue
                top = model.contributions((f for f, _s, _e in feats), k)
                hit = self._model_hit(context, feats, top)
                if hit is not None:
                    hits[ri] = hit
                    if scores is not None:
                        scores[ri] = p
        return hits

    def _model_hit(
        self,
        context: _Context,
        feats: list[tuple[str, int, int]],
        top: list[tuple[float, str]],
    ) -> _Hit | None:
        ans = context.ans
        where = {f: (s, e) for f, s, e in reversed(feats)}  # first occurrence of each
        spans = [where[f] for _v, f in top[:_TOP_FEATURES] if f in where]
        if not spans:
            return None  # nothing readable to cite: stay silent
        s, e = spans[0]
        literals = list(range(s, e))
        if top[0][1].startswith("u:n:"):
            # the negation is part of the evidence ("don't trust"): include the negator
            p = s - 1
            while p >= 0 and ans.clause[p] == ans.clause[s] and not ans.neg[p]:
                p -= 1
            if p >= 0 and ans.neg[p] and ans.clause[p] == ans.clause[s]:
                s, literals = p, [p, *literals]
        if not context.own(Match(s, e, tuple(literals))):
            return None
        lo, hi = min(a for a, _b in spans), max(b for _a, b in spans)
        words = [context.quote(a, b) for a, b in sorted(set(spans))]
        return _Hit(min(lo, s), hi, "model: " + ", ".join(words), LEARNED_STAGE)

    def _flag(self, text: str, ans: Answer, ri: int, hit: _Hit) -> Flag:
        rule = self.rules[ri]
        s, e = ans.starts[hit.start], ans.ends[hit.end - 1]
        return Flag(
            rule=rule.code,
            label=rule.label,
            evidence=text[s:e],
            start=s,
            end=e,
            pattern=hit.pattern,
            why=rule.why,
            source=rule.source,
            severity=rule.severity,
            stage=hit.stage,
        )


class _Context:
    """One answer being screened, with its stance markers found on first need."""

    def __init__(self, screener: Screener, ans: Answer) -> None:
        self.screener = screener
        self.ans = ans
        self._markers: Markers | None = None

    def own(self, m: Match) -> bool:
        if not self.screener.stance:
            return True
        if self._markers is None:
            s = self.screener
            self._markers = find_markers(self.ans, s._before, s._after)
        return own_stance(self.ans, m, self._markers)

    def quote(self, start: int, end: int) -> str:
        """The answer's own words for tokens start..end (whole words, as written)."""
        return self.ans.text[self.ans.starts[start] : self.ans.ends[end - 1]]


def _compile_markers(entries: Iterable[tuple[str, int | None]], vocab: Vocabulary) -> list[Program]:
    return [
        compile_pattern(-1 if reach is None else reach, pattern, parse(pattern), vocab)
        for pattern, reach in entries
    ]
