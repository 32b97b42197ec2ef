"""The one home of the follow-up rules: what is outstanding, overdue and due soon.

Everything that shows or acts on these words — the dashboard, the REST feed,
the calendar feeds, the alerts, the exports and the materialised flags
(``overdue_since`` / ``due_soon_since``, see ``overdue.py``) — asks here, so a
clerk reads the same number everywhere:

- **outstanding** (*nog na te komen*): open or partly delivered (a partial
  delivery keeps the record open until the rest arrives), not deleted, not
  rejected;
- **overdue** (*te laat*): outstanding and the due date lies before today
  (on the due date itself it is not late yet);
- **due soon** (*binnenkort verwacht*): outstanding and due from today up to
  and including ``DUE_SOON_DAYS`` days ahead.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Q

from tracker.models import Commitment
from tracker.sql_literals import Literal, literals

OUTSTANDING = (Commitment.Status.OPEN, Commitment.Status.PARTLY_DELIVERED)


def due_soon_horizon(today: dt.date, days: int | None = None) -> dt.date:
    """The last day of the due-soon window that starts ``today``."""
    return today + dt.timedelta(days=settings.DUE_SOON_DAYS if days is None else days)


def outstanding_q() -> Q:
    """Still to be fulfilled, and a record that counts (not deleted, not rejected)."""
    # Literals, not parameters: prepared statements plan them once (tracker/sql_literals.py).
    return (
        Q(status__in=literals(OUTSTANDING), deleted_at__isnull=True)
        & ~Q(review_state=Literal(Commitment.ReviewState.REJECTED))
    )


def overdue_q(today: dt.date) -> Q:
    return outstanding_q() & Q(due_date__lt=today)


def due_soon_q(today: dt.date, days: int | None = None) -> Q:
    return outstanding_q() & Q(due_date__gte=today, due_date__lte=due_soon_horizon(today, days))


def is_outstanding(commitment: Commitment) -> bool:
    return (commitment.status in OUTSTANDING and commitment.deleted_at is None
            and commitment.review_state != Commitment.ReviewState.REJECTED)


def overdue_from_fields(*, status: str, due_date: dt.date | None, counts: bool, today: dt.date) -> bool:
    """``is_overdue`` on plain column values (the REST feed renders rows, not models).

    ``counts``: the record is neither deleted nor rejected.
    """
    return status in OUTSTANDING and counts and due_date is not None and due_date < today


def is_overdue(commitment: Commitment, today: dt.date) -> bool:
    return overdue_from_fields(
        status=commitment.status, due_date=commitment.due_date, today=today,
        counts=commitment.deleted_at is None and commitment.review_state != Commitment.ReviewState.REJECTED,
    )


def is_due_soon(commitment: Commitment, today: dt.date, days: int | None = None) -> bool:
    return bool(is_outstanding(commitment) and commitment.due_date
                and today <= commitment.due_date <= due_soon_horizon(today, days))
