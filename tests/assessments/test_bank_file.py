"""The default bank and bank files: complete content, clear refusals, faithful round trips."""

import copy
import json

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from assessments import bankfile
from assessments.models import Bank, BankVersion, Dimension, WarningRule


def test_it_ships_fifteen_traits_and_fifteen_beliefs(default_bank_data):
    dims = default_bank_data["dimensions"]
    assert [d["number"] for d in dims if d["list"] == "natural_traits"] == list(range(1, 16))
    assert [d["number"] for d in dims if d["list"] == "cx_beliefs"] == list(range(1, 12))
    assert [d["number"] for d in dims if d["list"] == "basic_beliefs"] == list(range(1, 5))
    assert sum(d["kind"] == "trait" for d in dims) == 15
    assert sum(d["kind"] == "belief" for d in dims) == 15


def test_it_gives_every_dimension_questions_cues_and_a_source(default_bank_data):
    for d in default_bank_data["dimensions"]:
        kinds = {q["kind"] for q in d["questions"]}
        assert "behavioural" in kinds, d["title"]
        assert kinds & {"situational", "belief"}, d["title"]
        assert all(q["listen_for"] for q in d["questions"]), d["title"]
        assert d["source"], d["title"]


def test_it_gives_every_question_its_own_five_anchors(default_bank_data):
    questions = [q for d in default_bank_data["dimensions"] for q in d["questions"]]
    behaviours = [a["behaviour"] for q in questions for a in q["anchors"]]
    assert len(questions) == 60
    assert all([a["level"] for a in q["anchors"]] == [1, 2, 3, 4, 5] for q in questions)
    assert len(set(behaviours)) == len(behaviours) == 300
    assert not any(
        b.lower().strip(".") in {"poor", "fair", "good", "very good", "excellent"}
        for b in behaviours
    )


def test_it_words_situational_anchors_as_answers_to_the_hypothetical(default_bank_data):
    for d in default_bank_data["dimensions"]:
        for q in d["questions"]:
            if q["kind"] == "situational":
                assert all(a["behaviour"].startswith("Would") for a in q["anchors"]), q["prompt"]


def test_it_ships_at_least_twenty_rules_each_with_examples(default_bank_data):
    rules = default_bank_data["warning_rules"]
    assert len(rules) >= 20
    for rule in rules:
        assert len(rule["examples"]) >= 3, rule["code"]
        assert len(rule["counter_examples"]) >= 2, rule["code"]
        assert rule["source"], rule["code"]


def test_it_flags_the_sources_own_caution_with_the_default_rules(default_bank_data):
    from assessments.screening import RuleSpec, Screener

    screener = Screener(
        RuleSpec(code=r["code"], label=r["label"], why=r["why"], patterns=tuple(r["patterns"]))
        for r in default_bank_data["warning_rules"]
    )
    assert screener.screen("I like being appreciated.")


def test_it_states_content_in_its_own_words(default_bank_data):
    """No run of eight words from the source posts is pasted into the bank."""
    from pathlib import Path

    seeds = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip("the source posts are not beside this checkout")

    def shingles(text: str) -> set[tuple[str, ...]]:
        words = "".join(c.lower() if c.isalnum() else " " for c in text).split()
        return {tuple(words[i : i + 8]) for i in range(len(words) - 7)}

    source = set()
    for path in seeds.glob("*.txt"):
        source |= shingles(path.read_text(encoding="utf-8"))
    content = json.dumps(
        {
            # Sources are cited by their titles, which are meant to match.
            "dimensions": [
                {k: v for k, v in d.items() if k != "source"}
                for d in default_bank_data["dimensions"]
            ],
            "rules": [
                {k: r[k] for k in ("label", "why")} for r in default_bank_data["warning_rules"]
            ],
        }
    )
    copied = shingles(content) & source
    assert not copied, sorted(" ".join(s) for s in copied)[:5]


