"""Hand documents to the broker without ever losing one.

The document row and its file are committed first; the message is sent after
commit. When the broker is down the send fails fast, the row stays *queued*
with ``queued_at`` empty, and :func:`queue_pending_documents` (beat, every
minute) sends it once the broker is back. A message that was sent but never
arrived (lost with a broker restart) is re-sent after ``LOST_AFTER``; a second
message for the same document is harmless, because only one task can claim it.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tracker.models import Document

logger = logging.getLogger(__name__)

# A queued document nobody claimed this long after its message was sent is
# sent again. Longer than a busy queue takes to reach it is not needed: a
# duplicate message is skipped by the claim.
LOST_AFTER = dt.timedelta(minutes=15)
SWEEP_BATCH = 500


def enqueue(document_id: int) -> bool:
    """Send the processing message now; False (and logged) when the broker refuses."""
    from tracker.ingest.tasks import process_document_task

    try:
        process_document_task.apply_async((document_id,))
    except Exception:  # kombu/redis raise many kinds; any of them means "not sent"
        logger.warning("broker unreachable: document %s stays queued until the sweep sends it", document_id,
                       exc_info=True)
        return False
    Document.objects.filter(pk=document_id).update(queued_at=timezone.now())
    return True


class QueueOutcome:
    """Filled in after commit: whether the message went out (None: not yet sent)."""

    sent: bool | None = None


def enqueue_on_commit(document_id: int) -> QueueOutcome:
    outcome = QueueOutcome()

    def send() -> None:
        outcome.sent = enqueue(document_id)

    transaction.on_commit(send)
    return outcome


def pending_documents(now: dt.datetime | None = None):  # type: ignore[no-untyped-def]
    """Queued documents whose message was never sent or seems lost."""
    now = now or timezone.now()
    return Document.objects.filter(status=Document.Status.QUEUED).filter(
        Q(queued_at__isnull=True) | Q(queued_at__lt=now - LOST_AFTER)
    )


def queue_pending_documents(now: dt.datetime | None = None) -> int:
    """Send what is pending; stop at the first refusal (the broker is still down)."""
    sent = 0
    for pk in pending_documents(now).order_by("created_at").values_list("pk", flat=True)[:SWEEP_BATCH]:
        if not enqueue(pk):
            break
        sent += 1
    return sent
