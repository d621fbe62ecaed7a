from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "hiring.reports"
    label = "reports"
    verbose_name = "Reports"
