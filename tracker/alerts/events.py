"""From what happened to commitments to who must hear about it.

Two set-based steps, both safe to repeat and to run twice at once:

1. ``collect_events`` derives events from the data others maintain — the
   materialised ``overdue_since`` / ``due_soon_since`` (``flag_overdue``),
   ``DeadlineRevision`` rows, ``ReviewEvent`` rows and the delivery fields —
   and records each one once in ``AlertEvent`` (unique per commitment, kind and
   period; inserted with ON CONFLICT DO NOTHING).
2. ``fan_out`` claims the events nobody has fanned out yet with one
   conditional UPDATE and, in the same transaction, inserts one ``AlertLog`` row
   per recipient with one INSERT … SELECT over the subscriptions (again ON
   CONFLICT DO NOTHING on the log's unique key). A crash rolls back both; a
   second worker's UPDATE skips the rows the first one claimed.

``event_from_data`` computes one event from a commitment's saved data with
the same period the collector would, for ``immediate.py`` (services that know
an event happened right now).
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from tracker.alerts.coverage import COVERED_BY, covered_sql
from tracker.alerts.models import AlertEvent, AlertLog
from tracker.followup.rules import due_soon_horizon, is_outstanding, outstanding_q
from tracker.models import Commitment, DeadlineRevision, ReviewEvent

logger = logging.getLogger(__name__)

Kind = AlertEvent.Kind

# Slips, deliveries and confirmations older than this are history, not news:
# the collector looks this far back (it covers a worker that was down for days).
LOOKBACK_DAYS = 7
DELIVERED_STATUSES = (Commitment.Status.DELIVERED, Commitment.Status.PARTLY_DELIVERED)

CONFIRMED_STATES = (Commitment.ReviewState.CONFIRMED, Commitment.ReviewState.CORRECTED)
CONFIRMING_ACTIONS = (ReviewEvent.Action.CONFIRM, ReviewEvent.Action.CORRECT, ReviewEvent.Action.CREATE)


class AlertEventError(ValueError):
    """The event asked for does not match the commitment's data."""


@dataclass(frozen=True)
class CollectResult:
    events: int
    alerts: int


def alertable() -> QuerySet[Commitment]:
    """Commitments people hear about: alive (not deleted or rejected) and not a duplicate."""
    return Commitment.objects.alive().filter(duplicate_of__isnull=True)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_overdue(overdue_since: dt.date, today: dt.date) -> int:
    """Whole months from ``overdue_since`` to ``today`` (0 in the first month)."""
    months = (today.year - overdue_since.year) * 12 + today.month - overdue_since.month
    if months > 0 and add_months(overdue_since, months) > today:
        months -= 1
    return max(months, 0)


# --- periods: one place, so the collector and callers agree on "the same occurrence" ----


def due_period(due_date: dt.date) -> str:
    return due_date.isoformat()


def still_overdue_period(due_date: dt.date, months: int) -> str:
    return f"{due_date.isoformat()}:{months}"


def slipped_period(revision_id: int) -> str:
    return f"rev:{revision_id}"


def delivered_period(status: str, document_id: int | None) -> str:
    return f"{status}:{document_id or ''}"


CONFIRMED_PERIOD = "review"


# --- 1. collecting events ------------------------------------------------------------------


def _recorded(kind: str) -> Exists:
    """An event of ``kind`` exists for this commitment's current due date."""
    return Exists(AlertEvent.objects.filter(commitment=OuterRef("pk"), kind=kind, due_date=OuterRef("due_date")))


def _outstanding(scope: Q | None = None) -> QuerySet[Commitment]:
    """Still to be fulfilled, by the one rule (``tracker.followup.rules``), within ``scope``."""
    rows = alertable().filter(outstanding_q())
    return rows.filter(scope) if scope is not None else rows


def due_soon_events(*, today: dt.date, now: dt.datetime, scope: Q | None = None) -> list[AlertEvent]:
    """Outstanding commitments inside the due-soon window (never before it opens)."""
    # due_soon_since is the hint flag_overdue keeps; the dates are checked again here.
    rows = (
        _outstanding(scope)
        .filter(due_soon_since__isnull=False, due_date__gte=today, due_date__lte=due_soon_horizon(today))
        .exclude(_recorded(Kind.DUE_SOON))
        .values_list("pk", "due_date", "due_soon_since")
    )
    return [
        AlertEvent(commitment_id=pk, kind=Kind.DUE_SOON, period=due_period(due), due_date=due,
                   occurred_on=since, created_at=now)
        for pk, due, since in rows
    ]


def overdue_events(*, today: dt.date, now: dt.datetime, scope: Q | None = None) -> list[AlertEvent]:
    """Commitments that became overdue recently (older ones get the monthly reminder)."""
    rows = (
        _outstanding(scope)
        .filter(overdue_since__isnull=False, overdue_since__gte=today - dt.timedelta(days=LOOKBACK_DAYS),
                due_date__lt=today)
        .exclude(_recorded(Kind.OVERDUE))
        .values_list("pk", "due_date", "overdue_since")
    )
    return [
        AlertEvent(commitment_id=pk, kind=Kind.OVERDUE, period=due_period(due), due_date=due,
                   occurred_on=since, created_at=now)
        for pk, due, since in rows
    ]


