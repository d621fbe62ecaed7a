"""HR's forms for editing a draft bank version."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import inlineformset_factory

from assessments import bankfile
from assessments.models import Anchor, BankVersion, Dimension, Question, WarningRule
from assessments.screening import pattern_problem


class SizedTextarea(forms.Textarea):
    """A text box as tall as its content (plus a spare line), so nothing is cut off."""

    def __init__(self, attrs: dict[str, Any] | None = None, *, min_rows: int = 2) -> None:
        super().__init__(attrs)
        self.min_rows = min_rows

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        text = self.format_value(value) or ""
        # Long lines wrap at roughly 90 characters in the form's column.
        lines = sum(1 + len(line) // 90 for line in text.splitlines())
        context["widget"]["attrs"]["rows"] = min(max(self.min_rows, lines + 1), 30)
        return context


class LinesField(forms.CharField):
    """A list of short texts, edited one per line."""

    widget = SizedTextarea(min_rows=3)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def has_changed(self, initial: Any, data: Any) -> bool:
        # Compare as lists: an untouched empty box is no change (an extra blank
        # question form must not turn into a required one).
        return self.to_python(self.prepare_value(initial) or "") != self.to_python(data)

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        if isinstance(value, list):
            return value
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


LINE_HELP = "One per line."


class DimensionForm(forms.ModelForm[Dimension]):
    class Meta:
        model = Dimension
        fields = ["title", "description", "source"]
        widgets = {"description": SizedTextarea(min_rows=3)}


ANCHOR_HELP = {
    1: "What a clearly poor answer to this question sounds like.",
    3: "An acceptable but thin answer.",
    5: "The strongest answer you hear to this question.",
}


class QuestionForm(forms.ModelForm[Question]):
    """A question with its own five anchors, written for its kind."""

    probes = LinesField(required=False, help_text=LINE_HELP, label="Follow-up probes")
    listen_for = LinesField(required=False, help_text=LINE_HELP, label="Listen for")

    class Meta:
        model = Question
        fields = ["kind", "prompt", "probes", "listen_for"]
        widgets = {"prompt": SizedTextarea()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stored: dict[int, str] = {}
        if self.instance.pk:
            stored = {a.level: a.behaviour for a in self.instance.anchors.all()}
        for level in range(1, 6):
            self.fields[f"anchor_{level}"] = forms.CharField(
                label=f"Anchor {level}",
                initial=stored.get(level, ""),
                help_text=ANCHOR_HELP.get(level, ""),
                widget=SizedTextarea(),
            )

    def save(self, commit: bool = True) -> Question:
        question = super().save(commit)
        if commit:
            self.save_anchors(question)
        return question

    def save_anchors(self, question: Question) -> None:
        """Write the five levels, changing only the ones whose text changed."""
        stored = {a.level: a for a in question.anchors.all()}
        for level in range(1, 6):
            text = self.cleaned_data[f"anchor_{level}"]
            anchor = stored.get(level) or Anchor(question=question, level=level)
            if anchor.behaviour != text:
                anchor.behaviour = text
                anchor.save()


QuestionFormSet = inlineformset_factory(
    Dimension,
    Question,
    form=QuestionForm,
    extra=1,
    can_delete=True,
    min_num=1,
    validate_min=True,
)


class WarningRuleForm(forms.ModelForm[WarningRule]):
    patterns = LinesField(help_text="One pattern per line; see the pattern guide below.")
    examples = LinesField(required=False, help_text="Answers this rule must flag. " + LINE_HELP)
    counter_examples = LinesField(
        required=False, help_text="Answers it must not flag. " + LINE_HELP
    )

    class Meta:
        model = WarningRule
        fields = [
            "code",
            "label",
            "why",
            "severity",
            "dimension",
            "patterns",
            "examples",
            "counter_examples",
            "source",
        ]
        widgets = {"why": SizedTextarea()}

    def __init__(self, *args: Any, version: BankVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.version = version
        dimension_field = self.fields["dimension"]
        assert isinstance(dimension_field, forms.ModelChoiceField)
        dimension_field.queryset = version.dimensions.order_by("position")

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"]
        clash = self.version.warning_rules.filter(code=code).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("Another rule of this version already uses this code.")
        return code

    def clean_patterns(self) -> list[str]:
        patterns: list[str] = self.cleaned_data["patterns"]
        problems = [f"'{p}': {msg}" for p in patterns if (msg := pattern_problem(p))]
        if problems:
            raise forms.ValidationError(problems)
        return patterns

    def save(self, commit: bool = True) -> WarningRule:
        self.instance.version = self.version
        return super().save(commit)


def dimension_edit_summary(
    form: DimensionForm,
    questions: forms.BaseInlineFormSet[Any, Any, Any],
) -> str:
    """What a valid dimension edit changes, for the draft's history."""
    parts = [str(form.fields[name].label or name).lower() for name in form.changed_data]
    for i, qform in enumerate(questions.forms, 1):
        if qform.cleaned_data.get("DELETE") and qform.instance.pk:
            parts.append(f"removed question {i}")
        elif qform.has_changed():
            parts.append(f"question {i}" if qform.instance.pk else "added a question")
    title = form.cleaned_data.get("title") or form.instance.title
    return f"Edited “{title}”: {', '.join(parts) or 'no changes'}."


