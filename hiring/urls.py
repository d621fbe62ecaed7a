"""The project's URLs: the home page, logging in and out, and one include per app."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from hiring import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("bank/", include("assessments.urls")),
    path("", include("hiring.interviews.urls")),
    path("reports/", include("hiring.reports.urls")),
    path("admin/", admin.site.urls),
]
