"""Rules HR can read: a rule's page, the pattern guide, and running a rule's own examples."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils.html import escape

from assessments import services
from assessments.pattern_guide import SECTIONS, as_markdown, example_fires
from assessments.patterns import readable

pytestmark = pytest.mark.django_db
DOCS = Path(__file__).resolve().parents[2] / "docs" / "pattern-language.md"


def rule_url(version, code, name="rule"):
    return reverse(f"assessments:{name}", args=[version.bank.slug, version.number, code])


def test_it_shows_a_rule_with_why_severity_dimension_examples_and_readable_patterns(
    as_ravi, published
):
    rule = published.warning_rules.exclude(dimension=None).exclude(examples=[]).first()
    page = as_ravi.get(rule_url(published, rule.code)).content.decode()
    assert escape(rule.label) in page and escape(rule.why) in page
    assert f"{rule.get_severity_display()} severity" in page
    assert escape(rule.dimension.title) in page
    assert escape(rule.examples[0]) in page
    assert page.count("Passing") == len(rule.examples) + len(rule.counter_examples)
    assert escape(readable(rule.patterns[0])) in page


def test_it_marks_an_example_the_rule_misses_as_failing(as_hana, published, hana):
    draft = services.start_draft(published.bank, user=hana)
    rule = draft.warning_rules.get(code="appreciation")
    rule.examples = [*rule.examples, "I enjoy fixing problems for people."]
    rule.save()
    page = as_hana.get(rule_url(draft, "appreciation")).content.decode()
    assert page.count("Failing") == 1
    assert "I enjoy fixing problems for people." in page


def test_it_hides_a_draft_rule_from_recruiters(as_ravi, published, hana):
    draft = services.start_draft(published.bank, user=hana)
    assert (
        as_ravi.get(rule_url(draft, "appreciation")).status_code == 404
    )  # a draft does not exist for them


def test_it_reads_patterns_back_in_words():
    assert readable("(thank*|pat on the back) ~ [really] appreciate") == (
        "“thank…” or “pat on the back”, then up to 3 other words, then optionally “really”, "
        "then “appreciate”"
    )
    assert readable("=fire ~5 !(to|who) customer") == (
        "exactly “fire”, then up to 5 other words, then (next word not “to” or “who”), "
        "then “customer”"
    )


def test_every_worked_example_in_the_guide_does_what_the_guide_says():
    for section in SECTIONS:
        for example in section.examples:
            assert example_fires(example) == example.fires, example


def test_the_docs_hold_the_same_guide_as_the_product():
    assert DOCS.read_text(encoding="utf-8").strip() == as_markdown().strip(), (
        "Regenerate it: python manage.py pattern_guide > docs/pattern-language.md"
    )


def test_it_shows_the_pattern_guide_in_the_product(as_ravi):
    page = as_ravi.get(reverse("assessments:pattern_guide")).content.decode()
    assert "Writing warning-rule patterns" in page and "out of date" not in page
    assert "<code>thank*</code>" in page


def test_the_rule_tester_runs_a_rules_own_examples(as_hana, published):
    rule = published.warning_rules.get(code="appreciation")
    url = reverse("assessments:tester", args=[published.bank.slug, published.number])
    page = as_hana.get(url, {"rule": "appreciation"}).content.decode()
    assert page.count("Passing") == len(rule.examples) + len(rule.counter_examples)
    assert escape(rule.counter_examples[0]) in page
