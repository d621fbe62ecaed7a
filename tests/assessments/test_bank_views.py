"""HR's bank pages: everyone with a role reads published versions; only HR edits drafts."""

import json

import pytest
from django.urls import reverse
from django.utils.html import escape

from assessments import services
from assessments.models import BankVersion, Question

pytestmark = pytest.mark.django_db


def version_url(version, name="version", *args):
    return reverse(f"assessments:{name}", args=[version.bank.slug, version.number, *args])


@pytest.fixture
def draft(published, hana):
    return services.start_draft(published.bank, user=hana)


def test_it_shows_a_version_with_dimensions_questions_anchors_and_rules(as_ravi, published):
    page = as_ravi.get(version_url(published)).content.decode()
    dimension = published.dimensions.first()
    assert escape(dimension.title) in page
    assert escape(dimension.questions.first().prompt) in page
    for question in dimension.questions.all():
        assert escape(question.anchors.get(level=5).behaviour) in page
    assert "Warning rules" in page and "appreciation" in page
    assert "Edit" not in page.split("Warning rules")[0].split("Export YAML")[1]


@pytest.mark.parametrize("who", ["as_ravi", "as_maya", "as_hana"])
def test_it_lets_every_role_read_published_versions(request, who, published):
    assert request.getfixturevalue(who).get(version_url(published)).status_code == 200
    assert request.getfixturevalue(who).get(reverse("assessments:banks")).status_code == 200


def test_it_forbids_outsiders_everything(as_otto, published, draft):
    for url in [
        reverse("assessments:banks"),
        version_url(published),
        version_url(draft),
        reverse("assessments:diff", args=[published.bank.slug]),
        version_url(published, "export_json"),
        reverse("assessments:import"),
    ]:
        assert as_otto.get(url).status_code == 403, url


def test_it_sends_anonymous_visitors_to_log_in(client, published):
    response = client.get(version_url(published))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_it_hides_drafts_from_recruiters_and_managers(as_ravi, as_maya, draft):
    assert as_ravi.get(version_url(draft)).status_code == 404
    assert as_maya.get(version_url(draft)).status_code == 404


def test_it_lets_only_hr_open_a_draft(as_ravi, as_hana, published):
    url = reverse("assessments:start_draft", args=[published.bank.slug])
    assert as_ravi.post(url).status_code == 403
    assert as_hana.get(url).status_code == 405
    response = as_hana.post(url)
    assert response.status_code == 302
    assert BankVersion.objects.filter(status="draft").count() == 1


def test_it_never_offers_to_edit_a_published_version(as_hana, published):
    dimension = published.dimensions.first()
    assert as_hana.get(version_url(published, "edit_dimension", dimension.pk)).status_code == 404
    assert as_hana.post(version_url(published, "new_rule"), {}).status_code == 404


def test_it_lets_hr_edit_a_draft_dimension_with_its_questions_and_anchors(as_hana, draft):
    dimension = draft.dimensions.first()
    url = version_url(draft, "edit_dimension", dimension.pk)
    form = as_hana.get(url).context
    data = {
        "title": "Laughs with, never at",
        "description": "New words.",
        "source": dimension.source,
    }
    for prefix, formset in (("questions", form["questions"]),):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": formset.total_form_count(),
                f"{prefix}-INITIAL_FORMS": formset.initial_form_count(),
                f"{prefix}-MIN_NUM_FORMS": 0,
                f"{prefix}-MAX_NUM_FORMS": 1000,
            }
        )
        for i, f in enumerate(formset.initial_forms):
            for name, field in f.fields.items():
                value = f.initial.get(name, field.initial)
                if name in ("probes", "listen_for") and isinstance(value, list):
                    value = "\n".join(value)
                if name == "id":
                    value = f.instance.pk or ""
                if name == "dimension":
                    value = dimension.pk
                data[f"{prefix}-{i}-{name}"] = "" if value is None else value
    data["questions-0-prompt"] = "Describe a time a customer's joke fell flat with you."
    data["questions-1-anchor_5"] = "Would answer warmly and keep the customer at the centre."
    response = as_hana.post(url, data)
    assert response.status_code == 302, [
        response.context[name].errors for name in ("form", "questions")
    ] + [response.context["questions"].non_form_errors()]
    dimension.refresh_from_db()
    assert dimension.title == "Laughs with, never at"
    assert dimension.questions.first().prompt.startswith("Describe a time a customer's joke")
    second = dimension.questions.all()[1]
    assert second.anchors.get(level=5).behaviour.startswith("Would answer warmly")
    first = dimension.questions.first()
    assert not first.anchors.get(level=5).behaviour.startswith("Would answer warmly")
    summary = draft.changes.first().summary
    assert summary.startswith("Edited “Laughs with, never at”: title")
    assert "question 1" in summary and "question 2" in summary


