from django.urls import path

from hiring.reports import views

app_name = "reports"
urlpatterns = [
    path("candidates/<int:pk>/", views.candidate_report, name="candidate"),
    path("candidates/<int:pk>/pdf/", views.candidate_report_pdf, name="candidate_pdf"),
    path("roles/<slug:slug>/compare/", views.compare, name="compare"),
    path("roles/<slug:slug>/plan/<int:pk>/kit.pdf", views.blank_kit_pdf, name="blank_kit_pdf"),
    path("roles/<slug:slug>/compare/pdf/", views.compare_pdf, name="compare_pdf"),
    path("roles/<slug:slug>/compare/pdf/progress/", views.compare_job, name="compare_job"),
]
