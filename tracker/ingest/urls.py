from django.urls import path

from tracker.ingest import views

urlpatterns = [
    path("documenten/", views.document_list, name="document-list"),
    path("documenten/nieuw/", views.upload, name="document-upload"),
    path("documenten/<int:pk>/", views.document_detail, name="document-detail"),
    path("documenten/<int:pk>/status/", views.document_status, name="document-status"),
    path("documenten/<int:pk>/opnieuw/", views.document_retry, name="document-retry"),
]
