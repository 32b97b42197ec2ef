"""A reviewer's or clerk's action reaches immediate subscribers at once,
not at the next hourly collection."""

import datetime as dt

import pytest
from django.core import mail

from tests.alerts.factories import SubscriptionFactory
from tests.factories import CommitmentFactory, UserFactory
from tracker.alerts.models import Frequency
from tracker.followup.delivery import commitment_record_delivery
from tracker.review.services import commitment_confirm, commitment_correct


@pytest.fixture
def watched(db):
    commitment = CommitmentFactory(due_date=dt.date(2030, 6, 1), window_start=None)
    follower = UserFactory(username="volger", email="volger@example.org")
    SubscriptionFactory(user=follower, commitment=commitment, frequency=Frequency.IMMEDIATE)
    return commitment


def sent_to_follower() -> list:
    return [m for m in mail.outbox if "volger@example.org" in m.to]


@pytest.mark.django_db(transaction=True)
def test_confirming_a_commitment_alerts_an_immediate_subscriber_once(watched):
    reviewer = UserFactory(username="rob", role="beoordelaar")
    commitment_confirm(commitment=watched, user=reviewer, expected_version=watched.version)
    assert len(sent_to_follower()) == 1
    watched.refresh_from_db()
    commitment_confirm(commitment=watched, user=reviewer, expected_version=watched.version)
    assert len(sent_to_follower()) == 1, "re-confirming is no news"


@pytest.mark.django_db(transaction=True)
def test_a_deadline_moved_later_by_a_reviewer_alerts_at_once(watched):
    reviewer = UserFactory(username="rob", role="beoordelaar")
    commitment_correct(commitment=watched, user=reviewer, expected_version=watched.version,
                       values={"due_date": dt.date(2030, 9, 1)}, note="uitstel gemeld")
    bodies = " ".join(m.body for m in sent_to_follower())
    assert "verschoven" in bodies.lower()


@pytest.mark.django_db(transaction=True)
def test_recording_delivery_alerts_at_once(watched):
    clerk = UserFactory(username="carla", role="griffier")
    commitment_record_delivery(commitment=watched, user=clerk, status="delivered",
                               fulfilled_on=dt.date(2026, 1, 5), kamerstuk="36 800 V, nr. 99",
                               expected_version=watched.version)
    assert len(sent_to_follower()) == 1
    assert "(niet beoordeeld)" in sent_to_follower()[0].body  # nobody reviewed this record yet
