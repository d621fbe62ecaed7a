"""/healthz tells a load balancer whether this process can reach its database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

import pytest
from django.db import OperationalError, connection
from django.test import Client


def _database_down(
    execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
) -> NoReturn:
    raise OperationalError("connection refused")


@pytest.mark.django_db
def test_it_answers_200_without_a_login_when_the_database_answers(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_it_answers_503_when_the_database_does_not(client: Client) -> None:
    # Django's own query hook makes every query fail as an unreachable server would.
    with connection.execute_wrapper(_database_down):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert b"database unavailable" in response.content


@pytest.mark.django_db
def test_it_refuses_a_post(client: Client) -> None:
    assert client.post("/healthz").status_code == 405
