"""Bank files that would crash, exhaust or corrupt become messages naming the item."""

from __future__ import annotations

import copy
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments import bankfile
from assessments.models import Bank, Dimension, Question

pytestmark = pytest.mark.django_db


def broken(default_bank_data, change) -> str:
    data = copy.deepcopy(default_bank_data)
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["warning_rules"][0].update(dimension=["a", "b"]), "'dimension' must be text"),
        (lambda d: d["warning_rules"][0].update(dimension={"a": 1}), "'dimension' must be text"),
        (lambda d: d["dimensions"][0].update(title="T" * 201), "'title' is 201 characters"),
        (lambda d: d.update(bank="B" * 201), "'bank' is 201 characters long, at most 200"),
        (lambda d: d["warning_rules"][0].update(code="c" * 61), "'code' is 61 characters"),
        (lambda d: d["warning_rules"][0].update(code="not a slug/.."), "'code' may hold only"),
        (lambda d: d["dimensions"][0].update(description="x\x00y"), "contains a NUL character"),
        (lambda d: d["dimensions"][0].update(number=70_000), "number 70000 is outside 1..32767"),
        (lambda d: d["dimensions"][0].update(number=-1), "number -1 is outside"),
        (lambda d: d.update(version=10**12), "'version' is 1000000000000, at most"),
        (lambda d: d["dimensions"][0]["questions"][0].update(prompt="p" * 5_001), "at most 5000"),
        (lambda d: d["warning_rules"][0].update(patterns=["x"] * 201), "at most 200"),
    ],
)
def test_it_names_the_item_and_the_problem(default_bank_data, change, message):
    with pytest.raises(bankfile.BankFileError) as err:
        bankfile.parse_text(broken(default_bank_data, change), "bank.json")
    assert message in str(err.value)


def test_it_refuses_yaml_aliases_that_would_multiply_rows():
    text = "questions: &q\n  - {kind: behavioural, prompt: hi}\ndimensions:\n" + "".join(
        f"  - {{title: d{i}, questions: *q}}\n" for i in range(100)
    )
    with pytest.raises(bankfile.BankFileError, match=r"aliases \(\*name\) are not allowed"):
        bankfile.parse_text(text, "bank.yaml")


@pytest.mark.parametrize(
    ("text", "name"),
    [("[" * 100_000 + "]" * 100_000, "bank.json"), ("- " * 10_000 + "x", "bank.yaml")],
    ids=["json", "yaml"],
)
def test_it_refuses_deep_nesting(text, name):
    with pytest.raises(bankfile.BankFileError, match=r"nested too deeply|must be a mapping"):
        bankfile.parse_text(text, name)


def test_it_refuses_an_integer_of_thousands_of_digits():
    with pytest.raises(bankfile.BankFileError, match="cannot be read"):
        bankfile.parse_text('{"bank": "b", "version": ' + "9" * 5_000 + "}", "bank.json")


def test_it_refuses_an_upload_over_the_size_limit(as_hana):
    big = SimpleUploadedFile("bank.yaml", b"#" * (bankfile.MAX_BANK_BYTES + 1))
    response = as_hana.post(reverse("assessments:import"), {"file": big})
    assert "larger than 2 MB" in response.content.decode()
    assert not Bank.objects.exists()


def test_it_loads_nothing_from_a_bad_file_on_the_command_line(tmp_path, default_bank_data):
    path = tmp_path / "bank.json"
    path.write_text(broken(default_bank_data, lambda d: d.update(version=10**12)))
    with pytest.raises(CommandError, match="Nothing was loaded"):
        call_command("load_bank", str(path))
    assert not Dimension.objects.exists() and not Question.objects.exists()


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=30,
)
FIELDS = st.sampled_from(
    [
        "bank",
        "version",
        "dimensions",
        "warning_rules",
        "kind",
        "list",
        "number",
        "title",
        "source",
        "questions",
        "anchors",
        "level",
        "behaviour",
        "code",
        "patterns",
        "dimension",
    ]
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.dictionaries(FIELDS, JSONISH, max_size=6) | JSONISH)
def test_it_answers_any_document_with_data_or_problems(raw):
    for text, name in [(json.dumps(raw), "bank.json"), (json.dumps(raw), "bank.yaml")]:
        try:
            data = bankfile.parse_text(text, name)
        except bankfile.BankFileError as exc:
            assert exc.problems and all(isinstance(p, str) for p in exc.problems)
        else:
            assert data["dimensions"] and isinstance(data["bank"], str)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_it_answers_any_text_with_data_or_problems(text):
    try:
        bankfile.parse_text(text, "bank.yaml")
    except bankfile.BankFileError as exc:
        assert exc.problems
