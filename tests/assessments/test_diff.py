"""The diff speaks HR's language: titles not keys, content of what was added or removed."""

import copy

from assessments.diff import diff_banks


def by_item(changes):
    return {c.item: c for c in changes}


def test_it_names_dimensions_by_list_number_and_title_never_by_key(default_bank_data):
    new = copy.deepcopy(default_bank_data)
    new["dimensions"][0]["description"] = "Reworded."
    changes = diff_banks(default_bank_data, new)
    title = default_bank_data["dimensions"][0]["title"]
    assert [c.item for c in changes] == [f"Natural trait 1: “{title}”"]
    assert changes[0].details[0].label == "Description"
    assert "natural_traits" not in changes[0].item


def test_it_shows_an_added_rule_with_its_content(default_bank_data):
    new = copy.deepcopy(default_bank_data)
    rule = copy.deepcopy(new["warning_rules"][0])
    rule.update(
        code="overpromise", label="Promises what cannot be kept", dimension="natural_traits:1"
    )
    new["warning_rules"].append(rule)
    change = by_item(diff_banks(default_bank_data, new))[
        "Warning rule “Promises what cannot be kept”"
    ]
    details = {d.label: d for d in change.details}
    assert change.kind == "added"
    assert details["Why it matters"].new == rule["why"]
    assert details["Patterns"].added == rule["patterns"]
    assert details["Linked dimension"].new == default_bank_data["dimensions"][0]["title"]


def test_it_shows_a_removed_question_and_list_entries_added_and_removed(default_bank_data):
    new = copy.deepcopy(default_bank_data)
    dim = new["dimensions"][2]
    removed = dim["questions"].pop()
    first = dim["questions"][0]
    first["listen_for"] = [*first["listen_for"][1:], "Names the customer's feeling"]
    changes = diff_banks(default_bank_data, new)
    kinds = {(c.kind, c.item.rsplit(", ", 1)[-1]) for c in changes}
    count = len(default_bank_data["dimensions"][2]["questions"])
    assert ("removed", f"question {count}") in kinds
    removed_change = next(c for c in changes if c.kind == "removed")
    assert removed_change.details[1].old == removed["prompt"]
    listen = next(c for c in changes if c.item.endswith("question 1")).details[0]
    assert listen.added == ["Names the customer's feeling"]
    assert listen.removed == [default_bank_data["dimensions"][2]["questions"][0]["listen_for"][0]]


def test_it_shows_anchor_changes(default_bank_data):
    new = copy.deepcopy(default_bank_data)
    new["dimensions"][0]["questions"][0]["anchors"][2]["behaviour"] = (
        "Keeps the joke on themselves."
    )
    (change,) = diff_banks(default_bank_data, new)
    assert change.item.endswith("score anchor 3")
    assert change.details[0].new == "Keeps the joke on themselves."
