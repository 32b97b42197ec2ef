"""/moties/: the register, one motion, and the reviewers' pages."""

from django.urls import path, re_path

from motions import views

KEY = r"(?P<key>kst-[0-9A-Za-z-]+)"

urlpatterns = [
    path("", views.motion_list, name="motion-list"),
    path("statussuggesties/", views.suggestion_list, name="motion-suggestions"),
    path("statussuggesties/<int:pk>/bevestigen/", views.suggestion_confirm, name="motion-suggestion-confirm"),
    path("statussuggesties/<int:pk>/afwijzen/", views.suggestion_reject, name="motion-suggestion-reject"),
    path("te-koppelen/", views.unresolved, name="motion-unresolved"),
    path("verwijzingen/<int:pk>/koppelen/", views.citation_resolve, name="motion-citation-resolve"),
    path("teksten/<int:pk>/koppelen/", views.motion_text_resolve, name="motion-text-resolve"),
    re_path(rf"^{KEY}/$", views.motion_detail, name="motion-detail"),
    re_path(rf"^{KEY}/bijwerken/$", views.motion_update, name="motion-update"),
]
