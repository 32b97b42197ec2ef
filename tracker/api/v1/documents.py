"""Documents (list, one, upload) and the question/answer items found in them."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet
from django.db.models.functions import Substr
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from tracker.api.v1.base import ERRORS, NOT_FOUND, DetailView, ListView
from tracker.api.v1.filters import DocumentFilter, QuestionItemFilter
from tracker.api.v1.rows import Computed, RowFormat
from tracker.api.v1.serializers import (
    DocumentDetailSerializer,
    DocumentSerializer,
    DocumentSubmissionSerializer,
    DocumentUploadSerializer,
    QuestionItemSerializer,
)
from tracker.ingest.submit import DocumentOverrides, SubmissionError, document_submit
from tracker.models import Committee, Document, Ministry, QuestionItem


class DocumentList(ListView):
    serializer_class = DocumentSerializer
    filterset_class = DocumentFilter
    parser_classes = [MultiPartParser, FormParser]
    version_sources = [(Document, "updated_at"), (Committee, "updated_at"), (Ministry, "updated_at")]
    # Only the serializer's columns (the text, megabytes, is for the detail endpoint).
    row_format = RowFormat(DocumentSerializer, sql_json=True)

    def get_queryset(self) -> QuerySet:
        return Document.objects.all()

    @extend_schema(tags=["documents"], summary="Documenten",
                   responses={200: DocumentSerializer(many=True), **ERRORS})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.list(request, *args, **kwargs)

    @extend_schema(
        tags=["documents"], summary="Een document aanbieden",
        description="Dezelfde bytes nog eens: 200 met het bestaande document en `duplicate: true`. "
                    "Nieuw: 202, het document staat in de wachtrij voor extractie (volg `status`).",
        request={"multipart/form-data": DocumentUploadSerializer},
        responses={
            200: OpenApiResponse(DocumentSubmissionSerializer, description="Al eerder aangeboden."),
            202: OpenApiResponse(DocumentSubmissionSerializer, description="Ontvangen; wordt verwerkt."),
            **ERRORS,
        },
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        form = DocumentUploadSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        upload = data["file"]
        try:
            submission = document_submit(
                stream=upload, name=upload.name or "document", origin=Document.Origin.API,
                uploaded_by=request.user,
                overrides=DocumentOverrides(
                    reference_date=data.get("reference_date"), committee=data.get("committee") or None,
                    ministry=data.get("ministry") or None, kind=data.get("kind") or None,
                    title=data.get("title") or None,
                ),
            )
        except SubmissionError as exc:
            raise ValidationError({"file": [str(exc)]}) from exc
        document = Document.objects.select_related("committee", "ministry").get(pk=submission.document.pk)
        body = DocumentSubmissionSerializer(document, context={"duplicate": not submission.created}).data
        location = request.build_absolute_uri(reverse("api-v1:document-detail", args=[document.pk]))
        return Response(body, status=202 if submission.created else 200, headers={"Location": location})


@extend_schema(tags=["documents"], summary="Eén document, met de herstelde tekst",
               responses={200: DocumentDetailSerializer, **ERRORS, **NOT_FOUND})
class DocumentDetail(DetailView):
    serializer_class = DocumentDetailSerializer

    def get_queryset(self) -> QuerySet:
        return Document.objects.select_related("committee", "ministry")


def question_item_queryset() -> QuerySet:
    return QuestionItem.objects.annotate(updated_at=F("document__updated_at"))


def answer_texts(ids: list[int]) -> dict[int, str]:
    """Cut the answers out of their documents for these items only (after paging), in one
    query: the cost follows the page, not the number of items in the document."""
    return dict(
        QuestionItem.objects.filter(pk__in=ids)
        .annotate(cut=Substr("document__text", F("answer_start") + 1, F("answer_end") - F("answer_start")))
        .values_list("pk", "cut")
    )


def attach_answer_texts(items: list[QuestionItem]) -> list[QuestionItem]:
    answers = answer_texts([item.pk for item in items])
    for item in items:
        item.api_answer_text = answers.get(item.pk) or ""  # type: ignore[attr-defined]
    return items


@extend_schema(
    tags=["question-items"], summary="Vragen en antwoorden",
    description="Een vraag verandert alleen met zijn document; `updated_at` is dat van het document. "
                "Wie synchroniseert, vervangt bij een gewijzigd document al zijn vragen.",
    responses={200: QuestionItemSerializer(many=True), **ERRORS},
)
class QuestionItemList(ListView):
    serializer_class = QuestionItemSerializer
    filterset_class = QuestionItemFilter

    version_sources = [(Document, "updated_at")]
    row_format = RowFormat(
        QuestionItemSerializer, annotations=["updated_at"],
        computed={"answer_text": Computed((), lambda row, context: context.page.get(row["id"]) or "")},
        page_data=lambda rows: answer_texts([row["id"] for row in rows]),
    )

    def get_queryset(self) -> QuerySet:
        return question_item_queryset()


@extend_schema(tags=["question-items"], summary="Eén vraag met antwoord",
               responses={200: QuestionItemSerializer, **ERRORS, **NOT_FOUND})
class QuestionItemDetail(DetailView):
    serializer_class = QuestionItemSerializer

    def get_queryset(self) -> QuerySet:
        return question_item_queryset()

    def get_object(self) -> QuestionItem:
        return attach_answer_texts([super().get_object()])[0]
