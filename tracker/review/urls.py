"""Review: reviewers confirm, correct, reject, merge and split extracted records."""

from django.urls import path

from tracker.review import views

urlpatterns = [
    path("beoordelen/", views.queue, name="review-queue"),
    path("beoordelen/kwaliteit/", views.stats, name="review-stats"),
    path("beoordelen/<int:pk>/bevestigen/", views.confirm, name="review-confirm"),
    path("beoordelen/<int:pk>/corrigeren/", views.correct, name="review-correct"),
    path("beoordelen/<int:pk>/afwijzen/", views.reject, name="review-reject"),
    path("beoordelen/<int:pk>/samenvoegen/", views.merge, name="review-merge"),
    path("beoordelen/<int:pk>/splitsen/", views.split, name="review-split"),
    path("beoordelen/documenten/<int:document_pk>/toevoegen/", views.add_from_source, name="review-add"),
    path("toezeggingen/<int:pk>/", views.commitment_detail, name="commitment-detail"),
]
