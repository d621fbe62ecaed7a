"""HR can switch a bank version's learned stage off (rules only) while it is a draft.

The setting is part of the version's content: kept in the draft's history, copied into the
next draft, carried by bank files and shown in the diff, and frozen when the version is
published, so interviews already run keep the flags they were screened with.
"""

from __future__ import annotations

import copy
import hashlib
import json

import pytest
from django.urls import reverse
from django.utils.html import escape

from assessments import bankfile, rules, services
from assessments.diff import diff_banks
from assessments.models import BankVersion, DraftChange, FrozenVersionError

pytestmark = pytest.mark.django_db

# No pattern of the shipped "elsewhere" rule describes this answer; the shipped learned
# stage flags it because its wording is close to the rule's examples.
ONLY_LEARNED = "To be honest I only took this job for now, until something better turns up."
# One of the rule's own examples, which its patterns describe.
RULE_MATCH = "Polite customers get my extra effort; the rude ones only get the basics."


def stage_url(version: BankVersion) -> str:
    return reverse("assessments:learned_stage", args=[version.bank.slug, version.number])


def flags_of(version: BankVersion, text: str) -> list[tuple[str, str]]:
    fresh = BankVersion.objects.get(pk=version.pk)  # as the next request would load it
    return [(f.rule, f.stage) for f in rules.screener_for(fresh).screen(text)]


@pytest.fixture
def draft(published, hana) -> BankVersion:
    return services.start_draft(published.bank, user=hana)


def test_a_version_screens_with_the_learned_stage_unless_hr_switches_it_off(draft):
    assert draft.learned_stage is True
    assert flags_of(draft, ONLY_LEARNED) == [("elsewhere", "learned")]


