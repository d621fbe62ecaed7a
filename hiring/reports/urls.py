from django.urls import path

from hiring.reports import rule_views, views

app_name = "reports"
urlpatterns = [
    path("candidates/<int:pk>/", views.candidate_report, name="candidate"),
    path("candidates/<int:pk>/pdf/", views.candidate_report_pdf, name="candidate_pdf"),
    path("roles/<slug:slug>/compare/", views.compare, name="compare"),
    path("roles/<slug:slug>/plan/<int:pk>/kit.pdf", views.blank_kit_pdf, name="blank_kit_pdf"),
    path("roles/<slug:slug>/compare/pdf/", views.compare_pdf, name="compare_pdf"),
    path("roles/<slug:slug>/compare/pdf/progress/", views.compare_job, name="compare_job"),
    path("banks/<slug:slug>/rules/", rule_views.rules_overview, name="rule_overview"),
    path("banks/<slug:slug>/rules/<slug:code>/", rule_views.rule_detail, name="rule_evidence"),
    path(
        "flags/<int:pk>/counter-example/",
        rule_views.add_counter_example,
        name="add_counter_example",
    ),
]
