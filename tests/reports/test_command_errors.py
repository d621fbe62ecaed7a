"""Management commands given garbage end with one CommandError line, never a traceback,
and check where they will write before doing any work."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def test_it_refuses_a_file_that_is_not_utf8(published, tmp_path):
    path = tmp_path / "answers.jsonl"
    path.write_bytes('{"id": 1, "answer": "café"}\n'.encode("latin-1"))
    with pytest.raises(CommandError, match="Not UTF-8 text"):
        call_command("screen_answers", str(path))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "line 1: cannot be read (RecursionError"),
        ('{"id": ' + "9" * 5_000 + ', "answer": "hi"}', "line 1: cannot be read (ValueError"),
        (json.dumps({"id": 1, "answer": "x" * 20_001}), "longer than 20000 characters"),
        (json.dumps({"id": 1, "answer": "y" * 20_000}), "a word longer than 100"),
    ],
    ids=["deep", "huge-int", "long-answer", "long-word"],
)
def test_it_reports_a_bad_line_and_goes_on(published, tmp_path, capsys, line, message):
    path = tmp_path / "answers.jsonl"
    path.write_text(line + "\n" + json.dumps({"id": 2, "answer": "Sorry, my fault."}) + "\n")
    call_command("screen_answers", str(path))
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert message in out[0]["error"]
    assert out[1]["id"] == 2


@pytest.mark.parametrize("where", ["dir", "missing"])
def test_it_refuses_an_output_it_cannot_write_before_rendering(published, tmp_path, where):
    target = str(tmp_path) if where == "dir" else str(tmp_path / "nope" / "out.pdf")
    message = "is a directory" if where == "dir" else "does not exist"
    with pytest.raises(CommandError, match=message):
        call_command("export_bank", "-o", target)
    with pytest.raises(CommandError, match=message):
        call_command("candidate_report", "1", "--pdf", target)
    with pytest.raises(CommandError, match=message):
        call_command("compare_candidates", "--role", "x", "--html", target)


def test_it_refuses_a_negative_demo_size(settings, db):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="between 0 and 100000"):
        call_command("demo", "--candidates", "-5")
