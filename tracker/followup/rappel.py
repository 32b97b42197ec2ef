"""The half-yearly rappel: per ministry, what is overdue and what expires within six months.

- :func:`rappel_create` snapshots the items in one ``INSERT … SELECT``;
- :func:`rappel_issue_link` makes a ministry's secret link: the token is shown
  once and only its SHA-256 hash is stored;
- :func:`rappel_answer` records a ministry's correction or prognosis; a
  prognosis moves the deadline and is kept as a
  :class:`~tracker.models.DeadlineRevision` with source ``prognosis``, so it
  shows in the record's history and in the slipped list.

No function takes a request; permission checks belong to the caller.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from tracker.followup.changes import followup_changed
from tracker.followup.rules import is_outstanding, outstanding_q
from tracker.locking import claim, fresh
from tracker.models import (
    Commitment,
    DeadlineRevision,
    Ministry,
    Rappel,
    RappelAnswer,
    RappelItem,
    RappelToken,
    ReviewEvent,
)

RAPPEL_MONTHS = 6
# A secret link answers until a month after the answer date (late answers are
# common; ten months later they are not answers to this rappel any more). A
# rappel without an answer date is answered until the next round is due.
LINK_GRACE_MONTHS = 1


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def rappel_create(*, title: str, reference_date: dt.date, user: Any, answer_by: dt.date | None = None) -> Rappel:
    """Start a rappel: every outstanding, dated record with a ministry that is overdue on
    ``reference_date`` or expires within six months after it."""
    horizon = add_months(reference_date, RAPPEL_MONTHS)
    rappel = Rappel.objects.create(title=title.strip(), reference_date=reference_date, horizon=horizon,
                                   answer_by=answer_by, created_by=user)
    selection = (
        Commitment.objects.filter(outstanding_q(), ministry__isnull=False, due_date__isnull=False,
                                  due_date__lte=horizon)
        .order_by()
        .annotate(
            rappel_ref=Value(rappel.pk),
            category=Case(
                When(due_date__lt=reference_date, then=Value(RappelItem.Category.OVERDUE.value)),
                default=Value(RappelItem.Category.EXPIRING.value), output_field=CharField(),
            ),
        )
        .values_list("rappel_ref", "ministry_id", "pk", "category", "due_date")
    )
    sql, params = selection.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {RappelItem._meta.db_table} (rappel_id, ministry_id, commitment_id, category, due_date) "
            f"{sql}",
            params,
        )
    return rappel


@transaction.atomic
def rappel_issue_link(*, rappel: Rappel, ministry: Ministry, user: Any) -> str:
    """A new secret link token for one ministry; the previous one stops working."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    RappelToken.objects.filter(rappel=rappel, ministry=ministry, revoked_at__isnull=True).update(revoked_at=now)
    RappelToken.objects.create(rappel=rappel, ministry=ministry, token_hash=hash_token(token), created_by=user)
    return token


@dataclass(frozen=True)
class MissingMinistry:
    """Records a rappel leaves out because nobody knows the ministry to ask."""

    total: int
    overdue: int
    first: list[Commitment]


MISSING_SHOWN = 50


def missing_ministry(rappel: Rappel) -> MissingMinistry:
    """Outstanding, dated records without a ministry that the rappel would otherwise hold (two queries)."""
    rows = Commitment.objects.filter(outstanding_q(), ministry__isnull=True, due_date__isnull=False,
                                     due_date__lte=rappel.horizon)
    counts = rows.aggregate(total=Count("id"), overdue=Count("id", filter=Q(due_date__lt=rappel.reference_date)))
    first = list(rows.select_related("committee").defer("extracted", "deliverables")
                 .order_by("due_date", "id")[:MISSING_SHOWN]) if counts["total"] else []
    return MissingMinistry(total=counts["total"], overdue=counts["overdue"], first=first)


@transaction.atomic
def rappel_assign_ministry(*, rappel: Rappel, commitment: int, ministry: Ministry, user: Any,
                           expected_version: int) -> RappelItem | None:
    """Give a record its ministry from the rappel page and, when the rappel covers it, add it there."""
    row = fresh(commitment, expected_version)
    if row.ministry_id is not None:
        raise ValidationError(_("Deze toezegging heeft al een ministerie."))
    claim(row.pk, expected_version, ministry=ministry)
    ReviewEvent.objects.create(commitment_id=row.pk, user=user, action=ReviewEvent.Action.CORRECT,
                               changes={"ministry": [None, ministry.pk]},
                               note=_("Ministerie toegewezen vanuit %(rappel)s") % {"rappel": rappel.title})
    if not (is_outstanding(row) and row.due_date and row.due_date <= rappel.horizon):
        return None
    category = (RappelItem.Category.OVERDUE if row.due_date < rappel.reference_date
                else RappelItem.Category.EXPIRING)
    item, _created = RappelItem.objects.get_or_create(
        rappel=rappel, commitment_id=row.pk,
        defaults={"ministry": ministry, "category": category, "due_date": row.due_date},
    )
    return item


def link_expires_on(rappel: Rappel) -> dt.date:
    """The last day a ministry's secret link for ``rappel`` is accepted."""
    if rappel.answer_by is not None:
        return add_months(rappel.answer_by, LINK_GRACE_MONTHS)
    return add_months(rappel.reference_date, RAPPEL_MONTHS)


def rappel_token_lookup(token: str, *, today: dt.date | None = None) -> RappelToken | None:
    """The live link for ``token``, or None (unknown, revoked, expired, malformed, or its
    maker's account is deactivated: secret links stop with their owner)."""
    if not token or len(token) > 100:
        return None
    found = (
        RappelToken.objects.filter(token_hash=hash_token(token), revoked_at__isnull=True)
        .filter(Q(created_by__isnull=True) | Q(created_by__is_active=True))
        .select_related("rappel", "ministry").first()
    )
    if found is not None and link_expires_on(found.rappel) < (today or timezone.localdate()):
        return None
    if found is not None:
        RappelToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
    return found


