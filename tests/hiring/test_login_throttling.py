"""Repeated wrong passwords pause logging in; weak passwords are refused."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

RIGHT = "correct horse battery"


@pytest.fixture
def kim(db) -> User:
    return User.objects.create_user("kimberley1", password=RIGHT)


def log_in(client: Client, password: str, username: str = "kimberley1", ip: str = "10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_it_locks_a_user_name_out_after_five_wrong_passwords(client: Client, kim: User) -> None:
    for _ in range(4):
        assert log_in(client, "wrong").status_code == 200
    locked = log_in(client, "wrong")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Too many wrong passwords" in page and "paused for 15 minutes" in page
    # The right password is refused too until the cool-off has passed.
    assert log_in(Client(), RIGHT, ip="10.0.0.2").status_code == 429
    assert "_auth_user_id" not in client.session


def test_it_locks_an_address_out_whatever_user_names_it_tries(client: Client, kim: User) -> None:
    for n in range(5):
        log_in(client, "wrong", username=f"guess{n}", ip="10.9.9.9")
    assert log_in(client, RIGHT, ip="10.9.9.9").status_code == 429
    assert log_in(Client(), RIGHT, ip="10.0.0.3").status_code == 302  # kim elsewhere is fine


def test_it_forgets_failures_after_a_successful_login(client: Client, kim: User) -> None:
    for _ in range(4):
        log_in(client, "wrong")
    assert log_in(client, RIGHT).status_code == 302
    assert log_in(Client(), "wrong").status_code == 200  # the count started again


def test_it_lets_the_cool_off_pass(client: Client, kim: User, settings) -> None:
    for _ in range(5):
        log_in(client, "wrong")
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME)
    assert log_in(Client(), RIGHT).status_code == 302


@pytest.mark.parametrize("weak", ["password", "12345678", "qwertyuiop", "Password1", "kimberley1"])
def test_it_refuses_weak_passwords(kim: User, weak: str) -> None:
    with pytest.raises(ValidationError):
        validate_password(weak, user=kim)


def test_it_accepts_a_long_uncommon_passphrase(kim: User) -> None:
    validate_password("tangerine orbit lantern 42", user=kim)
