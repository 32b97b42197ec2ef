"""Record that a commitment was (partly) delivered, for systems writing through the API.

Written here because tracker/followup had no delivery service yet; it keeps the
same invariants as the reviewers' write path (tracker/review/services.py):
one transaction, a conditional ``UPDATE … WHERE version = expected``
(optimistic locking, :class:`StaleRecordError` when someone saved first) and a
:class:`ReviewEvent` ``deliver`` with ``changes = {"field": [old, new]}``.
Replace with the follow-up service once it exists.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tracker.models import Commitment, Document, ReviewEvent
from tracker.review.services import _claim, _fresh, _json

DELIVERED_STATES = (
    Commitment.Status.DELIVERED, Commitment.Status.PARTLY_DELIVERED, Commitment.Status.CLOSED,
    Commitment.Status.PARTLY_CLOSED, Commitment.Status.WITHDRAWN,
)


@transaction.atomic
def commitment_record_delivery(
    *,
    commitment: Commitment,
    user: Any,
    expected_version: int,
    status: str,
    fulfilled_on: dt.date | None = None,
    fulfilled_kamerstuk: str = "",
    fulfilled_by: Document | None = None,
    note: str = "",
) -> Commitment:
    """Set the outcome (Voldaan, Deels voldaan, Afgedaan, Deels afgedaan, Vervallen) and what fulfilled it.

    ``fulfilled_on`` defaults to today for every outcome but Vervallen. The
    record stops counting as overdue or due soon at once.
    """
    if status not in DELIVERED_STATES:
        raise ValidationError({"status": _("Kies een uitkomst: voldaan, deels voldaan, afgedaan, deels afgedaan "
                                           "of vervallen.")})
    row = _fresh(commitment, expected_version)
    if row.deleted_at is not None or row.review_state == Commitment.ReviewState.REJECTED:
        raise ValidationError(_("Deze toezegging is verwijderd of afgewezen; er valt niets na te komen."))
    if fulfilled_on is not None and fulfilled_on > timezone.localdate():
        raise ValidationError({"fulfilled_on": _("De datum van nakoming ligt in de toekomst.")})
    if fulfilled_on is None and status != Commitment.Status.WITHDRAWN:
        fulfilled_on = timezone.localdate()
    wanted: dict[str, Any] = {
        "status": status, "fulfilled_on": fulfilled_on, "fulfilled_kamerstuk": fulfilled_kamerstuk.strip(),
        "fulfilled_by": fulfilled_by, "delivery_note": note.strip(),
        "overdue_since": None, "due_soon_since": None,
    }
    changes: dict[str, list[Any]] = {}
    for name, new in wanted.items():
        old = row.fulfilled_by_id if name == "fulfilled_by" else getattr(row, name)
        new_json = new.pk if isinstance(new, Document) else _json(new)
        if _json(old) != new_json:
            changes[name] = [_json(old), new_json]
    if not changes:
        raise ValidationError(_("Er is niets gewijzigd."))
    _claim(row.pk, expected_version, **wanted)
    ReviewEvent.objects.create(
        commitment_id=row.pk, user=user, action=ReviewEvent.Action.DELIVER, changes=changes, note=note.strip()
    )
    return Commitment.objects.get(pk=row.pk)
