"""Reference data: committees, ministries and persons (members and ministers)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema

from tracker.api.v1.base import ERRORS, NOT_FOUND, DetailView, ListView
from tracker.api.v1.filters import PersonFilter, SyncFilterSet
from tracker.api.v1.rows import RowFormat
from tracker.api.v1.serializers import CommitteeSerializer, MinistrySerializer, PersonSerializer
from tracker.models import Committee, Ministry, Person


class CommitteeFilter(SyncFilterSet):
    class Meta:
        model = Committee
        fields: list[str] = []


class MinistryFilter(SyncFilterSet):
    class Meta:
        model = Ministry
        fields: list[str] = []


@extend_schema(tags=["reference"], summary="Commissies", responses={200: CommitteeSerializer(many=True), **ERRORS})
class CommitteeList(ListView):
    serializer_class = CommitteeSerializer
    filterset_class = CommitteeFilter
    row_format = RowFormat(CommitteeSerializer, sql_json=True)
    queryset = Committee.objects.all()


@extend_schema(tags=["reference"], summary="Eén commissie",
               responses={200: CommitteeSerializer, **ERRORS, **NOT_FOUND})
class CommitteeDetail(DetailView):
    serializer_class = CommitteeSerializer
    queryset = Committee.objects.all()


@extend_schema(tags=["reference"], summary="Ministeries", responses={200: MinistrySerializer(many=True), **ERRORS})
class MinistryList(ListView):
    serializer_class = MinistrySerializer
    filterset_class = MinistryFilter
    row_format = RowFormat(MinistrySerializer, sql_json=True)
    queryset = Ministry.objects.all()


@extend_schema(tags=["reference"], summary="Eén ministerie",
               responses={200: MinistrySerializer, **ERRORS, **NOT_FOUND})
class MinistryDetail(DetailView):
    serializer_class = MinistrySerializer
    queryset = Ministry.objects.all()


@extend_schema(tags=["reference"], summary="Personen (Kamerleden en bewindspersonen)",
               responses={200: PersonSerializer(many=True), **ERRORS})
class PersonList(ListView):
    serializer_class = PersonSerializer
    filterset_class = PersonFilter
    row_format = RowFormat(PersonSerializer, sql_json=True)
    queryset = Person.objects.all()


@extend_schema(tags=["reference"], summary="Eén persoon", responses={200: PersonSerializer, **ERRORS, **NOT_FOUND})
class PersonDetail(DetailView):
    serializer_class = PersonSerializer
    queryset = Person.objects.all()
