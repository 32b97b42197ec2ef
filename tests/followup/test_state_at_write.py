"""Overdue and due soon are right the moment a write changes them, not at the next hourly run."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from tests.alerts.factories import SubscriptionFactory
from tests.factories import CommitmentFactory, DocumentFactory, UserFactory
from tests.ingest.builders import LETTER, STRATEGY, commitment, extraction
from tracker.alerts.events import collect_events
from tracker.alerts.models import AlertLog, Frequency
from tracker.followup.dashboard import Filters, dashboard_summary
from tracker.followup.delivery import commitment_record_delivery, commitment_set_status
from tracker.followup.overdue import flag_overdue
from tracker.ingest.metadata import document_update_metadata
from tracker.ingest.persist import extraction_persist
from tracker.models import Commitment, Document
from tracker.review.services import commitment_correct

TODAY = timezone.localdate()


def tiles() -> tuple[int, int]:
    summary = dashboard_summary(Filters())
    return summary.overdue, summary.due_soon


@pytest.mark.django_db
def test_an_uploaded_document_with_a_past_deadline_is_overdue_on_the_dashboard_at_once():
    document = DocumentFactory(kind=Document.Kind.OTHER, reference_date=None, reference_date_source="")
    extraction_persist(document=document, extraction=extraction(
        commitment(LETTER, due=TODAY - dt.timedelta(days=40), phrase="uiterlijk 1 juni"),
        commitment(STRATEGY, due=TODAY + dt.timedelta(days=3), phrase="in het derde kwartaal van 2026"),
    ))
    letter, strategy = (Commitment.objects.get(text=LETTER), Commitment.objects.get(text=STRATEGY))
    assert (letter.overdue_since, strategy.due_soon_since) == (TODAY, TODAY)
    assert tiles() == (1, 1)
    assert flag_overdue().changed == 0, "the hourly sweep finds nothing left to do"


@pytest.mark.django_db
def test_a_reviewer_correcting_a_deadline_into_the_past_makes_it_overdue_at_once():
    row = CommitmentFactory(due_date=TODAY + dt.timedelta(days=60), window_start=None)
    assert tiles() == (0, 0)
    reviewer = UserFactory(username="rob", role="beoordelaar")
    commitment_correct(commitment=row, user=reviewer, expected_version=row.version,
                       values={"due_date": TODAY - dt.timedelta(days=2)}, note="datum verkeerd gelezen")
    assert tiles() == (1, 0)
    commitment_correct(commitment=Commitment.objects.get(pk=row.pk), user=reviewer, expected_version=row.version + 1,
                       values={"due_date": TODAY + dt.timedelta(days=5)}, note="toch later")
    assert tiles() == (0, 1)


@pytest.mark.django_db
def test_undoing_a_delivery_counts_the_record_as_overdue_again_at_once():
    row = CommitmentFactory(due_date=TODAY - dt.timedelta(days=10), window_start=None)
    flag_overdue()
    clerk = UserFactory(username="carla", role="griffier")
    delivered = commitment_record_delivery(commitment=row, user=clerk, status=Commitment.Status.DELIVERED,
                                           fulfilled_on=TODAY, kamerstuk="36 999, nr. 7",
                                           expected_version=row.version)
    assert tiles() == (0, 0)
    commitment_set_status(commitment=row, user=clerk, status=Commitment.Status.OPEN,
                          note="verkeerd document gekoppeld", expected_version=delivered.version)
    assert tiles() == (1, 0)


@pytest.mark.django_db
def test_a_corrected_document_date_that_moves_deadlines_into_the_past_shows_at_once():
    document = DocumentFactory(reference_date=TODAY)
    row = CommitmentFactory(document=document, deadline_text="binnen twee weken",
                            due_date=TODAY + dt.timedelta(days=14), window_start=None)
    flag_overdue()
    assert tiles() == (0, 1)
    document_update_metadata(document=document, data={"reference_date": TODAY - dt.timedelta(days=100)})
    row.refresh_from_db()
    assert row.due_date < TODAY and row.overdue_since == TODAY
    assert tiles() == (1, 0)


@pytest.mark.django_db(transaction=True)
def test_the_immediate_alert_for_a_write_that_makes_a_record_overdue_goes_out_exactly_once():
    row = CommitmentFactory(due_date=TODAY + dt.timedelta(days=90), window_start=None)
    follower = UserFactory(username="volger", email="volger@example.org")
    SubscriptionFactory(user=follower, commitment=row, frequency=Frequency.IMMEDIATE)
    reviewer = UserFactory(username="rob", role="beoordelaar")
    commitment_correct(commitment=row, user=reviewer, expected_version=row.version,
                       values={"due_date": TODAY - dt.timedelta(days=1)}, note="was al verstreken")
    assert AlertLog.objects.filter(recipient=follower, kind="overdue").count() == 1
    assert len(overdue_mails()) == 1  # beside it, the e-mail that the record was corrected
    collect_events()
    flag_overdue()
    collect_events()
    assert AlertLog.objects.filter(recipient=follower, kind="overdue").count() == 1
    assert len(overdue_mails()) == 1


def overdue_mails() -> list:
    return [m for m in mail.outbox if "volger@example.org" in m.to and "te laat" in m.body.lower()]
