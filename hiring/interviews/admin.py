from django.contrib import admin

from hiring.interviews.models import Candidate, Flag, Interview, Response, Role, RoleDimension


class RoleDimensionInline(admin.TabularInline):
    model = RoleDimension
    extra = 0
    raw_id_fields = ["dimension"]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["title", "hiring_manager", "bank_version", "created_at"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [RoleDimensionInline]


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["name", "email"]


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):
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


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["rule", "evidence", "response", "dismissed_by", "dismissed_at"]
    raw_id_fields = ["response"]

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False  # dismissals are a record; they are never deleted by hand


admin.site.register(Response)
