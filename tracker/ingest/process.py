"""Process one queued document: claim it, read it, extract, persist.

The claim is a conditional UPDATE (queued → processing), so two workers never
process the same document. A message redelivered after a worker was killed
(acks_late) carries the same task id and may take the document over; a
document whose worker vanished without redelivery is released by
:func:`release_stuck_documents`.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from motions.services import motion_from_document
from tracker.extraction import EXTRACTOR_VERSION
from tracker.extraction.errors import ExtractionError
from tracker.extraction.pipeline import extract_file
from tracker.ingest.fulfilment import suggest_fulfilments
from tracker.ingest.persist import PersistResult, extraction_persist
from tracker.models import Document
from tracker.opendata.matching import propose_for_document
from tracker.recesses import parliamentary_calendar

logger = logging.getLogger(__name__)


class ProgressReporter:
    """Writes the current stage and percentage on the document row, outside
    the persisting transaction, so the UI can show it while work goes on."""

    # Milestones in percent; the keys are what the UI shows (translated).
    MILESTONES = {"reading": 10, "repairing": 30, "structure": 40, "extracting": 60, "saving": 90, "done": 100}

    def __init__(self, document_id: int) -> None:
        self.document_id = document_id

    def __call__(self, stage: str) -> None:
        Document.objects.filter(pk=self.document_id).update(
            stage=stage, progress=self.MILESTONES.get(stage, 50)
        )


@dataclass(frozen=True)
class ProcessOutcome:
    status: str  # "done", "failed" or "skipped"
    result: PersistResult | None = None
    error: str = ""


def poison_message() -> str:
    return _(
        "De verwerking van dit document is %(count)s keer vastgelopen (het vroeg bijvoorbeeld te veel "
        "geheugen) en is gestopt. Het bestand is bewaard; u kunt het opnieuw laten verwerken."
    ) % {"count": settings.DOCUMENT_MAX_ATTEMPTS}


def claim_document(document_id: int, task_id: str) -> bool:
    """Take a queued document, or take over one whose worker died (a redelivered
    message of the same task). Each take counts as an attempt; a take-over after
    ``DOCUMENT_MAX_ATTEMPTS`` fails the document instead (poison message)."""
    mine = Q(status=Document.Status.QUEUED) | Q(status=Document.Status.PROCESSING, task_id=task_id)
    claimed = (
        Document.objects.filter(pk=document_id)
        .filter(Q(status=Document.Status.QUEUED)
                | Q(status=Document.Status.PROCESSING, task_id=task_id,
                    attempts__lt=settings.DOCUMENT_MAX_ATTEMPTS))
        .update(
            status=Document.Status.PROCESSING, task_id=task_id, processing_started_at=timezone.now(),
            stage="reading", progress=5, error="", attempts=F("attempts") + 1,
        )
    )
    if claimed == 1:
        return True
    poisoned = Document.objects.filter(pk=document_id).filter(mine).update(
        status=Document.Status.FAILED, error=poison_message(), stage="failed", task_id="",
        processing_started_at=None,
    )
    if poisoned:
        logger.error("document %s killed its worker %s times; failed as poison", document_id,
                     settings.DOCUMENT_MAX_ATTEMPTS)
    return False


def mark_failed(document_id: int, message: str) -> None:
    Document.objects.filter(pk=document_id, status=Document.Status.PROCESSING).update(
        status=Document.Status.FAILED, error=message, stage="failed", task_id="", processing_started_at=None
    )


def document_process(document_id: int, *, task_id: str = "") -> ProcessOutcome:
    """Extract and persist one document. Bad input fails the document with a
    message a clerk understands; unexpected errors also fail it and re-raise."""
    if not claim_document(document_id, task_id):
        logger.info("document %s is not queued (or held by another task); skipped", document_id)
        return ProcessOutcome("skipped")
    document = Document.objects.get(pk=document_id)
    progress = ProgressReporter(document_id)
    reference_date = document.reference_date if document.reference_date_source == Document.DateSource.USER else None
    try:
        extraction = extract_file(
            document.file.path, reference_date=reference_date, calendar=parliamentary_calendar(),
            on_stage=progress,
        )
        if extraction.document.reference_date is None:
            raise ExtractionError(
                _("Er staat geen datum in het document. Geef de datum van het document op en probeer opnieuw."),
                "The document has no date; supply its date and try again.",
            )
        progress("saving")
        # Records, fulfilment suggestions and (for a motion text) the motion
        # register are written together or not at all, before "done" is shown.
        with transaction.atomic():
            result = extraction_persist(document=document, extraction=extraction)
            document = Document.objects.get(pk=document_id)
            suggest_fulfilments(document)
            propose_for_document(document)  # the same promise in the Kamer's register? (tracker/opendata)
            motion_from_document(document)  # a motion text fills the register (motions app)
    except ExtractionError as exc:
        mark_failed(document_id, exc.message_nl)
        return ProcessOutcome("failed", error=exc.message_nl)
    except MemoryError:
        # The child's address-space ceiling: this document alone fails, the worker
        # lives on. Handled below, once the traceback's frames (and memory) are gone.
        result = None
    except Exception:
        logger.exception("processing document %s failed", document_id)
        mark_failed(document_id, _("Er ging iets mis bij het verwerken. Probeer het later opnieuw of neem contact op met de beheerder."))
        raise
    if result is None:
        return _out_of_memory(document_id)
    Document.objects.filter(pk=document_id).update(
        status=Document.Status.DONE, stage="done", progress=100, processed_at=timezone.now(), task_id=""
    )
    return ProcessOutcome("done", result=result)


def _out_of_memory(document_id: int) -> ProcessOutcome:
    message = _(
        "Het document vraagt meer geheugen dan een verwerking mag gebruiken (%(limit)s MB) en is niet "
        "verwerkt. Splits het document of lever een kleinere versie aan."
    ) % {"limit": settings.WORKER_MEMORY_LIMIT_MB}
    logger.error("document %s ran out of memory", document_id)
    mark_failed(document_id, message)
    return ProcessOutcome("failed", error=message)


def document_requeue(document_id: int) -> bool:
    """Put a failed, finished or still waiting (queued) document back in the queue, by
    hand: retry, re-extraction. The caller sends the message; the attempt count starts over.

    Never a register entry's source (origin ``register``): it has no file; its text is the register's.
    """
    return bool(
        Document.objects.filter(
            pk=document_id, status__in=[Document.Status.FAILED, Document.Status.DONE, Document.Status.QUEUED]
        ).exclude(origin=Document.Origin.REGISTER)
        .update(status=Document.Status.QUEUED, stage="queued", progress=0, error="", task_id="",
                queued_at=None, attempts=0)
    )


def outdated_documents() -> QuerySet[Document]:
    """Documents extracted by another extractor version than the current one."""
    return (Document.objects.filter(status=Document.Status.DONE).exclude(extractor_version=EXTRACTOR_VERSION)
            .exclude(origin=Document.Origin.REGISTER))


def release_stuck_documents(now: dt.datetime | None = None) -> int:
    """Documents whose worker died without the message coming back: queued again
    (the queue sweep sends them) while they have attempts left, failed as poison
    after ``DOCUMENT_MAX_ATTEMPTS``, so none waits in "processing" forever."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)
    stuck = Document.objects.filter(status=Document.Status.PROCESSING, processing_started_at__lt=cutoff)
    failed = stuck.filter(attempts__gte=settings.DOCUMENT_MAX_ATTEMPTS).update(
        status=Document.Status.FAILED, stage="failed", task_id="", processing_started_at=None,
        error=poison_message(),
    )
    requeued = stuck.filter(attempts__lt=settings.DOCUMENT_MAX_ATTEMPTS).update(
        status=Document.Status.QUEUED, stage="queued", progress=0, task_id="", processing_started_at=None,
        queued_at=None,
    )
    return failed + requeued
