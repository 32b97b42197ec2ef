"""Routes of /api/v1/. Every GET answers ETag / Last-Modified and 304 Not Modified."""

from django.http import HttpRequest, JsonResponse
from django.urls import path, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from tracker.api.v1 import calendar, commitments, documents, motions, reference, toezegging
from tracker.api.v1.base import conditional


@csrf_exempt
def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Any other path under /api/v1/ (a malformed id too) answers in JSON, like the API does."""
    return JsonResponse({"detail": _("Niet gevonden: geen onderdeel van de API op dit adres.")}, status=404)


def view(cls):  # type: ignore[no-untyped-def]
    return conditional(cls.as_view())


urlpatterns = [
    path("commitments/", view(commitments.CommitmentList), name="commitment-list"),
    path("commitments/<int:pk>/", view(commitments.CommitmentDetail), name="commitment-detail"),
    path("commitments/<int:pk>/delivery/", view(commitments.CommitmentDelivery), name="commitment-delivery"),
    path("deadline-revisions/", view(commitments.DeadlineRevisionList), name="deadline-revision-list"),
    path("deadline-revisions/<int:pk>/", view(commitments.DeadlineRevisionDetail),
         name="deadline-revision-detail"),
    path("toezeggingen/", view(toezegging.ToezeggingList), name="toezegging-list"),
    path("toezeggingen/<int:pk>/", view(toezegging.ToezeggingDetail), name="toezegging-detail"),
    path("documents/", view(documents.DocumentList), name="document-list"),
    path("documents/<int:pk>/", view(documents.DocumentDetail), name="document-detail"),
    path("question-items/", view(documents.QuestionItemList), name="question-item-list"),
    path("question-items/<int:pk>/", view(documents.QuestionItemDetail), name="question-item-detail"),
    path("motions/", view(motions.MotionList), name="motion-list"),
    path("motions/<int:pk>/", view(motions.MotionDetail), name="motion-detail"),
    path("motion-citations/", view(motions.MotionCitationList), name="motion-citation-list"),
    path("motion-citations/<int:pk>/", view(motions.MotionCitationDetail), name="motion-citation-detail"),
    path("committees/", view(reference.CommitteeList), name="committee-list"),
    path("committees/<int:pk>/", view(reference.CommitteeDetail), name="committee-detail"),
    path("ministries/", view(reference.MinistryList), name="ministry-list"),
    path("ministries/<int:pk>/", view(reference.MinistryDetail), name="ministry-detail"),
    path("persons/", view(reference.PersonList), name="person-list"),
    path("persons/<int:pk>/", view(reference.PersonDetail), name="person-detail"),
    path("calendar-feeds/", view(calendar.CalendarFeedList), name="calendar-feed-list"),
    path("calendar-feeds/<int:pk>/", view(calendar.CalendarFeedRevoke), name="calendar-feed-detail"),
    path("calendar/<str:key>.ics", calendar.calendar_feed, name="calendar-feed"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-v1:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api-v1:schema", template_name="api/redoc.html"),
         name="redoc"),
    re_path(r"^(?P<rest>.*)$", not_found),
]
