"""Immediate alerts for changes services make right now (delivery, review, a moved
deadline, a write that made records overdue or due soon).

Each records its events with the same period the hourly collector would
compute (``events.py``), fans them out and hands the immediate e-mails to
Celery when the transaction commits — so the collector and these never alert
twice. The follow-up services reach these through the signals of
``tracker.followup.changes`` (connected in ``receivers.py``).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tracker.alerts.digests import build_immediate_messages
from tracker.alerts.events import (
    AlertEventError,
    CollectResult,
    alertable,
    due_soon_events,
    event_from_data,
    fan_out,
    overdue_events,
    record_events,
)
from tracker.alerts.models import AlertEvent
from tracker.alerts.tasks import send_after_commit
from tracker.models import Commitment, DeadlineRevision


def _record_and_send(events: list[AlertEvent], now: dt.datetime) -> CollectResult:
    with transaction.atomic():
        record_events(events)
        result = fan_out(now=now)
        if build_immediate_messages(now=now):
            send_after_commit()
    return result


def alerts_for_commitment_event(
    commitment: Commitment | int,
    kind: str,
    *,
    revision: DeadlineRevision | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> CollectResult:
    """Record that ``kind`` just happened to ``commitment`` and alert its subscribers.

    Call it after saving, inside your transaction if you have one.
    ``slipped`` needs the ``DeadlineRevision``. Raises ``AlertEventError``
    when the data does not show the event (e.g. ``delivered`` on an open
    commitment).
    """
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    pk = commitment.pk if isinstance(commitment, Commitment) else commitment
    row = alertable().filter(pk=pk).first()
    if row is None:
        raise AlertEventError(f"commitment {pk} does not exist, is deleted, rejected or a duplicate")
    return _record_and_send([event_from_data(row, kind, revision=revision, today=today, now=now)], now)


def alert_change(commitment_id: int, kind: str, *, revision: DeadlineRevision | None = None) -> None:
    """Alert subscribers now instead of at the next hourly run.

    A change that is no news (a deadline moved earlier, a record re-confirmed)
    is simply not alerted; the alert log keeps repeats from alerting twice.
    """
    try:
        alerts_for_commitment_event(commitment_id, kind, revision=revision)
    except AlertEventError:
        return


def alert_state(scope: Q, *, today: dt.date | None = None, now: dt.datetime | None = None) -> CollectResult:
    """Records in ``scope`` whose flags just turned overdue or due soon: alert now (set-based)."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    events = [*due_soon_events(today=today, now=now, scope=scope), *overdue_events(today=today, now=now, scope=scope)]
    if not events:
        return CollectResult(events=0, alerts=0)
    return _record_and_send(events, now)
