"""Reads of the motions register, as plain functions returning querysets.

The web views, the REST feed and the alerts use the same functions, so "what
is an adopted motion without follow-up" or "which status suggestions are
pending" has one answer everywhere. Every function is set-based: the number
of queries does not grow with the number of motions.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Lower
from django.utils import timezone

from motions.models import (
    Motion,
    MotionCitation,
    MotionSigner,
    MotionStatusChange,
    MotionText,
    MotionVote,
)
from motions.services import EXECUTION_FROM_STATED


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the month's last day when shorter)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    month = month0 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def alive_motions() -> QuerySet[Motion]:
    """Motions not deleted in the open data."""
    return Motion.objects.filter(deleted_at__isnull=True)


def motion_by_key(key: str) -> Motion | None:
    return Motion.objects.select_related("ministry", "committee", "source_document").filter(
        key=key
    ).first()


# --------------------------------------------------------------------------
# The register
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class MotionFilters:
    """What a clerk can filter the register on; empty values do not filter."""

    member: str = ""
    party: str = ""
    committee_id: int | None = None
    ministry_id: int | None = None
    vote_result: str = ""
    execution_status: str = ""
    text: str = ""
    without_followup: bool = False


def motions_without_followup(
    *, months: int | None = None, today: dt.date | None = None, queryset: QuerySet[Motion] | None = None
) -> QuerySet[Motion]:
    """Adopted motions voted on at least ``months`` months ago (``MOTION_FOLLOWUP_MONTHS``)
    that no document has cited and whose status no one has changed since the vote.

    A citation counts when its document is dated on or after the vote and it is
    not deleted or rejected; a status change counts when made on or after the
    vote date.
    """
    months = settings.MOTION_FOLLOWUP_MONTHS if months is None else months
    cutoff = months_before(today or timezone.localdate(), months)
    queryset = alive_motions() if queryset is None else queryset.filter(deleted_at__isnull=True)
    cited = MotionCitation.objects.filter(
        motion=OuterRef("pk"), deleted_at__isnull=True, document__reference_date__gte=OuterRef("vote_date")
    ).exclude(review_state=MotionCitation.Review.REJECTED)
    changed = MotionStatusChange.objects.filter(motion=OuterRef("pk"), created_at__date__gte=OuterRef("vote_date"))
    return queryset.filter(vote_result=Motion.VoteResult.ADOPTED, vote_date__lte=cutoff).filter(
        ~Exists(cited), ~Exists(changed)
    )


def filter_motions(
    queryset: QuerySet[Motion], filters: MotionFilters, *, today: dt.date | None = None,
    months: int | None = None,
) -> QuerySet[Motion]:
    """Apply the register's filters to any queryset of motions (also the API's)."""
    if filters.member:
        signed = MotionSigner.objects.filter(name__icontains=filters.member.strip())
        queryset = queryset.filter(pk__in=signed.values("motion_id"))
    if filters.party:
        signed = MotionSigner.objects.filter(party__iexact=filters.party.strip())
        queryset = queryset.filter(pk__in=signed.values("motion_id"))
    if filters.committee_id:
        queryset = queryset.filter(committee_id=filters.committee_id)
    if filters.ministry_id:
        queryset = queryset.filter(ministry_id=filters.ministry_id)
    if filters.vote_result:
        queryset = queryset.filter(vote_result=filters.vote_result)
    if filters.execution_status:
        queryset = queryset.filter(execution_status=filters.execution_status)
    if filters.text:
        words = filters.text.strip()
        queryset = queryset.filter(
            Q(key__icontains=words) | Q(title__icontains=words) | Q(request__icontains=words)
            | Q(zaak_number__iexact=words)
        )
    if filters.without_followup:
        queryset = motions_without_followup(months=months, today=today, queryset=queryset)
    return queryset


def motion_register(
    filters: MotionFilters | None = None, *, today: dt.date | None = None, months: int | None = None
) -> QuerySet[Motion]:
    """The register as clerks see it: newest first (longest waiting first when
    listing motions without follow-up), with ministry, committee and signers."""
    filters = filters or MotionFilters()
    queryset = filter_motions(alive_motions(), filters, today=today, months=months)
    if filters.without_followup:
        ordering = [F("vote_date").asc(), "key"]
    else:
        ordering = [F("date").desc(nulls_last=True), "key"]
    return (
        queryset.select_related("ministry", "committee")
        .prefetch_related(Prefetch("signers", queryset=MotionSigner.objects.order_by("role", "position")))
        .order_by(*ordering)
    )


def signer_parties() -> list[str]:
    """Every party that signed a motion, for the register's party filter."""
    return list(
        MotionSigner.objects.exclude(party="").order_by("party").values_list("party", flat=True).distinct()
    )


# --------------------------------------------------------------------------
# One motion
# --------------------------------------------------------------------------


