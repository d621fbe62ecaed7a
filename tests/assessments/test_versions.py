"""Published versions are frozen; drafts are copies that publishing freezes in turn."""

import pytest

from assessments import services
from assessments.models import Anchor, BankVersion, FrozenVersionError, Question, WarningRule
from assessments.rules import screener_for

pytestmark = pytest.mark.django_db


def test_it_refuses_to_save_anything_under_a_published_version(published):
    dimension = published.dimensions.first()
    question = dimension.questions.first()
    anchor = question.anchors.first()
    rule = published.warning_rules.first()
    for obj in (dimension, question, anchor, rule):
        with pytest.raises(FrozenVersionError):
            obj.save()
    with pytest.raises(FrozenVersionError):
        Question.objects.create(dimension=dimension, kind="behavioural", prompt="New?")
    published.changelog = "sneaky edit"
    with pytest.raises(FrozenVersionError):
        published.save()


def test_it_refuses_to_delete_anything_under_a_published_version(published):
    with pytest.raises(FrozenVersionError):
        published.dimensions.first().delete()
    with pytest.raises(FrozenVersionError):
        published.warning_rules.first().delete()
    with pytest.raises(FrozenVersionError):
        published.delete()
    with pytest.raises(FrozenVersionError):
        WarningRule.objects.filter(version=published).delete()
    with pytest.raises(FrozenVersionError):
        Anchor.objects.filter(question__dimension__version=published).update(behaviour="x")
    assert published.dimensions.count() == 30


def test_it_opens_a_draft_as_a_copy_of_the_latest_version(published, hana):
    draft = services.start_draft(published.bank, user=hana)
    assert draft.number == 2 and draft.is_draft
    assert (
        services.export_version(draft)["dimensions"]
        == services.export_version(published)["dimensions"]
    )
    assert services.start_draft(published.bank) == draft  # one draft at a time


def test_it_lets_a_draft_change_and_publishing_freezes_it(published):
    draft = services.start_draft(published.bank)
    question = Question.objects.filter(dimension__version=draft).first()
    question.prompt = "Tell me about a customer you won back."
    question.save()
    services.publish_version(draft, changelog="Reworded one question.")
    draft.refresh_from_db()
    assert draft.status == BankVersion.Status.PUBLISHED
    with pytest.raises(FrozenVersionError):
        question.save()
    assert not Question.objects.filter(
        dimension__version=published, prompt=question.prompt
    ).exists()


def test_it_refuses_to_publish_a_rule_whose_examples_fail(published):
    draft = services.start_draft(published.bank)
    rule = draft.warning_rules.get(code="appreciation")
    rule.examples = [*rule.examples, "I enjoy fixing problems for people."]
    rule.save()
    draft.touch()
    with pytest.raises(services.PublishError) as err:
        services.publish_version(draft)
    assert "appreciation" in err.value.problems
    draft.refresh_from_db()
    assert draft.is_draft


def retire(version: BankVersion) -> None:
    version.status = BankVersion.Status.RETIRED
    version.save(update_fields=["status"])


def test_it_retires_a_published_version_but_changes_nothing_else(published):
    retire(published)
    published.refresh_from_db()
    assert published.status == BankVersion.Status.RETIRED
    with pytest.raises(FrozenVersionError):
        retire(published)


def test_it_recompiles_the_screener_after_a_draft_edit(published):
    draft = services.start_draft(published.bank)
    before = screener_for(draft)
    assert screener_for(draft) is before  # cached
    rule = draft.warning_rules.get(code="appreciation")
    rule.patterns = [*rule.patterns, "purple elephants"]
    rule.save()
    draft.touch()
    after = screener_for(draft)
    assert after is not before
    assert any(f.rule == "appreciation" for f in after.screen("I think about purple elephants."))


def test_the_admin_is_read_only_for_published_versions(published, rf):
    from django.contrib.admin.sites import site
    from django.contrib.auth.models import User

    from assessments.models import Dimension

    admin_user = User.objects.create_superuser("root", "root@example.com", "pw")
    request = rf.get("/admin/")
    request.user = admin_user
    dimension_admin = site._registry[Dimension]
    dimension = published.dimensions.first()
    assert not dimension_admin.has_change_permission(request, dimension)
    assert not dimension_admin.has_delete_permission(request, dimension)
    draft = services.start_draft(published.bank)
    assert dimension_admin.has_change_permission(request, draft.dimensions.first())