def rule_edit_summary(form: WarningRuleForm) -> str:
    label = form.cleaned_data.get("label") or form.instance.label
    if not form.instance.pk:
        return f"Added rule “{label}”."
    changed = ", ".join(str(form.fields[n].label or n).lower() for n in form.changed_data)
    return f"Edited rule “{label}”: {changed or 'no changes'}."


class LearnedStageForm(forms.Form):
    """How a draft screens answers: its rules and the learned stage, or its rules only."""

    learned_stage = forms.TypedChoiceField(
        label="Which stages raise flags",
        choices=[
            ("on", "Rules and learned patterns: also flag wording close to a rule's examples"),
            ("off", "Rules only: flag only what a rule's patterns describe"),
        ],
        coerce=lambda value: value == "on",
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )

    @classmethod
    def for_version(cls, version: BankVersion) -> LearnedStageForm:
        return cls(initial={"learned_stage": "on" if version.learned_stage else "off"})


class PublishForm(forms.Form):
    changelog = forms.CharField(
        widget=SizedTextarea({"class": "form-control", "placeholder": "What changed and why"}),
        help_text="What changed and why, for the record.",
    )


class ImportForm(forms.Form):
    file = forms.FileField(help_text="A bank file in JSON or YAML, as exported.")
    publish = forms.BooleanField(
        required=False,
        initial=False,
        help_text="Publish straight away (otherwise it becomes the bank's draft).",
    )

    def clean_file(self) -> bankfile.BankData:
        upload = self.cleaned_data["file"]
        if upload.size > bankfile.MAX_BANK_BYTES:
            limit = bankfile.MAX_BANK_BYTES // 1_000_000
            raise forms.ValidationError(f"{upload.name}: larger than {limit} MB.")
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(f"{upload.name}: not UTF-8 text.") from exc
        try:
            return bankfile.parse_text(text, upload.name)
        except bankfile.BankFileError as exc:
            raise forms.ValidationError([f"{exc.filename}: {p}" for p in exc.problems]) from exc


class ConfirmImportForm(forms.Form):
    """The second step of an import over an open draft: the file's content, carried as JSON,
    and the draft revision HR reviewed, so a draft edited meanwhile is shown again."""

    content = forms.CharField(widget=forms.HiddenInput)
    publish = forms.BooleanField(required=False, widget=forms.HiddenInput)
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def clean_content(self) -> bankfile.BankData:
        try:
            return bankfile.parse_text(self.cleaned_data["content"], "bank.json")
        except bankfile.BankFileError as exc:
            raise forms.ValidationError(list(exc.problems)) from exc


class RuleTesterForm(forms.Form):
    answer = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4, "autofocus": True}),
        max_length=5000,
        help_text="Type or paste a candidate's answer to see which rules fire.",
    )


class RuleExamplesForm(forms.Form):
    rule = forms.ChoiceField(
        label="Run a rule's own examples",
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args: Any, version: BankVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["rule"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (r.code, f"{r.label} ({r.code})") for r in version.warning_rules.order_by("position")
        ]


class DiffForm(forms.Form):
    old = forms.TypedChoiceField(
        coerce=int, label="From", widget=forms.Select(attrs={"class": "form-select"})
    )
    new = forms.TypedChoiceField(
        coerce=int, label="To", widget=forms.Select(attrs={"class": "form-select"})
    )

    def __init__(self, *args: Any, numbers: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(n, f"v{n}") for n in numbers]
        for name in ("old", "new"):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = choices
