"""Independence without exceptions: a hiring manager (or anyone in HR) who interviews a
candidate sees nobody else's scores, notes or flags on any surface until they submit.

Ana's panel: Ravi and Rosa submitted (Ravi's notes and flags are the markers looked for
below); Maya manages the role and starts her own interview of Ana.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from hiring.interviews.access import sees_whole_panel, visible_interviews
from hiring.interviews.models import Interview
from hiring.reports import pdf
from hiring.reports.access import can_compare, can_read_report
from tests.reports.conftest import FLAGGED_PHRASE, run_interview

RAVIS_NOTE = "Told the parking-fine story with warmth."


@pytest.fixture(autouse=True)
def quick_pdfs(monkeypatch):
    """Status codes and text are what matter here; test_pdf renders real PDFs."""
    monkeypatch.setattr(pdf, "render_pdf", lambda *args, **kwargs: b"%PDF-1.7 test")


@pytest.fixture
def mayas_draft(ana, maya, questions) -> Interview:
    return run_interview(ana, maya, questions, lambda q: None, submitted=False)


def submit(interview: Interview) -> None:
    Interview.objects.filter(pk=interview.pk).update(
        status=Interview.Status.SUBMITTED, submitted_at=timezone.now()
    )


def test_it_limits_the_managers_view_to_her_own_draft_in_the_rules(ana, role, maya, mayas_draft):
    assert list(visible_interviews(maya, ana)) == [mayas_draft]
    assert not sees_whole_panel(maya, ana)
    assert not can_read_report(maya, ana)
    assert not can_compare(maya, role)


def test_it_shows_the_manager_no_panel_scores_notes_or_flags_on_the_candidate_page(
    as_maya, ana, mayas_draft
):
    page = as_maya.get(reverse("interviews:candidate", args=[ana.pk])).content.decode()
    assert RAVIS_NOTE not in page and FLAGGED_PHRASE not in page
    assert "Ravi" not in page and "Rosa" not in page
    assert "stay hidden" in page or "hidden" in page


def test_it_hides_the_other_interviews_themselves_from_the_manager(as_maya, ana, ravi, mayas_draft):
    ravis = ana.interviews.get(interviewer=ravi)
    assert as_maya.get(reverse("interviews:interview", args=[ravis.pk])).status_code == 404
    own = as_maya.get(reverse("interviews:interview", args=[mayas_draft.pk])).content.decode()
    assert RAVIS_NOTE not in own and FLAGGED_PHRASE not in own


def test_it_refuses_the_manager_the_report_and_the_comparison_with_a_reason(
    as_maya, ana, role, mayas_draft
):
    for url in [
        reverse("reports:candidate", args=[ana.pk]),
        reverse("reports:candidate_pdf", args=[ana.pk]),
        reverse("reports:compare", args=[role.slug]),
        reverse("reports:compare_pdf", args=[role.slug]),
        reverse("reports:compare_job", args=[role.slug]),
    ]:
        response = as_maya.get(url)
        assert response.status_code == 403, url
        assert "Submit your" in response.content.decode(), url


def test_it_still_shows_the_manager_reports_of_candidates_she_is_not_interviewing(
    as_maya, ben, mayas_draft
):
    assert as_maya.get(reverse("reports:candidate", args=[ben.pk])).status_code == 200


def test_it_shows_the_manager_everything_once_she_has_submitted(as_maya, ana, role, mayas_draft):
    submit(mayas_draft)
    page = as_maya.get(reverse("interviews:candidate", args=[ana.pk])).content.decode()
    assert "Ravi" in page
    assert as_maya.get(reverse("reports:candidate", args=[ana.pk])).status_code == 200
    assert as_maya.get(reverse("reports:compare", args=[role.slug])).status_code == 200


def test_it_holds_for_someone_in_hr_who_also_recruits(ana, hana, questions, as_hana):
    hana.groups.add(Group.objects.get(name="Recruiter"))
    run_interview(ana, hana, questions, lambda q: None, submitted=False)
    page = as_hana.get(reverse("interviews:candidate", args=[ana.pk])).content.decode()
    assert RAVIS_NOTE not in page and "Ravi" not in page
    assert as_hana.get(reverse("reports:candidate", args=[ana.pk])).status_code == 403
    assert as_hana.get(reverse("reports:compare", args=[ana.role.slug])).status_code == 403
