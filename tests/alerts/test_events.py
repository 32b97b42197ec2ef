"""Events derived from the data, and the fan-out to the people who follow them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

from tests.alerts.conftest import NOW, TODAY, at, days
from tests.alerts.factories import SubscriptionFactory
from tests.factories import (
    CommitmentFactory,
    DocumentFactory,
    MotionCitationFactory,
    MotionFactory,
    PersonFactory,
    UserFactory,
)
from tracker.alerts.events import (
    AlertEventError,
    add_months,
    collect_events,
    months_overdue,
)
from tracker.alerts.immediate import alerts_for_commitment_event
from tracker.alerts.models import AlertEvent, AlertLog, Frequency
from tracker.models import Commitment, DeadlineRevision, Person, ReviewEvent

Kind = AlertEvent.Kind


def kinds(**filters) -> list[str]:
    return sorted(AlertLog.objects.filter(**filters).values_list("kind", flat=True))


@pytest.mark.django_db
def test_it_alerts_a_committee_follower_once_about_a_commitment_that_became_overdue(carla, committee, overdue):
    SubscriptionFactory(user=carla, committee=committee)

    first = collect_events(now=NOW)
    second = collect_events(now=NOW + dt.timedelta(hours=1))

    assert (first.events, first.alerts) == (1, 1)
    assert (second.events, second.alerts) == (0, 0)
    log = AlertLog.objects.get()
    assert (log.recipient, log.commitment, log.kind, log.period) == (carla, overdue, Kind.OVERDUE, "2026-06-09")
    assert log.frequency == Frequency.WEEKLY


@pytest.mark.django_db
def test_due_soon_is_announced_only_once_the_window_opens(carla, committee):
    SubscriptionFactory(user=carla, committee=committee)
    later = CommitmentFactory(document__committee=committee, due_date=days(15), window_start=None)
    soon = CommitmentFactory(document__committee=committee, due_date=days(14), window_start=None,
                             due_soon_since=TODAY)
    # A stale flag (the deadline moved out of the window since) is not trusted.
    stale = CommitmentFactory(document__committee=committee, due_date=days(40), window_start=None,
                              due_soon_since=days(-3))

    collect_events(now=NOW)

    assert list(AlertLog.objects.values_list("commitment", "kind")) == [(soon.pk, Kind.DUE_SOON)]
    assert not AlertEvent.objects.filter(commitment__in=[later, stale]).exists()


@pytest.mark.django_db
def test_still_overdue_reminds_once_a_month_and_never_more_often(carla, committee):
    SubscriptionFactory(user=carla, committee=committee)
    late = CommitmentFactory(document__committee=committee, due_date=dt.date(2026, 1, 30), window_start=None,
                             overdue_since=dt.date(2026, 1, 31))

    day = dt.date(2026, 1, 31)
    while day <= dt.date(2026, 4, 29):  # the hourly job, once a day for three months
        collect_events(today=day, now=at(day))
        day += dt.timedelta(days=1)

    reminders = list(
        AlertLog.objects.filter(kind=Kind.STILL_OVERDUE).order_by("event__occurred_on")
        .values_list("event__occurred_on", "period")
    )
    # 31 January + 1 month is the last day of February; + 2 months is 31 March.
    assert reminders == [(dt.date(2026, 2, 28), "2026-01-30:1"), (dt.date(2026, 3, 31), "2026-01-30:2")]
    assert kinds(commitment=late) == [Kind.OVERDUE, Kind.STILL_OVERDUE, Kind.STILL_OVERDUE]


def test_month_arithmetic_clamps_to_the_end_of_the_month():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 15), 3) == dt.date(2027, 2, 15)
    assert add_months(dt.date(2026, 3, 31), -1) == dt.date(2026, 2, 28)
    assert months_overdue(dt.date(2026, 1, 31), dt.date(2026, 2, 27)) == 0
    assert months_overdue(dt.date(2026, 1, 31), dt.date(2026, 2, 28)) == 1
    assert months_overdue(dt.date(2026, 6, 10), dt.date(2026, 6, 10)) == 0


@pytest.mark.django_db
def test_a_long_overdue_commitment_gets_the_monthly_reminder_not_a_fresh_overdue_alert(carla, committee):
    SubscriptionFactory(user=carla, committee=committee)
    CommitmentFactory(document__committee=committee, due_date=dt.date(2025, 11, 1), window_start=None,
                      overdue_since=dt.date(2025, 11, 2))
    collect_events(now=NOW)
    assert list(AlertLog.objects.values_list("kind", "period")) == [(Kind.STILL_OVERDUE, "2025-11-01:7")]


@pytest.mark.django_db
def test_a_deadline_moved_later_is_a_slip_and_one_moved_earlier_is_not(carla, committee):
    SubscriptionFactory(user=carla, committee=committee)
    commitment = CommitmentFactory(document__committee=committee, due_date=days(60), window_start=None)
    source = DocumentFactory(title="Voortgangsbrief exportkredieten")
    later = DeadlineRevision.objects.create(
        commitment=commitment, source=DeadlineRevision.Source.DOCUMENT, source_document=source,
        old_due=days(30), new_due=days(60), old_precision="day", new_precision="day",
    )
    DeadlineRevision.objects.create(
        commitment=commitment, source=DeadlineRevision.Source.REVIEWER, old_due=days(90), new_due=days(60),
        old_precision="day", new_precision="day",
    )
    DeadlineRevision.objects.create(  # a first deadline is not a slip
        commitment=commitment, source=DeadlineRevision.Source.EXTRACTION, old_due=None, new_due=days(30),
        new_precision="day",
    )

    collect_events(now=NOW)

    event = AlertEvent.objects.get()
    assert (event.kind, event.period, event.old_due, event.new_due) == (
        Kind.SLIPPED, f"rev:{later.pk}", days(30), days(60))
    assert event.document == source
    assert kinds(recipient=carla) == [Kind.SLIPPED]


@pytest.mark.django_db
def test_old_slips_are_history_not_news(carla, committee):
    SubscriptionFactory(user=carla, committee=committee)
    commitment = CommitmentFactory(document__committee=committee, due_date=days(60), window_start=None)
    revision = DeadlineRevision.objects.create(
        commitment=commitment, source=DeadlineRevision.Source.DOCUMENT, old_due=days(30), new_due=days(60),
        old_precision="day", new_precision="day",
    )
    DeadlineRevision.objects.filter(pk=revision.pk).update(created_at=NOW - dt.timedelta(days=8))
    collect_events(now=NOW)
    assert not AlertLog.objects.exists()


@pytest.mark.django_db
def test_a_delivery_is_announced_with_the_delivering_document(carla, committee, overdue):
    SubscriptionFactory(user=carla, committee=committee)
    letter = DocumentFactory(title="Brief over exportkredieten")
    Commitment.objects.filter(pk=overdue.pk).update(
        status=Commitment.Status.DELIVERED, fulfilled_by=letter, fulfilled_on=TODAY, overdue_since=None
    )

    collect_events(now=NOW)
    collect_events(now=NOW + dt.timedelta(hours=1))

    event = AlertEvent.objects.get()
    assert (event.kind, event.document, event.occurred_on) == (Kind.DELIVERED, letter, TODAY)
    assert kinds(recipient=carla) == [Kind.DELIVERED]


@pytest.mark.django_db
def test_a_partial_then_full_delivery_are_two_events(carla, committee, overdue):
    SubscriptionFactory(user=carla, committee=committee)
    Commitment.objects.filter(pk=overdue.pk).update(status=Commitment.Status.PARTLY_DELIVERED, fulfilled_on=TODAY)
    collect_events(now=NOW)
    Commitment.objects.filter(pk=overdue.pk).update(status=Commitment.Status.DELIVERED, overdue_since=None)
    collect_events(now=NOW + dt.timedelta(hours=1))
    assert list(AlertEvent.objects.filter(kind=Kind.DELIVERED).order_by("id").values_list("period", flat=True)) == [
        "partly_delivered:", "delivered:"]


@pytest.mark.django_db
def test_a_confirmed_commitment_is_announced_once_and_an_unreviewed_one_not(carla, committee, reviewer):
    SubscriptionFactory(user=carla, committee=committee)
    confirmed = CommitmentFactory(document__committee=committee, review_state=Commitment.ReviewState.CONFIRMED)
    unreviewed = CommitmentFactory(document__committee=committee)
    ReviewEvent.objects.create(commitment=confirmed, user=reviewer, action=ReviewEvent.Action.CONFIRM)
    ReviewEvent.objects.create(commitment=confirmed, user=reviewer, action=ReviewEvent.Action.CORRECT)
    ReviewEvent.objects.create(commitment=unreviewed, user=reviewer, action=ReviewEvent.Action.REEXTRACT)

    collect_events(now=NOW)

    assert list(AlertLog.objects.values_list("commitment", "kind")) == [(confirmed.pk, Kind.CONFIRMED)]


@pytest.mark.django_db
def test_rejected_deleted_and_duplicate_records_never_alert(carla, committee):
    SubscriptionFactory(user=carla, committee=committee)
    base = {"document__committee": committee, "due_date": days(-1), "window_start": None, "overdue_since": TODAY}
    keep = CommitmentFactory(**base)
    CommitmentFactory(**base, review_state=Commitment.ReviewState.REJECTED)
    CommitmentFactory(**base, deleted_at=NOW)
    CommitmentFactory(**base, duplicate_of=keep)
    collect_events(now=NOW)
    assert list(AlertLog.objects.values_list("commitment", flat=True)) == [keep.pk]


@pytest.mark.django_db
def test_every_kind_of_subscription_reaches_its_follower(committee, other_committee, ministry, overdue):
    minister = PersonFactory(name="Klever", role=Person.Role.MINISTER)
    Commitment.objects.filter(pk=overdue.pk).update(minister=minister)
    motion = MotionFactory()
    MotionCitationFactory(motion=motion, commitment=overdue, document=overdue.document)
    followers = {
        "committee": SubscriptionFactory(committee=committee).user,
        "ministry": SubscriptionFactory(ministry=ministry).user,
        "minister": SubscriptionFactory(minister=minister).user,
        "motion": SubscriptionFactory(motion=motion).user,
        "commitment": SubscriptionFactory(commitment=overdue).user,
    }
    bystander = SubscriptionFactory(committee=other_committee).user

    collect_events(now=NOW)

    reached = set(AlertLog.objects.values_list("recipient", flat=True))
    assert reached == {user.pk for user in followers.values()}
    assert bystander.pk not in reached


@pytest.mark.django_db
def test_a_deleted_motion_citation_does_not_count(committee, overdue):
    motion = MotionFactory()
    MotionCitationFactory(motion=motion, commitment=overdue, document=overdue.document, deleted_at=NOW)
    SubscriptionFactory(motion=motion)
    collect_events(now=NOW)
    assert not AlertLog.objects.exists()


@pytest.mark.django_db
def test_several_matching_subscriptions_make_one_alert_at_the_soonest_frequency(carla, committee, ministry, overdue):
    SubscriptionFactory(user=carla, committee=committee, frequency=Frequency.WEEKLY)
    SubscriptionFactory(user=carla, ministry=ministry, frequency=Frequency.DAILY)
    SubscriptionFactory(user=carla, commitment=overdue, frequency=Frequency.WEEKLY)

    collect_events(now=NOW)

    assert list(AlertLog.objects.values_list("recipient", "frequency")) == [(carla.pk, Frequency.DAILY)]


@pytest.mark.django_db
def test_inactive_users_and_users_without_an_address_are_not_alerted(committee, overdue):
    SubscriptionFactory(user=UserFactory(is_active=False), committee=committee)
    SubscriptionFactory(user=UserFactory(email=""), committee=committee)
    collect_events(now=NOW)
    assert not AlertLog.objects.exists()


@pytest.mark.django_db
def test_collecting_takes_the_same_statements_for_many_recipients_and_events(committee, ministry):
    def statements(followers: int, commitments: int) -> list[str]:
        AlertLog.objects.all().delete()
        AlertEvent.objects.all().delete()
        for _n in range(followers):
            SubscriptionFactory(committee=committee)
        for n in range(commitments):
            CommitmentFactory(document__committee=committee, due_date=days(-1 - n), window_start=None,
                              overdue_since=TODAY)
        with CaptureQueriesContext(connection) as captured:
            result = collect_events(now=NOW)
        assert result.alerts == AlertLog.objects.count() > 0
        return [q["sql"].split()[0] for q in captured.captured_queries]

    few, many = statements(1, 1), statements(20, 15)
    assert few == many


@pytest.mark.django_db
def test_a_crash_during_fan_out_rolls_back_and_the_next_run_alerts_exactly_once(carla, committee, overdue):
    SubscriptionFactory(user=carla, committee=committee)

    def fail_on_alert_insert(execute, sql, params, many, context):
        if sql.lstrip().startswith("INSERT INTO alerts_alertlog"):
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(fail_on_alert_insert), pytest.raises(OperationalError):
        collect_events(now=NOW)
    assert AlertEvent.objects.filter(fanned_out_at__isnull=True).count() == 1  # the claim rolled back

    collect_events(now=NOW + dt.timedelta(hours=1))
    assert AlertLog.objects.count() == 1
    assert AlertEvent.objects.filter(fanned_out_at__isnull=True).count() == 0


# --- the entry point for other services ------------------------------------------------


@pytest.mark.django_db
def test_a_service_calling_in_and_the_collector_never_alert_twice(carla, committee, overdue, reviewer,
                                                                   django_capture_on_commit_callbacks):
    SubscriptionFactory(user=carla, committee=committee, frequency=Frequency.IMMEDIATE)
    letter = DocumentFactory()
    Commitment.objects.filter(pk=overdue.pk).update(
        status=Commitment.Status.DELIVERED, fulfilled_by=letter, fulfilled_on=TODAY, overdue_since=None
    )
    with django_capture_on_commit_callbacks() as callbacks:
        result = alerts_for_commitment_event(overdue, Kind.DELIVERED, now=NOW)

    assert (result.events, result.alerts) == (1, 1)
    assert len(callbacks) == 1  # the immediate alert is handed to Celery after commit
    assert AlertLog.objects.get().message is not None
    collect_events(now=NOW + dt.timedelta(hours=1))
    assert AlertLog.objects.filter(kind=Kind.DELIVERED).count() == 1


@pytest.mark.django_db
def test_a_slip_reported_by_a_service_uses_the_revision(carla, committee):
    SubscriptionFactory(user=carla, committee=committee, frequency=Frequency.DAILY)
    commitment = CommitmentFactory(document__committee=committee, due_date=days(60), window_start=None)
    revision = DeadlineRevision.objects.create(
        commitment=commitment, source=DeadlineRevision.Source.REVIEWER, old_due=days(30), new_due=days(60),
        old_precision="day", new_precision="day",
    )
    alerts_for_commitment_event(commitment.pk, Kind.SLIPPED, revision=revision, now=NOW)
    collect_events(now=NOW)
    assert list(AlertLog.objects.values_list("kind", "period")) == [(Kind.SLIPPED, f"rev:{revision.pk}")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "message"),
    [
        (Kind.DELIVERED, "is not (partly) delivered"),
        (Kind.OVERDUE, "is not overdue"),
        (Kind.DUE_SOON, "is not due within 14 days"),
        (Kind.STILL_OVERDUE, "overdue for a whole month"),
        (Kind.CONFIRMED, "is not confirmed"),
        (Kind.SLIPPED, "needs the commitment's DeadlineRevision"),
        ("forgotten", "unknown alert event 'forgotten'"),
    ],
)
def test_the_entry_point_refuses_events_the_data_does_not_show(kind, message):
    commitment = CommitmentFactory(due_date=days(30), window_start=None)
    with pytest.raises(AlertEventError, match=re.escape(message)):
        alerts_for_commitment_event(commitment, kind, now=NOW)
    assert not AlertEvent.objects.exists()


@pytest.mark.django_db
def test_the_entry_point_refuses_a_revision_that_does_not_slip(carla):
    commitment = CommitmentFactory(due_date=days(30), window_start=None)
    earlier = DeadlineRevision.objects.create(
        commitment=commitment, source=DeadlineRevision.Source.REVIEWER, old_due=days(60), new_due=days(30),
        old_precision="day", new_precision="day",
    )
    with pytest.raises(AlertEventError, match="does not move the due date later"):
        alerts_for_commitment_event(commitment, Kind.SLIPPED, revision=earlier, now=NOW)
    with pytest.raises(AlertEventError, match="does not exist"):
        alerts_for_commitment_event(10**9, Kind.OVERDUE, now=NOW)
    closed = CommitmentFactory(due_date=days(30), window_start=None, status=Commitment.Status.CLOSED)
    later = DeadlineRevision.objects.create(
        commitment=closed, source=DeadlineRevision.Source.REVIEWER, old_due=days(30), new_due=days(60),
        old_precision="day", new_precision="day",
    )
    with pytest.raises(AlertEventError, match="no longer outstanding"):
        alerts_for_commitment_event(closed, Kind.SLIPPED, revision=later, now=NOW)
