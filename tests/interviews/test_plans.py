"""Interview plans: the default split, the plan page, a candidate's panel, planned kits."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from django.urls import reverse

from hiring.interviews import plans, services
from hiring.interviews.models import Assignment, PlannedInterview, Role

pytestmark = pytest.mark.django_db


def weighted_role(version, manager, keys: int) -> Role:
    role = Role.objects.create(title="Chat agent", bank_version=version, hiring_manager=manager)
    dims = list(version.dimensions.order_by("position"))
    services.set_weights(role, {d.pk: Decimal(1 if i < keys else 0) for i, d in enumerate(dims)})
    return role


def check_plan(plan, dimensions: int) -> list[PlannedInterview]:
    interviews = list(plan.ordered_interviews())
    raters = Counter(d.pk for p in interviews for d in p.dimensions.all())
    assert len(raters) == dimensions and set(raters.values()) == {2}
    for p in interviews:
        asked = list(p.questions.all())
        assert 6 <= len(asked) <= 12, p.name
        assert {q.dimension_id for q in asked} <= {d.pk for d in p.dimensions.all()}
    return interviews


def test_it_splits_eight_dimensions_into_three_interviews_each_rated_twice(published, maya):
    plan = plans.build_default_plan(weighted_role(published, maya, 8))
    interviews = check_plan(plan, 8)
    assert [p.name for p in interviews] == ["Phone screen", "Panel A", "Panel B"]
    assert all(5 <= p.dimensions.count() <= 6 for p in interviews)
    assert plan.under_covered() == []


def test_it_needs_more_interviews_to_rate_thirty_dimensions_twice(published, maya):
    role = Role.objects.create(title="Everything", bank_version=published, hiring_manager=maya)
    interviews = check_plan(plans.build_default_plan(role), 30)
    assert len(interviews) == 5


def test_it_gives_a_new_role_a_default_plan(as_maya, published):
    response = as_maya.post(
        reverse("interviews:roles"), {"title": "Night desk", "bank_version": published.pk}
    )
    role = Role.objects.get(title="Night desk")
    assert response.status_code == 302
    assert role.plan.interviews.count() == 5


def test_it_shows_the_plan_and_which_dimensions_fewer_than_two_rate(as_maya, role):
    plan = plans.build_default_plan(role)
    first = plan.ordered_interviews().first()
    dropped = first.dimensions.first()
    first.dimensions.remove(dropped)
    page = as_maya.get(reverse("interviews:plan", args=[role.slug])).content.decode()
    assert "Phone screen" in page and "rated by fewer than 2 interviewers" in page
    assert f"{dropped.title}: only 1 interview" in page


def edit_data(planned: PlannedInterview, **changes) -> dict:
    data = {
        "name": planned.name,
        "minutes": planned.minutes,
        "dimensions": [d.pk for d in planned.dimensions.all()],
        "questions": [q.pk for q in planned.questions.all()],
    }
    return {**data, **changes}


def test_it_lets_the_hiring_manager_edit_a_planned_interview(as_maya, role):
    planned = plans.build_default_plan(role).ordered_interviews().first()
    url = reverse("interviews:edit_planned", args=[role.slug, planned.pk])
    keep = planned.questions.first()
    response = as_maya.post(url, edit_data(planned, name="Phone call", questions=[keep.pk]))
    planned.refresh_from_db()
    assert response.status_code == 302
    assert planned.name == "Phone call" and list(planned.questions.all()) == [keep]


def test_it_refuses_questions_outside_the_focus_dimensions(as_maya, role):
    plan = plans.build_default_plan(role)
    first, last = plan.ordered_interviews()[0], plan.ordered_interviews().last()
    stray = [q for q in last.questions.all() if q.dimension not in first.dimensions.all()]
    url = reverse("interviews:edit_planned", args=[role.slug, first.pk])
    response = as_maya.post(url, edit_data(first, questions=[stray[0].pk]))
    assert response.status_code == 200
    assert "outside the focus" in response.content.decode()


def test_it_adds_and_removes_a_planned_interview(as_maya, role):
    plan = plans.build_default_plan(role)
    dimension = role.bank_version.dimensions.first()
    question = dimension.questions.first()
    data = {
        "name": "Final",
        "minutes": 30,
        "dimensions": [dimension.pk],
        "questions": [question.pk],
    }
    assert (
        as_maya.post(reverse("interviews:new_planned", args=[role.slug]), data).status_code == 302
    )
    final = plan.interviews.get(name="Final")
    delete = reverse("interviews:delete_planned", args=[role.slug, final.pk])
    assert as_maya.get(delete).status_code == 405
    assert as_maya.post(delete).status_code == 302
    assert not plan.interviews.filter(name="Final").exists()


def test_it_keeps_the_plan_to_its_managers(as_ravi, as_otto, as_maya, role):
    planned = plans.build_default_plan(role).ordered_interviews().first()
    url = reverse("interviews:edit_planned", args=[role.slug, planned.pk])
    assert as_ravi.post(url, edit_data(planned, name="Mine")).status_code == 403
    assert as_otto.post(url, edit_data(planned, name="Mine")).status_code == 403
    assert as_maya.put(url).status_code == 405
    planned.refresh_from_db()
    assert planned.name == "Phone screen"


def seat_data(plan, *people) -> dict:
    return {f"p{p.pk}": u.pk for p, u in zip(plan.ordered_interviews(), people, strict=False)}


def test_it_assigns_a_candidates_interviewers_to_the_plans_interviews(
    as_maya, cleo, ravi, rosa, maya
):
    plan = plans.build_default_plan(cleo.role)
    url = reverse("interviews:panel", args=[cleo.pk])
    response = as_maya.post(url, seat_data(plan, ravi, rosa, maya))
    assert response.status_code == 302
    seats = {a.planned.name: a.interviewer for a in Assignment.objects.filter(candidate=cleo)}
    assert seats == {"Phone screen": ravi, "Panel A": rosa, "Panel B": maya}
    page = as_maya.get(cleo.get_absolute_url()).content.decode()
    assert "Phone screen" in page and "Assign interviewers" in page


def test_it_refuses_one_person_on_two_interviews_of_a_candidate(as_maya, cleo, ravi):
    plan = plans.build_default_plan(cleo.role)
    response = as_maya.post(
        reverse("interviews:panel", args=[cleo.pk]), seat_data(plan, ravi, ravi)
    )
    assert response.status_code == 200 and "chosen more than once" in response.content.decode()
    assert not Assignment.objects.exists()


def test_it_keeps_assigning_to_the_hiring_manager(as_ravi, as_maya, cleo, ravi):
    plan = plans.build_default_plan(cleo.role)
    url = reverse("interviews:panel", args=[cleo.pk])
    assert as_ravi.post(url, seat_data(plan, ravi)).status_code == 403
    assert as_maya.delete(url).status_code == 405
    assert not Assignment.objects.exists()


def test_it_asks_only_the_planned_interviews_questions(as_ravi, cleo, ravi, maya):
    plan = plans.build_default_plan(cleo.role)
    panel_b = plan.ordered_interviews().last()
    plans.assign_panel(cleo, {panel_b: ravi}, by=maya)
    interview = services.start_interview(cleo, ravi)
    asked = set(interview.responses.values_list("question_id", flat=True))
    assert interview.planned == panel_b
    assert asked == set(panel_b.questions.values_list("pk", flat=True))
    page = as_ravi.get(interview.get_absolute_url()).content.decode()
    assert f"0 of {len(asked)}" in page


def test_it_gives_an_unassigned_interviewer_the_first_free_planned_interview(cleo, ravi, rosa):
    plan = plans.build_default_plan(cleo.role)
    first, second = plan.ordered_interviews()[:2]
    assert services.start_interview(cleo, ravi).planned == first
    assert services.start_interview(cleo, rosa).planned == second


def test_it_prints_a_blank_kit_for_a_planned_interview(as_ravi, as_otto, role):
    planned = plans.build_default_plan(role).ordered_interviews().first()
    url = reverse("reports:blank_kit_pdf", args=[role.slug, planned.pk])
    response = as_ravi.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert as_otto.get(url).status_code == 403
    assert as_ravi.post(url).status_code == 405
