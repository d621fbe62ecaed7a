"""Shared fixtures: named people, one per role, and the default bank."""

from __future__ import annotations

import os

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

# Playwright's sync API runs an event loop in this thread; Django would otherwise
# refuse database access from the live-server tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty default cache: the kit caches rendered fragments by
    primary key, and a new test database hands out the same keys again."""
    from django.core.cache import cache

    cache.clear()


def _person(username: str, first: str, group: str | None) -> User:
    user = User.objects.create_user(username, f"{username}@example.com", PASSWORD, first_name=first)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def hana(db) -> User:
    """Hana works in HR and owns the question banks."""
    return _person("hana", "Hana", "HR")


@pytest.fixture
def ravi(db) -> User:
    """Ravi is a recruiter."""
    return _person("ravi", "Ravi", "Recruiter")


@pytest.fixture
def rosa(db) -> User:
    """Rosa is a second recruiter on the same panels."""
    return _person("rosa", "Rosa", "Recruiter")


@pytest.fixture
def maya(db) -> User:
    """Maya is a hiring manager."""
    return _person("maya", "Maya", "Hiring manager")


@pytest.fixture
def otto(db) -> User:
    """Otto has an account but no role at all."""
    return _person("otto", "Otto", None)


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def as_hana(hana) -> Client:
    return client_for(hana)


@pytest.fixture
def as_ravi(ravi) -> Client:
    return client_for(ravi)


@pytest.fixture
def as_rosa(rosa) -> Client:
    return client_for(rosa)


@pytest.fixture
def as_maya(maya) -> Client:
    return client_for(maya)


@pytest.fixture
def as_otto(otto) -> Client:
    return client_for(otto)


@pytest.fixture(scope="session")
def default_bank_data():
    from assessments.bankfile import read_default_bank

    return read_default_bank()


@pytest.fixture
def published(db, default_bank_data):
    """The default bank, loaded and published as v1."""
    import copy

    from assessments.services import load_bank

    return load_bank(copy.deepcopy(default_bank_data)).version
