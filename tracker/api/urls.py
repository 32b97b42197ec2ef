"""/api/: the versioned REST feed. Version 1 lives under /api/v1/."""

from django.urls import include, path

urlpatterns = [
    path("v1/", include(("tracker.api.v1.urls", "api-v1"), namespace="api-v1")),
]
