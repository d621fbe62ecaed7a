"""The kit for the full default bank (30 dimensions) renders in a fixed number of queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from assessments.models import Anchor
from hiring.interviews import services
from hiring.interviews.models import Candidate, Flag, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_interview(published, maya, ravi):
    role = Role.objects.create(title="Advisor", bank_version=published, hiring_manager=maya)
    person = Candidate.objects.create(role=role, name="Ida", email="ida@example.com")
    return services.start_interview(person, ravi)


def test_it_renders_the_full_kit_in_a_constant_number_of_queries(
    as_ravi, full_interview, django_assert_max_num_queries
):
    assert full_interview.bank_version.dimensions.count() == 30
    responses = list(full_interview.responses.all())
    for response in responses[:10]:  # some answered, some flagged: still the same queries
        as_ravi.post(
            reverse("interviews:save_response", args=[response.pk]),
            {
                "answer": "I like being appreciated.",
                "choice": "3",
                "revision": 0,
            },
            HTTP_HX_REQUEST="true",
        )
    assert Flag.objects.count() == 10
    with django_assert_max_num_queries(10):
        page = as_ravi.get(full_interview.get_absolute_url())
    assert page.status_code == 200
    assert page.content.decode().count('class="question"') == len(responses)


def test_it_flags_the_default_banks_appreciation_rule_live(as_ravi, full_interview):
    response = full_interview.responses.first()
    reply = as_ravi.post(
        reverse("interviews:screen", args=[response.pk]),
        {"answer": "I like being appreciated"},
        HTTP_HX_REQUEST="true",
    )
    assert '<mark class="evidence">' in reply.content.decode()
    assert "Motivated by being appreciated" in reply.content.decode()


FLOOR = 2  # a logged-in page: the session, the user with the user's roles
TYPICAL = "A customer rang about a late refund. I listened, said sorry and called her back"


def test_it_autosaves_a_typical_answer_in_four_queries_beyond_the_floor(
    as_ravi, full_interview, django_assert_max_num_queries
):
    response = full_interview.responses.first()
    url = reverse("interviews:save_response", args=[response.pk])
    data = {"answer": TYPICAL, "notes": "", "choice": "3", "revision": 0}
    as_ravi.post(url, data, HTTP_HX_REQUEST="true")  # the first save also scores the question
    # Read and lock, update, plus savepoint and release; the SQLite backend logs its
    # BEGIN IMMEDIATE and COMMIT as queries too. No flags are stored: none is read.
    with django_assert_max_num_queries(FLOOR + 4 + 2):
        reply = as_ravi.post(
            url, {**data, "answer": f"{TYPICAL}.", "revision": 1}, HTTP_HX_REQUEST="true"
        )
    assert reply.status_code == 200 and 'value="2"' in reply.content.decode()


def test_it_screens_live_in_one_query_beyond_the_floor_while_no_flag_is_stored(
    as_ravi, full_interview, django_assert_max_num_queries
):
    url = reverse("interviews:screen", args=[full_interview.responses.first().pk])
    as_ravi.post(url, {"answer": TYPICAL}, HTTP_HX_REQUEST="true")  # compiles the screener
    with django_assert_max_num_queries(FLOOR + 1):
        reply = as_ravi.post(url, {"answer": TYPICAL}, HTTP_HX_REQUEST="true")
    assert reply.status_code == 200


def test_it_reads_anchors_only_when_their_cached_fragment_is_missing(
    as_ravi, full_interview, django_assert_max_num_queries
):
    url = full_interview.get_absolute_url()
    first = as_ravi.get(url).content.decode()  # renders the anchors and caches them
    with django_assert_max_num_queries(FLOOR + 2):  # the interview, its responses
        again = as_ravi.get(url).content.decode()
    anchor = Anchor.objects.filter(question__dimension__version=full_interview.bank_version)
    behaviour = anchor.order_by("pk").first().behaviour
    assert behaviour in first and behaviour in again
    assert again.count('class="form-check anchor"') == first.count('class="form-check anchor"')


def test_it_reads_stored_flags_once_there_are_some(as_ravi, full_interview):
    response = full_interview.responses.first()
    save = reverse("interviews:save_response", args=[response.pk])
    flagged = {"answer": "I like being appreciated.", "choice": "3", "revision": 0}
    as_ravi.post(save, flagged, HTTP_HX_REQUEST="true")
    flag = Flag.objects.get(response=response)
    # Live screening ties the phrase to the stored flag, so it can be dismissed.
    live = as_ravi.post(
        reverse("interviews:screen", args=[response.pk]),
        {"answer": "I like being appreciated."},
        HTTP_HX_REQUEST="true",
    )
    assert reverse("interviews:dismiss_flag", args=[flag.pk]) in live.content.decode()
    # Saving the phrase away removes the open flag it no longer describes.
    as_ravi.post(save, {**flagged, "answer": "I listen.", "revision": 1}, HTTP_HX_REQUEST="true")
    assert not Flag.objects.filter(response=response).exists()


def test_it_renders_a_kit_in_the_same_queries_whatever_the_number_of_candidates(
    as_ravi, full_interview
):
    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert as_ravi.get(full_interview.get_absolute_url()).status_code == 200
        return len(captured)

    count()  # the first render fills the rubric and anchor fragment caches
    before = count()
    role = full_interview.candidate.role
    Candidate.objects.bulk_create(
        Candidate(role=role, name=f"Person {n}", email=f"p{n}@example.com") for n in range(200)
    )
    assert count() == before
