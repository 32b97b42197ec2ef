import io
import zipfile

import pytest
from django.test import override_settings

from tracker.ingest.submit import DocumentOverrides, SubmissionError, document_submit
from tracker.models import Document

LETTER = b"Den Haag, 12 februari 2026\n\nUw Kamer ontvangt uiterlijk 1 juni een brief.\n"


def submit(data: bytes, name: str = "brief.txt", **kwargs):
    return document_submit(stream=io.BytesIO(data), name=name, origin=Document.Origin.UPLOAD, queue=False,
                           **kwargs)


@pytest.mark.django_db
def test_it_stores_the_file_with_its_sha256_and_queues_it():
    submission = submit(LETTER)
    document = submission.document
    assert submission.created
    assert document.status == Document.Status.QUEUED
    assert document.file_format == "txt"
    assert len(document.sha256) == 64
    with document.file.open("rb") as stored:
        assert stored.read() == LETTER


@pytest.mark.django_db
def test_the_same_bytes_again_return_the_existing_document():
    first = submit(LETTER, "brief.txt")
    second = submit(LETTER, "kopie-van-brief.txt")
    assert not second.created
    assert second.document.pk == first.document.pk
    assert Document.objects.count() == 1


@pytest.mark.django_db
def test_it_decides_the_type_by_the_bytes_not_the_name():
    assert submit(b"%PDF-1.7\n...", "rapport.txt").document.file_format == "pdf"
    assert submit(b"<!DOCTYPE html><html><body><p>Brief</p></body></html>", "x.pdf").document.file_format == "html"


@pytest.mark.django_db
def test_it_refuses_an_empty_file():
    with pytest.raises(SubmissionError, match="leeg"):
        submit(b"")
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_it_refuses_archives_and_scripts_with_a_clear_message():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("notes.txt", "hallo")
    with pytest.raises(SubmissionError, match="ZIP-archief"):
        submit(archive.getvalue(), "stukken.docx")
    with pytest.raises(SubmissionError, match="script"):
        submit(b"#!/bin/sh\nrm -rf /\n", "brief.txt")
    assert Document.objects.count() == 0


@pytest.mark.django_db
@override_settings(MAX_UPLOAD_SIZE=1024)
def test_it_refuses_files_over_the_size_limit():
    with pytest.raises(SubmissionError, match="groter dan"):
        submit(b"a" * 2048)
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_metadata_supplied_on_upload_is_kept():
    import datetime as dt

    document = submit(LETTER, overrides=DocumentOverrides(
        reference_date=dt.date(2026, 2, 12), committee="Buitenlandse Zaken", kind="brief")).document
    assert document.reference_date_source == Document.DateSource.USER
    assert document.committee.name == "Buitenlandse Zaken"
    assert document.kind == "brief"


@pytest.mark.django_db
def test_a_file_named_pdf_that_is_not_a_pdf_is_refused_as_such():
    with pytest.raises(SubmissionError, match="geen geldig PDF-bestand"):
        submit(b"Dit is gewoon tekst met een verkeerde naam.\n", name="Beleidsbrief.PDF")
    assert not Document.objects.exists()
