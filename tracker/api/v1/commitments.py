"""Commitments: list with filters and sync, one record, corrections and delivery."""

from __future__ import annotations

import functools
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, QuerySet
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from motions.models import Motion, MotionCitation
from tracker.api.v1.base import ERRORS, NOT_FOUND, DetailView, ListView
from tracker.api.v1.errors import Conflict, ErrorSerializer
from tracker.api.v1.filters import UPDATED_SINCE, CommitmentFilter, DeadlineRevisionFilter
from tracker.api.v1.pagination import BY_ID, orderings_for
from tracker.api.v1.rows import Computed, Row, RowContext, RowFormat
from tracker.api.v1.serializers import (
    CommitmentSerializer,
    DeadlineRevisionSerializer,
    tombstone,
)
from tracker.api.v1.sql_json import Scope, labels_sql, literal, register_number_sql, tombstone_sql
from tracker.datebounds import validate_plausible_date
from tracker.followup.delivery import commitment_record_delivery, commitment_set_status
from tracker.followup.rules import OUTSTANDING, overdue_from_fields
from tracker.locking import StaleRecordError
from tracker.models import Commitment, Committee, DeadlineRevision, Document, Ministry, Person
from tracker.models.commitments import PRECISION_CHOICES, register_number, slip_days
from tracker.review.services import commitment_correct

CONFLICT = {409: OpenApiResponse(ErrorSerializer, description="Intussen door een ander gewijzigd (version).")}


def commitment_queryset() -> QuerySet:
    """Everything a commitment's representation needs, in two queries for any page."""
    citations = (
        MotionCitation.objects.filter(deleted_at__isnull=True, motion__isnull=False)
        .select_related("motion")
        .only("id", "commitment_id", "motion_id", "motion__id", "motion__key")
        .order_by()  # the model's ordering would join documents for nothing
    )
    return (
        Commitment.objects.select_related("committee", "ministry", "minister")
        .defer("extracted", "minister__ministry_id", "minister__party", "minister__role")
        .prefetch_related(Prefetch("motion_citations", queryset=citations, to_attr="api_citations"))
    )


def cited_motions(rows: list[Row]) -> dict[int, list[str]]:
    """The motion keys each commitment on a page cites, in one query."""
    keys: dict[int, set[str]] = {}
    citations = (
        MotionCitation.objects.filter(
            commitment_id__in=[row["id"] for row in rows], deleted_at__isnull=True, motion__isnull=False
        )
        .order_by()
        .values_list("commitment_id", "motion__key")
    )
    for commitment_id, key in citations:
        keys.setdefault(commitment_id, set()).add(key)
    return {pk: sorted(found) for pk, found in keys.items()}


@functools.lru_cache(maxsize=8)
def status_labels(language: str | None) -> dict[str, str]:
    """``get_status_display()`` for every status, in one language."""
    with translation.override(language):
        return {value: str(label) for value, label in Commitment.Status.choices}


def row_deleted(row: Row, context: RowContext | None = None) -> bool:
    return tombstone(row["deleted_at"], row["review_state"])


def row_status_label(row: Row, context: RowContext | None = None) -> str:
    language = context.language if context is not None else get_language()
    return status_labels(language).get(row["status"], row["status"])


def row_register_number(row: Row, context: RowContext | None = None) -> str:
    return register_number(row["id"], row["promised_on"], row["created_at"])


TOMBSTONE_COLUMNS = ("deleted_at", "review_state")
TOMBSTONE_SQL = tombstone_sql(Commitment.ReviewState.REJECTED)
STATUS_LABEL_SQL = labels_sql("status", status_labels)


def overdue_sql(s: Scope) -> str:
    """``overdue_from_fields``: outstanding, counted (no tombstone), due before today."""
    outstanding = ", ".join(literal(status) for status in OUTSTANDING)
    return (f"COALESCE({s.col('status')} IN ({outstanding}) AND NOT {TOMBSTONE_SQL(s)} "
            f"AND {s.col('due_date')} < {literal(s.today)}, false)")


def motions_sql(s: Scope) -> str:
    """``cited_motions``: the distinct keys of the live citations' motions, in code-point order
    (``array_to_json`` writes compactly, as DRF does; ``json_agg`` would add spaces)."""
    return (
        "COALESCE((SELECT array_to_json(array_agg(k.key ORDER BY k.key COLLATE \"C\")) FROM (SELECT DISTINCT m.key "
        f"FROM {MotionCitation._meta.db_table} AS c JOIN {Motion._meta.db_table} AS m ON m.id = c.motion_id "
        f"WHERE c.commitment_id = {s.col('id')} AND c.deleted_at IS NULL) AS k), '[]'::json)"
    )


