from django.urls import path

app_name = "hiring"
urlpatterns: list = []
