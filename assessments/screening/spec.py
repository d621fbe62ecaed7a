"""The screener's public value types: a rule in, a flag out."""

from __future__ import annotations

from dataclasses import asdict, dataclass

RULES_STAGE = "rules"
LEARNED_STAGE = "learned"

# The fields a stored flag keeps (hiring's Flag model and screen_answers' output);
# ``stage`` is read from the attribute.
_STORED = ("rule", "label", "evidence", "start", "end", "pattern", "why", "source", "severity")


@dataclass(frozen=True)
class RuleSpec:
    code: str
    label: str
    why: str
    patterns: tuple[str, ...]
    severity: str = "medium"  # low | medium | high
    source: str = ""
    dimension: str = ""  # e.g. "natural_traits:15"
    examples: tuple[str, ...] = ()  # answers this rule must flag
    counter_examples: tuple[str, ...] = ()  # answers it must not flag


@dataclass(frozen=True)
class Flag:
    rule: str
    label: str
    evidence: str  # the answer's own text, answer[start:end]
    start: int
    end: int
    pattern: str  # the rule pattern that matched, or "model: <the answer's words>"
    why: str
    source: str
    severity: str
    stage: str = RULES_STAGE  # which stage raised it: "rules" or "learned"

    def as_dict(self) -> dict[str, object]:
        """The stored fields (everything but ``stage``)."""
        data = asdict(self)
        return {k: data[k] for k in _STORED}
