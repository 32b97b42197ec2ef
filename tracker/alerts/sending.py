"""Send outbox messages: every alert e-mail exactly once, and never silently dropped.

The protocol
============

A message row moves ``pending → sending → sent``, back to ``pending`` with a
later ``next_attempt_at`` on an SMTP failure (exponential backoff, 1 minute
doubling to at most 6 hours, forever), or to ``failed`` when the address is
missing or the server rejects the recipient for good (5xx). Every database
write below is its own short committed transaction (``atomic(durable=True)``:
the code refuses to run inside a caller's transaction), and SMTP is only ever
spoken between transactions, never inside one.

1. **Claim** (one conditional UPDATE)::

       UPDATE outbox SET state='sending', claim_token=<fresh>, claimed_at=now, attempts=attempts+1
        WHERE id IN (<up to batch_size due ids>)
          AND (state='pending' AND next_attempt_at <= now
               OR state='sending' AND claimed_at < now - lease)

   The WHERE is evaluated again on each row at UPDATE time, so of two
   workers that picked the same ids only one gets each row (PostgreSQL
   re-checks rows a concurrent UPDATE changed; SQLite serialises writers).
   The lease is longer than Celery's hard time limit, so a ``sending`` row
   is taken over only when the worker holding it is certainly dead.
2. **Mark in doubt**: attempts of re-claimed rows that never finished get the
   outcome ``in_doubt`` (recorded, for the administrator to see).
3. **Start an attempt**: a ``DeliveryAttempt`` row is committed *before*
   the message is handed to SMTP.
4. **Send** over the batch's one SMTP connection.
5. **Record the outcome** in one transaction, conditional on still holding
   the claim: ``sent`` (+ attempt ``sent``), or ``pending``/``failed`` with
   the error (+ attempt ``failed``). Writing ``sent`` is retried a few times
   in-process, because the e-mail is already out.

What a crash at each point does (each is a test in tests/alerts/test_sending.py):

- before 1 commits: nothing changed; the next run sends it — once.
- after 1, before 3: the row is ``sending`` with no attempt; after the lease
  another run claims and sends it — once.
- after 3, before the SMTP server accepted the message: the attempt is
  unfinished, so it is marked ``in_doubt`` and the message is sent again —
  the recipient gets it once.
- after the server accepted it, before 5 commits (the process dies in those
  milliseconds, or the database stays unreachable through the retries):
  nobody can know whether it went out; the server's "250 OK" and our commit
  cannot be made atomic (RFC 1047). We prefer a duplicate to a missed
  deadline: the message is sent again, with the *same* Message-ID, so mail
  clients and archives can recognise the copy, and the attempt is recorded
  ``in_doubt``. This is the only window in which a message can arrive twice.
- SMTP refuses or the connection fails: recorded on the attempt and the
  message, retried with backoff; never dropped.

Alert-log rows cannot be sent twice by being in two messages: each row
joins exactly one message (``digests.py``), and the log's unique key
(recipient, commitment, kind, period) keeps a recipient from getting the
same event in two rows (``events.py``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import smtplib
import socket
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from tracker.alerts.emails import has_address, record_links, render_message
from tracker.alerts.models import AlertLog, DeliveryAttempt, OutboxMessage

logger = logging.getLogger(__name__)

State = OutboxMessage.State
Outcome = DeliveryAttempt.Outcome
BATCH_SIZE = 100
BACKOFF_START = dt.timedelta(minutes=1)
BACKOFF_MAX = dt.timedelta(hours=6)
WORKER = f"{socket.gethostname()}:{os.getpid()}"
# Pauses between tries to record a message as sent (it is already out).
RECORD_SENT_PAUSES = (0.5, 2.0)
# Transport failures worth retrying. Django's SMTP backend raises smtplib's
# errors and, for network trouble, OSError (refused, reset, timeout).
SEND_ERRORS = (smtplib.SMTPException, OSError)


def lease() -> dt.timedelta:
    """How long a claim holds: past Celery's hard time limit, so its holder is gone."""
    return dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT) + dt.timedelta(minutes=5)


def backoff(attempts: int) -> dt.timedelta:
    """Delay before try ``attempts + 1``: 1, 2, 4 … minutes, at most 6 hours."""
    return min(BACKOFF_START * 2 ** max(attempts - 1, 0), BACKOFF_MAX)


@dataclass
class SendResult:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    cancelled: int = 0
    in_doubt: int = 0
    released: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"sent": self.sent, "retrying": self.retrying, "failed": self.failed,
                "cancelled": self.cancelled, "in_doubt": self.in_doubt, "released": self.released}


@dataclass(frozen=True)
class Claim:
    token: str
    claimed: int
    in_doubt: int


