"""Optimistic locking for commitments, shared by every write path (review,
delivery, the API): a write names the version it read and succeeds only if
nobody saved the record in between. Nothing is overwritten silently."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tracker.models import Commitment, ReviewEvent


class StaleRecordError(Exception):
    """Someone else saved the record after the caller read it; nothing was written."""

    def __init__(self, *, commitment_id: int, expected_version: int, current_version: int | None,
                 last_event: ReviewEvent | None) -> None:
        self.commitment_id = commitment_id
        self.expected_version = expected_version
        self.current_version = current_version
        self.last_event = last_event
        self.changed_by = last_event.user.get_username() if last_event and last_event.user else None
        self.changed_at = last_event.created_at if last_event else None
        self.changes: dict[str, Any] = dict(last_event.changes) if last_event else {}
        super().__init__(self.message)

    @property
    def message(self) -> str:
        if self.changed_by and self.changed_at:
            when = timezone.localtime(self.changed_at).strftime("%d-%m-%Y %H:%M")
            return _(
                "Toezegging #%(pk)s is intussen gewijzigd door %(user)s (%(when)s). Uw wijziging is niet "
                "opgeslagen; bekijk de nieuwe versie en probeer het opnieuw."
            ) % {"pk": self.commitment_id, "user": self.changed_by, "when": when}
        return _(
            "Toezegging #%(pk)s is intussen gewijzigd. Uw wijziging is niet opgeslagen; bekijk de nieuwe "
            "versie en probeer het opnieuw."
        ) % {"pk": self.commitment_id}


def stale_error(commitment_id: int, expected_version: int) -> StaleRecordError:
    current = Commitment.objects.filter(pk=commitment_id).values_list("version", flat=True).first()
    last = (
        ReviewEvent.objects.filter(commitment_id=commitment_id).select_related("user")
        .order_by("-created_at", "-id").first()
    )
    return StaleRecordError(commitment_id=commitment_id, expected_version=expected_version,
                            current_version=current, last_event=last)


def fresh(commitment: Commitment | int, expected_version: int) -> Commitment:
    """The record as it is now, provided it is still the version the caller saw."""
    pk = commitment if isinstance(commitment, int) else commitment.pk
    row = Commitment.objects.get(pk=pk)
    if row.version != expected_version:
        raise stale_error(pk, expected_version)
    return row


def claim(pk: int, expected_version: int, **values: Any) -> None:
    """The conditional UPDATE: succeeds only on the version the caller saw."""
    updated = Commitment.objects.filter(pk=pk, version=expected_version).update(
        version=F("version") + 1, updated_at=timezone.now(), **values
    )
    if updated != 1:
        raise stale_error(pk, expected_version)


def audit_value(value: Any) -> Any:
    """A value as it is stored in a ReviewEvent's before/after."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, tuple):
        return list(value)
    return value