COMMITMENT_ROWS = RowFormat(
    CommitmentSerializer,
    computed={
        "register_number": Computed(("promised_on", "created_at"), row_register_number, sql=register_number_sql),
        "deleted": Computed(TOMBSTONE_COLUMNS, row_deleted, sql=TOMBSTONE_SQL),
        "status_label": Computed(("status",), row_status_label, sql=STATUS_LABEL_SQL),
        "overdue": Computed(
            ("status", "due_date", *TOMBSTONE_COLUMNS),
            lambda row, context: overdue_from_fields(status=row["status"], due_date=row["due_date"],
                                                     counts=not row_deleted(row), today=context.today),
            sql=overdue_sql,
        ),
        "motions": Computed((), lambda row, context: context.page.get(row["id"], []), sql=motions_sql),
    },
    page_data=cited_motions,
    sql_json=True,
)


def with_tombstones(request: Request) -> bool:
    """A sync (``?updated_since=``) must see deletions; an ordinary list shows live records only."""
    return UPDATED_SINCE in request.query_params


class CommitmentContextMixin:
    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()  # type: ignore[misc]
        context["today"] = timezone.localdate()
        return context


@extend_schema(
    tags=["commitments"],
    summary="Toezeggingen",
    description="Levende toezeggingen, of met `updated_since` alles wat sindsdien veranderde, "
                "inclusief verwijderde en afgewezen records (`deleted: true`).",
    responses={200: CommitmentSerializer(many=True), **ERRORS},
)
class CommitmentList(CommitmentContextMixin, ListView):
    serializer_class = CommitmentSerializer
    filterset_class = CommitmentFilter
    orderings = {
        **orderings_for("updated_at", "datetime"), **orderings_for("due_date", "date"),
        **orderings_for("created_at", "datetime"), **BY_ID,
    }
    version_sources = [
        (Commitment, "updated_at"), (MotionCitation, "updated_at"), (Motion, "updated_at"),
        (Committee, "updated_at"), (Ministry, "updated_at"), (Person, "updated_at"),
    ]
    row_format = COMMITMENT_ROWS

    def get_queryset(self) -> QuerySet:
        # Read as rows: the row format picks the columns and joins the reference data.
        queryset = Commitment.objects.all()
        return queryset if with_tombstones(self.request) else queryset.alive()


class CorrectionSerializer(serializers.Serializer):
    """Only the fields given change; ``version`` is the version the client last read."""

    version = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000,
                                 help_text="Waarom; komt in de audittrail en bij een termijnwijziging.")
    text = serializers.CharField(required=False, max_length=10000)
    actor = serializers.CharField(required=False, max_length=200)
    deliverables = serializers.ListField(child=serializers.CharField(max_length=500), required=False,
                                         max_length=50)
    kind = serializers.ChoiceField(choices=Commitment.Kind.choices, required=False)
    deadline_text = serializers.CharField(required=False, allow_blank=True, max_length=300)
    due_date = serializers.DateField(required=False, allow_null=True, validators=[validate_plausible_date])
    window_start = serializers.DateField(required=False, allow_null=True, validators=[validate_plausible_date])
    precision = serializers.ChoiceField(choices=PRECISION_CHOICES, required=False)
    motions = serializers.ListField(child=serializers.CharField(max_length=100), required=False, max_length=50,
                                    help_text="Sleutels kst-… (de hele lijst; vervangt de huidige).")
    question = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**63 - 1)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not set(attrs) - {"version", "note"}:
            raise ValidationError(_("Geef ten minste één veld om te corrigeren."))
        return attrs


class DeliverySerializer(serializers.Serializer):
    """Voldaan / Deels voldaan need the date and the letter (document id and/or Kamerstuk number);
    Vervallen, Afgedaan, Deels afgedaan and reopening (Openstaand) need a note."""

    version = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    status = serializers.ChoiceField(choices=Commitment.Status.choices)
    fulfilled_on = serializers.DateField(required=False, allow_null=True, validators=[validate_plausible_date],
                                         help_text="Datum van het document waarmee is nagekomen.")
    fulfilled_kamerstuk = serializers.CharField(required=False, allow_blank=True, max_length=100,
                                                help_text="Nummer van de Kamerbrief die de toezegging nakomt.")
    fulfilled_by = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**63 - 1,
                                            help_text="Id van het document dat de toezegging nakomt.")
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000,
                                 help_text="Verplicht bij deels voldaan en bij elke andere status dan voldaan.")

    def validate_fulfilled_by(self, value: int | None) -> Document | None:
        if value is None:
            return None
        document = Document.objects.filter(pk=value).only("id").first()
        if document is None:
            raise ValidationError(_("Dit document bestaat niet."))
        return document


# The follow-up service names two fields differently from the API.
DELIVERY_ERROR_FIELDS = {"kamerstuk": "fulfilled_kamerstuk", "document": "fulfilled_by"}


