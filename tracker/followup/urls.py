from django.urls import path

from tracker.followup import views

urlpatterns = [
    path("toezeggingen/export.csv", views.export_csv, name="followup-export-csv"),
    path("toezeggingen/export.xlsx", views.export_xlsx, name="followup-export-xlsx"),
    path("toezeggingen/verschoven/", views.slipped, name="followup-slipped"),
    path("toezeggingen/<int:pk>/nakoming/", views.commitment_followup, name="commitment-followup"),
    path("toezeggingen/<int:pk>/status/", views.commitment_status, name="commitment-status"),
    path("rappel/", views.rappel_list, name="rappel-list"),
    path("rappel/<int:pk>/", views.rappel_detail, name="rappel-detail"),
    path("rappel/<int:pk>/ministerie/<int:ministry_pk>/", views.rappel_ministry, name="rappel-ministry"),
    path("rappel/<int:pk>/ministerie-toewijzen/", views.rappel_assign, name="rappel-assign-ministry"),
    path("rappel/<int:pk>/ministerie/<int:ministry_pk>.pdf", views.rappel_ministry_pdf, name="rappel-ministry-pdf"),
    path("rappel/<int:pk>/ministerie/<int:ministry_pk>/link/", views.rappel_link, name="rappel-link"),
    path("rappel/antwoord/<str:token>/", views.rappel_answer_page, name="rappel-answer"),
]
