"""``?motion=`` lists the citing commitments in the feed's order, read from the citations'
copy of each commitment's updated_at, which the database keeps (motions/migrations/0004)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from motions.models import MotionCitation
from tests.factories import CommitmentFactory, MotionCitationFactory, MotionFactory
from tracker.followup.overdue import flag_overdue
from tracker.models import Commitment

LIST = "/api/v1/commitments/"
# Later than any record the factories write: each change is the newest, as real changes
# are (and as the list cache's version expects).
START = timezone.now() + dt.timedelta(hours=1)


def copy_of(citation: MotionCitation) -> dt.datetime | None:
    return MotionCitation.objects.values_list("commitment_updated_at", flat=True).get(pk=citation.pk)


def updated_at(commitment: Commitment) -> dt.datetime:
    return Commitment.objects.values_list("updated_at", flat=True).get(pk=commitment.pk)


def cite(commitment: Commitment, motion) -> MotionCitation:
    return MotionCitationFactory(document=commitment.document, commitment=commitment, motion=motion)


def every_id(client, **params) -> list[int]:
    """Follow `next` to the end, two at a time."""
    found, response = [], client.get(LIST, {"page_size": 2, **params})
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        found += [row["id"] for row in body["results"]]
        if not body["next"]:
            return found
        response = client.get(body["next"])


@pytest.mark.django_db(transaction=True)
def test_a_citation_carries_its_commitments_updated_at_through_every_kind_of_write():
    commitment, other = CommitmentFactory(), CommitmentFactory()
    citation = cite(commitment, MotionFactory(number="7"))
    assert copy_of(citation) == updated_at(commitment)  # taken when written

    commitment.text = "De minister stuurt de Kamer een evaluatie."
    commitment.save()
    assert copy_of(citation) == updated_at(commitment)  # a save

    moved = timezone.now() + dt.timedelta(hours=2)
    Commitment.objects.filter(pk=commitment.pk).update(updated_at=moved)
    assert copy_of(citation) == moved  # a set-based UPDATE, as the follow-up jobs write

    Commitment.objects.filter(pk=commitment.pk).update(due_date=timezone.localdate() - dt.timedelta(days=3),
                                                       status=Commitment.Status.OPEN)
    flag_overdue()
    assert copy_of(citation) == updated_at(commitment)

    MotionCitation.objects.filter(pk=citation.pk).update(commitment=other)
    assert copy_of(citation) == updated_at(other)  # pointed at another commitment

    other.delete()  # the citation stays, without a commitment
    assert copy_of(citation) is None


@pytest.mark.django_db
def test_the_commitments_citing_a_motion_come_in_the_feeds_order_each_once(reader):
    motion, elsewhere = MotionFactory(number="12"), MotionFactory(number="13")
    citing = [CommitmentFactory(review_state=Commitment.ReviewState.CONFIRMED) for _ in range(5)]
    for commitment in citing:
        cite(commitment, motion)
    cite(citing[2], motion)  # cited twice: still listed once
    cite(CommitmentFactory(), elsewhere)
    rejected = CommitmentFactory(review_state=Commitment.ReviewState.REJECTED)
    cite(rejected, motion)
    withdrawn = CommitmentFactory()
    MotionCitation.objects.filter(pk=cite(withdrawn, motion).pk).update(deleted_at=timezone.now())
    # Updated in another order than created.
    for minutes, commitment in zip((40, 10, 30, 20, 50), citing, strict=True):
        Commitment.objects.filter(pk=commitment.pk).update(updated_at=START + dt.timedelta(minutes=minutes))
    in_order = [citing[1].pk, citing[3].pk, citing[2].pk, citing[0].pk, citing[4].pk]

    assert every_id(reader, motion=motion.key) == in_order
    assert every_id(reader, motion=str(motion.pk), ordering="-updated_at") == in_order[::-1]
    assert every_id(reader, motion=motion.key, ordering="due_date") == sorted(
        in_order, key=lambda pk: (Commitment.objects.get(pk=pk).due_date, pk))
    assert every_id(reader, motion="kst-99999-1") == []

    # A reviewer's change moves the commitment to the end, where a sync picks it up.
    Commitment.objects.filter(pk=citing[1].pk).update(updated_at=START + dt.timedelta(minutes=60))
    assert every_id(reader, motion=motion.key) == in_order[1:] + [citing[1].pk]


@pytest.mark.django_db
def test_a_sync_by_motion_also_brings_the_rejected_as_tombstones(reader):
    motion = MotionFactory(number="21")
    kept, rejected = CommitmentFactory(), CommitmentFactory()
    cite(kept, motion)
    cite(rejected, motion)
    Commitment.objects.filter(pk=rejected.pk).update(review_state=Commitment.ReviewState.REJECTED,
                                                     updated_at=timezone.now() + dt.timedelta(seconds=5))

    since = timezone.now() - dt.timedelta(days=1)
    response = reader.get(LIST, {"motion": motion.key, "updated_since": since.isoformat()})

    rows = response.json()["results"]
    assert [(row["id"], row["deleted"]) for row in rows] == [(kept.pk, False), (rejected.pk, True)]


@pytest.mark.django_db
def test_a_motion_list_takes_as_many_queries_as_any_list(reader, django_assert_max_num_queries):
    motion = MotionFactory(number="5")
    for _ in range(30):
        cite(CommitmentFactory(), motion)
    reader.get(LIST)  # the token's first use is written once

    with django_assert_max_num_queries(5):
        assert len(reader.get(LIST, {"motion": motion.key, "page_size": 20}).json()["results"]) == 20
