"""The candidate report, in the browser and as a PDF, says which stage raised each flag."""

from __future__ import annotations

import pytest
from django.urls import reverse

from assessments.models import BankVersion
from hiring.interviews import services
from hiring.interviews.models import Candidate, Flag, Interview
from hiring.reports import pdf
from hiring.reports.candidate import build_candidate_report

from .conftest import FLAGGED_PHRASE, flag
from .test_pdf import fresh, text_of

pytestmark = pytest.mark.django_db

# No pattern of the shipped "elsewhere" rule describes this answer; the shipped learned
# stage flags it.
ONLY_LEARNED = "To be honest I only took this job for now, until something better turns up."
LEARNED_NOTE = "No pattern matched: the wording is close to the rule's examples."


@pytest.fixture
def learned_flag(ana, rhea, questions) -> Flag:
    """Rhea finishes her interview of Ana; the real screener flags one answer, learned."""
    interview = Interview.objects.get(candidate=ana, interviewer=rhea)
    response = interview.responses.get(question=questions[3])
    data = {"answer": ONLY_LEARNED, "notes": "", "score": 1, "not_asked": False}
    assert services.save_response(response, data, response.revision).flags_changed
    verdict = {"recommendation": "no", "takeaways": "", "panel_note": ""}
    assert services.submit_interview(interview, verdict) == []
    return Flag.objects.get(response=response)


def report_page(client, candidate: Candidate) -> str:
    url = reverse("reports:candidate", args=[candidate.pk])
    return " ".join(client.get(url).content.decode().split())


def test_a_stored_flag_keeps_the_stage_the_screener_gave_it(learned_flag):
    learned_flag.refresh_from_db()
    assert learned_flag.stage == Flag.Stage.LEARNED and learned_flag.rule.code == "elsewhere"


def test_the_report_groups_say_which_stages_raised_their_flags(ana, learned_flag):
    report = build_candidate_report(ana)
    labels = {g.rule.code: [a.stage_labels for a in g.answers] for g in report.flagged}
    assert labels == {
        "appreciation": [["Rule match"], ["Rule match"]],
        "elsewhere": [["Learned pattern"]],
    }
    assert [label for label, _note in report.stages] == ["Rule match", "Learned pattern"]


def test_the_report_page_says_which_stage_raised_each_flag(as_maya, ana, learned_flag):
    page = report_page(as_maya, ana)
    assert "Raised by: Rule match" in page and "Raised by: Learned pattern" in page
    assert "No pattern matched: the wording is close to the rule&#x27;s examples." in page
    assert "HR can switch this stage off for a bank version (rules only)." in page


def test_the_report_explains_only_the_stages_it_shows(as_maya, ana):
    page = report_page(as_maya, ana)
    assert "Raised by: Rule match" in page
    assert "Learned pattern" not in page


def test_the_pdf_says_which_stage_raised_each_flag(ana, learned_flag):
    text = text_of(pdf.candidate_pdf(fresh(ana)))
    assert FLAGGED_PHRASE in text
    assert "Raised by: Rule match" in text and "Raised by: Learned pattern" in text
    assert LEARNED_NOTE in text


def test_the_report_says_when_its_bank_version_screens_with_rules_only(as_maya, ana, published):
    assert "screens with its rules only" not in report_page(as_maya, ana)
    # A version that was published rules only (straight in the database: it is frozen).
    BankVersion.objects.filter(pk=published.pk).update(learned_stage=False)
    assert "This bank version screens with its rules only." in report_page(as_maya, ana)


def test_a_learned_flag_made_by_hand_reads_the_same(as_maya, ana, questions, rule):
    interview = Interview.objects.get(candidate=ana, interviewer__username="ravi")
    flag(interview, questions[1], rule, "appreciated by the regulars", stage=Flag.Stage.LEARNED)
    page = report_page(as_maya, ana)
    assert "Raised by: Rule match and Learned pattern" in page
