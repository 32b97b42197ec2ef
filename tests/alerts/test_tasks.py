"""The Celery side: tasks are registered under tracker.alerts.* and beat runs them on time."""

from __future__ import annotations

import datetime as dt

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core import mail
from django.utils import timezone

from tests.alerts.factories import SubscriptionFactory
from tests.factories import CommitmentFactory
from tracker.alerts.models import Frequency, OutboxMessage
from tracker.alerts.tasks import build_digests_task, send_pending_task
from tracker.celery import app

ALERT_ENTRIES = {
    "alerts-collect-events": ("tracker.alerts.collect_events", dt.timedelta(hours=1)),
    "alerts-daily-digest": ("tracker.alerts.build_digests", dt.timedelta(days=1)),
    "alerts-weekly-digest": ("tracker.alerts.build_digests", dt.timedelta(days=7)),
    "alerts-send-pending": ("tracker.alerts.send_pending", dt.timedelta(minutes=5)),
}


@pytest.mark.parametrize("name", sorted(ALERT_ENTRIES))
def test_beat_runs_each_alert_task_and_lets_a_stale_run_expire_before_the_next(name):
    entry = settings.CELERY_BEAT_SCHEDULE[name]
    task, period = ALERT_ENTRIES[name]
    assert entry["task"] == task
    app.loader.import_default_modules()
    assert task in app.tasks
    assert dt.timedelta(seconds=entry["options"]["expires"]) < period


def test_digests_go_out_at_seven_daily_on_weekdays_and_weekly_on_monday():
    daily = settings.CELERY_BEAT_SCHEDULE["alerts-daily-digest"]["schedule"]
    weekly = settings.CELERY_BEAT_SCHEDULE["alerts-weekly-digest"]["schedule"]
    assert isinstance(daily, crontab) and isinstance(weekly, crontab)
    assert (daily.hour, daily.minute, daily.day_of_week) == ({7}, {0}, {1, 2, 3, 4, 5})
    assert (weekly.hour, weekly.minute, weekly.day_of_week) == ({7}, {0}, {1})


@pytest.mark.django_db
def test_the_weekly_digest_task_builds_and_the_sweep_sends(carla, committee, django_capture_on_commit_callbacks):
    from tracker.alerts.events import collect_events

    today = timezone.localdate()
    SubscriptionFactory(user=carla, committee=committee, frequency=Frequency.WEEKLY)
    CommitmentFactory(document__committee=committee, due_date=today + dt.timedelta(days=3), window_start=None,
                      due_soon_since=today)
    collect_events()
    with django_capture_on_commit_callbacks(execute=True):
        assert build_digests_task.delay("weekly").get() == {"messages": 1}
    assert OutboxMessage.objects.get().state == OutboxMessage.State.SENT
    assert len(mail.outbox) == 1
    assert send_pending_task.delay().get()["sent"] == 0


def test_an_unknown_digest_is_a_clear_error():
    with pytest.raises(ValueError, match="frequency must be one of daily, weekly, not 'monthly'"):
        build_digests_task.run("monthly")