@pytest.fixture
def bank_file(tmp_path, default_bank_data):
    def write(data, name="bank.json"):
        path = tmp_path / name
        if name.endswith(".json"):
            path.write_text(json.dumps(data), encoding="utf-8")
        else:
            path.write_text(
                data if isinstance(data, str) else yaml.safe_dump(data), encoding="utf-8"
            )
        return path

    return write


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda d: d["dimensions"][2]["questions"][0].pop("anchors"), "missing field 'anchors'"),
        (
            lambda d: d["dimensions"][0]["questions"][1]["anchors"][4].update(level=6),
            "level 6 is outside 1..5",
        ),
        (
            lambda d: d["dimensions"][0]["questions"][0]["anchors"][4].update(level=4),
            "level 4 is given more than once",
        ),
        (
            lambda d: d["dimensions"][0].update(anchors=[]),
            "anchors belong to each question now",
        ),
        (
            lambda d: d["warning_rules"][1].update(code=d["warning_rules"][0]["code"]),
            "duplicate code",
        ),
        (lambda d: d["dimensions"][5].update(kind="virtue"), "'kind' is 'virtue'"),
        (
            lambda d: d["warning_rules"][0].update(dimension="natural_traits:99"),
            "is not in this bank",
        ),
        (lambda d: d["warning_rules"][0].pop("why"), "missing field 'why'"),
    ],
)
@pytest.mark.django_db
def test_it_refuses_a_broken_file_naming_file_item_and_problem(
    bank_file, default_bank_data, breakage, message
):
    data = copy.deepcopy(default_bank_data)
    breakage(data)
    path = bank_file(data)
    with pytest.raises(CommandError) as err:
        call_command("load_bank", str(path))
    assert str(path) in str(err.value)
    assert message in str(err.value)
    assert not Bank.objects.exists() and not Dimension.objects.exists()


@pytest.mark.django_db
def test_it_refuses_bad_yaml_and_writes_nothing(bank_file):
    path = bank_file("bank: [unclosed\n  dimensions: {", name="bank.yaml")
    with pytest.raises(CommandError, match="not valid YAML"):
        call_command("load_bank", str(path))
    assert not BankVersion.objects.exists()


@pytest.mark.django_db
def test_it_loads_the_default_bank_once_and_a_second_run_changes_nothing(capsys):
    call_command("load_bank")
    call_command("load_bank")
    assert "Nothing new in the shipped bank" in capsys.readouterr().out
    version = BankVersion.objects.get()
    assert version.status == BankVersion.Status.PUBLISHED
    assert version.dimensions.count() == 30
    assert WarningRule.objects.count() >= 20


