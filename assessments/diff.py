"""What changed between two bank versions, in HR's words, computed on their exported data.

Dimensions are matched by list and number, warning rules by code, and questions and
anchors by their place, which is how HR thinks of them ("the second question of trait 3
was reworded"); the version's own settings (the learned stage) come first. Items are
named by what HR reads on the page (list, number and title), never by internal keys; an
added or removed item carries its content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assessments.bankfile import BankData
from assessments.models import BankVersion, Dimension

LIST_NAMES = {
    "natural_traits": "Natural trait",
    "cx_beliefs": "Customer-experience belief",
    "basic_beliefs": "Basic belief",
}
DIMENSION_FIELDS = {
    "kind": "Kind",
    "title": "Title",
    "description": "Description",
    "source": "Source",
}
QUESTION_FIELDS = {
    "kind": "Kind",
    "prompt": "Prompt",
    "probes": "Follow-up probes",
    "listen_for": "Listen for",
}
RULE_FIELDS = {
    "label": "Label",
    "why": "Why it matters",
    "severity": "Severity",
    "dimension": "Linked dimension",
    "patterns": "Patterns",
    "examples": "Examples (must flag)",
    "counter_examples": "Counter-examples (must not flag)",
    "source": "Source",
}


@dataclass
class Detail:
    """One field of a change: old and new text, or for lists the entries added and removed."""

    label: str
    old: str | None = None
    new: str | None = None
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass
class Change:
    kind: str  # added | removed | changed
    item: str
    details: list[Detail] = field(default_factory=list)


def _detail(label: str, old: Any, new: Any) -> Detail:
    if isinstance(old, list) or isinstance(new, list):
        old, new = old or [], new or []
        return Detail(
            label,
            added=[x for x in new if x not in old],
            removed=[x for x in old if x not in new],
        )
    return Detail(
        label, None if old in (None, "") else str(old), None if new in (None, "") else str(new)
    )


def _fields_changed(
    old: dict[str, Any], new: dict[str, Any], fields: dict[str, str]
) -> list[Detail]:
    return [
        _detail(label, old.get(f), new.get(f))
        for f, label in fields.items()
        if old.get(f) != new.get(f)
    ]


def _content(
    item: dict[str, Any], fields: dict[str, str], *, removed: bool = False
) -> list[Detail]:
    """An added item's fields as new values (a removed one's as old values)."""
    out = []
    for f, label in fields.items():
        value = item.get(f)
        if value in (None, "", []):
            continue
        out.append(_detail(label, value, None) if removed else _detail(label, None, value))
    return out


def dimension_name(dim: dict[str, Any]) -> str:
    return f"{LIST_NAMES.get(dim['list'], dim['list'])} {dim['number']}: “{dim['title']}”"


def _key(dim: dict[str, Any]) -> tuple[str, int]:
    return dim["list"], dim["number"]


def _setting_changes(old: BankData, new: BankData) -> list[Change]:
    before, after = old.get("learned_stage", True), new.get("learned_stage", True)
    if before == after:
        return []
    words = BankVersion.learned_stage_words
    detail = Detail("Learned stage", words(before), words(after))
    return [Change("changed", "Screening settings", [detail])]


def diff_banks(old: BankData, new: BankData) -> list[Change]:
    changes = _setting_changes(old, new)
    old_dims = {_key(d): d for d in old["dimensions"]}
    new_dims = {_key(d): d for d in new["dimensions"]}
    for key, dim in new_dims.items():
        if key in old_dims:
            changes += _dimension_changes(old_dims[key], dim)
        else:
            details = _content(dim, {"description": "Description", "source": "Source"})
            details += [
                Detail(f"Question {i}", new=q["prompt"]) for i, q in enumerate(dim["questions"], 1)
            ]
            changes.append(Change("added", dimension_name(dim), details))
    changes += [
        Change(
            "removed", dimension_name(d), _content(d, {"description": "Description"}, removed=True)
        )
        for key, d in old_dims.items()
        if key not in new_dims
    ]
    return changes + _rule_changes(old, new)


def _dimension_changes(before: dict[str, Any], dim: dict[str, Any]) -> list[Change]:
    name = dimension_name(dim)
    changes = []
    if details := _fields_changed(before, dim, DIMENSION_FIELDS):
        changes.append(Change("changed", dimension_name(before), details))
    changes += _question_changes(name, before["questions"], dim["questions"])
    return changes


def _question_changes(
    where: str, old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> list[Change]:
    changes = []
    for i in range(max(len(old), len(new))):
        item = f"{where}, question {i + 1}"
        if i >= len(old):
            changes.append(Change("added", item, _content(new[i], QUESTION_FIELDS)))
        elif i >= len(new):
            changes.append(Change("removed", item, _content(old[i], QUESTION_FIELDS, removed=True)))
        else:
            if details := _fields_changed(old[i], new[i], QUESTION_FIELDS):
                changes.append(Change("changed", item, details))
            changes += anchor_changes(item, old[i]["anchors"], new[i]["anchors"])
    return changes


def anchor_changes(
    where: str, old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> list[Change]:
    """A question's score anchors, matched by level."""
    before = {a["level"]: a["behaviour"] for a in old}
    after = {a["level"]: a["behaviour"] for a in new}
    changes = []
    for level in sorted(before.keys() | after.keys()):
        item = f"{where}, score anchor {level}"
        if level not in before:
            changes.append(Change("added", item, [Detail("Behaviour", new=after[level])]))
        elif level not in after:
            changes.append(Change("removed", item, [Detail("Behaviour", old=before[level])]))
        elif before[level] != after[level]:
            changes.append(
                Change("changed", item, [Detail("Behaviour", before[level], after[level])])
            )
    return changes


def _rule_changes(old: BankData, new: BankData) -> list[Change]:
    titles = {
        Dimension.make_key(d["list"], d["number"]): d["title"]
        for d in (*old["dimensions"], *new["dimensions"])
    }

    def readable(rule: dict[str, Any]) -> dict[str, Any]:
        # A rule names its dimension by key; HR knows it by title.
        return {**rule, "dimension": titles.get(rule.get("dimension") or "", rule.get("dimension"))}

    old_rules = {r["code"]: readable(r) for r in old["warning_rules"]}
    new_rules = {r["code"]: readable(r) for r in new["warning_rules"]}
    changes = []
    for code, rule in new_rules.items():
        name = f"Warning rule “{rule['label']}”"
        if code not in old_rules:
            changes.append(Change("added", name, _content(rule, RULE_FIELDS)))
        elif details := _fields_changed(old_rules[code], rule, RULE_FIELDS):
            changes.append(Change("changed", name, details))
    changes += [
        Change("removed", f"Warning rule “{r['label']}”", _content(r, RULE_FIELDS, removed=True))
        for code, r in old_rules.items()
        if code not in new_rules
    ]
    return changes
