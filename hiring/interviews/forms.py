"""Forms for roles, candidates and the interview kit. Views never read request.POST themselves."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from assessments.models import BankVersion
from hiring.accounts.roles import HIRING_MANAGER, display_name, is_hr
from hiring.interviews.models import (
    MAX_ANSWER,
    MAX_EMAIL,
    MAX_NAME,
    Candidate,
    Interview,
    Role,
)

MAX_IMPORT_BYTES = 1_000_000
MAX_IMPORT_ROWS = 5_000
# No word in an answer is longer than this; a longer run without spaces is a paste
# accident or an attack on the screener (whose cost grows with word length).
MAX_WORD = 100
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")


def refuse_long_words(text: str) -> str:
    """`text`, unless it holds a run of more than MAX_WORD characters without a space."""
    found = _LONG_WORD.search(text)
    if found:
        raise ValidationError(
            f"“{found.group()[:20]}…” is {len(found.group())} characters without a space; "
            f"no word is longer than {MAX_WORD}. Break it up or leave it out."
        )
    return text


class PersonChoiceField(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: Any) -> str:
        return display_name(obj)


class RoleForm(forms.ModelForm[Role]):
    hiring_manager = PersonChoiceField(queryset=User.objects.none())

    class Meta:
        model = Role
        fields = ["title", "bank_version", "hiring_manager"]
        labels = {"bank_version": "Question bank version"}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        versions = BankVersion.objects.published().select_related("bank")
        version_field = self.fields["bank_version"]
        manager_field = self.fields["hiring_manager"]
        assert isinstance(version_field, forms.ModelChoiceField)
        assert isinstance(manager_field, forms.ModelChoiceField)
        version_field.queryset = versions.order_by("bank__name", "-number")
        version_field.initial = versions.latest_published()
        manager_field.queryset = User.objects.filter(groups__name=HIRING_MANAGER).order_by(
            "first_name"
        )
        if not is_hr(user):
            # A hiring manager opens roles for themself; HR opens them for any manager.
            del self.fields["hiring_manager"]

    def save(self, commit: bool = True) -> Role:
        role = super().save(commit=False)
        if "hiring_manager" not in self.fields:
            role.hiring_manager = self.user
        role.created_by = self.user
        if commit:
            role.save()
        return role


class RoleEditForm(RoleForm):
    """Change a role: its title, its hiring manager (HR only) and its bank version."""

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        version_field = self.fields["bank_version"]
        version_field.help_text = (
            "Moving to a newer version changes interviews not yet started; started and "
            "submitted ones stay on the version they ran on."
        )

    def save(self, commit: bool = True) -> Role:
        # The version moves through plans.move_to_version, which remaps weights and plan.
        return super(RoleForm, self).save(commit)


class WeightsForm(forms.Form):
    """Which dimensions a role assesses (include boxes) and how much each weighs."""

    def __init__(self, *args: Any, role: Role, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.role = role
        current = role.weights()
        self.dimensions = list(role.bank_version.dimensions.order_by("position"))
        for d in self.dimensions:
            self.fields[f"i{d.pk}"] = forms.BooleanField(
                label=d.title, required=False, initial=d.pk in current
            )
            self.fields[f"d{d.pk}"] = forms.DecimalField(
                label=f"Weight of {d.title}",
                min_value=0,
                max_value=99,
                max_digits=4,
                decimal_places=2,
                initial=Decimal(str(current.get(d.pk, 1))),
                widget=forms.NumberInput(attrs={"step": "0.5", "class": "form-control-sm"}),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not any(w > 0 for w in self.weights().values()):
            raise ValidationError("Include at least one dimension, with a weight above 0.")
        return data

    def weights(self) -> dict[int, Decimal]:
        data = self.cleaned_data
        return {
            d.pk: (data.get(f"d{d.pk}") or Decimal(0)) if data.get(f"i{d.pk}") else Decimal(0)
            for d in self.dimensions
        }

    def groups(self) -> list[tuple[str, list[dict[str, Any]]]]:
        """The rows by list (traits, CX beliefs, basic beliefs), each with its saved share."""
        current = self.role.weights()
        total = sum(current.values()) or 1
        grouped: dict[str, list[dict[str, Any]]] = {}
        for d in self.dimensions:
            grouped.setdefault(d.get_list_display(), []).append(
                {
                    "dimension": d,
                    "include": self[f"i{d.pk}"],
                    "weight": self[f"d{d.pk}"],
                    "share": 100 * current.get(d.pk, 0) / total,
                }
            )
        return list(grouped.items())


class CandidateForm(forms.ModelForm[Candidate]):
    class Meta:
        model = Candidate
        fields = ["name", "email"]

    def __init__(self, *args: Any, role: Role, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.role = role

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip().lower()
        if Candidate.objects.filter(role=self.instance.role, email__iexact=email).exists():
            raise ValidationError("This person is already a candidate for this role.")
        return email


class CandidateImportForm(forms.Form):
    """A CSV file of name,email rows (a header row is optional). One bad row rejects the file."""

    file = forms.FileField(
        label="CSV file", help_text="Two columns: name, email. A header row is optional."
    )

    def __init__(self, *args: Any, role: Role, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.role = role
        self.rows: list[tuple[str, str]] = []

    # Complexity 11: each check of the file names the line it fails on, in file order.
    def clean_file(self) -> Any:  # noqa: C901
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError("The file is larger than 1 MB; split it.")
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError("The file is not UTF-8 text; save it as CSV (UTF-8).") from exc
        taken = {
            e.lower()
            for e in Candidate.objects.filter(role=self.role).values_list("email", flat=True)
        }
        problems: list[str] = []
        seen: dict[str, int] = {}
        # newline="": the csv module itself handles \r, \n and \r\n line endings.
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            for row in reader:
                number = reader.line_num
                cells = [c.strip() for c in row]
                if not any(cells):
                    continue
                if number == 1 and [c.lower() for c in cells[:2]] == ["name", "email"]:
                    continue
                problem = self._problem(cells, taken, seen, number)
                if problem:
                    problems.append(f"Line {number}: {problem}")
                else:
                    seen[cells[1].lower()] = number
                    self.rows.append((cells[0], cells[1].lower()))
        except csv.Error as exc:
            # Unreadable from here on (a field over the csv module's limit, say): report it.
            problems.append(f"Line {reader.line_num}: cannot be read as CSV ({exc}).")
        if problems:
            self.rows = []
            raise ValidationError(problems[:50] + (["…"] if len(problems) > 50 else []))
        if not self.rows:
            raise ValidationError("The file has no candidates in it.")
        if len(self.rows) > MAX_IMPORT_ROWS:
            raise ValidationError(f"At most {MAX_IMPORT_ROWS} candidates per file.")
        return upload

    @staticmethod
    def _problem(cells: list[str], taken: set[str], seen: dict[str, int], number: int) -> str:
        if len(cells) != 2:
            return f"expected 2 columns (name, email), found {len(cells)}."
        name, email = cells
        if "\x00" in name or "\x00" in email:
            return "contains a NUL character (the file is damaged or not a CSV file)."
        if not name:
            return "the name is missing."
        if len(name) > MAX_NAME:
            return f"the name is longer than {MAX_NAME} characters."
        if len(email) > MAX_EMAIL:
            return f"the email address is longer than {MAX_EMAIL} characters."
        try:
            validate_email(email)
        except ValidationError:
            return f"“{email}” is not a valid email address."
        if email.lower() in taken:
            return f"{email} is already a candidate for this role."
        if email.lower() in seen:
            return f"{email} is also on line {seen[email.lower()]}."
        return ""


SCORE_CHOICES = [
    ("", "Not scored yet"),
    *[(str(n), str(n)) for n in range(1, 6)],
    ("na", "Not asked"),
]


class ResponseForm(forms.Form):
    """One question's answer, notes and score, plus the revision the page was showing."""

    # strip=False: flag offsets index into exactly the text in the box.
    answer = forms.CharField(required=False, strip=False, max_length=MAX_ANSWER)
    notes = forms.CharField(required=False, strip=False, max_length=MAX_ANSWER)
    choice = forms.ChoiceField(required=False, choices=SCORE_CHOICES)
    revision = forms.IntegerField(min_value=0)

    def clean_answer(self) -> str:
        return refuse_long_words(self.cleaned_data["answer"])

    def values(self) -> dict[str, Any]:
        choice = self.cleaned_data["choice"]
        return {
            "answer": self.cleaned_data["answer"],
            "notes": self.cleaned_data["notes"],
            "score": int(choice) if choice not in ("", "na") else None,
            "not_asked": choice == "na",
        }