@pytest.mark.django_db
def test_it_turns_a_changed_file_into_a_new_version_not_an_edit(
    published, bank_file, default_bank_data
):
    data = copy.deepcopy(default_bank_data)
    data["dimensions"][0]["title"] = "A reworded first trait"
    call_command("load_bank", str(bank_file(data)))
    versions = list(BankVersion.objects.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert (
        versions[0].dimensions.get(list="natural_traits", number=1).title
        != "A reworded first trait"
    )
    assert (
        versions[1].dimensions.get(list="natural_traits", number=1).title
        == "A reworded first trait"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_it_round_trips_export_load_export_identically(published, tmp_path, fmt, django_db_blocker):
    first = tmp_path / f"first.{fmt}"
    call_command("export_bank", "--format", fmt, "-o", str(first))
    Bank.objects.all().delete()  # cascades past the freeze: the whole bank is gone
    assert not Dimension.objects.exists()
    call_command("load_bank", str(first))
    second = tmp_path / f"second.{fmt}"
    call_command("export_bank", "--format", fmt, "-o", str(second))
    assert first.read_text() == second.read_text()


@pytest.mark.django_db
def test_it_exports_the_json_shape_of_the_issue(published, capsys):
    call_command("export_bank", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["bank", "version", "learned_stage", "dimensions", "warning_rules"]
    assert data["learned_stage"] is True
    assert list(data["dimensions"][0]) == [
        "kind",
        "list",
        "number",
        "title",
        "description",
        "source",
        "questions",
    ]
    assert list(data["dimensions"][0]["questions"][0]) == [
        "kind",
        "prompt",
        "probes",
        "listen_for",
        "anchors",
    ]
    assert list(data["warning_rules"][0]) == [
        "code",
        "label",
        "why",
        "severity",
        "patterns",
        "examples",
        "counter_examples",
        "dimension",
        "source",
    ]


def test_bankfile_parse_reports_every_problem_at_once(default_bank_data):
    data = copy.deepcopy(default_bank_data)
    data["dimensions"][0].pop("title")
    data["warning_rules"][0]["severity"] = "extreme"
    with pytest.raises(bankfile.BankFileError) as err:
        bankfile.parse_data(data, "x.yaml")
    assert len(err.value.problems) == 2


@pytest.mark.django_db
def test_it_never_publishes_the_shipped_bank_over_hrs_version(hana, capsys):
    from assessments import services

    call_command("load_bank")
    v1 = BankVersion.objects.get()
    draft = services.start_draft(v1.bank, user=hana)
    dimension = draft.dimensions.order_by("position").first()
    dimension.title = "HR's own wording"
    dimension.save()
    services.publish_version(draft, user=hana, changelog="HR's edit.")
    capsys.readouterr()

    call_command("load_bank")

    out = capsys.readouterr().out
    assert "nothing was published" in out
    assert BankVersion.objects.published().order_by("-number").first() == draft
    assert BankVersion.objects.count() == 2
    assert draft.bank.latest_published().dimensions.filter(title="HR's own wording").exists()


@pytest.mark.django_db
def test_it_opens_a_draft_for_review_when_the_shipped_bank_changes(
    monkeypatch, default_bank_data, capsys
):
    from assessments import bankfile

    call_command("load_bank")
    newer = copy.deepcopy(default_bank_data)
    newer["dimensions"][0]["title"] = "A newer shipped wording"
    monkeypatch.setattr(bankfile, "read_default_bank", lambda: copy.deepcopy(newer))
    capsys.readouterr()

    call_command("load_bank")
    out = capsys.readouterr().out
    assert "opened draft v2 for review" in out and "Nothing was published" in out
    draft = BankVersion.objects.get(status="draft")
    assert draft.dimensions.filter(title="A newer shipped wording").exists()
    assert BankVersion.objects.published().get().number == 1
    assert "shipped default bank" in draft.changes.get().summary

    call_command("load_bank")  # the same newer shipped bank again: nothing happens
    assert "Nothing new" in capsys.readouterr().out
    assert BankVersion.objects.count() == 2


@pytest.mark.django_db
def test_it_leaves_an_open_draft_alone_when_the_shipped_bank_changes(
    monkeypatch, default_bank_data, hana, capsys
):
    from assessments import bankfile, services

    call_command("load_bank")
    draft = services.start_draft(Bank.objects.get(), user=hana)
    newer = copy.deepcopy(default_bank_data)
    newer["warning_rules"][0]["label"] = "A newer shipped label"
    monkeypatch.setattr(bankfile, "read_default_bank", lambda: copy.deepcopy(newer))
    capsys.readouterr()

    call_command("load_bank")
    assert "is an open draft; nothing was changed" in capsys.readouterr().out
    assert not draft.warning_rules.filter(label="A newer shipped label").exists()


@pytest.mark.django_db
def test_it_refuses_to_replace_an_open_draft_from_a_file_without_confirmation(
    published, bank_file, default_bank_data, hana
):
    from assessments import services

    draft = services.start_draft(published.bank, user=hana)
    data = copy.deepcopy(default_bank_data)
    data["dimensions"][0]["title"] = "From a file"
    path = str(bank_file(data))
    with pytest.raises(CommandError, match="open draft"):
        call_command("load_bank", path, "--draft")
    assert not draft.dimensions.filter(title="From a file").exists()
    call_command("load_bank", path, "--draft", "--replace-draft")
    assert draft.dimensions.filter(title="From a file").exists()
