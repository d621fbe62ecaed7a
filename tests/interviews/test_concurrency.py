"""Real concurrent requests against a live server: one winner per revision, nothing after submit.

Threads post over HTTP to pytest-django's live server, which serves each request on a thread
with a database connection of its own (a file SQLite in WAL mode, or PostgreSQL with
DATABASE_URL), as production does. Nothing here reads the clock: the checks are on what the
server answered and what it stored.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from hiring.accounts.roles import ALL_ROLES
from hiring.interviews.models import Interview, Response

TABS = 12  # browser tabs saving the same answer at once
ROUNDS = 5
SUBMIT_RACES = 50
CSRF = "c" * 32  # any 32 characters: the cookie and the header only have to agree


@pytest.fixture(autouse=True)
def groups(transactional_db) -> None:
    """A transactional test's flush empties the groups the data migration made; remake them."""
    for name in ALL_ROLES:
        Group.objects.get_or_create(name=name)


Post = Callable[[str, dict[str, str]], tuple[int, str]]


def poster(live_server, user: User) -> Post:
    """POST as `user` over real HTTP (a session cookie and a CSRF token, like a browser)."""
    client = Client()
    client.force_login(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={CSRF}"

    def post(path: str, data: dict[str, str]) -> tuple[int, str]:
        request = urllib.request.Request(
            live_server.url + path,
            data=urllib.parse.urlencode(data).encode(),
            headers={"Cookie": cookie, "X-CSRFToken": CSRF, "HX-Request": "true"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as reply:
                return reply.status, reply.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    return post


def all_at_once(calls: list[Callable[[], tuple[int, str]]]) -> list[tuple[int, str]]:
    """Run the calls on their own threads, released together by a barrier."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], tuple[int, str]]) -> tuple[int, str]:
        barrier.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def save_call(post: Post, response: Response, revision: int, **values: str) -> Callable:
    data = {"answer": "", "notes": "", "choice": "", "revision": str(revision), **values}
    path = reverse("interviews:save_response", args=[response.pk])
    return lambda: post(path, data)


def test_it_lets_exactly_one_of_many_tabs_win_each_revision(live_server, ravi, ravis):
    post = poster(live_server, ravi)
    response = ravis.responses.first()
    for revision in range(ROUNDS):
        texts = [f"Round {revision}, tab {tab}" for tab in range(TABS)]
        calls = [save_call(post, response, revision, answer=text) for text in texts]
        replies = all_at_once(calls)
        statuses = sorted(status for status, _ in replies)
        assert statuses == [200] + [409] * (TABS - 1)
        winner = texts[[status for status, _ in replies].index(200)]
        response.refresh_from_db()
        assert (response.answer, response.revision) == (winner, revision + 1)
        for (status, body), text in zip(replies, texts, strict=True):
            if status == 409:  # the loser sees what they typed, and is not told "saved"
                assert "Not saved (conflict)" in body and text in body


def test_it_never_changes_an_interview_after_it_is_submitted(live_server, ravi, ravis, fill):
    post = poster(live_server, ravi)
    responses = list(ravis.responses.order_by("pk"))
    submit = reverse("interviews:submit", args=[ravis.pk])
    outcomes: set[str] = set()
    for trial in range(SUBMIT_RACES):
        Interview.objects.filter(pk=ravis.pk).update(status="draft", submitted_at=None)
        fill(ravis)  # every question scored, revision 1
        calls = [lambda: post(submit, {})]
        calls += [save_call(post, r, 1, answer=f"Late {trial}", choice="") for r in responses]
        submitted, *saves = all_at_once(calls)
        ravis.refresh_from_db()
        if ravis.status == "submitted":
            outcomes.add("submitted")
            stored = Response.objects.filter(interview=ravis)
            assert all(r.is_complete for r in stored)
            assert all(r.updated_at <= ravis.submitted_at for r in stored)
            assert all(status == 409 for status, _ in saves)
        else:  # a save un-scored a question first, so submitting was refused
            outcomes.add("refused")
            assert submitted[0] == 400
            assert any(status == 200 for status, _ in saves)
    assert outcomes  # at least one trial ran to an outcome
