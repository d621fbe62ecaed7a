"""My interviews: what is assigned to me, in progress and submitted, with a candidate search."""

from __future__ import annotations

import pytest
from django.urls import reverse

from hiring.interviews import plans, services
from hiring.interviews.models import Candidate

pytestmark = pytest.mark.django_db


def test_it_lists_my_assigned_in_progress_and_submitted_interviews(
    as_ravi, cleo, ravi, maya, submit
):
    dan = Candidate.objects.create(role=cleo.role, name="Dan Dale", email="dan@example.com")
    eve = Candidate.objects.create(role=cleo.role, name="Eve Ek", email="eve@example.com")
    plan = plans.build_default_plan(cleo.role)
    first = plan.ordered_interviews().first()
    for person in (cleo, dan, eve):
        plans.assign_panel(person, {first: ravi}, by=maya)
    services.start_interview(dan, ravi)
    submit(services.start_interview(eve, ravi), recommendation="strong_yes")
    page = as_ravi.get(reverse("interviews:my_interviews")).content.decode()
    assert "Assigned to you, not started (1)" in page and "Cleo Brand" in page
    assert "In progress (1)" in page and "Dan Dale" in page
    assert "Strong yes" in page and "Eve Ek" in page
    found = as_ravi.get(reverse("interviews:my_interviews"), {"q": "dan"}).content.decode()
    assert "Dan Dale" in found and "Cleo Brand" not in found


def test_it_is_for_interviewers_only(as_hana, as_otto, as_ravi):
    url = reverse("interviews:my_interviews")
    assert as_hana.get(url).status_code == 403
    assert as_otto.get(url).status_code == 403
    assert as_ravi.post(url).status_code == 405
