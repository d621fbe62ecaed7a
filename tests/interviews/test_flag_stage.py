"""The kit says which stage of the screener raised each flag, and a stored flag keeps it.

A "Rule match" is words one of the rule's patterns describes; a "Learned pattern" is
wording close to the rule's examples that no pattern matched. A bank version HR switched
to rules only raises no learned flag at all.
"""

from __future__ import annotations

import copy

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from assessments.bankfile import parse_data
from assessments.services import load_bank
from hiring.accounts.roles import ALL_ROLES
from hiring.interviews import services
from hiring.interviews.models import Candidate, Flag, Interview, Response, Role

from .conftest import MINI_BANK

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}

# The shipped learned stage flags this under "deserving"; the rule's one pattern does not.
ONLY_LEARNED = "I go the extra mile only for people who are nice to me."
RULE_MATCH = "Honestly I like being appreciated."
LEARNED_BADGE = '<span class="visually-hidden">Raised by: </span>Learned pattern'
RULE_BADGE = '<span class="visually-hidden">Raised by: </span>Rule match'

DESERVING = {
    "code": "deserving",
    "label": "Judges which customers deserve effort",
    "why": "Service should not depend on whether the customer is pleasant.",
    "severity": "medium",
    "patterns": ["polite customers deserve"],
    "examples": ["Polite customers deserve more."],
    "counter_examples": ["Every customer gets the same effort from me."],
    "dimension": None,
    "source": "Natural traits",
}


def stage_bank(*, learned_stage: bool = True):
    """The mini bank plus a rule the shipped learned stage knows, published."""
    data = copy.deepcopy(MINI_BANK)
    data.update(bank=f"Stage bank ({learned_stage})", learned_stage=learned_stage)
    data["warning_rules"].append(copy.deepcopy(DESERVING))
    return load_bank(parse_data(data, "stage bank")).version


def interview_on(version, maya, ravi) -> Interview:
    role = Role.objects.create(
        title=f"Advisor on {version.bank.name}", bank_version=version, hiring_manager=maya
    )
    cleo = Candidate.objects.create(role=role, name="Cleo Brand", email="cleo@example.com")
    return services.start_interview(cleo, ravi)


@pytest.fixture
def interview(maya, ravi) -> Interview:
    """Ravi's interview of Cleo on a version that runs both stages."""
    return interview_on(stage_bank(), maya, ravi)


def first(interview: Interview) -> Response:
    return interview.responses.order_by("question__dimension__position", "question__position")[0]


def save(client, response: Response, answer: str, **extra):
    response.refresh_from_db()
    data = {"answer": answer, "notes": "", "choice": "", "revision": response.revision, **extra}
    return client.post(reverse("interviews:save_response", args=[response.pk]), data, **HTMX)


def test_it_stores_which_stage_raised_each_flag(as_ravi, interview):
    learned, ruled = interview.responses.order_by("pk")[:2]
    save(as_ravi, learned, ONLY_LEARNED)
    save(as_ravi, ruled, RULE_MATCH)
    assert Flag.objects.get(response=learned).stage == Flag.Stage.LEARNED
    assert Flag.objects.get(response=learned).rule.code == "deserving"
    assert Flag.objects.get(response=ruled).stage == Flag.Stage.RULES


def test_the_kit_says_which_stage_raised_a_live_flag(as_ravi, interview):
    url = reverse("interviews:screen", args=[first(interview).pk])
    learned = as_ravi.post(url, {"answer": ONLY_LEARNED}, **HTMX).content.decode()
    assert LEARNED_BADGE in learned
    assert "No pattern matched: the wording is close to the rule&#x27;s examples." in learned
    assert "HR can switch this stage off for a bank version (rules only)." in learned
    ruled = as_ravi.post(url, {"answer": RULE_MATCH}, **HTMX).content.decode()
    assert RULE_BADGE in ruled and "Learned pattern" not in ruled


def test_the_kit_shows_the_stage_of_stored_flags(as_ravi, interview):
    save(as_ravi, first(interview), ONLY_LEARNED)
    page = as_ravi.get(interview.get_absolute_url()).content.decode()
    assert LEARNED_BADGE in page


def test_a_stored_flag_keeps_its_stage_as_the_answer_grows_and_after_submitting(
    as_ravi, as_maya, interview
):
    response = first(interview)
    save(as_ravi, response, ONLY_LEARNED)
    stored = Flag.objects.get()
    save(as_ravi, response, f"{ONLY_LEARNED} That is how I work.")
    assert Flag.objects.get().pk == stored.pk and Flag.objects.get().stage == "learned"
    interview.responses.update(score=3)
    verdict = {"recommendation": "yes", "takeaways": "", "panel_note": ""}
    assert services.submit_interview(interview, verdict) == []
    # The hiring manager reads the submitted interview; the stage is still said.
    page = as_maya.get(interview.get_absolute_url()).content.decode()
    assert LEARNED_BADGE in page


def test_a_rules_only_version_raises_no_learned_flag(as_ravi, maya, ravi):
    interview = interview_on(stage_bank(learned_stage=False), maya, ravi)
    response = first(interview)
    live = as_ravi.post(
        reverse("interviews:screen", args=[response.pk]), {"answer": ONLY_LEARNED}, **HTMX
    )
    assert "evidence" not in live.content.decode()
    save(as_ravi, response, ONLY_LEARNED)
    assert not Flag.objects.exists()
    save(as_ravi, response, RULE_MATCH)
    assert Flag.objects.get().stage == Flag.Stage.RULES


@pytest.fixture
def groups(transactional_db) -> None:
    """A transactional test's flush empties the groups the data migration made; remake them."""
    for name in ALL_ROLES:
        Group.objects.get_or_create(name=name)


@pytest.mark.django_db(transaction=True)
def test_the_migration_marks_flags_the_learned_stage_stored_before_it_existed(groups, ravi, maya):
    interview = interview_on(stage_bank(), maya, ravi)
    response = first(interview)
    executor = MigrationExecutor(connection)
    before = [("interviews", "0003_merge_0002_bounded_text_0002_interview_plans")]
    latest = executor.loader.graph.leaf_nodes("interviews")
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("interviews", "Flag")
    for pattern in ("model: extra, only, who", "polite customers deserve"):
        old.objects.create(
            response_id=response.pk,
            rule_id=interview.bank_version.warning_rules.get(code="deserving").pk,
            evidence="extra mile",
            start=0,
            end=10,
            pattern=pattern,
        )
    executor = MigrationExecutor(connection)
    executor.migrate(latest)
    stages = dict(Flag.objects.values_list("pattern", "stage"))
    assert stages == {"model: extra, only, who": "learned", "polite customers deserve": "rules"}
