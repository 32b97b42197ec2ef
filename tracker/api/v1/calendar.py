"""Deadline calendars at secret URLs, and the endpoints to create and revoke them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tracker.alerts.coverage import covered_q
from tracker.api.auth import SignedIn
from tracker.api.ical import AllDayEvent, calendar
from tracker.api.models import CalendarFeed
from tracker.api.tokens import calendar_feed_create, calendar_feed_lookup
from tracker.api.v1.base import ERRORS, NOT_FOUND, ApiView, ListView, conditional
from tracker.api.v1.pagination import BY_ID
from tracker.api.v1.serializers import (
    CommitteeRefSerializer,
    MinisterRefSerializer,
    MinistryRefSerializer,
    ModelSerializer,
)
from tracker.followup.rules import outstanding_q
from tracker.models import Commitment, Committee, Ministry, Person


def feed_commitments(feed: CalendarFeed) -> QuerySet:
    """Open (and partly delivered) live commitments with a due date that the feed selects."""
    selection = covered_q(feed.owner_id) if feed.subscriptions else Q()
    if feed.committee_id:
        selection &= Q(committee_id=feed.committee_id)
    if feed.ministry_id:
        selection &= Q(ministry_id=feed.ministry_id)
    if feed.minister_id:
        selection &= Q(minister_id=feed.minister_id)
    return (
        Commitment.objects.filter(selection, outstanding_q(), due_date__isnull=False)
        .select_related("committee", "ministry")
        .only("id", "created_at", "updated_at", "version", "text", "deliverables", "deadline_text", "due_date",
              "status", "review_state", "committee__name", "ministry__name")
        .order_by("due_date", "id")
    )


def _event(commitment: Commitment, host: str) -> AllDayEvent:
    what = commitment.deliverables[0] if commitment.deliverables else commitment.text
    what = what if len(what) <= 120 else what[:117].rstrip() + "…"
    facts = [
        commitment.text,
        "",
        _("Termijn: %(text)s") % {"text": commitment.deadline_text or commitment.due_date.isoformat()},
        _("Status: %(status)s") % {"status": commitment.get_status_display()},
        _("Beoordeling: %(state)s") % {"state": commitment.get_review_state_display()},
    ]
    if commitment.committee:
        facts.append(_("Commissie: %(name)s") % {"name": commitment.committee.name})
    if commitment.ministry:
        facts.append(_("Ministerie: %(name)s") % {"name": commitment.ministry.name})
    url = settings.SITE_URL + reverse("commitment-detail", args=[commitment.pk])  # the web page, for people
    return AllDayEvent(
        uid=f"toezegging-{commitment.pk}@{host}",
        day=commitment.due_date,
        summary=f"{commitment.register_number}: {what}",
        description="\n".join(facts),
        stamp=commitment.updated_at,
        sequence=commitment.version,
        url=url,
        categories=("Nakoming", commitment.committee.name) if commitment.committee else ("Nakoming",),
    )


@conditional
def calendar_feed(request: HttpRequest, key: str) -> HttpResponse:
    """``GET /api/v1/calendar/<secret>.ics``: the secret in the URL is the credential."""
    feed = calendar_feed_lookup(key)
    if feed is None:
        raise Http404(_("Onbekende of ingetrokken agenda."))
    host = urlsplit(settings.SITE_URL).hostname or "nakoming"

    def lines() -> Iterator[str]:
        events = (_event(row, host) for row in feed_commitments(feed).iterator(chunk_size=2000))
        yield from calendar(f"Nakoming: {feed.name}", events)

    response = HttpResponse("".join(lines()), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="nakoming.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response


class CalendarFeedSerializer(ModelSerializer):
    committee = CommitteeRefSerializer(read_only=True, allow_null=True)
    ministry = MinistryRefSerializer(read_only=True, allow_null=True)
    minister = MinisterRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = CalendarFeed
        fields = ["id", "name", "committee", "ministry", "minister", "subscriptions", "created_at"]
        read_only_fields = fields


class CreatedCalendarFeedSerializer(CalendarFeedSerializer):
    url = serializers.SerializerMethodField(help_text="Het geheime adres; alleen nu te zien. Abonneer hierop.")

    class Meta(CalendarFeedSerializer.Meta):
        fields = [*CalendarFeedSerializer.Meta.fields, "url"]
        read_only_fields = fields

    def get_url(self, obj: CalendarFeed) -> str:
        return settings.SITE_URL + reverse("api-v1:calendar-feed", args=[self.context["raw"]])


class NewCalendarFeedSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    committee = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**63 - 1)
    ministry = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**63 - 1)
    minister = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**63 - 1)
    subscriptions = serializers.BooleanField(
        required=False, default=False,
        help_text="true: alles wat u volgt in uw abonnementen op e-mailberichten (en wat u later gaat volgen).",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        errors: dict[str, list[str]] = {}
        for field, model in (("committee", Committee), ("ministry", Ministry), ("minister", Person)):
            pk = attrs.get(field)
            if pk is None:
                attrs[field] = None
                continue
            attrs[field] = model.objects.filter(pk=pk).first()
            if attrs[field] is None:
                errors[field] = [_("Bestaat niet.")]
        if errors:
            raise ValidationError(errors)
        return attrs


class CalendarFeedList(ListView):
    permission_classes = [SignedIn]
    serializer_class = CalendarFeedSerializer
    orderings = BY_ID
    default_ordering = "id"
    version_sources: list = []  # per owner: neither cached nor dated

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return CalendarFeed.objects.none()
        return CalendarFeed.objects.filter(owner=self.request.user, revoked_at__isnull=True).select_related(
            "committee", "ministry", "minister"
        )

    @extend_schema(tags=["calendar"], summary="Mijn agendafeeds (zonder geheim adres)",
                   responses={200: CalendarFeedSerializer(many=True), **ERRORS})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.list(request, *args, **kwargs)

    @extend_schema(
        tags=["calendar"], summary="Een agendafeed maken",
        description="Termijnen van openstaande toezeggingen per commissie, ministerie en/of bewindspersoon, of "
                    "van alles wat u volgt (`subscriptions`), als "
                    "iCalendar op een geheim adres (`url`, alleen in dit antwoord). Outlook: Agenda toevoegen → "
                    "Abonneren vanaf internet.",
        request=NewCalendarFeedSerializer,
        responses={201: CreatedCalendarFeedSerializer, **ERRORS},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        form = NewCalendarFeedSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        issued = calendar_feed_create(owner=request.user, **form.validated_data)
        body = CreatedCalendarFeedSerializer(issued.feed, context={"raw": issued.raw}).data
        return Response(body, status=201)


@extend_schema(tags=["calendar"], summary="Een agendafeed intrekken",
               responses={204: OpenApiResponse(description="Ingetrokken."), **ERRORS, **NOT_FOUND})
class CalendarFeedRevoke(ApiView):
    permission_classes = [SignedIn]
    serializer_class = CalendarFeedSerializer
    http_method_names = ["delete", "options"]

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):
            return CalendarFeed.objects.none()
        return CalendarFeed.objects.filter(owner=self.request.user, revoked_at__isnull=True)

    def delete(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        feed = self.get_object()
        CalendarFeed.objects.filter(pk=feed.pk).update(revoked_at=timezone.now())
        return Response(status=204)