def due(now: dt.datetime) -> Q:
    return Q(state=State.PENDING, next_attempt_at__lte=now) | Q(state=State.SENDING, claimed_at__lt=now - lease())


# --- the steps ---------------------------------------------------------------------------


def claim_batch(*, now: dt.datetime, limit: int = BATCH_SIZE) -> Claim | None:
    """Steps 1 and 2: take up to ``limit`` due messages for this worker."""
    ids = list(
        OutboxMessage.objects.filter(due(now)).order_by("next_attempt_at", "id").values_list("id", flat=True)[:limit]
    )
    if not ids:
        return None
    token = uuid.uuid4().hex
    with transaction.atomic(durable=True):
        claimed = OutboxMessage.objects.filter(id__in=ids).filter(due(now)).update(
            state=State.SENDING, claim_token=token, claimed_at=now, attempts=F("attempts") + 1
        )
    if not claimed:
        return None
    with transaction.atomic(durable=True):
        in_doubt = DeliveryAttempt.objects.filter(
            message__claim_token=token, finished_at__isnull=True
        ).update(
            outcome=Outcome.IN_DOUBT, finished_at=now,
            error="afgebroken na het begin van de verzending; wordt opnieuw verzonden met dezelfde Message-ID",
        )
    if in_doubt:
        logger.warning("alerts: %d messages were in doubt after a crash; sending them again", in_doubt)
    return Claim(token=token, claimed=claimed, in_doubt=in_doubt)


def load_claimed(token: str) -> tuple[list[OutboxMessage], dict[int, list[AlertLog]]]:
    """The claimed messages with their recipients, and their rows: two queries for any batch."""
    messages = list(
        OutboxMessage.objects.filter(claim_token=token, state=State.SENDING).select_related("recipient").order_by("id")
    )
    logs: dict[int, list[AlertLog]] = defaultdict(list)
    rows = (
        AlertLog.objects.filter(message__claim_token=token, message__state=State.SENDING)
        .select_related(
            "event", "event__document", "commitment", "commitment__committee", "commitment__ministry",
            "commitment__minister",
        )
        .order_by("message_id", "id")
    )
    for row in rows:
        logs[row.message_id].append(row)
    return messages, logs


def start_attempt(message: OutboxMessage, *, now: dt.datetime) -> DeliveryAttempt:
    """Step 3: committed before SMTP, so a crash from here on is known to be "in doubt"."""
    with transaction.atomic(durable=True):
        return DeliveryAttempt.objects.create(message=message, number=message.attempts, started_at=now, worker=WORKER)


def record_sent(
    message: OutboxMessage, attempt: DeliveryAttempt, *, token: str, subject: str, now: dt.datetime
) -> bool:
    """Step 5 after a successful send; False if our claim was lost (lease too short)."""
    pauses = RECORD_SENT_PAUSES
    for retry, pause in enumerate((0.0, *pauses)):
        if pause:
            time.sleep(pause)
        try:
            if not connection.in_atomic_block:
                connection.close_if_unusable_or_obsolete()
            with transaction.atomic(durable=True):
                held = OutboxMessage.objects.filter(pk=message.pk, claim_token=token, state=State.SENDING).update(
                    state=State.SENT, sent_at=now, subject=subject[:300], claim_token="", last_error=""
                )
                DeliveryAttempt.objects.filter(pk=attempt.pk).update(outcome=Outcome.SENT, finished_at=now)
        except DatabaseError:
            if retry == len(pauses):
                logger.exception("alerts: message %s was sent but could not be recorded", message.pk)
                raise
            logger.warning("alerts: recording message %s as sent failed; retrying", message.pk, exc_info=True)
            continue
        if not held:
            logger.error("alerts: message %s was sent after its claim expired; it may go out twice", message.pk)
        return bool(held)
    return False  # pragma: no cover (the loop returns or raises)


