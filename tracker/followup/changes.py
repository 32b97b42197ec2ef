"""What services do right after a write that can change a commitment's follow-up.

Ingest, review, delivery, metadata correction and imports call
:func:`followup_changed` with the records they wrote, inside their
transaction. It brings the materialised state (overdue / due soon) in line
at once — set-based, the same UPDATEs as the hourly sweep, limited to those
records — and tells whoever listens (the alerts app sends its immediate
e-mails) through two signals. The signals keep the dependency one-way: alerts
know follow-up, follow-up does not know alerts.

- ``state_refreshed(scope=Q, today=date)``: a flag of some records in
  ``scope`` just moved (became overdue or due soon, or stopped being so);
- ``commitment_news(commitment_id=int, news=str, revision=DeadlineRevision|None)``:
  something a subscriber hears about happened to one record right now
  (``confirmed``, ``delivered`` or ``slipped``, the alert kinds).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone

from tracker.followup.overdue import refresh_flags
from tracker.models import DeadlineRevision

state_refreshed = Signal()
commitment_news = Signal()

CONFIRMED = "confirmed"
DELIVERED = "delivered"
SLIPPED = "slipped"


def followup_changed(scope: Q, *, today: dt.date | None = None) -> int:
    """Refresh overdue / due soon for the records in ``scope``; announce it when a flag moved."""
    today = today or timezone.localdate()
    changed = refresh_flags(scope, today=today)
    if changed:
        state_refreshed.send(sender=followup_changed, scope=scope, today=today)
    return changed


def announce(commitment_id: int, news: str, *, revision: DeadlineRevision | None = None) -> None:
    """Tell listeners that ``news`` just happened to one commitment (after its state was refreshed)."""
    commitment_news.send(sender=announce, commitment_id=commitment_id, news=news, revision=revision)
