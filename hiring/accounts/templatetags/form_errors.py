"""`{% error_summary form formset ... %}`: every error of a page's forms at the top, each
linking to its field, so a long form never hides its own error below the fold."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms, template
from django.core.exceptions import NON_FIELD_ERRORS

register = template.Library()


@dataclass(frozen=True)
class FieldError:
    where: str  # what HR reads next to the field: "Question 2: Prompt"
    message: str
    anchor: str  # the field's id, or "" for an error of the whole form


def _form_errors(form: forms.BaseForm, prefix: str = "") -> list[FieldError]:
    errors = [
        FieldError(prefix.rstrip(": ") or "Form", str(e), "") for e in form.non_field_errors()
    ]
    for name, messages in form.errors.items():
        if name == NON_FIELD_ERRORS:
            continue
        field = form[name]
        errors += [
            FieldError(f"{prefix}{field.label}", str(m), field.auto_id or "") for m in messages
        ]
    return errors


def _formset_errors(formset: forms.BaseFormSet[Any]) -> list[FieldError]:
    noun = (formset.prefix or "item").rstrip("s").capitalize()
    errors = [FieldError(f"{noun}s", str(e), "") for e in formset.non_form_errors()]
    for i, form in enumerate(formset.forms, 1):
        errors += _form_errors(form, f"{noun} {i}: ")
    return errors


def collect(*items: Any) -> list[FieldError]:
    errors: list[FieldError] = []
    for item in items:
        if isinstance(item, forms.BaseFormSet):
            errors += _formset_errors(item)
        elif isinstance(item, forms.BaseForm):
            errors += _form_errors(item)
    return errors


@register.inclusion_tag("_error_summary.html")
def error_summary(*items: Any) -> dict[str, list[FieldError]]:
    return {"errors": collect(*items)}
