"""How each record looks in the feed. Read-only; writes have their own serializers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from motions.models import Motion, MotionCitation
from tracker.datebounds import validate_plausible_date
from tracker.followup.rules import is_overdue
from tracker.models import (
    Commitment,
    Committee,
    DeadlineRevision,
    Document,
    Ministry,
    Person,
    QuestionItem,
)


class UtcDateTimeField(serializers.DateTimeField):
    """Times in UTC with a ``Z``, whatever the server's time zone."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default_timezone", dt.UTC)
        super().__init__(*args, **kwargs)


class ModelSerializer(serializers.ModelSerializer):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping, models.DateTimeField: UtcDateTimeField,
    }


class CommitteeSerializer(ModelSerializer):
    class Meta:
        model = Committee
        fields = ["id", "name", "abbreviation", "updated_at"]


class MinistrySerializer(ModelSerializer):
    class Meta:
        model = Ministry
        fields = ["id", "name", "abbreviation", "updated_at"]


class PersonSerializer(ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "name", "role", "party", "function", "ministry", "updated_at"]


class CommitteeRefSerializer(ModelSerializer):
    class Meta:
        model = Committee
        fields = ["id", "name", "abbreviation"]


class MinistryRefSerializer(ModelSerializer):
    class Meta:
        model = Ministry
        fields = ["id", "name", "abbreviation"]


class MinisterRefSerializer(ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "name", "function"]


def tombstone(deleted_at: dt.datetime | None, review_state: str) -> bool:
    """Deleted, or rejected by a reviewer: the feed says ``deleted: true``."""
    return deleted_at is not None or review_state == Commitment.ReviewState.REJECTED


def is_tombstone(commitment: Commitment) -> bool:
    return tombstone(commitment.deleted_at, commitment.review_state)


class CommitmentSerializer(ModelSerializer):
    """A commitment. ``deleted: true`` marks a tombstone (deleted, or rejected by a reviewer)."""

    register_number = serializers.CharField(read_only=True, help_text="TZ<jjjjmm>-<nnn>")
    deleted = serializers.SerializerMethodField(
        help_text="true: verwijderd of door een beoordelaar afgewezen; verwijder het bij u."
    )
    status_label = serializers.CharField(source="get_status_display", read_only=True,
                                         help_text="De status zoals de Kamer hem noemt.")
    overdue = serializers.SerializerMethodField(help_text="Openstaand en de uiterste datum is voorbij.")
    committee = CommitteeRefSerializer(read_only=True, allow_null=True)
    ministry = MinistryRefSerializer(read_only=True, allow_null=True)
    minister = MinisterRefSerializer(read_only=True, allow_null=True)
    motions = serializers.SerializerMethodField(help_text="Sleutels (kst-…) van de moties die ze noemt.")

    class Meta:
        model = Commitment
        fields = [
            "id", "register_number", "deleted", "updated_at", "created_at", "version",
            "text", "actor", "kind", "certainty", "deliverables",
            "document", "question", "page", "promised_to_member", "promised_to_party",
            "committee", "ministry", "minister",
            "deadline_text", "due_date", "window_start", "precision", "deadline_assumed",
            "status", "status_label", "overdue", "overdue_since", "due_soon_since",
            "review_state", "confidence", "duplicate_of",
            "fulfilled_by", "fulfilled_kamerstuk", "fulfilled_on", "delivery_note", "delivered_on_time",
            "motions",
        ]
        read_only_fields = fields

    def get_deleted(self, obj: Commitment) -> bool:
        return is_tombstone(obj)

    def get_overdue(self, obj: Commitment) -> bool:
        return is_overdue(obj, self.context.get("today") or timezone.localdate())

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_motions(self, obj: Commitment) -> list[str]:
        citations = getattr(obj, "api_citations", None)
        if citations is None:
            citations = obj.motion_citations.filter(deleted_at__isnull=True, motion__isnull=False).select_related(
                "motion"
            )
        return sorted({citation.motion.key for citation in citations})


