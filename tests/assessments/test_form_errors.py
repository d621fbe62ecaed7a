"""Forms point at their errors: a summary at the top links to each field; text boxes fit."""

import pytest
from django.urls import reverse

from assessments import services
from assessments.forms import DimensionForm, QuestionForm

pytestmark = pytest.mark.django_db


def test_it_lists_every_error_at_the_top_with_a_link_to_its_field(as_hana, published, hana):
    draft = services.start_draft(published.bank, user=hana)
    rule = draft.warning_rules.first()
    url = reverse("assessments:edit_rule", args=[draft.bank.slug, draft.number, rule.code])
    response = as_hana.post(url, {"code": rule.code, "label": "", "why": "", "patterns": "x ("})
    page = response.content.decode()
    summary = page[
        page.index('id="error-summary"') : page.index("</div>", page.index("error-summary"))
    ]
    assert 'href="#id_label"' in summary and 'href="#id_why"' in summary
    assert 'href="#id_patterns"' in summary and "missing" in summary
    assert page.index("error-summary") < page.index('name="label"')


def test_it_names_formset_fields_by_their_question(as_hana, published, hana):
    from hiring.accounts.templatetags.form_errors import collect

    draft = services.start_draft(published.bank, user=hana)
    dimension = draft.dimensions.first()
    response = as_hana.get(
        reverse("assessments:edit_dimension", args=[draft.bank.slug, draft.number, dimension.pk])
    )
    questions = response.context["questions"]
    data = {f"questions-{k}": v for k, v in questions.management_form.initial.items()}
    data.update({"questions-0-id": questions.forms[0].instance.pk, "questions-0-prompt": ""})
    bound = type(questions)(data, instance=dimension, prefix="questions")
    assert not bound.is_valid()
    where = [e.where for e in collect(bound)]
    assert "Question 1: Prompt" in where


def test_text_boxes_are_as_tall_as_their_content():
    cues = "\n".join(f"Cue number {i}" for i in range(6))
    html = str(QuestionForm(initial={"listen_for": cues.splitlines()})["listen_for"])
    assert 'rows="7"' in html
    assert 'rows="3"' in str(DimensionForm()["description"])
