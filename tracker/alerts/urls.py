from django.urls import path

from tracker.alerts import views

urlpatterns = [
    path("meldingen/", views.alert_settings, name="alert-settings"),
    path("meldingen/<int:pk>/wijzigen/", views.subscription_change, name="alert-subscription-change"),
    path("meldingen/<int:pk>/verwijderen/", views.subscription_remove, name="alert-subscription-remove"),
    path("meldingen/afmelden/<str:token>/", views.unsubscribe_view, name="alert-unsubscribe"),
]
