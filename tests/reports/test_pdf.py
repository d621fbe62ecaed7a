"""PDFs are the pages' templates through WeasyPrint: read back as text, cached by fingerprint."""

import io
import re
import threading
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from pypdf import PdfReader

from hiring.interviews.models import Candidate, Flag, Interview
from hiring.reports import pdf

from .conftest import DISMISSED_ANSWER, FLAGGED_ANSWER, FLAGGED_PHRASE, flag, run_interview

pytestmark = pytest.mark.django_db


MADE_AT = re.compile(r"made \d+ \w+ \d+ \d+:\d+")


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    # Cells wrap: join lines so multi-line titles read as one phrase.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def fresh(candidate: Candidate) -> Candidate:
    return Candidate.objects.select_related("role__bank_version__bank").get(pk=candidate.pk)


def test_it_prints_name_dimensions_flagged_phrase_and_overall(ana, published):
    data = pdf.candidate_pdf(fresh(ana))
    assert data.startswith(b"%PDF")
    text = text_of(data)
    assert "Ana Alvarez" in text
    for title in published.dimensions.values_list("title", flat=True):
        assert " ".join(title.split()) in text, title
    assert FLAGGED_PHRASE in text
    assert "3.50" in text  # the overall
    assert "Page 1 of" in text
    assert "Dismissed by Maya" in text


def test_it_prints_every_warning_with_its_quote_and_reason_and_every_note(ana, rule):
    text = text_of(pdf.candidate_pdf(fresh(ana)))
    for quote in (FLAGGED_ANSWER, DISMISSED_ANSWER):
        assert f"“{quote}”" in text
    assert rule.label in text and " ".join(rule.why.split()) in text
    assert "Praise is mentioned in passing; the answer is about the fix." in text
    for note in (
        "Told the parking-fine story with warmth.",
        "Kept it kind.",
        "Laughed at the customer a little.",
    ):
        assert f"Note: {note}" in text
    assert "Ravi heard (scored 5): “An answer.” Note: Told the parking-fine story" in text


def test_it_prints_each_note_on_a_line_of_its_own_below_the_answer(ana):
    reader = PdfReader(io.BytesIO(pdf.candidate_pdf(fresh(ana))))
    lines = [line.strip() for page in reader.pages for line in page.extract_text().splitlines()]
    assert "Ravi heard (scored 5): “An answer.”" in lines
    assert "Note: Told the parking-fine story with warmth." in lines


def test_it_puts_the_candidate_in_the_running_header_of_every_page(ana):
    reader = PdfReader(io.BytesIO(pdf.candidate_pdf(fresh(ana))))
    assert len(reader.pages) >= 2
    assert all("Ana Alvarez" in page.extract_text() for page in reader.pages)


def test_it_prints_a_comparison_listing_every_candidate(panel, role, published):
    text = text_of(pdf.comparison_pdf_bytes(role, {}))
    for candidate in panel:
        assert candidate.name in text
    assert "Comparison: Support agent" in text
    for title in published.dimensions.values_list("title", flat=True):
        assert " ".join(title.split()) in text, title


def test_it_prints_the_weight_column_only_when_weights_differ(panel, role, published):
    text = text_of(pdf.comparison_pdf_bytes(role, {}))
    assert "Every dimension weighs the same for this role." in text and "Weight" not in text
    role.role_dimensions.create(dimension=published.dimensions.order_by("position")[0], weight=3)
    text = text_of(pdf.comparison_pdf_bytes(role, {}))
    assert "Weight" in text and "weighs the same" not in text


def test_it_prints_on_letter_paper_when_set(ana, settings):
    settings.REPORT_PAPER_SIZE = "Letter"
    box = PdfReader(io.BytesIO(pdf.candidate_pdf(fresh(ana)))).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_it_prints_on_a4_by_default(ana):
    box = PdfReader(io.BytesIO(pdf.candidate_pdf(fresh(ana)))).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_it_serves_an_unchanged_report_from_the_cache(ana, monkeypatch):
    first = pdf.candidate_pdf(fresh(ana))
    monkeypatch.setattr(pdf, "render_pdf", lambda *a, **k: pytest.fail("rendered again"))
    assert pdf.candidate_pdf(fresh(ana)) == first


def test_it_makes_a_fresh_report_after_a_dismissal(ana, maya):
    before = pdf.candidate_key(fresh(ana))
    Flag.objects.open().filter(response__interview__candidate=ana).update(
        dismissed_by=maya, dismissed_at=timezone.now(), dismiss_reason="Context made it fine."
    )
    assert pdf.candidate_key(fresh(ana)) != before