def _permanent(exc: BaseException) -> bool:
    """Only a 5xx for every recipient is final; everything else may work later."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused) and exc.recipients:
        return all(code >= 500 for code, _msg in exc.recipients.values())
    return False


def describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:2000]


def record_failure(
    message: OutboxMessage, attempt: DeliveryAttempt | None, *, token: str, error: str, permanent: bool,
    now: dt.datetime,
) -> str:
    """Step 5 after a failure: back to pending with backoff (or failed), with the error."""
    state = State.FAILED if permanent else State.PENDING
    with transaction.atomic(durable=True):
        OutboxMessage.objects.filter(pk=message.pk, claim_token=token, state=State.SENDING).update(
            state=state, next_attempt_at=now + backoff(message.attempts), claim_token="", last_error=error
        )
        if attempt is not None:
            DeliveryAttempt.objects.filter(pk=attempt.pk).update(outcome=Outcome.FAILED, finished_at=now, error=error)
    return state


def finish_unsent(message: OutboxMessage, *, token: str, state: str, reason: str, now: dt.datetime) -> None:
    """A message that must not be sent at all (recipient inactive, no address)."""
    with transaction.atomic(durable=True):
        OutboxMessage.objects.filter(pk=message.pk, claim_token=token, state=State.SENDING).update(
            state=state, claim_token="", last_error=reason, next_attempt_at=now
        )
        DeliveryAttempt.objects.create(
            message=message, number=message.attempts, started_at=now, finished_at=now,
            outcome=Outcome.FAILED, error=reason, worker=WORKER,
        )


def release(token: str, ids: list[int]) -> int:
    """Hand back claimed messages this worker did not get to (time budget spent)."""
    with transaction.atomic(durable=True):
        return OutboxMessage.objects.filter(id__in=ids, claim_token=token, state=State.SENDING).update(
            state=State.PENDING, claim_token="", attempts=F("attempts") - 1
        )


def _close_quietly(backend: BaseEmailBackend) -> None:
    try:
        backend.close()
    except SEND_ERRORS:
        logger.warning("alerts: closing the SMTP connection failed", exc_info=True)


# --- the loop ----------------------------------------------------------------------------


def send_claimed(
    claim: Claim, *, clock: Callable[[], dt.datetime], result: SendResult, backend: BaseEmailBackend | None = None,
    deadline: float | None = None,
) -> None:
    """Steps 3–5 for one claimed batch, over one SMTP connection."""
    messages, logs = load_claimed(claim.token)
    result.in_doubt += claim.in_doubt
    backend = backend or get_connection()
    link = record_links()
    today = timezone.localdate(clock())
    connected = False
    try:
        for index, message in enumerate(messages):
            if deadline is not None and time.monotonic() > deadline:
                result.released += release(claim.token, [m.pk for m in messages[index:]])
                break
            recipient = message.recipient
            if not recipient.is_active:
                finish_unsent(message, token=claim.token, state=State.CANCELLED, reason="ontvanger is niet actief",
                              now=clock())
                result.cancelled += 1
                continue
            if not has_address(recipient.email):
                finish_unsent(message, token=claim.token, state=State.FAILED,
                              reason="ontvanger heeft geen (geldig) e-mailadres", now=clock())
                result.failed += 1
                continue
            if not logs.get(message.pk):
                finish_unsent(message, token=claim.token, state=State.CANCELLED,
                              reason="geen meldingen meer (de toezeggingen zijn verwijderd)", now=clock())
                result.cancelled += 1
                continue
            try:
                email = render_message(message, logs[message.pk], today=today, link=link, connection=backend)
            except Exception as exc:  # a bug in a template must not stop the batch nor lose the message
                logger.exception("alerts: rendering message %s failed", message.pk)
                record_failure(message, None, token=claim.token, error=describe(exc), permanent=False, now=clock())
                result.retrying += 1
                continue
            attempt = start_attempt(message, now=clock())
            try:
                if not connected:
                    backend.open()
                    connected = True
                if backend.send_messages([email]) != 1:
                    raise smtplib.SMTPException("de mailserver nam het bericht niet aan")
            except SEND_ERRORS as exc:
                state = record_failure(message, attempt, token=claim.token, error=describe(exc),
                                       permanent=_permanent(exc), now=clock())
                if state == State.FAILED:
                    result.failed += 1
                else:
                    result.retrying += 1
                # Start the next message on a fresh connection.
                _close_quietly(backend)
                connected = False
                continue
            record_sent(message, attempt, token=claim.token, subject=email.subject, now=clock())
            result.sent += 1
    finally:
        if connected:
            _close_quietly(backend)


def send_pending(
    *,
    now: dt.datetime | None = None,
    batch_size: int = BATCH_SIZE,
    budget_seconds: float | None = None,
    backend: BaseEmailBackend | None = None,
) -> SendResult:
    """Send every due message, batch by batch, until none is due or the time budget is spent.

    ``now`` fixes the clock (tests, benchmarks); ``budget_seconds`` stops
    claiming and hands unsent claims back in time for Celery's soft limit.
    Refuses to run inside a transaction: SMTP must never be spoken in one.
    """
    with transaction.atomic(durable=True):  # raises RuntimeError inside a caller's atomic block
        pass
    clock: Callable[[], dt.datetime] = (lambda: now) if now is not None else timezone.now
    deadline = time.monotonic() + budget_seconds if budget_seconds else None
    result = SendResult()
    while True:
        claim = claim_batch(now=clock(), limit=batch_size)
        if claim is None:
            break
        send_claimed(claim, clock=clock, result=result, backend=backend, deadline=deadline)
        if result.released or (deadline is not None and time.monotonic() > deadline):
            break
    if result.sent or result.retrying or result.failed:
        logger.info("alerts: %s", result.as_dict())
    return result
