"""Commitments in the shape of the Tweede Kamer's open-data entity ``Toezegging``.

For systems that already read the Kamer's OData/SyncFeed. The mapping is in
docs/api.md; the same filters, ordering, paging and ``updated_since`` (with
``Verwijderd: true`` tombstones) as /api/v1/commitments/.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers

from tracker.api.v1.base import ERRORS, NOT_FOUND, DetailView
from tracker.api.v1.commitments import (
    STATUS_LABEL_SQL,
    TOMBSTONE_COLUMNS,
    TOMBSTONE_SQL,
    CommitmentList,
    commitment_queryset,
    row_deleted,
    row_register_number,
    row_status_label,
)
from tracker.api.v1.rows import Computed, RowFormat, utc_text
from tracker.api.v1.serializers import is_tombstone
from tracker.api.v1.sql_json import column_sql, nonempty_sql, register_number_sql, utc_column_sql
from tracker.models import Commitment

# Id: a GUID, like the Kamer's, derived from our id so it never changes.
NAMESPACE = uuid.UUID("5b0c5e8e-3d1f-4f59-9a8e-6e616b6f6d69")


def toezegging_id(commitment_id: int) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"nakoming/commitment/{commitment_id}")


def toezegging_guid(commitment_id: int) -> str:
    """``str(toezegging_id(…))`` without building a UUID object (a thousand per page)."""
    digest = bytearray(hashlib.sha1(NAMESPACE.bytes + b"nakoming/commitment/%d" % commitment_id).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def utc(value: dt.datetime | None) -> str | None:
    return None if value is None else utc_text(value)


def functie(minister_function: str | None, actor: str) -> str | None:
    """The minister's function, else the actor as written (capitalised)."""
    return minister_function or _capitalised(actor) or None


class ToezeggingSerializer(serializers.Serializer):
    Id = serializers.SerializerMethodField(help_text="GUID, afgeleid van NakomingId; verandert nooit.")
    Nummer = serializers.CharField(source="register_number", help_text="TZ<jjjjmm>-<nnn>")
    Tekst = serializers.CharField(source="text")
    Aanmaakdatum = serializers.SerializerMethodField(help_text="UTC")
    ActiviteitNummer = serializers.SerializerMethodField(help_text="Niet bekend in Nakoming: altijd null.")
    Naam = serializers.SerializerMethodField(help_text="De bewindspersoon die het toezegde.")
    Functie = serializers.SerializerMethodField()
    Ministerie = serializers.SerializerMethodField()
    Status = serializers.CharField(source="get_status_display",
                                   help_text="Openstaand, Voldaan, Deels voldaan, Vervallen, Afgedaan of Deels afgedaan")
    DatumNakoming = serializers.DateField(source="fulfilled_on", allow_null=True,
                                          help_text="Wanneer ze werd nagekomen (geen uiterste datum).")
    KamerbriefNakoming = serializers.SerializerMethodField()
    ToegezegdAanPersoon = serializers.SerializerMethodField()
    ToegezegdAanFractie = serializers.SerializerMethodField()
    GewijzigdOp = serializers.SerializerMethodField(help_text="UTC")
    Verwijderd = serializers.SerializerMethodField(help_text="true: verwijderd of afgewezen (tombstone).")
    # Nakoming's additions, not in the Kamer's entity.
    NakomingId = serializers.IntegerField(source="id")
    Termijn = serializers.SerializerMethodField(help_text="Nakoming: de termijn zoals geformuleerd.")
    UitersteDatum = serializers.DateField(source="due_date", allow_null=True,
                                          help_text="Nakoming: de uiterste datum van de termijn.")
    Commissie = serializers.SerializerMethodField(help_text="Nakoming: de commissie.")

    @extend_schema_field(OpenApiTypes.UUID)
    def get_Id(self, obj: Commitment) -> str:
        return toezegging_guid(obj.pk)

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_Aanmaakdatum(self, obj: Commitment) -> str | None:
        return utc(obj.created_at)

    @extend_schema_field({"type": "string", "nullable": True})
    def get_ActiviteitNummer(self, obj: Commitment) -> None:
        return None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_Naam(self, obj: Commitment) -> str | None:
        return obj.minister.name if obj.minister else None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_Functie(self, obj: Commitment) -> str | None:
        return functie(obj.minister.function if obj.minister else None, obj.actor)

    @extend_schema_field({"type": "string", "nullable": True})
    def get_Ministerie(self, obj: Commitment) -> str | None:
        return obj.ministry.name if obj.ministry else None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_KamerbriefNakoming(self, obj: Commitment) -> str | None:
        return obj.fulfilled_kamerstuk or None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_ToegezegdAanPersoon(self, obj: Commitment) -> str | None:
        return obj.promised_to_member or None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_ToegezegdAanFractie(self, obj: Commitment) -> str | None:
        return obj.promised_to_party or None

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_GewijzigdOp(self, obj: Commitment) -> str | None:
        return utc(obj.updated_at)

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_Verwijderd(self, obj: Commitment) -> bool:
        return is_tombstone(obj)

    @extend_schema_field({"type": "string", "nullable": True})
    def get_Termijn(self, obj: Commitment) -> str | None:
        return obj.deadline_text or None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_Commissie(self, obj: Commitment) -> str | None:
        return obj.committee.name if obj.committee else None


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text else ""