def test_it_refuses_a_rule_with_a_duplicate_code(as_hana, draft):
    rule = draft.warning_rules.first()
    other = draft.warning_rules.exclude(pk=rule.pk).first()
    response = as_hana.post(
        version_url(draft, "edit_rule", rule.code),
        {
            "code": other.code,
            "label": rule.label,
            "why": rule.why,
            "severity": rule.severity,
            "patterns": "\n".join(rule.patterns),
            "examples": "",
            "counter_examples": "",
            "source": rule.source,
        },
    )
    assert response.status_code == 200
    assert "already uses this code" in response.content.decode()


def test_it_lets_hr_add_a_rule_and_publish_with_a_changelog(as_hana, draft):
    response = as_hana.post(
        version_url(draft, "new_rule"),
        {
            "code": "weekend",
            "label": "Wants weekends off at any cost",
            "why": "Rota reality.",
            "severity": "low",
            "patterns": "never work weekends",
            "examples": "I never work weekends.\nI will never work weekends, full stop.",
            "counter_examples": "I can work weekends.",
            "source": "",
        },
    )
    assert response.status_code == 302
    assert draft.warning_rules.filter(code="weekend").exists()
    response = as_hana.post(version_url(draft, "publish"), {"changelog": "Added a rota rule."})
    draft.refresh_from_db()
    assert draft.status == "published", [str(m) for m in response.wsgi_request._messages]


def test_it_blocks_publishing_while_a_rule_fails_its_examples(as_hana, draft):
    rule = draft.warning_rules.get(code="appreciation")
    rule.counter_examples = [*rule.counter_examples, "I like being appreciated."]
    rule.save()
    draft.touch()
    page = as_hana.get(version_url(draft)).content.decode()
    assert "Cannot publish yet" in page
    as_hana.post(version_url(draft, "publish"), {"changelog": "try"})
    draft.refresh_from_db()
    assert draft.is_draft


def test_it_lists_what_changed_between_two_versions(as_maya, draft):
    question = Question.objects.filter(dimension__version=draft).first()
    question.prompt = "A brand new prompt about returns."
    question.save()
    sarcasm = draft.warning_rules.get(code="sarcasm")
    sarcasm.delete()
    from assessments.services import publish_version

    publish_version(draft)
    page = as_maya.get(
        reverse("assessments:diff", args=[draft.bank.slug]), {"old": 1, "new": 2}
    ).content.decode()
    assert "A brand new prompt about returns." in page
    assert "removed" in page and escape(sarcasm.label) in page
    assert "natural_traits:" not in page


def test_it_exports_json_and_yaml_downloads(as_maya, published):
    response = as_maya.get(version_url(published, "export_json"))
    assert response["Content-Disposition"].endswith('-v1.json"')
    assert len(json.loads(response.content)["dimensions"]) == 30
    assert b"dimensions:" in as_maya.get(version_url(published, "export_yaml")).content


