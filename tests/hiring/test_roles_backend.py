"""Each request reads who the user is and which roles they hold in one query."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import PASSWORD


def log_in(client: Client) -> None:
    reply = client.post(reverse("login"), {"username": "ravi", "password": PASSWORD})
    assert reply.status_code == 302


def test_a_logged_in_page_reads_the_user_and_their_roles_together(ravi, client: Client) -> None:
    log_in(client)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/interviews/mine/").status_code == 200
    reads = [q["sql"] for q in queries if "auth_group" in q["sql"]]
    assert len(reads) == 1 and "auth_user" in reads[0]


def test_a_revoked_role_applies_on_the_next_request(ravi, client: Client) -> None:
    log_in(client)
    assert client.get("/interviews/mine/").status_code == 200
    ravi.groups.remove(Group.objects.get(name="Recruiter"))
    assert client.get("/interviews/mine/").status_code == 403


def test_a_deactivated_user_is_logged_out(ravi, client: Client) -> None:
    log_in(client)
    ravi.is_active = False
    ravi.save()
    assert client.get("/interviews/mine/").status_code == 302
