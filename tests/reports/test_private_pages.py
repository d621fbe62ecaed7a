"""Pages with candidate data are never cached and carry a nonce-based CSP."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.reports.conftest import client_for

INLINE_STYLE = re.compile(r"<[^>]+\sstyle=", re.I)
# Inline code: a <script> without src, or any <style> element.
INLINE_CODE = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>|<style\b[^>]*>", re.I)


def candidate_pages(ana, role, rhea_interview_pk: int) -> list[str]:
    return [
        reverse("interviews:candidate", args=[ana.pk]),
        reverse("interviews:role", args=[role.slug]),
        reverse("interviews:interview", args=[rhea_interview_pk]),
        reverse("reports:candidate", args=[ana.pk]),
        reverse("reports:candidate_pdf", args=[ana.pk]),
        reverse("reports:compare", args=[role.slug]),
    ]


@pytest.fixture
def rheas_draft(ana, rhea):
    return ana.interviews.get(interviewer=rhea)


def test_it_marks_every_page_with_candidate_data_private_and_no_store(ana, role, maya, rheas_draft):
    client = client_for(maya)
    for url in (
        candidate_pages(ana, role, rheas_draft.pk)[:2]
        + candidate_pages(ana, role, rheas_draft.pk)[3:]
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        cache = response["Cache-Control"]
        assert "private" in cache and "no-store" in cache, url


def test_it_marks_the_interview_kit_private_and_no_store(ana, rhea, rheas_draft):
    response = client_for(rhea).get(reverse("interviews:interview", args=[rheas_draft.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_it_sends_a_csp_whose_nonce_is_on_every_script_and_style(
    ana, role, rhea, maya, rheas_draft
):
    pages = [
        (client_for(rhea), reverse("interviews:interview", args=[rheas_draft.pk])),
        (client_for(maya), reverse("reports:compare", args=[role.slug])),
        (client_for(maya), reverse("interviews:candidate", args=[ana.pk])),
        (client_for(maya), reverse("reports:candidate", args=[ana.pk])),
    ]
    for client, url in pages:
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
        assert "script-src 'self' 'nonce-" in policy and "object-src 'none'" in policy
        html = response.content.decode()
        assert not INLINE_STYLE.search(html), url
        for match in INLINE_CODE.finditer(html):
            assert f'nonce="{nonce}"' in match.group(0), (url, match.group(0))


@pytest.mark.django_db
def test_it_keeps_a_login_for_twelve_hours(client, settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 60 * 60
    User.objects.create_user("kim", password="correct horse battery")
    client.post(reverse("login"), {"username": "kim", "password": "correct horse battery"})
    assert client.cookies["sessionid"]["max-age"] == 12 * 60 * 60
