"""Propose extracted commitments and register entries that are the same promise.

Same ministry, overlapping words (Jaccard over content words, as duplicate
candidates are scored) and close in time (the document date and the
register's ``Aanmaakdatum`` at most :data:`WINDOW_DAYS` apart). Proposals go
to reviewers; nothing is merged automatically. Set-based: one read of the
candidates per batch, one insert.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from tracker.models import Commitment, Document, RegisterMatch
from tracker.review.services import commitments_merge
from tracker.similarity import content_words, jaccard

MIN_SCORE = 0.3
WINDOW_DAYS = 120
MAX_PER_RECORD = 5
FIELDS = ("pk", "ministry_id", "text", "deliverables", "document__reference_date")


def _rows(queryset: QuerySet[Commitment]) -> list[tuple[int, int, set[str], dt.date]]:
    return [
        (pk, ministry, content_words(*deliverables, text), day)
        for pk, ministry, text, deliverables, day in queryset.values_list(*FIELDS).iterator(chunk_size=2000)
        if ministry and day
    ]


def _candidates(rows: list[tuple[int, int, set[str], dt.date]], *, register: bool) -> QuerySet[Commitment]:
    window = dt.timedelta(days=WINDOW_DAYS)
    days = [day for _pk, _m, _w, day in rows]
    return Commitment.objects.alive().filter(
        register_entry__isnull=not register, duplicate_of__isnull=True,
        ministry_id__in={ministry for _pk, ministry, _w, _d in rows},
        document__reference_date__range=(min(days) - window, max(days) + window),
    )


def _propose(left: list[tuple[int, int, set[str], dt.date]], right: list[tuple[int, int, set[str], dt.date]],
             *, left_is_register: bool) -> int:
    by_ministry: dict[int, list[tuple[int, int, set[str], dt.date]]] = defaultdict(list)
    for row in right:
        by_ministry[row[1]].append(row)
    proposals: list[RegisterMatch] = []
    for pk, ministry, words, day in left:
        scored = []
        for other, _m, other_words, other_day in by_ministry.get(ministry, []):
            if abs((other_day - day).days) > WINDOW_DAYS:
                continue
            score = jaccard(words, other_words)
            if score >= MIN_SCORE:
                scored.append((round(min(score, 1.0), 3), other, sorted(words & other_words)))
        scored.sort(key=lambda item: (-item[0], item[1]))
        for score, other, matched in scored[:MAX_PER_RECORD]:
            register, extracted = (pk, other) if left_is_register else (other, pk)
            proposals.append(RegisterMatch(register_id=register, extracted_id=extracted, score=score,
                                           matched_words=matched[:20]))
    RegisterMatch.objects.bulk_create(proposals, ignore_conflicts=True)
    return len(proposals)


def propose_for_register(commitment_ids: list[int]) -> int:
    """New register entries against extracted commitments."""
    left = _rows(Commitment.objects.filter(pk__in=commitment_ids))
    if not left:
        return 0
    return _propose(left, _rows(_candidates(left, register=False)), left_is_register=True)


def propose_for_document(document: Document) -> int:
    """A document's extracted commitments against register entries."""
    left = _rows(document.commitments.alive().filter(register_entry__isnull=True))
    if not left:
        return 0
    return _propose(left, _rows(_candidates(left, register=True)), left_is_register=False)


def pending_matches(commitment: Commitment) -> list[RegisterMatch]:
    """Open proposals involving this record, either side, best first."""
    rows = (RegisterMatch.objects.filter(state=RegisterMatch.State.PENDING)
            .filter(register__deleted_at__isnull=True, extracted__deleted_at__isnull=True)
            .select_related("register__register_entry", "extracted__document"))
    return list(rows.filter(register=commitment) | rows.filter(extracted=commitment))


@transaction.atomic
def match_decide(*, match: RegisterMatch, user: Any, accept: bool, expected_versions: dict[int, int]) -> Commitment:
    """Accept (merge the extracted record into the register's, through the review write path) or dismiss."""
    match = RegisterMatch.objects.select_for_update().get(pk=match.pk)
    kept = match.register
    if accept:
        kept = commitments_merge(
            keep=match.register, duplicates=[match.extracted], user=user, expected_versions=expected_versions,
            note="Dezelfde toezegging als in het toezeggingenregister van de Tweede Kamer.",
        )
    match.state = RegisterMatch.State.ACCEPTED if accept else RegisterMatch.State.DISMISSED
    match.decided_by, match.decided_at = user, timezone.now()
    match.save(update_fields=["state", "decided_by", "decided_at"])
    return kept