def test_it_makes_a_fresh_report_after_a_new_flag_or_submission(ana, rhea, rule, questions):
    before = pdf.candidate_key(fresh(ana))
    draft = Interview.objects.get(candidate=ana, interviewer=rhea)
    Interview.objects.filter(pk=draft.pk).update(
        status=Interview.Status.SUBMITTED, submitted_at=timezone.now()
    )
    after_submit = pdf.candidate_key(fresh(ana))
    assert after_submit != before
    response = draft.responses.get(question=questions[5])
    Flag.objects.create(response=response, rule=rule, evidence="An", start=0, end=2)
    assert pdf.candidate_key(fresh(ana)) != after_submit


def test_it_makes_a_fresh_comparison_after_a_new_score(panel, role, questions, rosa):
    _, ben, _ = panel
    before = pdf.comparison_key(role, None, "")
    run_interview(ben, rosa, questions, lambda q: 5)
    assert pdf.comparison_key(role, None, "") != before


def test_it_keeps_draft_edits_from_invalidating_the_report(ana, rhea):
    before = pdf.candidate_key(fresh(ana))
    draft = Interview.objects.get(candidate=ana, interviewer=rhea)
    response = draft.responses.first()
    response.notes = "still typing"
    response.save()
    assert pdf.candidate_key(fresh(ana)) == before


def test_it_refuses_to_fetch_anything_over_the_network():
    fetcher = pdf._fetcher()
    with pytest.raises(ValueError, match="network"):
        fetcher.fetch("https://cdn.example.com/bootstrap.css")
    with pytest.raises(ValueError, match="static"):
        fetcher.fetch("file:///etc/passwd")
    css = fetcher.fetch("file:///static/css/print.css").read()
    assert b"@page" in css


def test_it_keeps_one_font_configuration_per_thread(ana):
    here = pdf.font_config()
    assert pdf.font_config() is here
    elsewhere = []
    thread = threading.Thread(target=lambda: elsewhere.append(pdf.font_config()))
    thread.start()
    thread.join()
    assert elsewhere and elsewhere[0] is not here


def test_it_prints_every_font_again_with_the_kept_configuration(ana):
    def pages() -> list[str]:
        reader = PdfReader(io.BytesIO(pdf.candidate_pdf_bytes(fresh(ana))))
        return [MADE_AT.sub("", page.extract_text()) for page in reader.pages]

    first, second = pages(), pages()
    assert first == second and "Ana Alvarez" in second[0]


def test_it_names_downloads_after_the_candidate_and_role(ana, role):
    assert pdf.candidate_filename(ana) == "report-ana-alvarez-support-agent.pdf"
    assert pdf.comparison_filename(role) == "comparison-support-agent.pdf"


def test_it_writes_a_candidate_report_from_the_command_line(ana, tmp_path: Path):
    out, page = tmp_path / "ana.pdf", tmp_path / "ana.html"
    call_command(
        "candidate_report",
        str(ana.pk),
        "--pdf",
        str(out),
        "--html",
        str(page),
        stdout=io.StringIO(),
    )
    assert "Ana Alvarez" in text_of(out.read_bytes())
    html = page.read_text()
    assert "<style>" in html and "Ana Alvarez" in html and "bootstrap" not in html


def test_it_writes_a_comparison_from_the_command_line(panel, role, tmp_path: Path):
    out = tmp_path / "compare.pdf"
    call_command("compare_candidates", "--role", role.slug, "--pdf", str(out), stdout=io.StringIO())
    text = text_of(out.read_bytes())
    assert all(c.name in text for c in panel)


def test_it_explains_command_line_mistakes(panel, role, tmp_path: Path):
    with pytest.raises(CommandError, match="No candidate"):
        call_command("candidate_report", "999999", "--pdf", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="--pdf"):
        call_command("candidate_report", str(panel[0].pk))
    with pytest.raises(CommandError, match="No role"):
        call_command("compare_candidates", "--role", "nope", "--pdf", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="sort"):
        call_command(
            "compare_candidates",
            "--role",
            role.slug,
            "--sort",
            "bogus",
            "--pdf",
            str(tmp_path / "x.pdf"),
        )


def test_it_shows_a_flag_added_after_a_first_download(ben, rule, questions):
    interview = ben.interviews.get()
    interview.responses.filter(question=questions[0]).update(
        answer="I like being appreciated, to be honest."
    )
    first = pdf.candidate_pdf(fresh(ben))
    flag(interview, questions[0], rule, "like being appreciated")
    assert pdf.candidate_pdf(fresh(ben)) != first
    assert FLAGGED_PHRASE in text_of(pdf.candidate_pdf(fresh(ben)))
