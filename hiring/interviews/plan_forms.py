"""Forms for a role's interview plan and a candidate's panel."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import Q

from assessments.models import Dimension, Question
from hiring.accounts.roles import RECRUITER, display_name
from hiring.interviews.forms import PersonChoiceField
from hiring.interviews.models import Candidate, InterviewPlan, PlannedInterview

MAX_QUESTIONS = 12


class QuestionChoiceField(forms.ModelMultipleChoiceField[Question]):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.dimension.title}: {obj.get_kind_display()}: {obj.prompt}"


class PlannedInterviewForm(forms.ModelForm[PlannedInterview]):
    """One interview of the plan: its focus dimensions and the questions its kit asks."""

    dimensions = forms.ModelMultipleChoiceField(
        queryset=Dimension.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Focus dimensions",
        help_text="The dimensions this interviewer rates.",
    )
    questions = QuestionChoiceField(
        queryset=Question.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=f"What the kit asks; a realistic interview asks 6 to {MAX_QUESTIONS}.",
    )

    class Meta:
        model = PlannedInterview
        fields = ["name", "minutes", "dimensions", "questions"]
        labels = {"minutes": "Estimated minutes"}

    def __init__(self, *args: Any, plan: InterviewPlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        role = plan.role
        assessed = role.bank_version.dimensions.filter(pk__in=list(role.weights()))
        dimension_field = self.fields["dimensions"]
        question_field = self.fields["questions"]
        assert isinstance(dimension_field, forms.ModelMultipleChoiceField)
        assert isinstance(question_field, forms.ModelMultipleChoiceField)
        dimension_field.queryset = assessed.order_by("position")
        question_field.queryset = (
            Question.objects.filter(dimension__in=assessed)
            .select_related("dimension")
            .order_by("dimension__position", "position")
        )

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        clash = self.plan.interviews.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError("Another interview of this plan has this name.")
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        focus = set(data.get("dimensions") or [])
        asked = list(data.get("questions") or [])
        stray = [q for q in asked if q.dimension not in focus]
        if stray:
            titles = sorted({q.dimension.title for q in stray})
            self.add_error(
                "questions",
                "These questions rate dimensions outside the focus: " + "; ".join(titles) + ".",
            )
        if len(asked) > MAX_QUESTIONS:
            self.add_error(
                "questions",
                f"{len(asked)} questions is more than one sitting holds; choose at most "
                f"{MAX_QUESTIONS} and move the rest to another interview.",
            )
        return data

    def save(self, commit: bool = True) -> PlannedInterview:
        self.instance.plan = self.plan
        if self.instance.position == 0 and not self.instance.pk:
            self.instance.position = self.plan.interviews.count()
        return super().save(commit)


def interviewer_choices(candidate: Candidate) -> Any:
    """Recruiters, and the role's own hiring manager, who may sit on its panels."""
    return (
        User.objects.filter(
            Q(groups__name=RECRUITER) | Q(pk=candidate.role.hiring_manager_id), is_active=True
        )
        .distinct()
        .order_by("first_name", "username")
    )


class PanelForm(forms.Form):
    """Who runs each planned interview of one candidate; a started interview keeps its own."""

    def __init__(self, *args: Any, candidate: Candidate, plan: InterviewPlan, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.candidate = candidate
        self.planned = list(plan.interviews.order_by("position"))
        seats = {a.planned_id: a.interviewer_id for a in candidate.assignments.all()}
        started = {
            i.planned_id: i.interviewer_id for i in candidate.interviews.exclude(planned=None)
        }
        people = interviewer_choices(candidate)
        for planned in self.planned:
            field = PersonChoiceField(
                queryset=people,
                required=False,
                label=planned.name,
                empty_label="Nobody yet",
                initial=started.get(planned.pk, seats.get(planned.pk)),
            )
            if planned.pk in started:
                field.disabled = True
                field.help_text = "Started: stays with its interviewer."
            self.fields[f"p{planned.pk}"] = field

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = [data.get(f"p{p.pk}") for p in self.planned]
        people = [u for u in chosen if u is not None]
        twice = sorted({display_name(u) for u in people if people.count(u) > 1})
        if twice:
            raise ValidationError(
                "One person runs one interview per candidate: "
                + ", ".join(twice)
                + " is chosen more than once."
            )
        return data

    def seats(self) -> dict[PlannedInterview, Any]:
        return {p: self.cleaned_data.get(f"p{p.pk}") for p in self.planned}
