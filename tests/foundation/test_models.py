import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from tests.factories import CommitmentFactory, DocumentFactory, MotionFactory
from tracker.models import Commitment, Document


@pytest.mark.django_db
def test_it_refuses_a_second_document_with_the_same_bytes():
    DocumentFactory(content=b"same bytes")
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentFactory(content=b"same bytes")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value",
    [("status", "lost"), ("review_state", "maybe"), ("precision", "fortnight"), ("kind", "wish")],
)
def test_it_refuses_values_outside_the_allowed_set(field, value):
    commitment = CommitmentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.filter(pk=commitment.pk).update(**{field: value})


@pytest.mark.django_db
def test_it_refuses_a_due_date_before_the_window_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        CommitmentFactory(window_start=dt.date(2026, 6, 2), due_date=dt.date(2026, 6, 1))


@pytest.mark.django_db
def test_it_refuses_a_dated_deadline_without_precision():
    with pytest.raises(IntegrityError), transaction.atomic():
        CommitmentFactory(precision="vague", due_date=dt.date(2026, 6, 1), window_start=None)


@pytest.mark.django_db
def test_it_refuses_an_unknown_document_status():
    document = DocumentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.filter(pk=document.pk).update(status="stuck")


@pytest.mark.django_db
def test_it_refuses_a_malformed_motion_key():
    with pytest.raises(IntegrityError), transaction.atomic():
        MotionFactory(key="36800-V-30")


@pytest.mark.django_db
def test_rejected_and_deleted_records_do_not_count():
    kept = CommitmentFactory()
    CommitmentFactory(review_state=Commitment.ReviewState.REJECTED)
    CommitmentFactory(deleted_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert list(Commitment.objects.alive()) == [kept]


@pytest.mark.django_db
def test_it_numbers_commitments_like_the_kamer_register():
    commitment = CommitmentFactory()
    assert commitment.register_number.startswith(f"TZ{commitment.created_at:%Y%m}-")