@transaction.atomic
def rappel_answer(
    *, rappel: Rappel, ministry: Ministry, item_id: int, kind: str, reason: str,
    expected_on: dt.date | None = None, kamerstuk: str = "", today: dt.date | None = None,
) -> RappelAnswer:
    """Record a ministry's answer on one item of its rappel.

    A prognosis needs a new expected date; it becomes the record's deadline
    (day precision) and a DeadlineRevision with source ``prognosis``.
    """
    today = today or timezone.localdate()
    reason = reason.strip()
    kamerstuk = " ".join(kamerstuk.split())
    item = (
        RappelItem.objects.filter(pk=item_id, rappel=rappel, ministry=ministry).select_related("commitment").first()
    )
    if item is None:
        raise ValidationError(_("Dit punt hoort niet bij deze rappel."))
    errors: dict[str, list[str]] = {}
    if kind not in RappelAnswer.Kind.values:
        errors["kind"] = [_("Kies prognose of correctie.")]
    if not reason:
        errors["reason"] = [_("Geef een toelichting.")]
    if kind == RappelAnswer.Kind.PROGNOSIS:
        if expected_on is None:
            errors["expected_on"] = [_("Geef de nieuwe verwachte datum.")]
        elif expected_on < today:
            errors["expected_on"] = [_("Een prognose ligt vandaag of later.")]
        elif expected_on > add_months(today, 120):
            errors["expected_on"] = [_("Geef een datum binnen tien jaar.")]
    if errors:
        raise ValidationError(errors)

    answer = RappelAnswer(item=item, kind=kind, reason=reason, kamerstuk=kamerstuk,
                          expected_on=expected_on if kind == RappelAnswer.Kind.PROGNOSIS else None)
    if kind == RappelAnswer.Kind.PROGNOSIS:
        assert expected_on is not None
        answer.revision = _move_deadline(item.commitment_id, expected_on, reason=reason, rappel=rappel, today=today)
    answer.save()
    return answer


def _move_deadline(pk: int, new_due: dt.date, *, reason: str, rappel: Rappel, today: dt.date) -> DeadlineRevision:
    row = Commitment.objects.select_for_update().get(pk=pk)
    if not is_outstanding(row):
        raise ValidationError(_("Deze toezegging is intussen afgesloten; een prognose is niet meer nodig. "
                                "Geef zo nodig een correctie."))
    new_text = _("prognose ministerie: %(date)s") % {"date": dateformat.format(new_due, "j F Y")}
    revision = DeadlineRevision.objects.create(
        commitment=row, source=DeadlineRevision.Source.PROGNOSIS, reason=reason,
        quote=_("Antwoord op %(rappel)s") % {"rappel": rappel.title},
        old_text=row.deadline_text, old_due=row.due_date, old_window_start=row.window_start,
        old_precision=row.precision, new_text=new_text[:300], new_due=new_due, new_window_start=None,
        new_precision="day",
    )
    Commitment.objects.filter(pk=pk).update(
        deadline_text=new_text[:300], due_date=new_due, window_start=None, precision="day",
        deadline_assumed=False, version=F("version") + 1, updated_at=timezone.now(),
    )
    followup_changed(Q(pk=pk), today=today)
    return revision


@dataclass
class MinistryRow:
    ministry: Ministry
    overdue: int = 0
    expiring: int = 0
    answered: int = 0
    link: RappelToken | None = None

    @property
    def total(self) -> int:
        return self.overdue + self.expiring


def rappel_overview(rappel: Rappel) -> list[MinistryRow]:
    """Per ministry: how many items, how many answered, and its live link (three queries)."""
    counts = list(
        RappelItem.objects.filter(rappel=rappel).order_by().values("ministry_id", "category")
        .annotate(n=Count("id", distinct=True), answered=Count("id", filter=Q(answers__isnull=False), distinct=True))
    )
    rows: dict[int, MinistryRow] = {}
    ministries = Ministry.objects.in_bulk({c["ministry_id"] for c in counts})
    for count in counts:
        row = rows.setdefault(count["ministry_id"], MinistryRow(ministry=ministries[count["ministry_id"]]))
        if count["category"] == RappelItem.Category.OVERDUE:
            row.overdue += count["n"]
        else:
            row.expiring += count["n"]
        row.answered += count["answered"]
    for token in RappelToken.objects.filter(rappel=rappel, revoked_at__isnull=True):
        if token.ministry_id in rows:
            rows[token.ministry_id].link = token
    return sorted(rows.values(), key=lambda r: (-r.overdue, -r.total, r.ministry.name))


@dataclass
class MinistryItems:
    overdue: list[RappelItem]
    expiring: list[RappelItem]

    @property
    def has_unreviewed(self) -> bool:
        return any(i.commitment.review_state == Commitment.ReviewState.UNREVIEWED
                   for i in self.overdue + self.expiring)


def rappel_ministry_items(rappel: Rappel, ministry: Ministry) -> MinistryItems:
    """The items for one ministry with their records and answers, oldest deadline first (two queries)."""
    items = list(
        RappelItem.objects.filter(rappel=rappel, ministry=ministry)
        .select_related("commitment", "commitment__committee", "commitment__minister")
        .defer("commitment__extracted", "commitment__deliverables")
        .prefetch_related("answers")
        .order_by("due_date", "id")
    )
    return MinistryItems(
        overdue=[i for i in items if i.category == RappelItem.Category.OVERDUE],
        expiring=[i for i in items if i.category == RappelItem.Category.EXPIRING],
    )
