from django.urls import path

from tracker.opendata import views

urlpatterns = [
    path("beoordelen/register/<int:pk>/", views.decide, name="register-match-decide"),
]
