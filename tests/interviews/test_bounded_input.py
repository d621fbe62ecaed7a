"""Bad input gets a message naming the line, and nothing is written; the screener never
sees an over-long word."""

from __future__ import annotations

import string

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hiring.interviews.forms import MAX_WORD, CandidateImportForm, ResponseForm, ScreenForm
from hiring.interviews.models import Candidate


def csv_file(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("people.csv", data, content_type="text/csv")


def import_form(role, data: bytes) -> CandidateImportForm:
    return CandidateImportForm(data={}, files={"file": csv_file(data)}, role=role)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Ada\x00 Lane,ada@example.com\n", "Line 1: contains a NUL character"),
        (b"Ada,ada@example.com\nBo," + b"b" * 250 + b"@example.com\n", "Line 2: the email"),
        (b'Ada,ada@example.com\n"' + b"x" * 200_000 + b'",x@example.com\n', "Line 2: cannot be"),
        (b"Ada Lane,ada@example.com\rBo,not-an-email\r", "Line 2: "),
    ],
    ids=["nul", "long-email", "huge-field", "bare-cr"],
)
def test_it_refuses_a_damaged_csv_naming_the_line(as_ravi, role, data, message):
    response = as_ravi.post(
        reverse("interviews:import_candidates", args=[role.slug]), {"file": csv_file(data)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Candidate.objects.filter(role=role).exists()


def test_it_reads_old_mac_line_endings(role):
    form = import_form(role, b"Ada Lane,ada@example.com\rBo Chen,bo@example.com\r")
    assert form.is_valid(), form.errors
    assert form.rows == [("Ada Lane", "ada@example.com"), ("Bo Chen", "bo@example.com")]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.binary(max_size=2_000)
    | st.text(alphabet=string.printable + "\x00é\u2028", max_size=500).map(str.encode)
)
def test_it_answers_any_csv_bytes_with_rows_or_messages(role, data):
    form = import_form(role, data)
    if form.is_valid():
        assert form.rows and all(len(name) <= 200 and "@" in email for name, email in form.rows)
    else:
        assert form.errors["file"]


def test_it_keeps_over_long_words_away_from_the_screener(as_ravi, ravis):
    response = ravis.responses.first()
    word = "a" * 20_000
    screen = as_ravi.post(
        reverse("interviews:screen", args=[response.pk]), {"answer": word}, HTTP_HX_REQUEST="true"
    )
    assert screen.status_code == 422
    saved = as_ravi.post(
        reverse("interviews:save_response", args=[response.pk]),
        {"answer": f"I said {word}", "notes": "", "choice": "", "revision": response.revision},
        HTTP_HX_REQUEST="true",
    )
    assert saved.status_code == 422
    response.refresh_from_db()
    assert response.answer == ""


def test_it_names_the_word_that_is_too_long():
    form = ScreenForm({"answer": "fine words then " + "z" * (MAX_WORD + 1)})
    assert not form.is_valid()
    assert f"no word is longer than {MAX_WORD}" in form.errors["answer"][0]
    assert ScreenForm({"answer": "w" * MAX_WORD}).is_valid()


def test_it_caps_answers_and_notes_at_twenty_thousand_characters():
    form = ResponseForm({"answer": "ok " * 7_000, "notes": "", "choice": "", "revision": 0})
    assert not form.is_valid() and "answer" in form.errors
    form = ResponseForm({"answer": "", "notes": "n " * 10_001, "choice": "", "revision": 0})
    assert not form.is_valid() and "notes" in form.errors