class DeadlineRevisionSerializer(ModelSerializer):
    updated_at = UtcDateTimeField(source="created_at", read_only=True,
                                           help_text="Gelijk aan created_at: een wijziging verandert nooit.")
    slip_days = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = DeadlineRevision
        fields = [
            "id", "commitment", "source", "source_document", "quote", "reason", "created_at", "updated_at",
            "old_text", "old_due", "old_window_start", "old_precision",
            "new_text", "new_due", "new_window_start", "new_precision", "slip_days",
        ]
        read_only_fields = fields


class DocumentSerializer(ModelSerializer):
    committee = CommitteeRefSerializer(read_only=True, allow_null=True)
    ministry = MinistryRefSerializer(read_only=True, allow_null=True)
    reference_date_source = serializers.ChoiceField(
        choices=Document.DateSource.choices, allow_blank=True, read_only=True,
        help_text="Leeg zolang er (nog) geen datum is.",
    )

    class Meta:
        model = Document
        fields = [
            "id", "sha256", "original_name", "size", "file_format", "kind", "title", "kamerstuk",
            "reference_date", "reference_date_source", "origin", "committee", "ministry",
            "status", "stage", "progress", "error", "extractor_version", "page_count",
            "created_at", "updated_at", "processed_at",
        ]
        read_only_fields = fields


class DocumentDetailSerializer(DocumentSerializer):
    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "text"]
        read_only_fields = fields


class DocumentSubmissionSerializer(DocumentSerializer):
    duplicate = serializers.SerializerMethodField(help_text="true: deze bytes waren al eerder aangeboden.")

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "duplicate"]
        read_only_fields = fields

    def get_duplicate(self, obj: Document) -> bool:
        return bool(self.context.get("duplicate"))


class DocumentUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="PDF, DOCX, HTML of tekst.")
    reference_date = serializers.DateField(required=False, validators=[validate_plausible_date],
                                           help_text="Datum van het document, als bekend.")
    # Blank is allowed and means "not given": forms send empty fields, and the schema says so.
    committee = serializers.CharField(required=False, allow_blank=True, max_length=200,
                                      help_text="Naam van de commissie.")
    ministry = serializers.CharField(required=False, allow_blank=True, max_length=200,
                                     help_text="Naam van het ministerie.")
    kind = serializers.ChoiceField(choices=Document.Kind.choices, required=False)
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)


class QuestionItemSerializer(ModelSerializer):
    updated_at = UtcDateTimeField(
        read_only=True, help_text="Die van het document: vragen veranderen alleen met hun document."
    )
    answer_text = serializers.SerializerMethodField()

    class Meta:
        model = QuestionItem
        fields = [
            "id", "document", "position", "number", "question_text", "member", "party",
            "question_start", "question_end", "answer_start", "answer_end", "answer_text", "updated_at",
        ]
        read_only_fields = fields

    def get_answer_text(self, obj: Any) -> str:
        return getattr(obj, "api_answer_text", "") or ""


class MotionSerializer(ModelSerializer):
    deleted = serializers.SerializerMethodField()

    class Meta:
        model = Motion
        fields = [
            "id", "key", "dossier", "number", "tk_id", "zaak_number", "title", "members", "co_signers", "date",
            "considerations", "request", "judgement", "vote_result", "vote_date", "ministry",
            "execution_status", "source_document", "created_at", "updated_at", "deleted",
        ]
        read_only_fields = fields

    def get_deleted(self, obj: Motion) -> bool:
        return obj.deleted_at is not None


class MotionCitationSerializer(ModelSerializer):
    deleted = serializers.SerializerMethodField(help_text="true: verwijderd of afgewezen.")
    motion_key = serializers.SerializerMethodField()

    class Meta:
        model = MotionCitation
        fields = [
            "id", "document", "motion", "motion_key", "commitment", "key", "members", "text", "start", "end",
            "stated_status", "review_state", "created_at", "updated_at", "deleted",
        ]
        read_only_fields = fields

    def get_deleted(self, obj: MotionCitation) -> bool:
        return citation_tombstone(obj.deleted_at, obj.review_state)

    @extend_schema_field(serializers.CharField(allow_null=True, help_text="null: nog niet aan een motie gekoppeld."))
    def get_motion_key(self, obj: MotionCitation) -> str | None:
        return obj.motion.key if obj.motion_id else None


def citation_tombstone(deleted_at: dt.datetime | None, review_state: str) -> bool:
    return deleted_at is not None or review_state == MotionCitation.Review.REJECTED