class ScreenForm(forms.Form):
    answer = forms.CharField(required=False, strip=False, max_length=MAX_ANSWER)

    def clean_answer(self) -> str:
        return refuse_long_words(self.cleaned_data["answer"])


class DismissFlagForm(forms.Form):
    """Prefixed per flag (the reason boxes of several flags share one page form)."""

    reason = forms.CharField(
        max_length=1000, error_messages={"required": "Write why you dismiss this flag."}
    )


class SubmitForm(forms.ModelForm[Interview]):
    """The interviewer's verdict, given with the submit: a recommendation is required."""

    class Meta:
        model = Interview
        fields = ["recommendation", "takeaways", "panel_note"]
        labels = {"recommendation": "Your overall recommendation"}
        widgets = {
            "recommendation": forms.RadioSelect,
            "takeaways": forms.Textarea(attrs={"rows": 3}),
            "panel_note": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "recommendation": "Did the candidate pass this interview? Choose “No decision” "
            "if you cannot tell.",
            "takeaways": "The strengths and concerns you would raise in the debrief.",
            "panel_note": "Shown to the other interviewers once they have submitted theirs.",
        }
        error_messages = {
            "recommendation": {"required": "Choose a recommendation before submitting."}
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["recommendation"]
        assert isinstance(field, forms.ChoiceField)
        field.required = True
        field.choices = Interview.Recommendation.choices

    def verdict(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in self._meta.fields or ()}
