import datetime as dt
import io
import time
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker
from django.utils import timezone

from tracker.ingest.process import claim_document, document_process, release_stuck_documents
from tracker.ingest.submit import DocumentOverrides, document_submit
from tracker.models import Commitment, Document

DEMO = Path(__file__).resolve().parents[2] / "tracker" / "demo"


def submit_bytes(data: bytes, name: str = "brief.txt", queue: bool = False, **overrides) -> Document:
    return document_submit(stream=io.BytesIO(data), name=name, origin=Document.Origin.UPLOAD, queue=queue,
                           overrides=DocumentOverrides(**overrides)).document


def submit_demo(name: str, queue: bool = False) -> Document:
    return submit_bytes((DEMO / name).read_bytes(), name, queue=queue)


@pytest.mark.django_db
def test_a_letter_becomes_commitments_with_resolved_deadlines():
    document = submit_demo("brief-handelsbeleid-2026.txt")
    outcome = document_process(document.pk)
    assert outcome.status == "done"
    document.refresh_from_db()
    assert (document.status, document.progress, document.kind) == ("done", 100, "brief")
    assert document.reference_date == dt.date(2026, 2, 12)
    dues = set(Commitment.objects.filter(document=document).values_list("due_date", flat=True))
    assert {dt.date(2026, 6, 1), dt.date(2026, 12, 31), dt.date(2026, 9, 30)} <= dues


@pytest.mark.django_db
def test_a_list_of_questions_links_commitments_to_questions_and_motions():
    document = submit_demo("lijst-vragen-jaarverslag-2025.txt")
    document_process(document.pk)
    assert document.items.count() == 8
    cited = Commitment.objects.filter(document=document, motion_citations__key="kst-36600-XVII-24").first()
    assert cited is not None
    assert cited.question.number == "2"


@pytest.mark.django_db
def test_a_text_in_another_language_fails_with_a_clear_message():
    document = submit_bytes(b"The minister will send the House a letter before the summer recess. " * 20)
    outcome = document_process(document.pk)
    document.refresh_from_db()
    assert outcome.status == "failed"
    assert document.status == "failed"
    assert "niet Nederlands" in document.error
    assert not document.commitments.exists()


@pytest.mark.django_db
def test_a_document_without_a_date_asks_for_one_and_can_be_retried_with_it():
    text = (b"Uw Kamer ontvangt voor de zomer een brief over de voortgang van het programma. "
            b"Het kabinet zal de evaluatie in het derde kwartaal aan de Kamer sturen.\n")
    document = submit_bytes(text)
    outcome = document_process(document.pk)
    assert outcome.status == "failed"
    assert "datum" in outcome.error

    Document.objects.filter(pk=document.pk).update(
        status="queued", reference_date=dt.date(2026, 3, 1), reference_date_source="user")
    assert document_process(document.pk).status == "done"
    assert Commitment.objects.filter(document=document, due_date__isnull=False).exists()


@pytest.mark.django_db
def test_only_one_task_can_hold_a_document():
    document = submit_demo("brief-handelsbeleid-2026.txt")
    assert claim_document(document.pk, "task-a")
    assert not claim_document(document.pk, "task-b")
    assert claim_document(document.pk, "task-a"), "a redelivered message of the same task takes over"
    assert document_process(document.pk, task_id="task-b").status == "skipped"


@pytest.mark.django_db
def test_a_document_whose_worker_died_is_queued_again_and_failed_after_its_attempts(settings):
    document = submit_demo("brief-handelsbeleid-2026.txt")
    for attempt in range(1, settings.DOCUMENT_MAX_ATTEMPTS + 1):
        assert claim_document(document.pk, f"task-{attempt}")
        Document.objects.filter(pk=document.pk).update(
            processing_started_at=timezone.now() - dt.timedelta(hours=2))
        assert release_stuck_documents() == 1
        document.refresh_from_db()
        if attempt < settings.DOCUMENT_MAX_ATTEMPTS:
            assert document.status == "queued" and document.queued_at is None, "the queue sweep sends it again"
    assert document.status == "failed"
    assert "opnieuw" in document.error and document.file.storage.exists(document.file.name)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_processes_an_uploaded_document():
    from tracker.celery import app

    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            document = submit_demo("brief-handelsbeleid-2026.txt", queue=True)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                document.refresh_from_db()
                if document.status in ("done", "failed"):
                    break
                time.sleep(0.2)
    finally:
        app.conf.task_always_eager = True
    assert document.status == "done", document.error
    assert document.commitments.count() >= 4
