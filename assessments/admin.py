"""Admin for every bank model; anything under a published or retired version is read-only."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from assessments.models import Anchor, Bank, BankVersion, Dimension, Question, WarningRule


def frozen(obj: Any) -> bool:
    if obj is None:
        return False
    version = obj if isinstance(obj, BankVersion) else obj.owning_version()
    return not version.is_draft


class FrozenAware(admin.ModelAdmin[Any]):
    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and not frozen(obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and not frozen(obj)


class FrozenAwareInline(admin.TabularInline[Any, Any]):
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_add_permission(request, obj) and not frozen(obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and not frozen(obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and not frozen(obj)


class QuestionInline(FrozenAwareInline):
    model = Question


class AnchorInline(FrozenAwareInline):
    model = Anchor


@admin.register(Bank)
class BankAdmin(admin.ModelAdmin[Bank]):
    list_display = ["name", "slug", "created_at"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(BankVersion)
class BankVersionAdmin(FrozenAware):
    list_display = ["bank", "number", "status", "learned_stage", "published_at"]
    list_filter = ["bank", "status"]
    # Publishing goes through the bank pages' publish flow and its rule self-test.
    readonly_fields = ["status", "published_at"]


@admin.register(Dimension)
class DimensionAdmin(FrozenAware):
    list_display = ["title", "kind", "list", "number", "version"]
    list_filter = ["version", "kind", "list"]
    inlines = [QuestionInline]


@admin.register(Question)
class QuestionAdmin(FrozenAware):
    list_display = ["prompt", "kind", "dimension"]
    list_filter = ["kind", "dimension__version"]
    inlines = [AnchorInline]


@admin.register(Anchor)
class AnchorAdmin(FrozenAware):
    list_display = ["question", "level", "behaviour"]


@admin.register(WarningRule)
class WarningRuleAdmin(FrozenAware):
    list_display = ["code", "label", "severity", "version"]
    list_filter = ["version", "severity"]
