"""Glue between the stored warning rules and the pure screener.

Compiling a bank's rules costs a few hundred milliseconds, screening an answer
microseconds, so a compiled screener is kept per version and rebuilt only when the version
changes: a published version never changes, and every draft edit bumps its revision. A
version whose learned stage is switched off compiles a rules-only screener. The
stamp is read from the version the caller just loaded, so another process that edits a
draft is noticed on the next request, without a restart.

Compiling happens under one lock: after a start the first fifty saves wait for one
compile instead of running fifty at once. `warm()` compiles the versions in use when a
web process starts (hiring/wsgi.py), so no request waits at all.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assessments.models import BankVersion, WarningRule
from assessments.screening import RuleSpec, Screener, self_test

if TYPE_CHECKING:
    from assessments.screening import Flag


@dataclass(frozen=True)
class Compiled:
    screener: Screener
    rule_ids: dict[str, int]  # rule code -> WarningRule id, to store flags without lookups


# The kit screens the same text twice in a row: live screening when the recruiter pauses,
# then the autosave that follows it (the kit's hx-trigger delays are 400 and 700 ms).
# Remembering recent answers makes the second screening free in the process that served
# the first. 128 answers of at most 20,000 characters bound the memory.
SCREEN_MEMO = 128

_cache: dict[int, tuple[tuple[object, ...], Compiled]] = {}
_lock = threading.Lock()


def rule_spec(rule: WarningRule, dimension_key: str = "") -> RuleSpec:
    return RuleSpec(
        code=rule.code,
        label=rule.label,
        why=rule.why,
        patterns=tuple(rule.patterns),
        severity=rule.severity,
        source=rule.source,
        dimension=dimension_key,
        examples=tuple(rule.examples),
        counter_examples=tuple(rule.counter_examples),
    )


def compiled_for(version: BankVersion) -> Compiled:
    # created_at guards against a reused primary key (a test database rolled back,
    # a draft discarded and a new one opened) ever serving another version's rules.
    # learned_stage is in the stamp as well as bumping the revision when HR switches it,
    # so a switch that skipped the history (the admin, a script) still takes effect.
    stamp = (version.created_at, version.revision, version.status, version.learned_stage)
    cached = _cache.get(version.pk)
    if cached and cached[0] == stamp:
        return cached[1]
    with _lock:
        cached = _cache.get(version.pk)  # another thread may have compiled it while we waited
        if cached and cached[0] == stamp:
            return cached[1]
        rules = _rules_of(version)
        screener = Screener(
            (_spec(r) for r in rules), learned=version.learned_stage, memo=SCREEN_MEMO
        )
        screener.calibrate()  # here, under the lock, rather than in the first flagged request
        compiled = Compiled(screener=screener, rule_ids={r.code: r.pk for r in rules})
        _cache[version.pk] = (stamp, compiled)
    return compiled


def warm() -> None:
    """Compile the screener of every published version (at process start); there are few."""
    for version in BankVersion.objects.published():
        compiled_for(version)


def screener_for(version: BankVersion) -> Screener:
    return compiled_for(version).screener


def _rules_of(version: BankVersion) -> list[WarningRule]:
    return list(version.warning_rules.select_related("dimension").order_by("position", "code"))


def _spec(rule: WarningRule) -> RuleSpec:
    return rule_spec(rule, rule.dimension.key if rule.dimension else "")


def problems_for(version: BankVersion) -> dict[str, list[str]]:
    """Self-test of a version's rules through its cached screener (no second compile)."""
    screener = screener_for(version)
    problems = {spec.code: self_test(screener, spec.code) for spec in screener.rules}
    return {code: found for code, found in problems.items() if found}


@dataclass(frozen=True)
class ExampleResult:
    """One of a rule's own examples (must flag) or counter-examples (must not), as screened."""

    text: str
    must_flag: bool
    flag: Flag | None  # this rule's flag on the text, if it fired
    pattern_number: int | None = None  # which of the rule's patterns fired (1-based)

    @property
    def passes(self) -> bool:
        return (self.flag is not None) == self.must_flag


def example_results(version: BankVersion, code: str) -> list[ExampleResult]:
    """Run a rule's examples and counter-examples through the version's cached screener."""
    screener = screener_for(version)
    spec = screener.rule(code)
    if spec is None:
        return []
    cases = [(t, True) for t in spec.examples] + [(t, False) for t in spec.counter_examples]
    results = []
    for text, must_flag in cases:
        flag = next((f for f in screener.screen(text) if f.rule == code), None)
        number = (
            spec.patterns.index(flag.pattern) + 1
            if flag and flag.pattern in spec.patterns
            else None
        )
        results.append(ExampleResult(text, must_flag, flag, number))
    return results


def explain(flag: Flag) -> str:
    """What triggered a flag, in words: the pattern read back, or the learned stage."""
    from assessments.patterns import readable

    if flag.pattern.startswith("model:"):
        return "wording close to this rule's examples (learned stage)"
    return readable(flag.pattern)


def clear_cache() -> None:
    """Forget every compiled screener, so the next request compiles cold (tests use it)."""
    with _lock:
        _cache.clear()
