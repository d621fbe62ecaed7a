"""What changed between two bank versions, computed on their exported data.

Dimensions are matched by their key (list:number), warning rules by code, and
questions and anchors by their place within a dimension, which is how HR thinks of
them ("the second question of trait 3 was reworded").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assessments.bankfile import BankData
from assessments.models import Dimension


@dataclass
class Change:
    kind: str  # added | removed | changed
    item: str
    details: list[tuple[str, Any, Any]] = field(default_factory=list)  # (field, old, new)


def _fields_changed(old: dict, new: dict, fields: tuple[str, ...]) -> list[tuple[str, Any, Any]]:
    return [(f, old.get(f), new.get(f)) for f in fields if old.get(f) != new.get(f)]


def diff_banks(old: BankData, new: BankData) -> list[Change]:
    changes: list[Change] = []
    old_dims = {Dimension.make_key(d["list"], d["number"]): d for d in old["dimensions"]}
    new_dims = {Dimension.make_key(d["list"], d["number"]): d for d in new["dimensions"]}
    for key, dim in new_dims.items():
        name = f"Dimension {key} '{dim['title']}'"
        if key not in old_dims:
            changes.append(Change("added", name))
            continue
        before = old_dims[key]
        details = _fields_changed(before, dim, ("kind", "title", "description", "source"))
        if details:
            changes.append(Change("changed", name, details))
        changes += _diff_list(
            f"{name}, question",
            before["questions"],
            dim["questions"],
            ("kind", "prompt", "probes", "listen_for"),
        )
        for i, question in enumerate(dim["questions"]):
            if i < len(before["questions"]):
                changes += _diff_anchors(
                    f"{name}, question {i + 1}", before["questions"][i], question
                )
    for key, dim in old_dims.items():
        if key not in new_dims:
            changes.append(Change("removed", f"Dimension {key} '{dim['title']}'"))
    old_rules = {r["code"]: r for r in old["warning_rules"]}
    new_rules = {r["code"]: r for r in new["warning_rules"]}
    rule_fields = (
        "label",
        "why",
        "severity",
        "patterns",
        "examples",
        "counter_examples",
        "dimension",
        "source",
    )
    for code, rule in new_rules.items():
        if code not in old_rules:
            changes.append(Change("added", f"Warning rule '{code}'"))
        elif details := _fields_changed(old_rules[code], rule, rule_fields):
            changes.append(Change("changed", f"Warning rule '{code}'", details))
    changes += [Change("removed", f"Warning rule '{c}'") for c in old_rules if c not in new_rules]
    return changes


def _diff_list(
    prefix: str, old: list[dict], new: list[dict], fields: tuple[str, ...]
) -> list[Change]:
    changes = []
    for i in range(max(len(old), len(new))):
        item = f"{prefix} {i + 1}"
        if i >= len(old):
            changes.append(Change("added", item, [("prompt", None, new[i]["prompt"])]))
        elif i >= len(new):
            changes.append(Change("removed", item, [("prompt", old[i]["prompt"], None)]))
        elif details := _fields_changed(old[i], new[i], fields):
            changes.append(Change("changed", item, details))
    return changes


def _diff_anchors(prefix: str, old: dict, new: dict) -> list[Change]:
    changes = []
    old_anchors = {a["level"]: a for a in old.get("anchors", [])}
    for anchor in new.get("anchors", []):
        previous = old_anchors.get(anchor["level"])
        item = f"{prefix}, anchor {anchor['level']}"
        if previous is None:
            changes.append(Change("added", item))
        elif previous["behaviour"] != anchor["behaviour"]:
            changes.append(
                Change("changed", item, _fields_changed(previous, anchor, ("behaviour",)))
            )
    return changes
