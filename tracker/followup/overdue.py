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

from django.db import transaction
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from tracker.followup.rules import OUTSTANDING, due_soon_q, overdue_q
from tracker.models import Commitment

__all__ = ["OUTSTANDING", "FlagResult", "flag_overdue", "refresh_flags"]

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


def refresh_flags(scope: Q, *, today: dt.date | None = None) -> int:
    """Bring ``overdue_since`` / ``due_soon_since`` in line with the rules for the
    records in ``scope``, in one set-based UPDATE; returns how many changed.

    Services call it (through ``changes.followup_changed``) with the records
    they just wrote, so a clerk sees the state at once; the hourly
    ``flag_overdue`` does the same for every record as time passes. The WHERE
    only matches rows whose state is wrong, so repeating it changes nothing.
    """
    today = today or timezone.localdate()
    overdue, due_soon = overdue_q(today), due_soon_q(today)
    wrong = (
        (overdue & Q(overdue_since__isnull=True)) | (~overdue & Q(overdue_since__isnull=False))
        | (due_soon & Q(due_soon_since__isnull=True)) | (~due_soon & Q(due_soon_since__isnull=False))
    )
    return Commitment.objects.filter(scope).filter(wrong).update(
        overdue_since=Case(When(overdue, then=Coalesce(F("overdue_since"), Value(today))), default=None),
        due_soon_since=Case(When(due_soon, then=Coalesce(F("due_soon_since"), Value(today))), default=None),
        updated_at=timezone.now(),
    )


def flag_overdue(*, today: dt.date | None = None, due_soon_days: int | None = None) -> FlagResult:
    """The hourly sweep over every record, for the passing of time (four UPDATEs, to count each transition)."""
    today = today or timezone.localdate()
    overdue = overdue_q(today)
    due_soon = due_soon_q(today, due_soon_days)
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
