"""`screen_answers`: JSON lines in, one JSON line out per answer, bad lines named."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from assessments import services

pytestmark = pytest.mark.django_db


def run(*args, stdin=""):
    out, err = io.StringIO(), io.StringIO()
    import sys

    real_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        call_command("screen_answers", *args, stdout=out, stderr=err)
    finally:
        sys.stdin = real_stdin
    return out.getvalue(), err.getvalue()


def test_it_writes_one_line_per_answer_with_flags_and_offsets(published, tmp_path):
    path = tmp_path / "answers.jsonl"
    path.write_text(
        json.dumps({"id": "a1", "answer": "Honestly, I like being appreciated.", "x": 1})
        + "\n"
        + json.dumps({"id": "a2", "answer": "I listen first, then I fix it."})
        + "\n"
    )
    out, _ = run(str(path))
    first, second = (json.loads(line) for line in out.splitlines())
    assert second == {"id": "a2", "flags": []}
    assert first["id"] == "a1"
    (flag,) = first["flags"]
    assert set(flag) == {"rule", "label", "evidence", "start", "end", "why", "source"}
    assert flag["rule"] == "appreciation"
    assert "Honestly, I like being appreciated."[flag["start"] : flag["end"]] == flag["evidence"]


def test_it_names_bad_lines_and_still_screens_the_others(published):
    lines = [
        json.dumps({"id": 1, "answer": "I'd tell the customer to calm down."}),
        "{not json",
        json.dumps({"id": 3, "text": "no answer key"}),
        json.dumps({"id": 4, "answer": "That's not my job."}),
    ]
    out, err = run("-", stdin="\n".join(lines) + "\n")
    results = [json.loads(line) for line in out.splitlines()]
    assert [r.get("id", r.get("line")) for r in results] == [1, 2, 3, 4]
    assert results[1]["error"].startswith("line 2:")
    assert results[2]["error"].startswith("line 3:") and "answer" in results[2]["error"]
    assert results[0]["flags"][0]["rule"] == "calm_down"
    assert results[3]["flags"][0]["rule"] == "not_my_job"
    assert "2 line(s)" in err


def test_it_evaluates_a_labelled_file(published, tmp_path):
    path = tmp_path / "labelled.jsonl"
    path.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {
                    "id": "p",
                    "answer": "I like being appreciated.",
                    "warning": True,
                    "category": "appreciation",
                },
                {"id": "n", "answer": "I don't need thanks to do a good job.", "warning": False},
                {
                    "id": "m",
                    "answer": "I adapt to each customer.",
                    "warning": True,
                    "category": "control",
                },
            ]
        )
    )
    out, _ = run("--evaluate", str(path))
    assert "precision" in out and "recall" in out
    assert "I adapt to each customer." in out  # the miss is listed


def test_it_uses_the_version_asked_for(published):
    draft = services.start_draft(published.bank)
    rule = draft.warning_rules.get(code="appreciation")
    rule.patterns = [*rule.patterns, "purple elephants"]
    rule.save()
    services.publish_version(draft)
    line = json.dumps({"id": 1, "answer": "I dream of purple elephants."})
    assert json.loads(run("--bank-version", "1", "-", stdin=line)[0])["flags"] == []
    assert json.loads(run("-", stdin=line)[0])["flags"][0]["rule"] == "appreciation"


def test_it_refuses_an_unknown_version(published):
    with pytest.raises(CommandError, match="No such published bank version"):
        run("--bank-version", "9", "-")
