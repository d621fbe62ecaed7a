"""HR tunes warning rules from evidence: fired and dismissed counts, reasons, and a
dismissed flag's answer turned into a counter-example of the draft in one step."""

import pytest
from django.urls import reverse

from assessments.models import BankVersion
from hiring.interviews.models import Flag

from .conftest import DISMISSED_ANSWER

pytestmark = pytest.mark.django_db


def evidence_url(bank, code="appreciation"):
    return reverse("reports:rule_evidence", args=[bank.slug, code])


def dismissed(ana) -> Flag:
    return Flag.objects.get(dismissed_at__isnull=False)


def test_it_counts_how_often_each_rule_fired_and_was_dismissed(as_hana, ana, published):
    response = as_hana.get(reverse("reports:rule_overview", args=[published.bank.slug]))
    first = response.context["rules"][0]
    assert (first.code, first.fired, first.dismissed) == ("appreciation", 2, 1)
    assert "50%" in response.content.decode()


def test_it_lists_the_dismissal_reasons_with_the_answers(as_hana, ana, published):
    page = as_hana.get(evidence_url(published.bank)).content.decode()
    assert "Fired 2 times" in page and "dismissed 1 time" in page
    assert "Praise is mentioned in passing" in page
    assert "I enjoy the praise when a customer writes in" in page


def test_it_counts_only_submitted_interviews(as_hana, ana, published, rhea, rule):
    draft_interview = ana.interviews.get(interviewer=rhea)
    response = draft_interview.responses.first()
    Flag.objects.create(response=response, rule=rule, evidence="x", start=0, end=1)
    page = as_hana.get(evidence_url(published.bank)).content.decode()
    assert "Fired 2 times" in page


def test_it_adds_a_dismissed_answer_as_a_counter_example_to_a_new_draft(as_hana, ana, published):
    url = reverse("reports:add_counter_example", args=[dismissed(ana).pk])
    response = as_hana.post(url)
    draft = BankVersion.objects.get(status="draft")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "assessments:rule", args=[published.bank.slug, draft.number, "appreciation"]
    )
    rule = draft.warning_rules.get(code="appreciation")
    assert rule.counter_examples[-1] == DISMISSED_ANSWER
    assert "counter-example" in draft.changes.first().summary
    as_hana.post(url)  # twice: still one copy
    rule.refresh_from_db()
    assert rule.counter_examples.count(DISMISSED_ANSWER) == 1


def test_it_refuses_an_open_flag_and_the_wrong_method(as_hana, ana):
    open_flag = Flag.objects.get(dismissed_at__isnull=True)
    assert (
        as_hana.post(reverse("reports:add_counter_example", args=[open_flag.pk])).status_code == 404
    )
    url = reverse("reports:add_counter_example", args=[dismissed(ana).pk])
    assert as_hana.get(url).status_code == 405


@pytest.mark.parametrize("who", ["as_ravi", "as_maya", "as_otto"])
def test_it_is_for_hr_only(request, who, ana, published):
    client = request.getfixturevalue(who)
    assert client.get(evidence_url(published.bank)).status_code == 403
    url = reverse("reports:add_counter_example", args=[dismissed(ana).pk])
    assert client.post(url).status_code == 403
    assert not BankVersion.objects.filter(status="draft").exists()


def test_the_rule_page_links_to_its_evidence(as_hana, published):
    url = reverse("assessments:rule", args=[published.bank.slug, 1, "appreciation"])
    assert evidence_url(published.bank) in as_hana.get(url).content.decode()