def still_overdue_events(*, today: dt.date, now: dt.datetime) -> list[AlertEvent]:
    """One reminder per whole month a commitment stays overdue, never more often.

    The period is ``<due date>:<months overdue>``, so the key changes once a
    month; runs in between insert nothing new (ON CONFLICT DO NOTHING).
    """
    rows = (
        _outstanding()
        .filter(overdue_since__isnull=False, overdue_since__lte=add_months(today, -1), due_date__lt=today)
        .values_list("pk", "due_date", "overdue_since")
    )
    events = []
    for pk, due, since in rows:
        months = months_overdue(since, today)
        if months >= 1:
            events.append(AlertEvent(
                commitment_id=pk, kind=Kind.STILL_OVERDUE, period=still_overdue_period(due, months),
                due_date=due, occurred_on=add_months(since, months), created_at=now,
            ))
    return events


def slipped_events(*, since: dt.datetime, now: dt.datetime) -> list[AlertEvent]:
    """Recent deadline revisions that move an outstanding commitment's due date later."""
    rows = (
        DeadlineRevision.objects.filter(
            created_at__gte=since, old_due__isnull=False, new_due__isnull=False,
            new_due__gt=F("old_due"), commitment__in=_outstanding(),
        )
        .exclude(Exists(AlertEvent.objects.filter(revision=OuterRef("pk"), kind=Kind.SLIPPED)))
        .values_list("pk", "commitment_id", "old_due", "new_due", "source_document_id", "created_at")
    )
    return [
        AlertEvent(commitment_id=commitment_id, kind=Kind.SLIPPED, period=slipped_period(pk), due_date=new,
                   old_due=old, new_due=new, document_id=document_id, revision_id=pk,
                   occurred_on=timezone.localdate(created), created_at=now)
        for pk, commitment_id, old, new, document_id, created in rows
    ]


def delivered_events(*, since: dt.datetime, today: dt.date, now: dt.datetime) -> list[AlertEvent]:
    """Commitments recently marked (partly) delivered, with the delivering document."""
    rows = alertable().filter(status__in=DELIVERED_STATUSES, updated_at__gte=since).values_list(
        "pk", "status", "fulfilled_by_id", "fulfilled_on", "due_date"
    )
    return [
        AlertEvent(commitment_id=pk, kind=Kind.DELIVERED, period=delivered_period(status, document_id),
                   document_id=document_id, due_date=due, occurred_on=fulfilled_on or today, created_at=now)
        for pk, status, document_id, fulfilled_on, due in rows
    ]


def confirmed_events(*, since: dt.datetime, now: dt.datetime) -> list[AlertEvent]:
    """Commitments a reviewer recently confirmed or corrected (review_state → confirmed/corrected)."""
    rows = (
        ReviewEvent.objects.filter(
            created_at__gte=since, action__in=CONFIRMING_ACTIONS,
            commitment__in=alertable().filter(review_state__in=CONFIRMED_STATES),
        )
        .exclude(Exists(AlertEvent.objects.filter(commitment=OuterRef("commitment_id"), kind=Kind.CONFIRMED)))
        .order_by("commitment_id", "created_at", "id")
        .values_list("pk", "commitment_id", "created_at", "commitment__due_date")
    )
    first: dict[int, AlertEvent] = {}
    for pk, commitment_id, created, due in rows:
        first.setdefault(commitment_id, AlertEvent(
            commitment_id=commitment_id, kind=Kind.CONFIRMED, period=CONFIRMED_PERIOD, review_event_id=pk,
            due_date=due, occurred_on=timezone.localdate(created), created_at=now,
        ))
    return list(first.values())


def record_events(events: list[AlertEvent]) -> None:
    """Insert events; an occurrence recorded before (or concurrently) is skipped."""
    AlertEvent.objects.bulk_create(events, ignore_conflicts=True, batch_size=2000)


def collect_events(*, today: dt.date | None = None, now: dt.datetime | None = None) -> CollectResult:
    """Record every event the data shows, fan them out and build immediate alerts.

    Safe to run at any time and as often as wanted (beat runs it hourly after
    ``flag_overdue``): an occurrence is recorded once, and a recipient hears
    about it once.
    """
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    since = now - dt.timedelta(days=LOOKBACK_DAYS)
    events = [
        *due_soon_events(today=today, now=now),
        *overdue_events(today=today, now=now),
        *still_overdue_events(today=today, now=now),
        *slipped_events(since=since, now=now),
        *delivered_events(since=since, today=today, now=now),
        *confirmed_events(since=since, now=now),
    ]
    record_events(events)
    fanned = fan_out(now=now)
    logger.info("alerts: %d events seen, %d fanned out into %d alerts", len(events), fanned.events, fanned.alerts)
    return fanned


