"""Materialise "due soon" and "overdue" on commitments.

Each transition is one conditional UPDATE whose WHERE clause only matches rows
that still need it, so the job is idempotent and two schedulers or workers
running it at once can neither double a transition nor miss one: under
PostgreSQL's READ COMMITTED the second UPDATE re-checks its condition on rows
the first one changed and skips them. ``overdue_since`` and
``due_soon_since`` hold the day the job first saw the condition.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tracker.models import Commitment

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FlagResult:
    became_overdue: int
    no_longer_overdue: int
    became_due_soon: int
    no_longer_due_soon: int

    @property
    def changed(self) -> int:
        return self.became_overdue + self.no_longer_overdue + self.became_due_soon + self.no_longer_due_soon


# Still to be fulfilled: open, or partly delivered (a partial delivery keeps
# the record open, with a note, until the rest arrives).
OUTSTANDING = (Commitment.Status.OPEN, Commitment.Status.PARTLY_DELIVERED)


def _counting() -> Q:
    """Outstanding records that count: not deleted, not rejected."""
    return (
        Q(status__in=OUTSTANDING, deleted_at__isnull=True)
        & ~Q(review_state=Commitment.ReviewState.REJECTED)
    )


def flag_overdue(*, today: dt.date | None = None, due_soon_days: int | None = None) -> FlagResult:
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=settings.DUE_SOON_DAYS if due_soon_days is None else due_soon_days)
    overdue = _counting() & Q(due_date__lt=today)
    due_soon = _counting() & Q(due_date__gte=today, due_date__lte=horizon)
    now = timezone.now()
    rows = Commitment.objects
    with transaction.atomic():
        result = FlagResult(
            became_overdue=rows.filter(overdue, overdue_since__isnull=True).update(
                overdue_since=today, due_soon_since=None, updated_at=now),
            no_longer_overdue=rows.filter(~overdue, overdue_since__isnull=False).update(
                overdue_since=None, updated_at=now),
            became_due_soon=rows.filter(due_soon, due_soon_since__isnull=True).update(
                due_soon_since=today, updated_at=now),
            no_longer_due_soon=rows.filter(~due_soon, due_soon_since__isnull=False).update(
                due_soon_since=None, updated_at=now),
        )
    logger.info(
        "flag_overdue %s: %d became overdue, %d no longer overdue, %d became due soon, %d no longer due soon",
        today, result.became_overdue, result.no_longer_overdue, result.became_due_soon, result.no_longer_due_soon,
    )
    return result
