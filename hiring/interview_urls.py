from django.urls import path

from hiring import views_interviews as kit
from hiring import views_roles as roles

app_name = "hiring"
# Fixed words come before "<slug>/" (Role.RESERVED_SLUGS keeps role slugs off them).
urlpatterns = [
    path("", roles.roles, name="roles"),
    path("new/", roles.new_role, name="new_role"),
    path("candidates/<int:pk>/", roles.candidate, name="candidate"),
    path("candidates/<int:pk>/interview/", kit.start_interview, name="start_interview"),
    path("interviews/<int:pk>/", kit.interview, name="interview"),
    path("interviews/<int:pk>/submit/", kit.submit, name="submit"),
    path("responses/<int:pk>/", kit.save_response, name="save_response"),
    path("responses/<int:pk>/screen/", kit.screen, name="screen"),
    path("flags/<int:pk>/dismiss/", kit.dismiss_flag, name="dismiss_flag"),
    path("<slug:slug>/", roles.role, name="role"),
    path("<slug:slug>/weights/", roles.role_weights, name="role_weights"),
    path("<slug:slug>/candidates/new/", roles.new_candidate, name="new_candidate"),
    path("<slug:slug>/candidates/import/", roles.import_candidates, name="import_candidates"),
]
