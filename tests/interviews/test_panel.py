"""Independent scoring: nobody sees another interviewer's scores, notes or flags before
submitting their own; HR and the role's hiring manager see everything submitted; drafts
stay with their interviewer. Enforced by hiring.access, so every view inherits it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from hiring.interviews.access import visible_interviews
from hiring.interviews.models import Response

pytestmark = pytest.mark.django_db


def page(client, candidate) -> str:
    reply = client.get(reverse("interviews:candidate", args=[candidate.pk]))
    assert reply.status_code == 200
    return reply.content.decode()


def test_it_hides_a_submitted_panel_from_an_interviewer_who_has_not_submitted(
    as_rosa, ravis, rosas, rosa, submit
):
    submit(ravis, score=2, answer="Ravi's private note about Cleo")
    Response.objects.filter(interview=ravis).update(notes="Ravi's notes")
    assert list(visible_interviews(rosa, ravis.candidate)) == [rosas]
    html = page(as_rosa, ravis.candidate)
    assert "Ravi" not in html and "stay hidden until you submit your own" in html
    assert as_rosa.get(ravis.get_absolute_url()).status_code == 404
    assert "Ravi's private note" not in as_rosa.get(rosas.get_absolute_url()).content.decode()


def test_it_hides_the_panel_from_an_interviewer_who_has_not_started(as_rosa, ravis, submit):
    submit(ravis)
    html = page(as_rosa, ravis.candidate)
    assert "Ravi" not in html and "Start interview" in html
    assert as_rosa.get(ravis.get_absolute_url()).status_code == 404


def test_it_shows_the_panel_once_the_interviewer_has_submitted(as_rosa, ravis, rosas, rosa, submit):
    submit(ravis, score=2, answer="Ravi heard this")
    submit(rosas, score=5)
    assert set(visible_interviews(rosa, ravis.candidate)) == {ravis, rosas}
    html = page(as_rosa, ravis.candidate)
    assert "Ravi" in html and "2.0" in html and "5.0" in html
    readonly = as_rosa.get(ravis.get_absolute_url())
    assert readonly.status_code == 200 and "Ravi heard this" in readonly.content.decode()


def test_it_never_shows_drafts_to_anyone_but_their_interviewer(
    as_rosa, as_maya, as_hana, ravis, rosas, submit
):
    submit(rosas)
    for client in (as_rosa, as_maya, as_hana):
        assert client.get(ravis.get_absolute_url()).status_code == 404
    assert "1 interview still in progress" in page(as_maya, ravis.candidate)


def test_it_shows_hr_and_the_hiring_manager_everything_submitted(
    as_maya, as_hana, hana, maya, ravis, submit
):
    submit(ravis, score=3)
    for client, person in ((as_maya, maya), (as_hana, hana)):
        assert list(visible_interviews(person, ravis.candidate)) == [ravis]
        assert "3.0" in page(client, ravis.candidate)
        assert client.get(ravis.get_absolute_url()).status_code == 200


def test_it_hides_candidates_of_other_managers_roles(mini_bank, hana, as_maya, ravi, submit):
    from hiring.interviews import services
    from hiring.interviews.models import Candidate, Role

    other = Role.objects.create(title="Other", bank_version=mini_bank, hiring_manager=hana)
    person = Candidate.objects.create(role=other, name="Zed", email="zed@example.com")
    interview = submit(services.start_interview(person, ravi))
    assert as_maya.get(reverse("interviews:candidate", args=[person.pk])).status_code == 404
    assert as_maya.get(interview.get_absolute_url()).status_code == 404


def test_it_shows_nothing_to_a_user_without_a_role(otto, ravis, submit):
    submit(ravis)
    assert not visible_interviews(otto, ravis.candidate).exists()


def test_it_links_the_candidate_report_when_reports_exist(as_maya, cleo):
    from django.urls import NoReverseMatch

    try:
        url = reverse("reports:candidate", args=[cleo.pk])
    except NoReverseMatch:
        pytest.skip("the reports app does not provide reports:candidate yet")
    assert url in page(as_maya, cleo)
