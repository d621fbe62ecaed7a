"""Who sees which report, tested on every report URL.

HR sees all roles; a hiring manager the roles they own; a recruiter a candidate's
report only after submitting their own interview of that candidate, never a comparison;
everyone else 403; anonymous visitors are sent to log in.
"""

import pytest
from django.urls import reverse

from hiring.reports import pdf

pytestmark = pytest.mark.django_db

CANDIDATE_URLS = ["reports:candidate", "reports:candidate_pdf"]
ROLE_URLS = ["reports:compare", "reports:compare_pdf", "reports:compare_job"]


@pytest.fixture(autouse=True)
def quick_pdfs(monkeypatch):
    """Access is about status codes: skip the real rendering here (test_pdf covers it)."""
    monkeypatch.setattr(pdf, "render_pdf", lambda *args, **kwargs: b"%PDF-1.7 test")


def urls(panel, role):
    ana = panel[0]
    return [reverse(name, args=[ana.pk]) for name in CANDIDATE_URLS] + [
        reverse(name, args=[role.slug]) for name in ROLE_URLS
    ]


@pytest.mark.parametrize("who", ["as_hana", "as_maya"])
def test_it_shows_hr_and_the_roles_manager_every_report(request, who, panel, role):
    client = request.getfixturevalue(who)
    for url in urls(panel, role):
        assert client.get(url).status_code == 200, url


def test_it_hides_other_roles_from_their_managers(as_marco, panel, role):
    for url in urls(panel, role):
        assert as_marco.get(url).status_code == 404, url


def test_it_forbids_outsiders_everything(as_otto, panel, role):
    for url in urls(panel, role):
        assert as_otto.get(url).status_code == 403, url


def test_it_sends_anonymous_visitors_to_log_in(client, panel, role):
    for url in urls(panel, role):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url


@pytest.mark.parametrize("who", ["as_ravi", "as_rosa"])
def test_it_shows_a_recruiter_the_report_after_their_own_submission(request, who, panel):
    client = request.getfixturevalue(who)
    for name in CANDIDATE_URLS:
        assert client.get(reverse(name, args=[panel[0].pk])).status_code == 200, name


def test_it_hides_the_report_from_a_recruiter_whose_interview_is_a_draft(as_rhea, panel):
    for name in CANDIDATE_URLS:
        assert as_rhea.get(reverse(name, args=[panel[0].pk])).status_code == 403, name


def test_it_hides_the_report_from_a_recruiter_who_did_not_interview(as_rosa, panel):
    ben, cy = panel[1], panel[2]
    for name in CANDIDATE_URLS:
        assert as_rosa.get(reverse(name, args=[ben.pk])).status_code == 403, name
        assert as_rosa.get(reverse(name, args=[cy.pk])).status_code == 403, name


@pytest.mark.parametrize("who", ["as_ravi", "as_rosa", "as_rhea"])
def test_it_never_shows_recruiters_a_comparison(request, who, panel, role):
    client = request.getfixturevalue(who)
    for name in ROLE_URLS:
        assert client.get(reverse(name, args=[role.slug])).status_code == 403, name


def test_it_answers_404_for_what_does_not_exist(as_hana, panel):
    assert as_hana.get(reverse("reports:candidate", args=[999999])).status_code == 404
    assert as_hana.get(reverse("reports:candidate_pdf", args=[999999])).status_code == 404
    for name in ROLE_URLS:
        assert as_hana.get(reverse(name, args=["no-such-role"])).status_code == 404, name


def test_it_refuses_post_on_every_report_url_but_starting_a_job(as_maya, panel, role):
    job = reverse("reports:compare_job", args=[role.slug])
    for url in urls(panel, role):
        if url != job:
            assert as_maya.post(url).status_code == 405, url
