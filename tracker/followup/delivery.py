"""Recording how a commitment ended: delivered, partly delivered, withdrawn or closed.

The single write path for follow-up outcomes; web views and the REST API both
call these functions, which take no request. Each runs in one transaction,
claims the record with a conditional ``UPDATE … WHERE version = expected``
(optimistic locking: :class:`StaleRecordError` when someone saved first) and
writes a :class:`~tracker.models.ReviewEvent` ``deliver`` with
``changes = {"field": [old, new]}``. Permission checks belong to the caller.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tracker.followup.changes import DELIVERED, announce, followup_changed
from tracker.followup.rules import OUTSTANDING
from tracker.locking import StaleRecordError, audit_value, claim, fresh
from tracker.models import Commitment, Document, ReviewEvent

__all__ = ["StaleRecordError", "commitment_record_delivery", "commitment_set_status"]

DELIVERY_STATUSES = (Commitment.Status.DELIVERED, Commitment.Status.PARTLY_DELIVERED)
# Outcomes without (full) delivery, and reopening a record that was closed by mistake.
OTHER_STATUSES = (
    Commitment.Status.WITHDRAWN, Commitment.Status.CLOSED, Commitment.Status.PARTLY_CLOSED, Commitment.Status.OPEN,
)


def _fresh(commitment: Commitment | int, expected_version: int) -> Commitment:
    row = fresh(commitment, expected_version)
    if row.deleted_at is not None or row.review_state == Commitment.ReviewState.REJECTED:
        raise ValidationError(_("Deze toezegging is verwijderd of afgewezen; er valt niets na te komen."))
    return row


def _write(row: Commitment, *, expected_version: int, user: Any, wanted: dict[str, Any], note: str) -> Commitment:
    changes: dict[str, list[Any]] = {}
    for name, new in wanted.items():
        old = row.fulfilled_by_id if name == "fulfilled_by" else getattr(row, name)
        if audit_value(old) != audit_value(new):
            changes[name] = [audit_value(old), audit_value(new)]
    if not changes:
        raise ValidationError(_("Er is niets gewijzigd."))
    claim(row.pk, expected_version, **wanted)
    ReviewEvent.objects.create(
        commitment_id=row.pk, user=user, action=ReviewEvent.Action.DELIVER, changes=changes, note=note
    )
    return Commitment.objects.get(pk=row.pk)


@transaction.atomic
def commitment_record_delivery(
    *,
    commitment: Commitment | int,
    user: Any,
    status: str,
    fulfilled_on: dt.date,
    document: Document | None = None,
    kamerstuk: str = "",
    note: str = "",
    expected_version: int,
    today: dt.date | None = None,
) -> Commitment:
    """Record that a commitment was delivered (Voldaan) or partly delivered (Deels voldaan).

    The delivering document is an uploaded :class:`Document` or a Kamerstuk
    number (or both). A partial delivery keeps the record outstanding, so it
    still counts as overdue or due soon, and needs a note saying what is still
    to come. A full delivery keeps whether it was on time (``fulfilled_on <=
    due_date``) and stops counting as overdue or due soon at once.
    """
    today = today or timezone.localdate()
    kamerstuk = " ".join(kamerstuk.split())
    note = note.strip()
    errors: dict[str, list[str]] = {}
    if status not in DELIVERY_STATUSES:
        errors["status"] = [_("Kies Voldaan of Deels voldaan.")]
    if fulfilled_on is None:
        errors["fulfilled_on"] = [_("Geef de datum van het document waarmee is nagekomen.")]
    elif fulfilled_on > today:
        errors["fulfilled_on"] = [_("De datum van nakoming ligt in de toekomst.")]
    elif fulfilled_on.year < 1990:
        errors["fulfilled_on"] = [_("Geef een datum na 1990.")]
    if document is None and not kamerstuk:
        errors["kamerstuk"] = [_("Koppel het document waarmee is nagekomen: kies een document of geef het "
                                 "Kamerstuknummer.")]
    if status == Commitment.Status.PARTLY_DELIVERED and not note:
        errors["note"] = [_("Zeg bij een gedeeltelijke nakoming wat er nog moet komen.")]
    if errors:
        raise ValidationError(errors)

    row = _fresh(commitment, expected_version)
    delivered = status == Commitment.Status.DELIVERED
    on_time = (fulfilled_on <= row.due_date) if delivered and row.due_date else None
    wanted: dict[str, Any] = {
        "status": status, "fulfilled_on": fulfilled_on, "fulfilled_by": document, "fulfilled_kamerstuk": kamerstuk,
        "delivery_note": note, "delivered_on_time": on_time,
    }
    if delivered:
        wanted.update(overdue_since=None, due_soon_since=None)
    saved = _write(row, expected_version=expected_version, user=user, wanted=wanted, note=note)
    followup_changed(Q(pk=saved.pk), today=today)
    announce(saved.pk, DELIVERED)
    return Commitment.objects.get(pk=saved.pk)


@transaction.atomic
def commitment_set_status(
    *, commitment: Commitment | int, user: Any, status: str, note: str, expected_version: int
) -> Commitment:
    """Close a commitment without delivery (Vervallen, Afgedaan, Deels afgedaan) or reopen it (Openstaand).

    Closing stops it counting as overdue or due soon; reopening clears the
    recorded delivery (the audit trail keeps it) and counts it as overdue or
    due soon again at once.
    """
    note = note.strip()
    errors: dict[str, list[str]] = {}
    if status not in OTHER_STATUSES:
        errors["status"] = [_("Kies Vervallen, Afgedaan, Deels afgedaan of Openstaand.")]
    if not note:
        errors["note"] = [_("Geef een toelichting: waarom verandert de status?")]
    if errors:
        raise ValidationError(errors)
    row = _fresh(commitment, expected_version)
    if row.status == status:
        raise ValidationError({"status": [_("De toezegging heeft deze status al.")]})
    wanted: dict[str, Any] = {"status": status, "delivered_on_time": None}
    if status in OUTSTANDING:
        wanted.update(fulfilled_on=None, fulfilled_by=None, fulfilled_kamerstuk="", delivery_note="")
    else:
        wanted.update(overdue_since=None, due_soon_since=None)
    _write(row, expected_version=expected_version, user=user, wanted=wanted, note=note)
    followup_changed(Q(pk=row.pk))
    return Commitment.objects.get(pk=row.pk)