# --- 2. fan-out ----------------------------------------------------------------------------


def _fan_out_sql() -> str:
    event, log = AlertEvent._meta.db_table, AlertLog._meta.db_table
    user = get_user_model()._meta.db_table
    # MIN(frequency) keeps the soonest of a recipient's matching subscriptions
    # (immediate < daily < weekly).
    matches = covered_sql(event, "e.fanout_token = %s")
    return f"""
        INSERT INTO {log} (recipient_id, commitment_id, event_id, kind, period, frequency, created_at)
        SELECT m.user_id, e.commitment_id, e.id, e.kind, e.period, MIN(m.frequency), %s
          FROM ({matches}) m
          JOIN {event} e ON e.id = m.event_id
          JOIN {user} u ON u.id = m.user_id
         WHERE u.is_active = %s AND u.email <> ''
         GROUP BY m.user_id, e.commitment_id, e.id, e.kind, e.period
        ON CONFLICT DO NOTHING
    """


def fan_out(*, now: dt.datetime | None = None) -> CollectResult:
    """Turn every event not yet fanned out into alert-log rows, in one transaction.

    The conditional UPDATE claims the events (a concurrent fan-out blocks on
    the same rows and then skips them, as their ``fanned_out_at`` is set); the
    INSERT … SELECT writes the recipients; a crash rolls back both.
    """
    now = now or timezone.now()
    token = uuid.uuid4().hex
    with transaction.atomic():
        claimed = AlertEvent.objects.filter(fanned_out_at__isnull=True).update(fanned_out_at=now, fanout_token=token)
        if not claimed:
            return CollectResult(events=0, alerts=0)
        with connection.cursor() as cursor:
            stamp = connection.ops.adapt_datetimefield_value(now)  # raw SQL: store it as the ORM would
            cursor.execute(_fan_out_sql(), [stamp, *[token] * len(COVERED_BY), True])
            alerts = cursor.rowcount
    return CollectResult(events=claimed, alerts=max(alerts, 0))


def event_from_data(
    row: Commitment, kind: str, *, revision: DeadlineRevision | None, today: dt.date, now: dt.datetime
) -> AlertEvent:
    open_ = is_outstanding(row)
    base = {"commitment_id": row.pk, "kind": kind, "due_date": row.due_date, "created_at": now}
    if kind == Kind.DUE_SOON:
        if not (open_ and row.due_date and today <= row.due_date <= due_soon_horizon(today)):
            raise AlertEventError(f"commitment {row.pk} is not due within {settings.DUE_SOON_DAYS} days")
        return AlertEvent(**base, period=due_period(row.due_date), occurred_on=today)
    if kind == Kind.OVERDUE:
        if not (open_ and row.due_date and row.due_date < today):
            raise AlertEventError(f"commitment {row.pk} is not overdue")
        return AlertEvent(**base, period=due_period(row.due_date), occurred_on=today)
    if kind == Kind.STILL_OVERDUE:
        months = months_overdue(row.overdue_since, today) if row.overdue_since else 0
        if not (open_ and row.due_date and row.due_date < today and months >= 1):
            raise AlertEventError(f"commitment {row.pk} has not been overdue for a whole month")
        return AlertEvent(**base, period=still_overdue_period(row.due_date, months),
                          occurred_on=add_months(row.overdue_since, months))
    if kind == Kind.SLIPPED:
        if revision is None or revision.commitment_id != row.pk:
            raise AlertEventError("a slipped deadline needs the commitment's DeadlineRevision")
        if not (revision.old_due and revision.new_due and revision.new_due > revision.old_due):
            raise AlertEventError(f"revision {revision.pk} does not move the due date later")
        if not open_:
            raise AlertEventError(f"commitment {row.pk} is no longer outstanding; a later deadline is no news")
        return AlertEvent(**{**base, "due_date": revision.new_due}, period=slipped_period(revision.pk),
                          old_due=revision.old_due, new_due=revision.new_due,
                          document_id=revision.source_document_id, revision=revision, occurred_on=today)
    if kind == Kind.DELIVERED:
        if row.status not in DELIVERED_STATUSES:
            raise AlertEventError(f"commitment {row.pk} is not (partly) delivered")
        return AlertEvent(**base, period=delivered_period(row.status, row.fulfilled_by_id),
                          document_id=row.fulfilled_by_id, occurred_on=row.fulfilled_on or today)
    if kind == Kind.CONFIRMED:
        if row.review_state not in CONFIRMED_STATES:
            raise AlertEventError(f"commitment {row.pk} is not confirmed or corrected")
        return AlertEvent(**base, period=CONFIRMED_PERIOD, occurred_on=today)
    raise AlertEventError(f"unknown alert event {kind!r}; expected one of {', '.join(Kind.values)}")
