"""A document of 5,000 records costs the review queue and the question-items feed no more
queries, and no more text, than one of ten: passages are cut after paging, for the page only."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.factories import CommitmentFactory, DocumentFactory
from tracker.models import Commitment, QuestionItem

ANSWER = "De minister zal de Kamer voor de zomer per brief informeren over de uitkomst van het overleg."


def document_with(records: int):  # type: ignore[no-untyped-def]
    """A document of ``records`` numbered answers, each holding one commitment."""
    blocks = [f"Vraag {n}\nWanneer volgt het overleg nummer {n}?\n\nAntwoord {n}\n{ANSWER}\n\n"
              for n in range(1, records + 1)]
    text = "".join(blocks)
    document = DocumentFactory(content=text.encode())
    items, commitments, offset = [], [], 0
    for n, block in enumerate(blocks, start=1):
        answer_start = offset + block.index(ANSWER)
        items.append(QuestionItem(
            document=document, position=n, number=str(n), question_text=f"Wanneer volgt het overleg nummer {n}?",
            question_start=offset, question_end=answer_start,
            answer_start=answer_start, answer_end=answer_start + len(ANSWER)))
        offset += len(block)
    QuestionItem.objects.bulk_create(items)
    template = CommitmentFactory.build(document=document, committee=document.committee,
                                       ministry=document.ministry, text=ANSWER)
    fields = {field.attname: getattr(template, field.attname) for field in Commitment._meta.concrete_fields
              if not field.primary_key}
    for item in QuestionItem.objects.filter(document=document).only("id", "answer_start", "answer_end"):
        commitments.append(Commitment(**{**fields, "question_id": item.pk, "start": item.answer_start,
                                         "end": item.answer_end}))
    Commitment.objects.bulk_create(commitments)
    return document


def count_queries(client, url: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """Queries for one page, checking that the document text is only ever cut for listed ids."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    for query in queries.captured_queries:
        sql = query["sql"].upper()
        assert "LENGTH(" not in sql
        if "SUBSTR" in sql:
            assert " IN (" in sql, f"text cut before paging: {sql[:300]}"
    return len(queries.captured_queries), response.content.decode()


@pytest.mark.django_db
def test_the_review_queue_costs_the_same_for_ten_or_five_thousand_records(reviewer_client):
    small = document_with(10)
    small_queries, page = count_queries(reviewer_client, f"/beoordelen/?document={small.pk}")
    assert ANSWER in page
    big = document_with(5_000)
    big_queries, page = count_queries(reviewer_client, f"/beoordelen/?document={big.pk}")
    assert big_queries == small_queries
    assert ANSWER in page and "Antwoord 5000" not in page  # only the first page of twenty


@pytest.mark.django_db
def test_the_question_items_feed_costs_the_same_for_ten_or_five_thousand_records(clerk):
    api = APIClient()
    api.force_login(clerk)
    small = document_with(10)
    small_queries, body = count_queries(api, f"/api/v1/question-items/?document={small.pk}&ordering=id")
    big = document_with(5_000)
    big_queries, body = count_queries(api, f"/api/v1/question-items/?document={big.pk}&ordering=id")
    assert big_queries == small_queries
    assert ANSWER in body
    first = QuestionItem.objects.filter(document=big).order_by("id").first()
    detail = api.get(f"/api/v1/question-items/{first.pk}/").json()
    assert detail["answer_text"] == ANSWER
