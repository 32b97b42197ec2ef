"""Accept a document's bytes: refuse what we cannot read, store each file once."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings
from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tracker.extraction.errors import ExtractionError
from tracker.extraction.readers import HEAD_SIZE, detect_format
from tracker.ingest.queueing import enqueue, enqueue_on_commit, pending_documents
from tracker.models import Committee, Document, Ministry


class SubmissionError(ValueError):
    """The upload cannot be accepted; the message is meant for the uploader."""


@dataclass(frozen=True)
class DocumentOverrides:
    """Metadata the uploader supplies; it wins over what extraction finds."""

    reference_date: dt.date | None = None
    committee: str | None = None
    ministry: str | None = None
    kind: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Submission:
    document: Document
    created: bool  # False: the same bytes were uploaded before
    # Whether the processing message reached the broker: False when it is down
    # (the sweep sends it later), None when nothing was sent or not yet (inside
    # the caller's transaction).
    queued: bool | None = None


def _hash_and_sniff(stream: BinaryIO) -> tuple[str, int, bytes]:
    digest = hashlib.sha256()
    size = 0
    head = b""
    stream.seek(0)
    while chunk := stream.read(1024 * 1024):
        if not head:
            head = chunk[:HEAD_SIZE]
        size += len(chunk)
        if size > settings.MAX_UPLOAD_SIZE:
            limit_mb = settings.MAX_UPLOAD_SIZE // (1024 * 1024)
            raise SubmissionError(_("Het bestand is groter dan de toegestane %(limit)s MB.") % {"limit": limit_mb})
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest(), size, head


def document_submit(
    *,
    stream: BinaryIO,
    name: str,
    origin: str,
    uploaded_by=None,  # type: ignore[no-untyped-def]
    overrides: DocumentOverrides | None = None,
    queue: bool = True,
) -> Submission:
    """Store an uploaded document and queue it for extraction.

    Uploading the same bytes again returns the existing document
    (``created=False``) and changes nothing. Raises :class:`SubmissionError`
    for empty, oversized or unsupported files.
    """
    overrides = overrides or DocumentOverrides()
    sha256, size, head = _hash_and_sniff(stream)
    if size == 0:
        raise SubmissionError(_("Het bestand is leeg."))
    existing = Document.objects.filter(sha256=sha256).first()
    if existing is not None:
        return _resubmitted(existing, stream, queue=queue)
    try:
        file_format = detect_format(head)
    except ExtractionError as exc:  # the reader's message names what it found
        raise SubmissionError(exc.message_nl) from exc
    if name.lower().endswith(".pdf") and file_format == "txt":
        # Read as plain text it would fail later with a puzzling "not Dutch". (A web page
        # saved under a .pdf name is still read, as HTML: the bytes decide.)
        raise SubmissionError(_(
            "%(name)s is geen geldig PDF-bestand: het begint niet zoals een PDF. Is het goed opgeslagen of "
            "gedownload? Lever de PDF opnieuw aan."
        ) % {"name": name})
    if overrides.kind and overrides.kind not in Document.Kind.values:
        raise SubmissionError(_("Onbekende soort document: %(kind)s") % {"kind": overrides.kind})

    document = Document(
        sha256=sha256,
        size=size,
        file_format=file_format,
        original_name=name[:300],
        origin=origin,
        uploaded_by=uploaded_by,
        kind=overrides.kind or Document.Kind.OTHER,
        title=(overrides.title or "")[:500],
        reference_date=overrides.reference_date,
        reference_date_source=Document.DateSource.USER if overrides.reference_date else "",
        stage="queued",
    )
    document.file.save(f"{sha256[:16]}.{file_format}", File(stream), save=False)
    try:
        with transaction.atomic():
            if overrides.committee:
                document.committee = Committee.objects.get_or_create(name=overrides.committee)[0]
            if overrides.ministry:
                document.ministry = Ministry.objects.get_or_create(name=overrides.ministry)[0]
            document.save()
            outcome = enqueue_on_commit(document.pk) if queue else None
    except IntegrityError:
        # Two uploads of the same bytes raced and the other one won.
        document.file.delete(save=False)
        return Submission(Document.objects.get(sha256=sha256), created=False)
    except BaseException:
        document.file.delete(save=False)  # nothing half-written stays behind
        raise
    return Submission(document, created=True, queued=outcome.sent if outcome else None)


def _resubmitted(document: Document, stream: BinaryIO, *, queue: bool) -> Submission:
    """The same bytes again: the existing document, repaired if it was stuck.

    A file lost from storage is stored again from these bytes; a document still
    waiting for a message that never went out (or was lost) is sent again.
    """
    if document.file and not document.file.storage.exists(document.file.name):
        stream.seek(0)
        document.file.storage.save(document.file.name, File(stream))
    queued = None
    if queue and pending_documents().filter(pk=document.pk).exists():
        queued = enqueue(document.pk)
        document.refresh_from_db()
    return Submission(document, created=False, queued=queued)
