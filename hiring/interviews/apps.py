from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "hiring.interviews"
    label = "interviews"
    verbose_name = "Interviews"