def _as_drf(exc: DjangoValidationError, rename: dict[str, str] | None = None) -> ValidationError:
    if hasattr(exc, "error_dict"):
        rename = rename or {}
        return ValidationError({rename.get(field, field): messages for field, messages in exc.message_dict.items()})
    return ValidationError({"non_field_errors": exc.messages})


class CommitmentDetail(CommitmentContextMixin, DetailView):
    serializer_class = CommitmentSerializer

    def get_queryset(self) -> QuerySet:
        return commitment_queryset()

    @extend_schema(tags=["commitments"], summary="Eén toezegging (ook een verwijderde)",
                   responses={200: CommitmentSerializer, **ERRORS, **NOT_FOUND})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.retrieve(request, *args, **kwargs)

    @extend_schema(
        tags=["commitments"], summary="Een correctie indienen",
        description="Zoals een beoordelaar: dezelfde controles, een ReviewEvent met per veld oud en nieuw, "
                    "een termijnwijziging bij een nieuwe termijn. 409 als `version` niet meer de huidige is.",
        request=CorrectionSerializer,
        responses={200: CommitmentSerializer, **ERRORS, **NOT_FOUND, **CONFLICT},
    )
    def patch(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        commitment = self.get_object()
        form = CorrectionSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        values = dict(form.validated_data)
        version, note = values.pop("version"), values.pop("note", "")
        try:
            updated = commitment_correct(
                commitment=commitment, user=request.user, expected_version=version, values=values, note=note
            )
        except StaleRecordError as exc:
            raise Conflict(exc.message) from exc
        except DjangoValidationError as exc:
            raise _as_drf(exc) from exc
        return Response(self.get_serializer(self.get_queryset().get(pk=updated.pk)).data)


@extend_schema(
    tags=["commitments"], summary="Nakoming of een andere uitkomst vastleggen",
    description="Voldaan of deels voldaan (met datum en Kamerbrief), of vervallen, afgedaan, deels afgedaan, "
                "of weer openstaand (met toelichting). Dezelfde service als de webinterface; schrijft een "
                "ReviewEvent `deliver`. 409 als `version` niet meer de huidige is.",
    request=DeliverySerializer,
    responses={200: CommitmentSerializer, **ERRORS, **NOT_FOUND, **CONFLICT},
)
class CommitmentDelivery(CommitmentContextMixin, DetailView):
    serializer_class = CommitmentSerializer
    http_method_names = ["post", "options"]

    def get_queryset(self) -> QuerySet:
        return commitment_queryset()

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        commitment = self.get_object()
        form = DeliverySerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        try:
            if data["status"] in (Commitment.Status.DELIVERED, Commitment.Status.PARTLY_DELIVERED):
                updated = commitment_record_delivery(
                    commitment=commitment, user=request.user, expected_version=data["version"],
                    status=data["status"], fulfilled_on=data.get("fulfilled_on"),
                    document=data.get("fulfilled_by"), kamerstuk=data.get("fulfilled_kamerstuk", ""),
                    note=data.get("note", ""),
                )
            else:
                updated = commitment_set_status(
                    commitment=commitment, user=request.user, expected_version=data["version"],
                    status=data["status"], note=data.get("note", ""),
                )
        except StaleRecordError as exc:
            raise Conflict(exc.message) from exc
        except DjangoValidationError as exc:
            raise _as_drf(exc, rename=DELIVERY_ERROR_FIELDS) from exc
        return Response(self.get_serializer(self.get_queryset().get(pk=updated.pk)).data)


@extend_schema(tags=["deadline-revisions"], summary="Termijnwijzigingen",
               responses={200: DeadlineRevisionSerializer(many=True), **ERRORS})
class DeadlineRevisionList(ListView):
    serializer_class = DeadlineRevisionSerializer
    filterset_class = DeadlineRevisionFilter
    orderings = {"updated_at": orderings_for("created_at", "datetime")["created_at"],
                 "-updated_at": orderings_for("created_at", "datetime")["-created_at"], **BY_ID}
    version_sources = [(DeadlineRevision, "created_at")]
    row_format = RowFormat(DeadlineRevisionSerializer, computed={
        "slip_days": Computed(("old_due", "new_due"), lambda row, context: slip_days(row["old_due"], row["new_due"]),
                              sql=lambda s: f"({s.col('new_due')} - {s.col('old_due')})"),
    }, sql_json=True)

    def get_queryset(self) -> QuerySet:
        return DeadlineRevision.objects.all()


@extend_schema(tags=["deadline-revisions"], summary="Eén termijnwijziging",
               responses={200: DeadlineRevisionSerializer, **ERRORS, **NOT_FOUND})
class DeadlineRevisionDetail(DetailView):
    serializer_class = DeadlineRevisionSerializer
    last_modified_field = "created_at"

    def get_queryset(self) -> QuerySet:
        return DeadlineRevision.objects.all()
