"""The comparison's GET parameters, validated like any other input."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict

from hiring.interviews.models import Candidate, Role
from hiring.reports.comparison import SORT_OVERALL


class ComparisonForm(forms.Form):
    candidates = forms.ModelMultipleChoiceField(
        queryset=Candidate.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text="Leave all unticked to compare every candidate of the role.",
    )
    sort = forms.ChoiceField(label="Sort by", required=False)
    # No filter on warning flags: flags inform a follow-up question, they never screen anyone out.

    def __init__(self, role: Role, data: QueryDict | None = None, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.role = role
        candidates = self.fields["candidates"]
        assert isinstance(candidates, forms.ModelMultipleChoiceField)
        candidates.queryset = role.candidates.all()
        dimensions = role.bank_version.dimensions.order_by("position")
        sort = self.fields["sort"]
        assert isinstance(sort, forms.ChoiceField)
        sort.choices = [(SORT_OVERALL, "Overall score")] + [(d.key, d.title) for d in dimensions]

    def options(self) -> dict[str, Any]:
        """Keyword arguments for build_comparison; call after is_valid()."""
        chosen = self.cleaned_data.get("candidates")
        return {
            "candidates": list(chosen) if chosen else None,
            "sort": self.cleaned_data.get("sort") or SORT_OVERALL,
        }

    def fingerprint_part(self) -> str:
        """What the options add to the cache key of a comparison PDF."""
        options = self.options()
        subset = ",".join(str(c.pk) for c in options["candidates"] or [])
        return f"{subset}|{options['sort']}"
