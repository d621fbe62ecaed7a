"""Roles you can change: title, hiring manager, bank version (moving only what has not started)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from assessments import services as bank_services
from hiring.interviews import plans, services

pytestmark = pytest.mark.django_db


def edit(client, role, **changes):
    data = {"title": role.title, "bank_version": role.bank_version_id, **changes}
    return client.post(reverse("interviews:edit_role", args=[role.slug]), data)


def test_it_lets_the_hiring_manager_rename_a_role(as_maya, role):
    assert edit(as_maya, role, title="Senior service advisor").status_code == 302
    role.refresh_from_db()
    assert role.title == "Senior service advisor"


def test_it_moves_a_role_to_a_newer_version_leaving_started_interviews_pinned(
    as_maya, role, cleo, ravi, rosa, maya
):
    plan = plans.build_default_plan(role)
    old = role.bank_version
    started = services.start_interview(cleo, ravi)
    newer = bank_services.publish_version(bank_services.start_draft(old.bank))
    assert edit(as_maya, role, bank_version=newer.pk).status_code == 302
    role.refresh_from_db()
    assert role.bank_version == newer
    started.refresh_from_db()
    assert started.bank_version == old  # pinned to the version it ran on
    later = services.start_interview(cleo, rosa)
    assert later.bank_version == newer
    assert {r.question.dimension.version_id for r in later.responses.all()} == {newer.pk}
    for planned in plan.interviews.all():
        assert {d.version_id for d in planned.dimensions.all()} == {newer.pk}


def test_it_keeps_role_editing_to_its_managers(as_ravi, as_otto, as_maya, role):
    assert edit(as_ravi, role, title="Mine").status_code == 403
    assert edit(as_otto, role, title="Mine").status_code == 403
    assert as_maya.put(reverse("interviews:edit_role", args=[role.slug])).status_code == 405
    role.refresh_from_db()
    assert role.title == "Service advisor"
