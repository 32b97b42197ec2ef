"""Correcting a document's metadata; a new reference date re-resolves the
relative deadlines of its commitments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from tracker.extraction.deadlines import resolve_phrase
from tracker.followup.changes import followup_changed
from tracker.ingest.persist import date_promises
from tracker.models import Commitment, Committee, DeadlineRevision, Document, Ministry
from tracker.recesses import parliamentary_calendar

METADATA_FIELDS = ("reference_date", "kind", "title", "kamerstuk", "committee", "ministry")


@transaction.atomic
def document_update_metadata(*, document: Document, data: dict[str, Any], user=None) -> list[str]:  # type: ignore[no-untyped-def]
    """Apply the uploader's corrections; returns the names of changed fields.

    Only the fields in ``data`` are touched: a field the user left alone keeps
    its value (an empty value in ``data`` does clear it).
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    changed: list[str] = []
    committee = data.get("committee")
    ministry = data.get("ministry")
    new_values = {
        "reference_date": data.get("reference_date"),
        "kind": data.get("kind") or document.kind,
        "title": (data.get("title") or "").strip(),
        "kamerstuk": (data.get("kamerstuk") or "").strip(),
        "committee": Committee.objects.get_or_create(name=committee.strip())[0] if committee else None,
        "ministry": Ministry.objects.get_or_create(name=ministry.strip())[0] if ministry else None,
    }
    new_values = {name: value for name, value in new_values.items() if name in data}
    for name, value in new_values.items():
        if getattr(document, name) != value:
            setattr(document, name, value)
            changed.append(name)
    if "reference_date" in changed:
        document.reference_date_source = Document.DateSource.USER
    document.save()
    if "committee" in changed or "ministry" in changed:
        document.commitments.update(
            committee=document.committee, ministry=document.ministry, updated_at=timezone.now(),
            version=F("version") + 1,
        )
    if "reference_date" in changed and document.reference_date:
        reresolve_deadlines(document=document, reference_date=document.reference_date, user=user)
    if "reference_date" in changed:
        date_promises(document)
    followup_changed(Q(document_id=document.pk))
    return changed


def reresolve_deadlines(*, document: Document, reference_date: dt.date, user=None) -> int:  # type: ignore[no-untyped-def]
    """Resolve each commitment's deadline phrase again against a new date.

    A deadline a reviewer corrected by hand is left alone: the reviewer chose it.
    """
    calendar = parliamentary_calendar()
    changed = 0
    rows = document.commitments.filter(deleted_at__isnull=True).exclude(deadline_text="")
    for row in rows.exclude(review_state=Commitment.ReviewState.CORRECTED):
        new = resolve_phrase(row.deadline_text, reference_date, calendar)
        if (new.due, new.window_start, new.precision) == (row.due_date, row.window_start, row.precision):
            continue
        DeadlineRevision.objects.create(
            commitment=row, source=DeadlineRevision.Source.REVIEWER, created_by=user,
            reason=f"Documentdatum gecorrigeerd naar {reference_date:%d-%m-%Y}",
            old_text=row.deadline_text, old_due=row.due_date, old_window_start=row.window_start,
            old_precision=row.precision, new_text=row.deadline_text, new_due=new.due,
            new_window_start=new.window_start, new_precision=new.precision,
        )
        Commitment.objects.filter(pk=row.pk).update(
            due_date=new.due, window_start=new.window_start, precision=new.precision,
            overdue_since=None, due_soon_since=None, version=F("version") + 1, updated_at=timezone.now(),
        )
        changed += 1
    return changed