def motion_citations(motion: Motion) -> QuerySet[MotionCitation]:
    """Every answer and commitment citing the motion, oldest document first."""
    return (
        MotionCitation.objects.filter(motion=motion, deleted_at__isnull=True)
        .exclude(review_state=MotionCitation.Review.REJECTED)
        .select_related("document", "commitment")
        .order_by(F("document__reference_date").asc(nulls_last=True), "document_id", "start")
    )


def decision_votes(motion: Motion) -> list[MotionVote]:
    """The votes cast on the decision that gave the motion its result."""
    if not motion.decision_tk_id:
        return []
    return list(
        motion.votes.filter(deleted_at__isnull=True, decision_tk_id=motion.decision_tk_id).order_by(
            F("party_size").desc(nulls_last=True), "party", "member"
        )
    )


@dataclass(frozen=True)
class VoteSummary:
    seats_for: int
    seats_against: int
    parties_for: list[str]
    parties_against: list[str]
    parties_absent: list[str]


def vote_summary(votes: Iterable[MotionVote]) -> VoteSummary:
    """Seats for and against; a roll-call vote counts one seat per member."""
    seats = {MotionVote.Choice.FOR: 0, MotionVote.Choice.AGAINST: 0}
    parties: dict[str, list[str]] = defaultdict(list)
    for vote in votes:
        weight = 1 if vote.member else (vote.party_size or 0)
        if vote.choice in seats:
            seats[vote.choice] += weight
        label = f"{vote.member} ({vote.party})" if vote.member else vote.party
        parties[vote.choice].append(label)
    return VoteSummary(
        seats_for=seats[MotionVote.Choice.FOR], seats_against=seats[MotionVote.Choice.AGAINST],
        parties_for=parties[MotionVote.Choice.FOR], parties_against=parties[MotionVote.Choice.AGAINST],
        parties_absent=parties[MotionVote.Choice.ABSENT],
    )


def status_history(motion: Motion) -> QuerySet[MotionStatusChange]:
    return motion.status_changes.select_related("changed_by", "source_citation__document").order_by(
        "created_at", "id"
    )


# --------------------------------------------------------------------------
# Reviewers' work
# --------------------------------------------------------------------------


def _suggested_status() -> Case:
    return Case(
        *[When(stated_status=stated, then=Value(str(status))) for stated, status in EXECUTION_FROM_STATED.items()],
        default=Value(""),
    )


def pending_status_suggestions(motion: Motion | None = None) -> QuerySet[MotionCitation]:
    """Citations stating an execution status that differs from the motion's and
    that no reviewer has looked at; ``suggested_status`` holds the status."""
    queryset = (
        MotionCitation.objects.filter(
            motion__isnull=False, motion__deleted_at__isnull=True, deleted_at__isnull=True,
            review_state=MotionCitation.Review.UNREVIEWED, stated_status__in=EXECUTION_FROM_STATED.keys(),
        )
        .annotate(suggested_status=_suggested_status())
        .exclude(suggested_status=F("motion__execution_status"))
    )
    if motion is not None:
        queryset = queryset.filter(motion=motion)
    return queryset.select_related("motion", "document", "commitment").order_by(
        F("document__reference_date").asc(nulls_last=True), "document_id", "start"
    )


def unresolved_citations() -> QuerySet[MotionCitation]:
    """Citations by name only that no one has linked to a motion yet."""
    return (
        MotionCitation.objects.filter(motion__isnull=True, deleted_at__isnull=True)
        .exclude(review_state=MotionCitation.Review.REJECTED)
        .select_related("document")
        .order_by(F("document__reference_date").desc(nulls_last=True), "document_id", "start")
    )


def candidate_motions(citations: Sequence[MotionCitation], limit: int = 5) -> dict[int, list[Motion]]:
    """Per citation, motions signed by every member it names and dated no later
    than the citing document, newest first (one query for all citations)."""
    names = {name.casefold() for citation in citations for name in citation.members}
    if not names:
        return {citation.pk: [] for citation in citations}
    signers = (
        MotionSigner.objects.annotate(lower_name=Lower("name"))
        .filter(lower_name__in=names, motion__deleted_at__isnull=True)
        .select_related("motion")
    )
    signed_by: dict[int, set[str]] = defaultdict(set)
    motions: dict[int, Motion] = {}
    for signer in signers:
        signed_by[signer.motion_id].add(signer.name.casefold())
        motions[signer.motion_id] = signer.motion
    result: dict[int, list[Motion]] = {}
    for citation in citations:
        wanted = {name.casefold() for name in citation.members}
        cited_on = citation.document.reference_date
        found = [
            motions[pk] for pk, signed in signed_by.items()
            if wanted and wanted <= signed and (motions[pk].date is None or cited_on is None
                                                or motions[pk].date <= cited_on)
        ]
        found.sort(key=lambda m: (m.date or dt.date.min, m.key), reverse=True)
        result[citation.pk] = found[:limit]
    return result


def unnumbered_motion_texts() -> QuerySet[MotionText]:
    """Ingested motion texts without a Kamerstuk number, waiting for a reviewer."""
    return MotionText.objects.filter(motion__isnull=True).select_related("document").order_by("-created_at")