@extend_schema(
    tags=["toezeggingen"], summary="Toezeggingen in het formaat van de Tweede Kamer (open data)",
    description="Dezelfde filters als /commitments/; met `updated_since` ook tombstones (`Verwijderd: true`). "
                "De vertaling staat in docs/api.md.",
    responses={200: ToezeggingSerializer(many=True), **ERRORS},
)
class ToezeggingList(CommitmentList):
    serializer_class = ToezeggingSerializer
    # Id (a SHA-1 based UUID) and Functie (Python's capitalisation) are computed in Python.
    row_format = RowFormat(ToezeggingSerializer, model=Commitment, sql_json=True, computed={
        "Id": Computed((), lambda row, context: toezegging_guid(row["id"])),
        "Nummer": Computed(("promised_on", "created_at"), row_register_number, sql=register_number_sql),
        "Aanmaakdatum": Computed(("created_at",), lambda row, context: utc(row["created_at"]),
                                 sql=utc_column_sql("created_at")),
        "ActiviteitNummer": Computed((), lambda row, context: None, sql=lambda s: "NULL"),
        "Naam": Computed(("minister__name",), lambda row, context: row["minister__name"],
                         sql=column_sql("minister__name")),
        "Functie": Computed(("minister__function", "actor"),
                            lambda row, context: functie(row["minister__function"], row["actor"])),
        "Ministerie": Computed(("ministry__name",), lambda row, context: row["ministry__name"],
                               sql=column_sql("ministry__name")),
        "Status": Computed(("status",), row_status_label, sql=STATUS_LABEL_SQL),
        "KamerbriefNakoming": Computed(("fulfilled_kamerstuk",),
                                       lambda row, context: row["fulfilled_kamerstuk"] or None,
                                       sql=nonempty_sql("fulfilled_kamerstuk")),
        "ToegezegdAanPersoon": Computed(("promised_to_member",),
                                        lambda row, context: row["promised_to_member"] or None,
                                        sql=nonempty_sql("promised_to_member")),
        "ToegezegdAanFractie": Computed(("promised_to_party",),
                                        lambda row, context: row["promised_to_party"] or None,
                                        sql=nonempty_sql("promised_to_party")),
        "GewijzigdOp": Computed(("updated_at",), lambda row, context: utc(row["updated_at"]),
                                sql=utc_column_sql("updated_at")),
        "Verwijderd": Computed(TOMBSTONE_COLUMNS, row_deleted, sql=TOMBSTONE_SQL),
        "Termijn": Computed(("deadline_text",), lambda row, context: row["deadline_text"] or None,
                            sql=nonempty_sql("deadline_text")),
        "Commissie": Computed(("committee__name",), lambda row, context: row["committee__name"],
                              sql=column_sql("committee__name")),
    })


@extend_schema(tags=["toezeggingen"], summary="Eén Toezegging",
               responses={200: ToezeggingSerializer, **ERRORS, **NOT_FOUND})
class ToezeggingDetail(DetailView):
    serializer_class = ToezeggingSerializer

    def get_queryset(self) -> QuerySet:
        return commitment_queryset()
