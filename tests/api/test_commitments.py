"""Reading commitments: filters, ordering, keyset paging, sync with tombstones, conditional GET."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import (
    CommitmentFactory,
    CommitteeFactory,
    DocumentFactory,
    MinistryFactory,
    MotionCitationFactory,
    MotionFactory,
    PersonFactory,
)
from tracker.models import Commitment, Person

LIST = "/api/v1/commitments/"
TODAY = timezone.localdate()


def age_everything() -> None:
    """Move every change a minute back, so Last-Modified (whole seconds, only once over) is sent."""
    from tracker.models import Committee, Ministry

    past = timezone.now() - dt.timedelta(minutes=1)
    for model in (Commitment, Committee, Ministry, Person):
        model.objects.update(updated_at=past)


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def everything(client, url: str, **params) -> list[dict]:
    """Follow `next` to the end."""
    rows, response = [], client.get(url, params)
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        rows += body["results"]
        if not body["next"]:
            return rows
        response = client.get(body["next"])


@pytest.mark.django_db
def test_a_commitment_carries_what_a_consumer_needs(reader):
    minister = PersonFactory(name="Klever", role=Person.Role.MINISTER, function="Minister voor Buitenlandse Handel")
    commitment = CommitmentFactory(minister=minister, due_date=TODAY - dt.timedelta(days=3), window_start=None)
    MotionCitationFactory(document=commitment.document, commitment=commitment, motion=MotionFactory(number="30"))

    row = reader.get(f"{LIST}{commitment.pk}/").json()

    assert row["register_number"] == commitment.register_number
    assert row["status"] == "open" and row["status_label"] == "Openstaand"
    assert row["overdue"] is True and row["deleted"] is False
    assert row["committee"]["name"] == "Buitenlandse Zaken" and row["ministry"]["abbreviation"] == "BZ"
    assert row["minister"] == {"id": minister.pk, "name": "Klever", "function": "Minister voor Buitenlandse Handel"}
    assert row["motions"] == ["kst-36800-V-30"]
    assert row["due_date"] == (TODAY - dt.timedelta(days=3)).isoformat()
    assert row["updated_at"].endswith("Z") and row["version"] == 1


@pytest.mark.django_db
def test_filters_select_by_status_deadline_and_owner(reader):
    bz = CommitteeFactory(name="Buitenlandse Zaken")
    fin = CommitteeFactory(name="Financiën")
    ministry = MinistryFactory(name="Financiën", abbreviation="FIN")
    minister = PersonFactory(role=Person.Role.MINISTER)
    late = CommitmentFactory(due_date=TODAY - dt.timedelta(days=1), window_start=None, committee=bz)
    later = CommitmentFactory(due_date=TODAY + dt.timedelta(days=30), window_start=None, committee=fin,
                              ministry=ministry, minister=minister)
    done = CommitmentFactory(due_date=TODAY - dt.timedelta(days=10), window_start=None,
                             status=Commitment.Status.DELIVERED, committee=bz)

    assert ids(reader.get(LIST, {"status": "open"})) == sorted([late.pk, later.pk])
    assert ids(reader.get(LIST, {"status": ["open", "delivered"], "ordering": "id"})) == [late.pk, later.pk, done.pk]
    assert ids(reader.get(LIST, {"overdue": "true"})) == [late.pk]
    assert sorted(ids(reader.get(LIST, {"overdue": "false"}))) == sorted([later.pk, done.pk])
    assert ids(reader.get(LIST, {"due_before": TODAY.isoformat(), "ordering": "due_date"})) == [done.pk, late.pk]
    assert ids(reader.get(LIST, {"due_after": TODAY.isoformat()})) == [later.pk]
    assert ids(reader.get(LIST, {"committee": fin.pk})) == [later.pk]
    assert ids(reader.get(LIST, {"ministry": ministry.pk})) == [later.pk]
    assert ids(reader.get(LIST, {"minister": minister.pk})) == [later.pk]
    assert ids(reader.get(LIST, {"document": late.document_id})) == [late.pk]
    assert ids(reader.get(LIST, {"committee": 999999})) == []


@pytest.mark.django_db
def test_filter_by_motion_id_or_key_and_by_review_state(reader):
    motion = MotionFactory(number="42")
    citing = CommitmentFactory(review_state=Commitment.ReviewState.CONFIRMED)
    MotionCitationFactory(document=citing.document, commitment=citing, motion=motion)
    MotionCitationFactory(document=citing.document, commitment=citing, motion=motion)  # cited twice
    other = CommitmentFactory()

    assert ids(reader.get(LIST, {"motion": motion.key})) == [citing.pk]
    assert ids(reader.get(LIST, {"motion": str(motion.pk)})) == [citing.pk]
    assert ids(reader.get(LIST, {"review_state": "unreviewed"})) == [other.pk]
    assert ids(reader.get(LIST, {"review_state": "confirmed"})) == [citing.pk]


@pytest.mark.django_db
def test_ids_that_cannot_exist_match_nothing(reader):
    CommitmentFactory()
    for params in ({"committee": str(2**70)}, {"committee": "-3"}, {"motion": "motie-Piri"}, {"motion": "0"}):
        response = reader.get(LIST, params)
        assert response.status_code == 200 and response.json()["results"] == [], params


@pytest.mark.django_db
@pytest.mark.parametrize("params, field", [
    ({"due_before": "1 juni"}, "due_before"),
    ({"status": "kwijt"}, "status"),
    ({"overdue": "ja"}, "overdue"),
    ({"committee": "BZ"}, "committee"),
    ({"updated_since": "gisteren"}, "updated_since"),
    ({"ordering": "text"}, "ordering"),
    ({"page_size": "0"}, "page_size"),
    ({"page_size": "5000"}, "page_size"),
    ({"cursor": "not-a-cursor"}, "cursor"),
])
def test_malformed_parameters_get_a_400_that_names_them(reader, params, field):
    CommitmentFactory()
    response = reader.get(LIST, params)
    assert response.status_code == 400
    body = response.json()
    assert field in body["errors"] and body["errors"][field]
    assert field in body["detail"]


@pytest.mark.django_db
def test_a_cursor_from_another_ordering_is_refused(reader):
    CommitmentFactory.create_batch(3)
    cursor = reader.get(LIST, {"page_size": 1}).json()["next_cursor"]
    response = reader.get(LIST, {"cursor": cursor, "ordering": "due_date"})
    assert response.status_code == 400 and "cursor" in response.json()["errors"]


@pytest.mark.django_db
def test_the_list_uses_the_same_number_of_queries_for_1_or_30_rows(reader, django_assert_num_queries, settings):
    settings.API_CACHE_SECONDS = 0  # the query path itself, not a cached answer

    def fill(count: int) -> None:
        for commitment in CommitmentFactory.create_batch(count, minister=PersonFactory(role="minister")):
            MotionCitationFactory(document=commitment.document, commitment=commitment)

    fill(1)
    reader.get(LIST)  # the token's last_used_at is written once a minute, not per request
    # token, data version (Last-Modified), page and (unless PostgreSQL writes the page) motion citations
    queries = 3 if connection.vendor == "postgresql" else 4
    with django_assert_num_queries(queries):
        assert len(reader.get(LIST).json()["results"]) == 1
    fill(29)
    with django_assert_num_queries(queries):
        assert len(reader.get(LIST).json()["results"]) == 30


@pytest.mark.django_db
def test_paging_by_updated_at_neither_skips_nor_repeats_while_rows_change(reader):
    rows = CommitmentFactory.create_batch(6)
    same_moment = timezone.now() - dt.timedelta(minutes=5)
    Commitment.objects.update(updated_at=same_moment)  # one bulk update: six rows tie on updated_at

    first = reader.get(LIST, {"page_size": 2}).json()
    seen = [row["id"] for row in first["results"]]
    # Before the next page: a row already seen changes and a new one arrives.
    Commitment.objects.filter(pk=rows[0].pk).update(updated_at=timezone.now(), actor="gewijzigd")
    new = CommitmentFactory()
    response = reader.get(first["next"])
    while True:
        body = response.json()
        seen += [row["id"] for row in body["results"]]
        if not body["next"]:
            break
        response = reader.get(body["next"])

    assert sorted(set(seen)) == sorted([row.pk for row in rows] + [new.pk])
    assert seen.count(rows[1].pk) == 1  # nothing unchanged is repeated
    assert seen[-2:] == [rows[0].pk, new.pk]  # changed rows come again, at the end


@pytest.mark.django_db
@pytest.mark.parametrize("ordering", ["due_date", "-due_date", "updated_at", "-updated_at", "created_at", "id", "-id"])
def test_every_ordering_pages_through_all_rows_once_including_empty_due_dates(reader, ordering):
    dated = [CommitmentFactory(due_date=dt.date(2026, 1, 1) + dt.timedelta(days=i % 3), window_start=None)
             for i in range(5)]
    undated = CommitmentFactory.create_batch(3, due_date=None, window_start=None, precision="vague")
    rows = everything(reader, LIST, ordering=ordering, page_size=2)
    assert sorted(row["id"] for row in rows) == sorted(c.pk for c in dated + undated)
    if "due_date" in ordering:
        assert [row["due_date"] for row in rows[-3:]] == [None, None, None]  # empty dates last
        dates = [row["due_date"] for row in rows[:5]]
        assert dates == sorted(dates, reverse=ordering.startswith("-"))


@pytest.mark.django_db
def test_updated_since_returns_changes_with_tombstones_for_deleted_and_rejected(reader):
    before = timezone.now() - dt.timedelta(hours=1)
    old = CommitmentFactory()
    Commitment.objects.filter(pk=old.pk).update(updated_at=before - dt.timedelta(days=1))
    changed = CommitmentFactory()
    deleted = CommitmentFactory(deleted_at=timezone.now())
    rejected = CommitmentFactory(review_state=Commitment.ReviewState.REJECTED)

    plain = ids(reader.get(LIST))
    assert sorted(plain) == sorted([old.pk, changed.pk])  # an ordinary list shows live records only

    rows = reader.get(LIST, {"updated_since": before.isoformat()}).json()["results"]
    by_id = {row["id"]: row for row in rows}
    assert set(by_id) == {changed.pk, deleted.pk, rejected.pk}
    assert by_id[deleted.pk]["deleted"] is True and by_id[rejected.pk]["deleted"] is True
    assert by_id[changed.pk]["deleted"] is False
    stamps = [row["updated_at"] for row in rows]
    assert stamps == sorted(stamps)


@pytest.mark.django_db
def test_a_deleted_commitment_is_still_readable_as_a_tombstone(reader):
    commitment = CommitmentFactory(deleted_at=timezone.now())
    response = reader.get(f"{LIST}{commitment.pk}/")
    assert response.status_code == 200 and response.json()["deleted"] is True
    assert reader.get(f"{LIST}999999/").status_code == 404


@pytest.mark.django_db
def test_etag_and_last_modified_answer_304_until_something_changes(reader):
    commitment = CommitmentFactory()
    age_everything()

    first = reader.get(LIST)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert reader.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert reader.get(LIST, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304

    detail = reader.get(f"{LIST}{commitment.pk}/")
    assert reader.get(f"{LIST}{commitment.pk}/", HTTP_IF_NONE_MATCH=detail["ETag"]).status_code == 304

    Commitment.objects.filter(pk=commitment.pk).update(actor="minister van Financiën", updated_at=timezone.now()
                                                       + dt.timedelta(seconds=2))
    assert reader.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    assert reader.get(LIST, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 200
    assert reader.get(f"{LIST}{commitment.pk}/", HTTP_IF_NONE_MATCH=detail["ETag"]).status_code == 200


@pytest.mark.django_db
def test_a_row_leaving_a_filtered_list_does_not_answer_304(reader):
    stays = CommitmentFactory()
    leaves = CommitmentFactory()
    age_everything()
    first = reader.get(LIST, {"status": "open"})
    Commitment.objects.filter(pk=leaves.pk).update(status="delivered", updated_at=timezone.now()
                                                   + dt.timedelta(seconds=2))
    again = reader.get(LIST, {"status": "open"}, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200 and ids(again) == [stays.pk]


@pytest.mark.django_db
def test_other_resources_list_and_sync_the_same_way(reader):
    document = DocumentFactory()
    citation = MotionCitationFactory(document=document)
    rejected = MotionCitationFactory(document=document, review_state="rejected")
    since = (timezone.now() - dt.timedelta(hours=1)).isoformat()

    assert [row["id"] for row in everything(reader, "/api/v1/motion-citations/")] == [citation.pk]
    synced = {row["id"]: row["deleted"] for row in everything(reader, "/api/v1/motion-citations/",
                                                                updated_since=since)}
    assert synced == {citation.pk: False, rejected.pk: True}
    assert [row["id"] for row in everything(reader, "/api/v1/documents/", updated_since=since)] == [document.pk]
    assert sorted(row["key"] for row in everything(reader, "/api/v1/motions/")) == sorted(
        [citation.motion.key, rejected.motion.key])
    assert [row["name"] for row in everything(reader, "/api/v1/committees/", updated_since=since)] == [
        "Buitenlandse Zaken"]
    future = (timezone.now() + dt.timedelta(hours=1)).isoformat()
    assert everything(reader, "/api/v1/ministries/", updated_since=future) == []


@pytest.mark.django_db
def test_a_repeated_list_is_answered_from_the_cache_until_any_shown_table_changes(reader, django_assert_num_queries):
    from tests.factories import CommitteeFactory

    commitment = CommitmentFactory()
    first = reader.get(LIST, {"status": "open"}).json()
    with django_assert_num_queries(2):  # token, data version
        assert reader.get(LIST, {"status": "open"}).json() == first

    committee = CommitteeFactory(name="Buitenlandse Zaken")
    committee.abbreviation = "BUZA"
    committee.save()  # a name shown inside the commitment changed
    assert reader.get(LIST, {"status": "open"}).json()["results"][0]["committee"]["abbreviation"] == "BUZA"

    Commitment.objects.filter(pk=commitment.pk).update(status="delivered", updated_at=timezone.now())
    assert reader.get(LIST, {"status": "open"}).json()["results"] == []
