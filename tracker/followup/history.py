"""Deadline history: the timeline of one record and the list of slipped records."""

from __future__ import annotations

from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    QuerySet,
    Subquery,
)

from tracker.followup.dashboard import Filters, base_rows, status_q
from tracker.models import Commitment, DeadlineRevision

# A deadline "slips" when the government moves it: a later document or a
# ministry's prognosis in a rappel. A reviewer correcting a misread date or
# the extraction's first reading is a fix, not a slip; both still show on the
# record's timeline.
SLIP_SOURCES = (DeadlineRevision.Source.DOCUMENT, DeadlineRevision.Source.PROGNOSIS)


def deadline_history(commitment: Commitment | int) -> list[DeadlineRevision]:
    """Every deadline change of one record, oldest first, with who and where from (one query)."""
    pk = commitment if isinstance(commitment, int) else commitment.pk
    return list(
        DeadlineRevision.objects.filter(commitment_id=pk)
        .select_related("created_by", "source_document", "rappel_answer__item__rappel")
        .order_by("created_at", "id")
    )


def slipped_rows(filters: Filters) -> QuerySet[Commitment]:
    """Records whose due date the government moved later, furthest slip first.

    ``first_due`` is the due date before the first move later; ``slip`` the
    distance from there to today's due date; ``moves`` how often it moved later.
    """
    moves = DeadlineRevision.objects.filter(
        commitment=OuterRef("pk"), source__in=SLIP_SOURCES, old_due__isnull=False, new_due__gt=F("old_due")
    )
    first_due = moves.order_by("created_at", "id").values("old_due")[:1]
    move_count = moves.order_by().values("commitment").annotate(n=Count("id")).values("n")[:1]
    later = DeadlineRevision.objects.filter(
        source__in=SLIP_SOURCES, old_due__isnull=False, new_due__gt=F("old_due")
    ).values("commitment_id")
    return (
        base_rows(filters)
        .filter(status_q(filters.status), pk__in=later)  # only records that ever moved later, then per record
        .annotate(first_due=Subquery(first_due), moves=Subquery(move_count))
        .filter(first_due__isnull=False, due_date__gt=F("first_due"))
        .annotate(slip=ExpressionWrapper(F("due_date") - F("first_due"), output_field=DurationField()))
        .select_related("ministry", "committee", "minister")
        .defer("extracted", "deliverables")
        .order_by("-slip", "due_date", "id")
    )
