"""Celery tasks for ingest: thin wrappers around tracker.ingest.process."""

from __future__ import annotations

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext as _

from tracker.ingest import process
from tracker.ingest.queueing import enqueue, queue_pending_documents


@shared_task(
    bind=True,
    name="tracker.ingest.process_document",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=5,
)
def process_document_task(self, document_id: int) -> str:  # type: ignore[no-untyped-def]
    try:
        outcome = process.document_process(document_id, task_id=self.request.id or "")
    except SoftTimeLimitExceeded:
        process.mark_failed(document_id, _("Het verwerken duurde te lang en is afgebroken."))
        return "failed"
    except (OperationalError, InterfaceError):
        # Transient database trouble: make the document claimable again and retry.
        process.Document.objects.filter(pk=document_id).update(status=process.Document.Status.QUEUED)
        raise
    return outcome.status


@shared_task(name="tracker.ingest.release_stuck_documents")
def release_stuck_documents_task() -> int:
    return process.release_stuck_documents()


@shared_task(name="tracker.ingest.reextract_outdated")
def reextract_outdated_task() -> int:
    """Queue every document extracted by an older extractor version."""
    ids = list(process.outdated_documents().values_list("pk", flat=True))
    queued = [pk for pk in ids if process.document_requeue(pk)]
    for pk in queued:
        if not enqueue(pk):
            break  # the broker is down; the queue sweep sends the rest
    return len(queued)


@shared_task(name="tracker.ingest.queue_pending_documents")
def queue_pending_documents_task() -> int:
    return queue_pending_documents()