def test_it_screens_a_draft_with_rules_only_once_hr_switches_the_learned_stage_off(
    as_hana, draft, published
):
    response = as_hana.post(stage_url(draft), {"learned_stage": "off"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.learned_stage is False
    assert flags_of(draft, ONLY_LEARNED) == []
    assert ("deserving", "rules") in flags_of(draft, RULE_MATCH)
    # The published version, and every interview run on it, screens as before.
    assert flags_of(published, ONLY_LEARNED) == [("elsewhere", "learned")]


def test_it_records_the_switch_in_the_draft_history(as_hana, draft, hana):
    revision = draft.revision
    as_hana.post(stage_url(draft), {"learned_stage": "off"})
    change = draft.changes.order_by("-pk").first()
    assert change.user == hana
    assert change.summary == "Switched the learned stage off: rules only."
    draft.refresh_from_db()
    assert draft.revision > revision  # cached screeners of the draft are stale
    page = as_hana.get(draft.get_absolute_url()).content.decode()
    assert escape(change.summary) in page
    assert "Switched the learned stage off: rules only." in draft.history_text()


def test_it_says_so_when_the_draft_already_screens_that_way(as_hana, draft):
    before = draft.changes.count()
    response = as_hana.post(stage_url(draft), {"learned_stage": "on"}, follow=True)
    assert "already screens that way" in response.content.decode()
    assert draft.changes.count() == before


def test_it_refuses_to_change_a_published_versions_setting(as_hana, published):
    response = as_hana.post(stage_url(published), {"learned_stage": "off"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "v1 is published" in page and "Open a draft to change them" in page
    published.refresh_from_db()
    assert published.learned_stage is True
    assert not DraftChange.objects.filter(version=published).exists()
    assert flags_of(published, ONLY_LEARNED) == [("elsewhere", "learned")]


def test_the_model_refuses_it_too_however_the_change_is_attempted(published, hana):
    with pytest.raises(FrozenVersionError):
        published.switch_learned_stage(False, hana)
    stale = BankVersion.objects.get(pk=published.pk)
    stale.learned_stage = False
    with pytest.raises(FrozenVersionError):
        stale.save(update_fields=["learned_stage"])
    published.refresh_from_db()
    assert published.learned_stage is True


def test_it_refuses_a_draft_published_since_the_page_was_loaded(draft, hana):
    loaded = BankVersion.objects.get(pk=draft.pk)
    services.publish_version(draft, changelog="Out it goes.")
    with pytest.raises(FrozenVersionError):
        loaded.switch_learned_stage(False, hana)
    draft.refresh_from_db()
    assert draft.learned_stage is True


def test_it_shows_the_setting_as_a_choice_on_a_draft_and_a_fact_on_a_published_version(
    as_hana, as_ravi, draft, published
):
    page = as_hana.get(draft.get_absolute_url()).content.decode()
    assert 'name="learned_stage"' in page and "Rules only" in page
    fixed = as_ravi.get(published.get_absolute_url()).content.decode()
    assert 'name="learned_stage"' not in fixed
    assert "Learned stage on: rules and learned patterns raise flags. Fixed with this version." in (
        fixed
    )


def test_it_lets_only_hr_switch_it_and_only_by_post(as_hana, as_ravi, as_maya, as_otto, draft):
    assert as_hana.get(stage_url(draft)).status_code == 405
    for client in (as_ravi, as_maya, as_otto):
        assert client.post(stage_url(draft), {"learned_stage": "off"}).status_code == 403
    draft.refresh_from_db()
    assert draft.learned_stage is True


def test_it_refuses_a_choice_that_is_neither_on_nor_off(as_hana, draft):
    response = as_hana.post(stage_url(draft), {"learned_stage": "maybe"}, follow=True)
    assert "Choose whether this draft screens with rules only" in response.content.decode()
    draft.refresh_from_db()
    assert draft.learned_stage is True


def test_it_copies_the_setting_into_the_next_draft(draft, hana):
    draft.switch_learned_stage(False, hana)
    services.publish_version(draft, changelog="Rules only from now on.")
    following = services.start_draft(draft.bank, user=hana)
    assert following.number == 3 and following.learned_stage is False
    assert flags_of(following, ONLY_LEARNED) == []


def test_it_shows_the_switch_in_the_version_diff(draft, published, hana):
    draft.switch_learned_stage(False, hana)
    changes = diff_banks(services.export_version(published), services.export_version(draft))
    assert [(c.kind, c.item) for c in changes] == [("changed", "Screening settings")]
    detail = changes[0].details[0]
    assert detail.label == "Learned stage"
    assert (detail.old, detail.new) == (
        "on: rules and learned patterns raise flags",
        "off: rules only",
    )


def test_it_carries_the_setting_through_a_bank_file(draft, hana):
    draft.switch_learned_stage(False, hana)
    text = bankfile.dump(services.export_version(draft), "yaml")
    data = bankfile.parse_text(text, "bank.yaml")
    assert data["learned_stage"] is False
    data["bank"] = "Another bank"
    loaded = services.load_bank(data).version
    assert loaded.learned_stage is False and not loaded.is_draft
    assert flags_of(loaded, ONLY_LEARNED) == []


def test_a_file_that_only_switches_the_stage_is_a_new_version(published):
    data = services.export_version(published)
    assert services.load_bank(copy.deepcopy(data)).changed is False
    data["learned_stage"] = False
    result = services.load_bank(data)
    assert result.changed and result.version.number == 2
    assert result.version.learned_stage is False


def test_a_bank_file_without_the_setting_keeps_the_learned_stage_on(default_bank_data):
    raw = copy.deepcopy(default_bank_data)
    del raw["learned_stage"]
    assert bankfile.parse_data(raw, "old.yaml")["learned_stage"] is True
    raw["learned_stage"] = "no"
    with pytest.raises(bankfile.BankFileError) as refused:
        bankfile.parse_data(raw, "odd.yaml")
    assert "odd.yaml: bank: 'learned_stage' must be true or false" in str(refused.value)


def test_the_shipped_bank_keeps_the_digest_it_had_before_the_setting_existed(default_bank_data):
    # Installations seeded earlier stored this digest; a match means "nothing new to offer".
    before = {k: default_bank_data[k] for k in ("dimensions", "warning_rules")}
    stored = hashlib.sha256(
        json.dumps(before, sort_keys=True, ensure_ascii=False).encode("utf-8")
    ).hexdigest()
    assert services.seed_digest(default_bank_data) == stored


def test_the_cache_follows_the_setting_even_when_the_revision_did_not_move(draft):
    assert flags_of(draft, ONLY_LEARNED) == [("elsewhere", "learned")]
    # An edit that skipped note_change (the admin, a script): only the setting differs.
    BankVersion.objects.filter(pk=draft.pk).update(learned_stage=False)
    assert flags_of(draft, ONLY_LEARNED) == []
