"""Selectors for the clerks' dashboard, the filtered list and its exports.

Everything here is set-based: one grouped query gives every count on the
dashboard (by committee, ministry, minister and status), one more the on-time
rates, one the page of records. The number of queries never depends on the
number of rows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Case, Count, F, Q, QuerySet, Sum, Value, When
from django.db.models.functions import TruncQuarter

from tracker.followup.rules import OUTSTANDING
from tracker.models import Commitment, Committee, FollowupTally, Ministry, OnTimeTally, Person

# The list's status filter: the Kamer's six values, plus these views.
OUTSTANDING_VIEW = "outstanding"
OVERDUE_VIEW = "overdue"
DUE_SOON_VIEW = "due_soon"
ALL_VIEW = "all"
PAGE_SIZE = 25
ON_TIME_QUARTERS = 8

_NUMBER = re.compile(r"^\s*(?:TZ\d{6}-|#)?0*(\d{1,12})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Filters:
    """What the clerk filtered on; every field optional."""

    q: str = ""
    committee: int | None = None
    ministry: int | None = None
    minister: int | None = None
    status: str = OUTSTANDING_VIEW
    reviewed_only: bool = False  # leave out records nobody reviewed yet (the clerk's choice)


def _search(rows: QuerySet[Commitment], q: str) -> QuerySet[Commitment]:
    q = q.strip()
    if not q:
        return rows
    number = _NUMBER.match(q)
    by_number = Q(pk=int(number.group(1))) if number else Q(pk__in=[])
    if settings.IS_POSTGRES:
        from django.contrib.postgres.search import SearchQuery, SearchVector

        # Matches the GIN index of migration 0005 (to_tsvector('dutch', COALESCE(text, ''))).
        rows = rows.annotate(search=SearchVector("text", config="dutch"))
        return rows.filter(Q(search=SearchQuery(q, config="dutch", search_type="websearch")) | by_number)
    words = Q()
    for word in q.split():
        words &= Q(text__icontains=word) | Q(deadline_text__icontains=word) | Q(actor__icontains=word)
    return rows.filter(words | by_number)


def base_rows(filters: Filters) -> QuerySet[Commitment]:
    """Records that count, narrowed by everything but the status."""
    rows = Commitment.objects.alive()
    if filters.committee:
        rows = rows.filter(committee_id=filters.committee)
    if filters.ministry:
        rows = rows.filter(ministry_id=filters.ministry)
    if filters.minister:
        rows = rows.filter(minister_id=filters.minister)
    if filters.reviewed_only:
        rows = rows.exclude(review_state=Commitment.ReviewState.UNREVIEWED)
    return _search(rows, filters.q)


def status_q(view: str) -> Q:
    if view == OVERDUE_VIEW:
        return Q(status__in=OUTSTANDING, overdue_since__isnull=False)
    if view == DUE_SOON_VIEW:
        return Q(status__in=OUTSTANDING, due_soon_since__isnull=False)
    if view in Commitment.Status.values:
        return Q(status=view)
    if view == ALL_VIEW:
        return Q()
    return Q(status__in=OUTSTANDING)


def commitment_rows(filters: Filters) -> QuerySet[Commitment]:
    """The filtered list, most urgent first.

    For outstanding records the earliest due date *is* the most urgent one:
    overdue first, then due soon, then the rest, undated last. Other statuses
    follow by due date.
    """
    rows = base_rows(filters).filter(status_q(filters.status))
    if filters.status in (OUTSTANDING_VIEW, OVERDUE_VIEW, DUE_SOON_VIEW):
        return rows.order_by(F("due_date").asc(nulls_last=True), "id")
    outstanding_first = Case(When(status__in=OUTSTANDING, then=Value(0)), default=Value(1))
    return rows.order_by(outstanding_first, F("due_date").asc(nulls_last=True), "id")


def commitment_page(filters: Filters, page: int) -> list[Commitment]:
    start = (max(page, 1) - 1) * PAGE_SIZE
    rows = commitment_rows(filters).select_related("ministry", "committee", "minister").defer("extracted", "deliverables")
    return list(rows[start : start + PAGE_SIZE])


@dataclass
class Breakdown:
    """Counts for one committee, ministry or minister."""

    pk: int | None
    name: str
    outstanding: int = 0
    overdue: int = 0
    due_soon: int = 0
    closed: int = 0


@dataclass
class Summary:
    total: int = 0  # alive records matching everything but the status filter
    outstanding: int = 0
    overdue: int = 0
    due_soon: int = 0
    # Of outstanding / overdue / due soon: not reviewed yet (0 when they are left out).
    unreviewed: int = 0
    unreviewed_overdue: int = 0
    unreviewed_due_soon: int = 0
    listed: int = 0  # rows in the list (matches the status filter as well)
    by_status: list[tuple[str, str, int]] = field(default_factory=list)
    by_committee: list[Breakdown] = field(default_factory=list)
    by_ministry: list[Breakdown] = field(default_factory=list)
    by_minister: list[Breakdown] = field(default_factory=list)


def _sorted(groups: dict[int | None, Breakdown]) -> list[Breakdown]:
    return sorted(
        (g for g in groups.values() if g.outstanding or g.closed),
        key=lambda g: (-g.overdue, -g.due_soon, -g.outstanding, g.pk is None, g.name),
    )


def uses_tallies(filters: Filters) -> bool:
    """Counts come from the trigger-kept tallies on PostgreSQL, unless a search narrows the rows."""
    return settings.IS_POSTGRES and not filters.q.strip()


def _keyed(rows: QuerySet, filters: Filters) -> QuerySet:
    for key in ("committee", "ministry", "minister"):
        if getattr(filters, key):
            rows = rows.filter(**{f"{key}_key": getattr(filters, key)})
    return rows


_COUNTED = ("n", "overdue", "due_soon")
_UNREVIEWED = ("unreviewed", "unreviewed_overdue", "unreviewed_due_soon")


def group_counts(filters: Filters) -> list[dict[str, object]]:
    """Alive records per (committee, ministry, minister, status), with overdue and due-soon counts
    and how many of each nobody reviewed yet (left out of the counts when ``reviewed_only``)."""
    if uses_tallies(filters):
        tallies = _keyed(FollowupTally.objects.filter(n__gt=0), filters).values_list(
            "committee_key", "ministry_key", "minister_key", "status", *_COUNTED, *_UNREVIEWED)
        rows = []
        for c, m, p, status, *counts in tallies:
            row = {"committee_id": c or None, "ministry_id": m or None, "minister_id": p or None,
                   "status": status, **dict(zip(_COUNTED + _UNREVIEWED, counts, strict=True))}
            if filters.reviewed_only:
                for counted, unreviewed in zip(_COUNTED, _UNREVIEWED, strict=True):
                    row[counted] -= row[unreviewed]
                    row[unreviewed] = 0
            rows.append(row)
        return [row for row in rows if row["n"]]
    unreviewed = Q(review_state=Commitment.ReviewState.UNREVIEWED)
    return list(
        base_rows(filters)
        .order_by()
        .values("committee_id", "ministry_id", "minister_id", "status")
        .annotate(
            n=Count("id"),
            overdue=Count("id", filter=Q(overdue_since__isnull=False)),
            due_soon=Count("id", filter=Q(due_soon_since__isnull=False)),
            unreviewed=Count("id", filter=unreviewed),
            unreviewed_overdue=Count("id", filter=unreviewed & Q(overdue_since__isnull=False)),
            unreviewed_due_soon=Count("id", filter=unreviewed & Q(due_soon_since__isnull=False)),
        )
    )


def dashboard_summary(filters: Filters) -> Summary:
    """Every count on the dashboard, from one grouped query (plus name look-ups)."""
    rows = group_counts(filters)
    names = {
        "committee_id": dict(Committee.objects.filter(pk__in={r["committee_id"] for r in rows}).values_list("pk", "name")),
        "ministry_id": dict(Ministry.objects.filter(pk__in={r["ministry_id"] for r in rows}).values_list("pk", "name")),
        "minister_id": dict(Person.objects.filter(pk__in={r["minister_id"] for r in rows}).values_list("pk", "name")),
    }
    summary = Summary()
    per_status: dict[str, int] = defaultdict(int)
    per: dict[str, dict[int | None, Breakdown]] = {key: {} for key in names}
    view = filters.status
    for row in rows:
        outstanding = row["status"] in OUTSTANDING
        overdue = row["overdue"] if outstanding else 0
        due_soon = row["due_soon"] if outstanding else 0
        per_status[row["status"]] += row["n"]
        summary.total += row["n"]
        if outstanding:
            summary.outstanding += row["n"]
            summary.overdue += overdue
            summary.due_soon += due_soon
            summary.unreviewed += row["unreviewed"]
            summary.unreviewed_overdue += row["unreviewed_overdue"]
            summary.unreviewed_due_soon += row["unreviewed_due_soon"]
        if view == OVERDUE_VIEW:
            summary.listed += overdue
        elif view == DUE_SOON_VIEW:
            summary.listed += due_soon
        elif view == ALL_VIEW or row["status"] == view or (view == OUTSTANDING_VIEW and outstanding):
            summary.listed += row["n"]
        for key, by_key in per.items():
            pk = row[key]
            group = by_key.get(pk)
            if group is None:
                group = by_key[pk] = Breakdown(pk=pk, name=names[key].get(pk, "") if pk else "")
            if outstanding:
                group.outstanding += row["n"]
                group.overdue += overdue
                group.due_soon += due_soon
            else:
                group.closed += row["n"]
    summary.by_status = [(value, label, per_status.get(value, 0)) for value, label in Commitment.Status.choices]
    summary.by_committee = _sorted(per["committee_id"])
    summary.by_ministry = _sorted(per["ministry_id"])
    summary.by_minister = _sorted(per["minister_id"])
    return summary


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarters_back(day: dt.date, count: int) -> list[dt.date]:
    """The first days of the ``count`` quarters up to and including ``day``'s, oldest first."""
    start = quarter_start(day)
    quarters = []
    for _n in range(count):
        quarters.append(start)
        start = quarter_start(start - dt.timedelta(days=1))
    return quarters[::-1]


