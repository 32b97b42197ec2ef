"""Lists read as rows give exactly what the serializers give, field by field, for every list."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.utils import timezone
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from motions.models import Motion, MotionCitation
from tests.factories import (
    CommitmentFactory,
    CommitteeFactory,
    DeadlineRevisionFactory,
    DocumentFactory,
    MinistryFactory,
    MotionCitationFactory,
    MotionFactory,
    PersonFactory,
    QuestionItemFactory,
)
from tracker.api.v1 import commitments, documents, motions, reference, toezegging
from tracker.api.v1 import rows as rows_module
from tracker.api.v1.documents import attach_answer_texts, question_item_queryset
from tracker.api.v1.rows import RawJson, RowContext, RowFormat
from tracker.models import Commitment, Committee, DeadlineRevision, Document, Ministry, Person

TODAY = timezone.localdate()

# (list view, its URL, the records as the serializer reads them)
LISTS = [
    (commitments.CommitmentList, "/api/v1/commitments/", lambda: Commitment.objects.all()),
    (toezegging.ToezeggingList, "/api/v1/toezeggingen/", lambda: Commitment.objects.all()),
    (commitments.DeadlineRevisionList, "/api/v1/deadline-revisions/", lambda: DeadlineRevision.objects.all()),
    (documents.DocumentList, "/api/v1/documents/", lambda: Document.objects.all()),
    (documents.QuestionItemList, "/api/v1/question-items/", question_item_queryset),
    (motions.MotionList, "/api/v1/motions/", lambda: Motion.objects.all()),
    (motions.MotionCitationList, "/api/v1/motion-citations/", lambda: MotionCitation.objects.all()),
    (reference.CommitteeList, "/api/v1/committees/", lambda: Committee.objects.all()),
    (reference.MinistryList, "/api/v1/ministries/", lambda: Ministry.objects.all()),
    (reference.PersonList, "/api/v1/persons/", lambda: Person.objects.all()),
]


def varied_records() -> None:
    """Tombstones, empty links, empty dates, odd characters: everything a row can hold."""
    minister = PersonFactory(name="Van der Berg-Öztürk", role=Person.Role.MINISTER, function="",
                             ministry=MinistryFactory(name="Ministerie van Waterstaat", abbreviation="IenW"))
    full = CommitmentFactory(
        minister=minister, fulfilled_on=dt.date(2026, 3, 2), overdue_since=TODAY, due_soon_since=TODAY,
        status=Commitment.Status.PARTLY_CLOSED, page=7, deleted_at=timezone.now(), promised_to_member="Lid Kroon",
        promised_to_party="SP", fulfilled_kamerstuk="31 122, nr. 4", delivered_on_time=True,
        text='Een "brief" met \u2028 regelscheiding en é',
    )
    MotionCitationFactory(document=full.document, commitment=full, motion=MotionFactory(number="12"))
    MotionCitationFactory(document=full.document, commitment=full, motion=MotionFactory(number="3"))
    MotionCitationFactory(document=full.document, commitment=full, motion=None, key="")
    MotionCitationFactory(document=full.document, commitment=full, review_state="rejected")
    bare = CommitmentFactory(committee=None, ministry=None, due_date=None, window_start=None, precision="none",
                             deadline_text="", deliverables=[], actor="staatssecretaris van Financiën")
    CommitmentFactory(review_state=Commitment.ReviewState.REJECTED, status=Commitment.Status.PARTLY_DELIVERED,
                      due_date=TODAY - dt.timedelta(days=9), window_start=None, confidence=1)
    CommitmentFactory(status=Commitment.Status.PARTLY_DELIVERED, due_date=TODAY - dt.timedelta(days=1),
                      window_start=None)
    DeadlineRevisionFactory(commitment=bare)
    DeadlineRevisionFactory(commitment=bare, old_due=None, new_due=dt.date(2027, 1, 1), source_document=None)
    QuestionItemFactory(document=DocumentFactory(committee=None, ministry=None, page_count=3,
                                                 processed_at=timezone.now(), content=b"Vraag 1 en het antwoord."))
    MotionFactory(date=None, deleted_at=timezone.now(), co_signers=["Lid Kroon"])
    MotionFactory(date=dt.date(2026, 2, 3), vote_date=dt.date(2026, 2, 10), ministry=minister.ministry)
    CommitteeFactory(name="Financiën", abbreviation="")


def serializer_json(view, records) -> list:
    objects = records().order_by("id")
    if view is documents.QuestionItemList:
        objects = attach_answer_texts(list(objects))  # answers are cut per page, as the detail view does
    return view.serializer_class(objects, many=True, context={"today": TODAY}).data


@pytest.fixture(params=["python", "database"])
def json_by(request, monkeypatch) -> str:
    """Both fast paths: records rendered in Python from rows, and (PostgreSQL) JSON written by the database."""
    if request.param == "database" and connection.vendor != "postgresql":
        pytest.skip("the database writes JSON on PostgreSQL only")
    monkeypatch.setattr(rows_module, "SQL_JSON_ENABLED", request.param == "database")
    return request.param


@pytest.mark.django_db
@pytest.mark.parametrize("view, url, records", LISTS, ids=[view.__name__ for view, _u, _r in LISTS])
def test_rows_render_exactly_what_the_serializer_gives(view, url, records, json_by):
    varied_records()
    expected = serializer_json(view, records)
    row_format: RowFormat = view.row_format
    base = records().model.objects.all() if view is not documents.QuestionItemList else question_item_queryset()
    rendered = row_format.render(row_format.fetch(row_format.rows(base.order_by("id"))), RowContext(today=TODAY))
    if json_by == "database" and row_format.sql_json:
        assert isinstance(rendered, RawJson)
        # byte for byte what DRF's renderer writes for the serializer's data
        assert rendered.text.encode() == JSONRenderer().render(expected)
        rendered = json.loads(rendered.text)

    assert len(rendered) == len(expected) > 0
    for fast, slow in zip(rendered, expected, strict=True):
        assert list(fast) == list(slow)
        for name in slow:
            assert fast[name] == slow[name], (fast.get("id", fast), name)
            assert type(fast[name]) is type(slow[name]), name
    assert json.dumps(rendered) == json.dumps(expected)


@pytest.mark.django_db
@pytest.mark.parametrize("view, url, records", LISTS, ids=[view.__name__ for view, _u, _r in LISTS])
def test_every_list_in_sync_answers_the_serializers_json(reader, view, url, records, json_by):
    varied_records()
    response = reader.get(url, {"updated_since": "2000-01-01T00:00:00Z", "ordering": "id", "page_size": 1000})

    assert response.status_code == 200, response.content
    expected = serializer_json(view, records)
    assert response.json()["results"] == json.loads(json.dumps(expected))


@pytest.mark.django_db
def test_a_late_partly_delivered_commitment_is_overdue_in_the_feed_as_on_the_dashboard(reader):
    yesterday, today = TODAY - dt.timedelta(days=1), TODAY
    partly = CommitmentFactory(status=Commitment.Status.PARTLY_DELIVERED, due_date=yesterday, window_start=None)
    late = CommitmentFactory(due_date=yesterday, window_start=None)
    due_today = CommitmentFactory(due_date=today, window_start=None)
    delivered = CommitmentFactory(status=Commitment.Status.DELIVERED, due_date=yesterday, window_start=None)
    rejected = CommitmentFactory(review_state=Commitment.ReviewState.REJECTED, due_date=yesterday, window_start=None)

    synced = reader.get("/api/v1/commitments/", {"updated_since": "2000-01-01T00:00:00Z"}).json()["results"]
    assert {row["id"]: row["overdue"] for row in synced} == {
        partly.pk: True, late.pk: True, due_today.pk: False, delivered.pk: False, rejected.pk: False}
    listed = reader.get("/api/v1/commitments/", {"overdue": "true"}).json()["results"]
    assert sorted(row["id"] for row in listed) == sorted([partly.pk, late.pk])
    not_late = reader.get("/api/v1/toezeggingen/", {"overdue": "false"}).json()["results"]
    assert sorted(row["NakomingId"] for row in not_late) == sorted([due_today.pk, delivered.pk])


@pytest.mark.django_db
def test_the_toezegging_guid_is_the_uuid5_it_always_was():
    for pk in (1, 42, 1000, 987654321, 2**63 - 1):
        assert toezegging.toezegging_guid(pk) == str(toezegging.toezegging_id(pk))


def test_a_field_rows_cannot_read_is_refused_rather_than_rendered_differently():
    class Odd(serializers.ModelSerializer):
        shout = serializers.SerializerMethodField()

        class Meta:
            model = Committee
            fields = ["id", "shout"]

    with pytest.raises(ImproperlyConfigured, match="Computed"):
        RowFormat(Odd).rows(Committee.objects.all())


@pytest.mark.django_db
def test_toezeggingen_pages_take_the_same_queries_for_1_or_30_rows(reader, django_assert_num_queries, settings):
    settings.API_CACHE_SECONDS = 0
    CommitmentFactory()
    reader.get("/api/v1/toezeggingen/")
    with django_assert_num_queries(3):  # token, data version, page
        assert len(reader.get("/api/v1/toezeggingen/").json()["results"]) == 1
    CommitmentFactory.create_batch(29, minister=PersonFactory(role="minister"))
    with django_assert_num_queries(3):
        assert len(reader.get("/api/v1/toezeggingen/").json()["results"]) == 30


@pytest.mark.django_db
def test_a_page_larger_than_the_cache_limit_is_not_kept(reader, django_assert_num_queries, settings):
    CommitmentFactory.create_batch(3)
    settings.API_CACHE_MAX_BYTES = 1000  # three commitments take more
    first = reader.get("/api/v1/commitments/").json()
    # token, data version, page and (unless the database writes the JSON) motion citations: not from the cache
    with django_assert_num_queries(3 if connection.vendor == "postgresql" else 4):
        assert reader.get("/api/v1/commitments/").json() == first
    settings.API_CACHE_MAX_BYTES = 10**6
    reader.get("/api/v1/commitments/")
    with django_assert_num_queries(2):  # token, data version
        assert reader.get("/api/v1/commitments/").json() == first


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/commitments/", "/api/v1/toezeggingen/", "/api/v1/motion-citations/"])
def test_following_next_gives_the_same_records_in_both_paths(reader, url, settings, monkeypatch):
    settings.API_CACHE_SECONDS = 0
    varied_records()
    CommitmentFactory.create_batch(5)
    pages = {}
    for in_database in (False, True):
        monkeypatch.setattr(rows_module, "SQL_JSON_ENABLED", in_database)
        seen, query = [], {"updated_since": "2000-01-01T00:00:00Z", "ordering": "-updated_at", "page_size": 2}
        while True:
            body = reader.get(url, query).json()
            seen.append(body["results"])
            if not body["next"]:
                break
            query = {**query, "cursor": body["next_cursor"]}
        pages[in_database] = seen
    assert len(pages[True]) >= 2 and pages[True] == pages[False]


@pytest.mark.django_db
def test_an_empty_or_impossible_filter_answers_an_empty_page(reader, json_by):
    CommitmentFactory()
    for query in ({"committee": 0}, {"motion": "kst-1-1"}):
        body = reader.get("/api/v1/commitments/", query).json()
        assert body == {"next": None, "next_cursor": None, "results": []}


@pytest.mark.django_db
def test_an_indented_answer_is_still_the_same_json(reader, json_by):
    CommitmentFactory.create_batch(2)
    plain = reader.get("/api/v1/commitments/").json()
    indented = reader.get("/api/v1/commitments/", HTTP_ACCEPT="application/json; indent=4")
    assert indented.status_code == 200 and json.loads(indented.content) == plain


@pytest.mark.django_db
def test_a_prepared_page_statement_answers_like_the_first_executions(reader, settings, monkeypatch):
    """PostgreSQL plans a prepared statement for its values five times, then may keep a
    generic plan: the pages after that must be the same as the Python path's."""
    if connection.vendor != "postgresql":
        pytest.skip("statements are prepared on PostgreSQL only")
    settings.API_CACHE_SECONDS = 0
    varied_records()
    committees = list(Committee.objects.values_list("id", flat=True)) + [0]
    answers = {}
    for in_database in (True, False):
        monkeypatch.setattr(rows_module, "SQL_JSON_ENABLED", in_database)
        answers[in_database] = [
            reader.get("/api/v1/commitments/", {"committee": pk, "overdue": overdue}).content
            for _round in range(4) for pk in committees for overdue in ("true", "false")
        ]
    assert answers[True] == answers[False]
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(generic_plans + custom_plans) FROM pg_prepared_statements")
        assert cursor.fetchone()[0] >= 6


@pytest.mark.django_db
def test_prepared_statements_are_logged_with_their_values(reader, settings):
    """``connection.queries`` and query counts see a prepared statement as before: its text
    with the values in it."""
    from django.test.utils import CaptureQueriesContext

    settings.API_CACHE_SECONDS = 0
    CommitmentFactory()
    with CaptureQueriesContext(connection) as captured:
        assert reader.get("/api/v1/commitments/", {"committee": 987654}).status_code == 200
    texts = [query["sql"] for query in captured.captured_queries]
    assert all(texts) and any("987654" in text for text in texts)
