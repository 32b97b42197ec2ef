"""Building immediate alerts and daily/weekly digests from waiting alert-log rows."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

from tests.alerts.conftest import NOW, TODAY, days
from tests.alerts.factories import SubscriptionFactory
from tests.factories import CommitmentFactory, UserFactory
from tracker.alerts.digests import (
    build_digests,
    build_immediate_messages,
    build_messages,
    digest_period,
)
from tracker.alerts.events import collect_events
from tracker.alerts.models import AlertLog, Frequency, OutboxMessage


def overdue_in(committee, n: int = 1) -> list:
    return [
        CommitmentFactory(document__committee=committee, due_date=days(-1 - i), window_start=None,
                          overdue_since=TODAY)
        for i in range(n)
    ]


def test_digest_periods_are_the_day_and_the_iso_week():
    assert digest_period(Frequency.DAILY, dt.date(2026, 6, 10)) == "2026-06-10"
    assert digest_period(Frequency.WEEKLY, dt.date(2026, 6, 10)) == "2026-W24"
    assert digest_period(Frequency.WEEKLY, dt.date(2027, 1, 1)) == "2026-W53"
    with pytest.raises(ValueError, match="no digest period"):
        digest_period(Frequency.IMMEDIATE, dt.date(2026, 6, 10))


@pytest.mark.django_db
def test_a_daily_digest_carries_all_of_a_recipients_waiting_alerts_once(carla, bert, committee):
    SubscriptionFactory(user=carla, committee=committee, frequency=Frequency.DAILY)
    SubscriptionFactory(user=bert, committee=committee, frequency=Frequency.WEEKLY)
    overdue_in(committee, 3)
    collect_events(now=NOW)

    assert build_digests(frequency=Frequency.DAILY, now=NOW) == 1
    assert build_digests(frequency=Frequency.DAILY, now=NOW + dt.timedelta(minutes=5)) == 0

    message = OutboxMessage.objects.get()
    assert (message.recipient, message.frequency, message.period) == (carla, Frequency.DAILY, "2026-06-10")
    assert message.logs.count() == 3
    # Bert's rows wait for Monday's weekly digest.
    assert AlertLog.objects.filter(recipient=bert, message__isnull=True).count() == 3


@pytest.mark.django_db
def test_alerts_arriving_after_the_digest_wait_for_the_next_one(carla, committee):
    SubscriptionFactory(user=carla, committee=committee, frequency=Frequency.DAILY)
    overdue_in(committee, 1)
    collect_events(now=NOW)
    build_digests(frequency=Frequency.DAILY, now=NOW)
    CommitmentFactory(document__committee=committee, due_date=days(5), window_start=None, due_soon_since=TODAY)
    collect_events(now=NOW + dt.timedelta(hours=2))

    assert build_digests(frequency=Frequency.DAILY, now=NOW + dt.timedelta(hours=3)) == 0
    assert build_digests(frequency=Frequency.DAILY, now=NOW + dt.timedelta(days=1)) == 1
    assert sorted(OutboxMessage.objects.values_list("period", flat=True)) == ["2026-06-10", "2026-06-11"]
    assert [m.logs.count() for m in OutboxMessage.objects.order_by("period")] == [1, 1]


@pytest.mark.django_db
def test_immediate_alerts_become_one_message_per_recipient_per_run(carla, bert, committee):
    SubscriptionFactory(user=carla, committee=committee, frequency=Frequency.IMMEDIATE)
    SubscriptionFactory(user=bert, committee=committee, frequency=Frequency.IMMEDIATE)
    overdue_in(committee, 2)
    collect_events(now=NOW)

    assert build_immediate_messages(now=NOW) == 2
    assert build_immediate_messages(now=NOW) == 0
    assert sorted(OutboxMessage.objects.values_list("recipient__username", flat=True)) == ["bert", "carla"]
    assert all(m.logs.count() == 2 for m in OutboxMessage.objects.all())


@pytest.mark.django_db
def test_building_takes_the_same_statements_for_two_or_twenty_recipients(committee):
    def statements(recipients: int) -> list[str]:
        for _n in range(recipients):
            SubscriptionFactory(committee=committee, frequency=Frequency.DAILY)
        overdue_in(committee, 2)
        collect_events(now=NOW)
        with CaptureQueriesContext(connection) as captured:
            built = build_messages(frequency=Frequency.DAILY, period=f"p{recipients}", now=NOW)
        assert built == OutboxMessage.objects.filter(period=f"p{recipients}").count() > 0
        assert not AlertLog.objects.filter(message__isnull=True).exists()
        return [q["sql"].split()[0] for q in captured.captured_queries]

    assert statements(2) == statements(20)


@pytest.mark.django_db
def test_a_crash_while_building_leaves_no_half_digest(carla, committee):
    SubscriptionFactory(user=carla, committee=committee, frequency=Frequency.DAILY)
    overdue_in(committee, 2)
    collect_events(now=NOW)

    def fail_on_attach(execute, sql, params, many, context):
        if sql.lstrip().startswith("UPDATE") and "alerts_alertlog" in sql.split("SET")[0]:
            raise OperationalError("the database went away")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(fail_on_attach), pytest.raises(OperationalError):
        build_digests(frequency=Frequency.DAILY, now=NOW)
    assert not OutboxMessage.objects.exists()

    assert build_digests(frequency=Frequency.DAILY, now=NOW) == 1
    assert OutboxMessage.objects.get().logs.count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_builders_at_once_make_one_digest_per_recipient(committee):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL; SQLite serialises all writes anyway")
    users = [UserFactory() for _n in range(30)]
    for user in users:
        SubscriptionFactory(user=user, committee=committee, frequency=Frequency.DAILY)
    overdue_in(committee, 5)
    collect_events(now=NOW)
    barrier = threading.Barrier(2)
    built: list[int] = []

    def run() -> None:
        try:
            barrier.wait()
            built.append(build_messages(frequency=Frequency.DAILY, period="2026-06-10", now=NOW))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(built) == 30
    assert OutboxMessage.objects.count() == 30
    assert not AlertLog.objects.filter(message__isnull=True).exists()
    assert all(m.logs.count() == 5 for m in OutboxMessage.objects.all())


@pytest.mark.django_db(transaction=True)
def test_two_immediate_builders_at_once_put_each_alert_in_one_message_and_leave_no_empty_one(committee):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL; SQLite serialises all writes anyway")
    for _n in range(30):
        SubscriptionFactory(committee=committee, frequency=Frequency.IMMEDIATE)
    overdue_in(committee, 3)
    collect_events(now=NOW)
    barrier = threading.Barrier(2)

    def run() -> None:
        try:
            barrier.wait()
            build_immediate_messages(now=NOW)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # Every alert is in exactly one message (its foreign key), none is left
    # behind and no message is empty; the second builder normally finds
    # nothing left, at worst it carries part of a recipient's alerts.
    assert not AlertLog.objects.filter(message__isnull=True).exists()
    assert all(m.logs.exists() for m in OutboxMessage.objects.all())
    assert AlertLog.objects.count() == 90
    assert 30 <= OutboxMessage.objects.count() <= 60
