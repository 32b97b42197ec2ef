"""Celery tasks for alerts: thin wrappers around the services (call those directly in code and tests)."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.db import transaction

from tracker.alerts.digests import build_digests, build_immediate_messages
from tracker.alerts.events import collect_events
from tracker.alerts.models import Frequency
from tracker.alerts.sending import send_pending
from tracker.alerts.subscriptions import apply_default_subscriptions

DIGESTS = {"daily": Frequency.DAILY, "weekly": Frequency.WEEKLY}


@shared_task(name="tracker.alerts.collect_events", acks_late=True)
def collect_events_task() -> dict[str, int]:
    """Hourly: clerks' default subscriptions, new events, fan-out, immediate alerts."""
    defaults = apply_default_subscriptions()
    result = collect_events()
    immediate = build_immediate_messages()
    if immediate:
        send_after_commit()
    return {"default_subscriptions": defaults, "events": result.events, "alerts": result.alerts,
            "immediate_messages": immediate}


@shared_task(name="tracker.alerts.build_digests", acks_late=True)
def build_digests_task(frequency: str) -> dict[str, int]:
    """Daily (weekdays) and weekly (Monday) digests; sending follows in ``send_pending``."""
    if frequency not in DIGESTS:
        raise ValueError(f"frequency must be one of {', '.join(DIGESTS)}, not {frequency!r}")
    with transaction.atomic():
        built = build_digests(frequency=DIGESTS[frequency])
        if built:
            send_after_commit()
    return {"messages": built}


@shared_task(name="tracker.alerts.send_pending", acks_late=True)
def send_pending_task() -> dict[str, int]:
    """Send what is due; stops in time for the soft time limit and hands back the rest."""
    budget = max(settings.CELERY_TASK_SOFT_TIME_LIMIT - 60, 30)
    return send_pending(budget_seconds=budget).as_dict()


def send_after_commit() -> None:
    """Queue the sender once the current transaction (if any) has committed."""
    transaction.on_commit(send_pending_task.delay)
