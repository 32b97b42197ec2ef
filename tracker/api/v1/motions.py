"""Motions and the places documents cite them."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from drf_spectacular.utils import extend_schema

from motions.models import Motion, MotionCitation
from tracker.api.v1.base import ERRORS, NOT_FOUND, DetailView, ListView
from tracker.api.v1.commitments import with_tombstones
from tracker.api.v1.filters import MotionCitationFilter, MotionFilter
from tracker.api.v1.pagination import BY_ID, orderings_for
from tracker.api.v1.rows import Computed, RowFormat
from tracker.api.v1.serializers import (
    MotionCitationSerializer,
    MotionSerializer,
    citation_tombstone,
)
from tracker.api.v1.sql_json import column_sql, tombstone_sql


@extend_schema(tags=["motions"], summary="Moties",
               description="Met `updated_since` ook verwijderde moties (`deleted: true`).",
               responses={200: MotionSerializer(many=True), **ERRORS})
class MotionList(ListView):
    serializer_class = MotionSerializer
    filterset_class = MotionFilter
    orderings = {**orderings_for("updated_at", "datetime"), **orderings_for("date", "date"), **BY_ID}
    row_format = RowFormat(MotionSerializer, computed={
        "deleted": Computed(("deleted_at",), lambda row, context: row["deleted_at"] is not None,
                            sql=lambda s: f"({s.col('deleted_at')} IS NOT NULL)"),
    }, sql_json=True)

    def get_queryset(self) -> QuerySet:
        queryset = Motion.objects.all()
        return queryset if with_tombstones(self.request) else queryset.filter(deleted_at__isnull=True)


@extend_schema(tags=["motions"], summary="Eén motie", responses={200: MotionSerializer, **ERRORS, **NOT_FOUND})
class MotionDetail(DetailView):
    serializer_class = MotionSerializer
    queryset = Motion.objects.all()


def citation_queryset() -> QuerySet:
    return MotionCitation.objects.select_related("motion").defer(
        "motion__considerations", "motion__request", "motion__members", "motion__co_signers"
    )


CITATION_TOMBSTONE = Q(deleted_at__isnull=False) | Q(review_state=MotionCitation.Review.REJECTED)


@extend_schema(tags=["motion-citations"], summary="Verwijzingen naar moties",
               description="Met `updated_since` ook verwijderde en afgewezen verwijzingen (`deleted: true`).",
               responses={200: MotionCitationSerializer(many=True), **ERRORS})
class MotionCitationList(ListView):
    serializer_class = MotionCitationSerializer
    filterset_class = MotionCitationFilter
    version_sources = [(MotionCitation, "updated_at"), (Motion, "updated_at")]
    row_format = RowFormat(MotionCitationSerializer, computed={
        "deleted": Computed(("deleted_at", "review_state"),
                            lambda row, context: citation_tombstone(row["deleted_at"], row["review_state"]),
                            sql=tombstone_sql(MotionCitation.Review.REJECTED)),
        "motion_key": Computed(("motion__key",), lambda row, context: row["motion__key"] if row["motion"] else None,
                               sql=column_sql("motion__key")),
    }, sql_json=True)

    def get_queryset(self) -> QuerySet:
        queryset = MotionCitation.objects.all()
        return queryset if with_tombstones(self.request) else queryset.exclude(CITATION_TOMBSTONE)


@extend_schema(tags=["motion-citations"], summary="Eén verwijzing naar een motie",
               responses={200: MotionCitationSerializer, **ERRORS, **NOT_FOUND})
class MotionCitationDetail(DetailView):
    serializer_class = MotionCitationSerializer

    def get_queryset(self) -> QuerySet:
        return citation_queryset()
