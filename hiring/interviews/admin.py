"""Admin for roles, candidates and interviews that keeps the product's invariants:
a submitted interview, its responses and flags are a record and stay as they are;
nothing here reopens, moves or deletes them, and a candidate or role that holds one
cannot be deleted."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from hiring.interviews.models import Candidate, Flag, Interview, Response, Role, RoleDimension


class RoleDimensionInline(admin.TabularInline[RoleDimension, Role]):
    model = RoleDimension
    extra = 0
    raw_id_fields = ["dimension"]


class KeepsSubmittedInterviews(admin.ModelAdmin[Any]):
    """Show submitted interviews as what blocks a delete, the way PROTECT would."""

    submitted_path = ""  # lookup from the model to Interview.candidate's side

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> Any:
        deleted, counts, perms, protected = super().get_deleted_objects(objs, request)
        pks = [o.pk for o in objs]
        submitted = Interview.objects.submitted().filter(**{f"{self.submitted_path}__in": pks})
        kept = [
            f"Submitted interview of {i.candidate} by {i.interviewer}"
            " (submitted interviews are kept)"
            for i in submitted.select_related("candidate", "interviewer")
        ]
        if kept:
            # The reason to show is the record that is kept, not a missing permission.
            return deleted, counts, set(), [*protected, *kept]
        return deleted, counts, perms, protected


@admin.register(Role)
class RoleAdmin(KeepsSubmittedInterviews):
    list_display = ["title", "hiring_manager", "bank_version", "created_at"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [RoleDimensionInline]
    submitted_path = "candidate__role"


@admin.register(Candidate)
class CandidateAdmin(KeepsSubmittedInterviews):
    list_display = ["name", "email", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["name", "email"]
    submitted_path = "candidate"

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # Moving a candidate to another role would move their interviews with them.
        return ["role"] if obj is not None else []


def _locked(interview: Interview | None) -> bool:
    return interview is not None and interview.is_submitted


class RecordAdmin(admin.ModelAdmin[Any]):
    """Records are made by the interview kit, never added here."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def interview_of(self, obj: Any) -> Interview | None:
        raise NotImplementedError

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and not _locked(self.interview_of(obj))

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and not _locked(self.interview_of(obj))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        # The model refuses too (SubmittedInterviewProtected); here only open records go.
        for obj in queryset:
            if not _locked(self.interview_of(obj)):
                obj.delete()


@admin.register(Interview)
class InterviewAdmin(RecordAdmin):
    list_display = [
        "candidate",
        "interviewer",
        "status",
        "bank_version",
        "started_at",
        "submitted_at",
    ]
    list_filter = ["status"]
    raw_id_fields = ["candidate"]
    # Submitting goes through the kit (which checks every question is scored).
    readonly_fields = ["status", "candidate", "interviewer", "bank_version", "submitted_at"]

    def interview_of(self, obj: Interview | None) -> Interview | None:
        return obj


@admin.register(Response)
class ResponseAdmin(RecordAdmin):
    list_display = ["interview", "question", "score", "updated_at"]
    readonly_fields = ["interview", "question"]

    def interview_of(self, obj: Response | None) -> Interview | None:
        return obj.interview if obj is not None else None


@admin.register(Flag)
class FlagAdmin(RecordAdmin):
    list_display = ["rule", "evidence", "stage", "response", "dismissed_by", "dismissed_at"]
    list_filter = ["stage"]
    raw_id_fields = ["response"]
    readonly_fields = ["response", "rule", "evidence", "start", "end", "pattern", "stage"]

    def interview_of(self, obj: Flag | None) -> Interview | None:
        return obj.response.interview if obj is not None else None

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # dismissals are a record; they are never deleted by hand
