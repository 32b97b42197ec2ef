"""Group waiting alert-log rows into e-mails: immediate alerts and daily/weekly digests.

Building is pure SQL and takes the same handful of statements for ten
recipients or ten thousand:

1. INSERT … SELECT DISTINCT one ``OutboxMessage`` per recipient with waiting
   rows of this frequency, tagged with a fresh build token, ON CONFLICT DO
   NOTHING on (frequency, period, recipient): building the same digest again,
   or twice at once, makes no second message.
2. UPDATE … FROM the waiting rows of exactly those recipients to point at the
   message with this build token. The WHERE re-checks ``message IS NULL``
   (PostgreSQL re-evaluates it on rows a concurrent build changed), so a row
   joins one message only.
3. DELETE this build's messages that got no rows (a concurrent build took them).

(``UPDATE … FROM`` needs SQLite 3.33, from 2020, or newer on the embedded
default; current distributions and python.org builds have it.)

All three run in one transaction: a crash leaves no half-built digest. Rows
that arrive after a digest was built wait for the next period. Rendering
happens when a message is sent (``emails.py``), so the build stays set-based.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid

from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from tracker.alerts.models import AlertLog, Frequency, OutboxMessage

logger = logging.getLogger(__name__)


def digest_period(frequency: int, day: dt.date) -> str:
    """The period a digest built on ``day`` covers: the date, or the ISO week."""
    if frequency == Frequency.DAILY:
        return day.isoformat()
    if frequency == Frequency.WEEKLY:
        year, week, _weekday = day.isocalendar()
        return f"{year}-W{week:02d}"
    raise ValueError(f"frequency {frequency!r} has no digest period; expected daily or weekly")


def build_messages(*, frequency: int, period: str, now: dt.datetime | None = None) -> int:
    """Create this period's messages for every recipient with waiting rows; return how many."""
    if frequency not in Frequency.values:
        raise ValueError(f"unknown frequency {frequency!r}")
    now = now or timezone.now()
    token = uuid.uuid4().hex
    outbox, log = OutboxMessage._meta.db_table, AlertLog._meta.db_table
    stamp = connection.ops.adapt_datetimefield_value(now)  # raw SQL: store it as the ORM would
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {outbox} (recipient_id, frequency, period, build_token, state, attempts,
                                      next_attempt_at, claim_token, subject, last_error, created_at)
                SELECT DISTINCT l.recipient_id, %s, %s, %s, %s, 0, %s, '', '', '', %s
                  FROM {log} l
                 WHERE l.message_id IS NULL AND l.frequency = %s
                ON CONFLICT DO NOTHING
                """,
                [frequency, period, token, OutboxMessage.State.PENDING, stamp, stamp, frequency],
            )
            created = cursor.rowcount
            if created <= 0:
                return 0
            # One UPDATE … FROM, joined on the outbox's unique key (frequency, period,
            # recipient) so that each side is an index lookup whichever way the planner
            # turns it: a fresh digest has no statistics yet, and a plan that probes
            # a non-unique index per row goes quadratic.
            cursor.execute(
                f"""
                UPDATE {log} SET message_id = m.id
                  FROM {outbox} m
                 WHERE m.recipient_id = {log}.recipient_id AND m.frequency = %s AND m.period = %s
                   AND m.build_token = %s
                   AND {log}.message_id IS NULL AND {log}.frequency = %s
                """,
                [frequency, period, token, frequency],
            )
        mine = OutboxMessage.objects.filter(frequency=frequency, period=period, build_token=token)
        empty = mine.exclude(Exists(AlertLog.objects.filter(message=OuterRef("pk"))))
        deleted, _by_model = empty.delete()  # nothing refers to a message without rows
        created -= deleted
    logger.info("alerts: built %d %s messages for %s", created, Frequency(frequency).label, period)
    return created


def build_immediate_messages(*, now: dt.datetime | None = None) -> int:
    """One message per recipient for all waiting immediate rows."""
    return build_messages(frequency=Frequency.IMMEDIATE, period=f"i:{uuid.uuid4().hex}", now=now)


def build_digests(*, frequency: int, today: dt.date | None = None, now: dt.datetime | None = None) -> int:
    """Build the daily or weekly digests for ``today`` (the task hands them to the sender)."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    return build_messages(frequency=frequency, period=digest_period(frequency, today), now=now)
