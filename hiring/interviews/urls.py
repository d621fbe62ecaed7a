"""Each resource under its own prefix, so no slug can shadow a fixed word."""

from django.urls import path

from hiring.interviews.views import kit, mine, plans, roles

app_name = "interviews"
urlpatterns = [
    path("roles/", roles.roles, name="roles"),
    path("interviews/mine/", mine.my_interviews, name="my_interviews"),
    path("roles/<slug:slug>/", roles.role, name="role"),
    path("roles/<slug:slug>/edit/", roles.edit_role, name="edit_role"),
    path("roles/<slug:slug>/weights/", roles.role_weights, name="role_weights"),
    path("roles/<slug:slug>/plan/", plans.plan, name="plan"),
    path("roles/<slug:slug>/plan/new/", plans.edit_planned, name="new_planned"),
    path("roles/<slug:slug>/plan/reset/", plans.reset_plan, name="reset_plan"),
    path("roles/<slug:slug>/plan/<int:pk>/", plans.edit_planned, name="edit_planned"),
    path("roles/<slug:slug>/plan/<int:pk>/delete/", plans.delete_planned, name="delete_planned"),
    path("roles/<slug:slug>/candidates/new/", roles.new_candidate, name="new_candidate"),
    path("roles/<slug:slug>/candidates/import/", roles.import_candidates, name="import_candidates"),
    path("candidates/<int:pk>/", roles.candidate, name="candidate"),
    path("candidates/<int:pk>/panel/", plans.panel, name="panel"),
    path("candidates/<int:pk>/interview/", kit.start_interview, name="start_interview"),
    path("interviews/<int:pk>/", kit.interview, name="interview"),
    path("interviews/<int:pk>/submit/", kit.submit, name="submit"),
    path("responses/<int:pk>/", kit.save_response, name="save_response"),
    path("responses/<int:pk>/screen/", kit.screen, name="screen"),
    path("flags/<int:pk>/dismiss/", kit.dismiss_flag, name="dismiss_flag"),
]
