from django.urls import path

from assessments import views

app_name = "assessments"
version = "<slug:slug>/v<int:number>/"
urlpatterns = [
    path("", views.bank_list, name="banks"),
    path("import/", views.import_bank, name="import"),
    path("import/confirm/", views.confirm_import, name="confirm_import"),
    path("help/patterns/", views.pattern_guide, name="pattern_guide"),
    path("<slug:slug>/", views.bank_detail, name="bank"),
    path("<slug:slug>/draft/", views.start_draft, name="start_draft"),
    path("<slug:slug>/diff/", views.diff, name="diff"),
    path(version, views.version_detail, name="version"),
    path(version + "export.json", views.export, {"fmt": "json"}, name="export_json"),
    path(version + "export.yaml", views.export, {"fmt": "yaml"}, name="export_yaml"),
    path(version + "publish/", views.publish, name="publish"),
    path(version + "discard/", views.discard, name="discard"),
    path(version + "learned-stage/", views.switch_learned_stage, name="learned_stage"),
    path(version + "tester/", views.rule_tester, name="tester"),
    path(version + "dimensions/<int:pk>/", views.edit_dimension, name="edit_dimension"),
    path(version + "rules/new/", views.edit_rule, name="new_rule"),
    path(version + "rules/<slug:code>/", views.rule_detail, name="rule"),
    path(version + "rules/<slug:code>/edit/", views.edit_rule, name="edit_rule"),
    path(version + "rules/<slug:code>/delete/", views.delete_rule, name="delete_rule"),
]
