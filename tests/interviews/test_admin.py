"""The admin keeps the invariants: submitted interviews, their responses and flags are
read-only there; candidates and roles holding one are not deleted; publishing is not an
edit of a status field."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from assessments.models import BankVersion
from hiring.interviews.models import Candidate, Interview, Response, Role


@pytest.fixture
def staff(db) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("root", "root@example.com", "pw-root-1x"))
    return client


@pytest.fixture
def submitted(ravis, fill, submit) -> Interview:
    fill(ravis)
    submit(ravis)
    ravis.refresh_from_db()
    assert ravis.is_submitted
    return ravis


def change_url(obj) -> str:
    return reverse(f"admin:interviews_{obj._meta.model_name}_change", args=[obj.pk])


def test_it_shows_a_submitted_interview_read_only(staff, submitted, rosas):
    page = staff.get(change_url(submitted))
    assert page.status_code == 200 and b'name="status"' not in page.content
    staff.post(change_url(submitted), {"status": "draft", "candidate": rosas.candidate_id})
    submitted.refresh_from_db()
    assert submitted.is_submitted and submitted.candidate_id == rosas.candidate_id


def test_it_never_offers_the_status_of_an_open_interview(staff, rosas):
    page = staff.get(change_url(rosas)).content.decode()
    assert 'name="status"' not in page and 'name="candidate"' not in page


def test_it_keeps_the_responses_and_flags_of_a_submitted_interview(staff, submitted):
    response = submitted.responses.first()
    staff.post(change_url(response), {"answer": "rewritten", "score": 1})
    assert Response.objects.get(pk=response.pk).answer != "rewritten"
    delete = reverse("admin:interviews_response_delete", args=[response.pk])
    assert staff.post(delete, {"post": "yes"}).status_code == 403
    assert Response.objects.filter(pk=response.pk).exists()


def test_it_refuses_to_delete_a_candidate_with_a_submitted_interview(staff, submitted):
    candidate = submitted.candidate
    url = reverse("admin:interviews_candidate_delete", args=[candidate.pk])
    page = staff.post(url, {"post": "yes"}).content.decode()
    assert "submitted interviews are kept" in page
    assert Candidate.objects.filter(pk=candidate.pk).exists()


def test_it_refuses_a_bulk_delete_of_candidates_with_submitted_interviews(staff, submitted):
    url = reverse("admin:interviews_candidate_changelist")
    data = {
        "action": "delete_selected",
        "_selected_action": [submitted.candidate_id],
        "post": "yes",
    }
    assert "submitted interviews are kept" in staff.post(url, data).content.decode()
    assert Interview.objects.submitted().count() == 1


def test_it_refuses_at_model_level_too(submitted):
    with pytest.raises(ProtectedError, match="submitted interview"), transaction.atomic():
        submitted.candidate.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        Role.objects.filter(pk=submitted.candidate.role_id).delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        Interview.objects.submitted().delete()
    assert Interview.objects.submitted().count() == 1


def test_it_still_deletes_a_candidate_whose_interviews_are_open(rosas):
    rosas.candidate.delete()
    assert not Candidate.objects.exists()


def test_it_does_not_let_the_admin_publish_a_draft(staff, mini_bank):
    draft = BankVersion.objects.create(bank=mini_bank.bank, number=99)
    page = staff.get(reverse("admin:assessments_bankversion_change", args=[draft.pk]))
    assert b'name="status"' not in page.content