@dataclass
class OnTime:
    """Deliveries and how many were on time, for one quarter or ministry."""

    key: object
    label: str
    delivered: int = 0
    on_time: int = 0

    @property
    def rate(self) -> int | None:
        return round(100 * self.on_time / self.delivered) if self.delivered else None


@dataclass
class OnTimeFigures:
    by_quarter: list[OnTime]
    by_ministry: dict[int | None, OnTime]
    delivered: int = 0
    on_time: int = 0

    @property
    def rate(self) -> int | None:
        return round(100 * self.on_time / self.delivered) if self.delivered else None


def quarter_label(start: dt.date) -> str:
    return f"K{(start.month - 1) // 3 + 1} {start.year}"


def on_time_figures(filters: Filters, *, today: dt.date, quarters: int = ON_TIME_QUARTERS) -> OnTimeFigures:
    """On-time delivery per quarter and per ministry over the last ``quarters`` quarters (one query)."""
    starts = quarters_back(today, quarters)
    rows: Iterable[dict[str, object]]
    # The on-time tallies do not split by review state: with only reviewed records, count live
    # (the covering index on fulfilled_on keeps that quick).
    if uses_tallies(filters) and not filters.reviewed_only:
        rows = (
            _keyed(OnTimeTally.objects.filter(quarter__gte=starts[0], quarter__lte=starts[-1]), filters)
            .values("quarter", ministry_id=F("ministry_key"))
            .annotate(n=Sum("delivered"), on_time=Sum("on_time"))
            .order_by()
        )
    else:
        rows = (
            base_rows(filters)
            .filter(status=Commitment.Status.DELIVERED, delivered_on_time__isnull=False,
                    fulfilled_on__gte=starts[0], fulfilled_on__lte=today)
            .order_by()
            .annotate(quarter=TruncQuarter("fulfilled_on"))
            .values("quarter", "ministry_id")
            .annotate(n=Count("id"), on_time=Count("id", filter=Q(delivered_on_time=True)))
        )
    by_quarter = {start: OnTime(key=start, label=quarter_label(start)) for start in starts}
    by_ministry: dict[int | None, OnTime] = {}
    figures = OnTimeFigures(by_quarter=list(by_quarter.values()), by_ministry=by_ministry)
    for row in rows:
        quarter = row["quarter"]
        if isinstance(quarter, dt.datetime):
            quarter = quarter.date()
        bucket = by_quarter.get(quarter)
        if bucket is not None:
            bucket.delivered += row["n"]
            bucket.on_time += row["on_time"]
        ministry_id = row["ministry_id"] or None
        ministry = by_ministry.setdefault(ministry_id, OnTime(key=ministry_id, label=""))
        ministry.delivered += row["n"]
        ministry.on_time += row["on_time"]
        figures.delivered += row["n"]
        figures.on_time += row["on_time"]
    return figures