def test_it_imports_a_bank_file_into_a_draft_and_refuses_a_broken_one(as_hana, published, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = services.export_version(published)
    data["dimensions"][1]["title"] = "Adapts with ease"
    upload = SimpleUploadedFile("bank.json", json.dumps(data).encode())
    response = as_hana.post(reverse("assessments:import"), {"file": upload})
    assert response.status_code == 302
    assert (
        BankVersion.objects.get(status="draft").dimensions.filter(title="Adapts with ease").exists()
    )

    data["dimensions"][1]["questions"][0]["anchors"][0]["level"] = 9
    upload = SimpleUploadedFile("broken.json", json.dumps(data).encode())
    response = as_hana.post(reverse("assessments:import"), {"file": upload})
    assert response.status_code == 200
    assert (
        "broken.json" in response.content.decode() and "outside 1..5" in response.content.decode()
    )


def test_it_forbids_imports_by_recruiters(as_ravi):
    assert as_ravi.get(reverse("assessments:import")).status_code == 403


def test_the_rule_tester_shows_fired_rules_with_evidence(as_hana, published):
    response = as_hana.post(
        version_url(published, "tester"), {"answer": "Honestly I like being appreciated."}
    )
    page = response.content.decode()
    assert '<mark class="evidence">' in page
    assert "appreciation" in page


def test_the_rule_tester_is_for_hr(as_ravi, published):
    assert as_ravi.get(version_url(published, "tester")).status_code == 403


def hr_write_urls(draft):
    rule = draft.warning_rules.first().code
    dimension = draft.dimensions.first().pk
    return {
        "start_draft": reverse("assessments:start_draft", args=[draft.bank.slug]),
        "publish": version_url(draft, "publish"),
        "discard": version_url(draft, "discard"),
        "delete_rule": version_url(draft, "delete_rule", rule),
        "edit_rule": version_url(draft, "edit_rule", rule),
        "new_rule": version_url(draft, "new_rule"),
        "edit_dimension": version_url(draft, "edit_dimension", dimension),
        "import": reverse("assessments:import"),
        "confirm_import": reverse("assessments:confirm_import"),
        "tester": version_url(draft, "tester"),
    }


@pytest.mark.parametrize("who", ["as_ravi", "as_maya", "as_otto"])
def test_it_forbids_every_write_view_to_anyone_but_hr(request, who, draft):
    client = request.getfixturevalue(who)
    for name, url in hr_write_urls(draft).items():
        assert client.post(url, {}).status_code == 403, name
    draft.refresh_from_db()
    assert draft.is_draft and draft.warning_rules.count() >= 20


def test_it_refuses_the_wrong_method_on_every_write_view(as_hana, draft):
    post_only = {"start_draft", "publish", "delete_rule", "confirm_import"}
    for name, url in hr_write_urls(draft).items():
        method = as_hana.get if name in post_only else as_hana.put
        assert method(url).status_code == 405, name


def test_it_lets_hr_delete_a_rule_and_discard_a_draft(as_hana, draft):
    code = draft.warning_rules.first().code
    assert as_hana.post(version_url(draft, "delete_rule", code)).status_code == 302
    assert not draft.warning_rules.filter(code=code).exists()
    assert as_hana.post(version_url(draft, "discard")).status_code == 302
    assert not BankVersion.objects.filter(status="draft").exists()


def test_it_asks_before_discarding_a_draft_and_says_what_would_be_lost(as_hana, draft, hana):
    rule = draft.warning_rules.get(code="appreciation")
    rule.label = "Serves to be thanked"
    rule.save()
    draft.note_change(hana, "Relabelled 'appreciation'.")

    page = as_hana.get(version_url(draft, "discard")).content.decode()

    assert "Discard draft v2?" in page and "cannot be undone" in page
    assert "Serves to be thanked" in page and "Relabelled" in page
    draft.refresh_from_db()
    assert draft.is_draft


def upload(data, name="bank.json"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, json.dumps(data).encode())


def test_it_shows_what_an_import_over_an_open_draft_would_change_and_asks_first(
    as_hana, draft, hana
):
    edited = draft.dimensions.order_by("position").first()
    edited.title = "Hana's unsaved idea"
    edited.save()
    draft.note_change(hana, "Retitled the first trait.")
    data = services.export_version(draft.bank.latest_published())
    data["dimensions"][1]["title"] = "Adapts with ease"

    response = as_hana.post(reverse("assessments:import"), {"file": upload(data)})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Replace draft v2 with this file?" in page
    assert "Hana&#x27;s unsaved idea" in page and "Adapts with ease" in page
    assert draft.dimensions.filter(title="Hana's unsaved idea").exists()  # nothing changed yet

    confirm = response.context["form"].initial
    response = as_hana.post(reverse("assessments:confirm_import"), confirm)
    assert response.status_code == 302
    assert draft.dimensions.filter(title="Adapts with ease").exists()
    assert not draft.dimensions.filter(title="Hana's unsaved idea").exists()
    assert draft.changes.filter(summary__contains="imported bank file").exists()


def test_it_asks_again_when_the_draft_changed_since_the_review(as_hana, draft, hana):
    data = services.export_version(draft)
    data["dimensions"][1]["title"] = "Adapts with ease"
    confirm = as_hana.post(reverse("assessments:import"), {"file": upload(data)})
    assert confirm.status_code == 200
    initial = confirm.context["form"].initial
    draft.note_change(hana, "A later edit.")

    response = as_hana.post(reverse("assessments:confirm_import"), initial)

    assert response.status_code == 200 and "changed since you reviewed it" in (
        response.content.decode()
    )
    assert not draft.dimensions.filter(title="Adapts with ease").exists()


def test_the_version_list_marks_the_current_version_and_counts_roles(as_hana, draft, hana):
    from hiring.interviews.models import Role

    first = draft.bank.versions.get(number=1)
    services.publish_version(draft, user=hana, changelog="v2")
    Role.objects.create(title="Advisor", bank_version=first, hiring_manager=hana)
    Role.objects.create(title="Lead", bank_version=first, hiring_manager=hana)

    response = as_hana.get(reverse("assessments:banks"))

    summary = response.context["banks"][0]
    assert summary.current.number == 2 and summary.draft is None
    assert [v.role_count for v in summary.versions] == [0, 2]
    page = response.content.decode()
    assert "Current" in page and "2 roles" in page and "Edit (open a draft)" in page


def test_the_version_list_offers_to_continue_an_open_draft(as_hana, draft):
    page = as_hana.get(reverse("assessments:banks")).content.decode()
    assert "Continue draft v2" in page and "Edit (open a draft)" not in page
    published_page = as_hana.get(version_url(draft.bank.versions.get(number=1))).content.decode()
    assert "Continue draft v2" in published_page


def test_it_records_who_changed_what_in_a_draft_and_offers_it_as_the_changelog(as_hana, draft):
    rule = draft.warning_rules.get(code="appreciation")
    as_hana.post(version_url(draft, "delete_rule", rule.code))

    response = as_hana.get(version_url(draft))

    summaries = [c.summary for c in response.context["history"]]
    assert summaries[0] == f"Deleted rule “{rule.label}” (appreciation)."
    assert summaries[-1] == "Opened the draft as a copy of v1."
    assert draft.changes.first().user.username == "hana"
    page = response.content.decode()
    assert "Draft history (2 changes)" in page
    changelog = response.context["publish_form"]["changelog"].value()
    assert changelog.splitlines() == [
        "- Opened the draft as a copy of v1.",
        f"- Deleted rule “{rule.label}” (appreciation).",
    ]
