"""Suggest which open commitments a newly arrived document may fulfil.

A letter titled "Afrikastrategie" that arrives after a promise to send an
Afrikastrategie probably fulfils it. The score is the share of the promised
deliverable's words found in the new document's title (weighted most) and
opening, for open commitments of the same ministry made before the document.
Suggestions go to reviewers; nothing is ever closed automatically.
"""

from __future__ import annotations

import operator
from functools import reduce

from django.db import transaction
from django.db.models import Q

from tracker.models import Commitment, Document, FulfilmentSuggestion
from tracker.similarity import content_words

MIN_SCORE = 0.4
MAX_SUGGESTIONS = 10
OPENING_CHARS = 3000
MAX_KEY_WORDS = 12
# Documents that answer questions rarely deliver a promised product.
FULFILLING_KINDS = (Document.Kind.LETTER, Document.Kind.REPORT, Document.Kind.OTHER)


def score(deliverable_words: set[str], title_words: set[str], opening_words: set[str]) -> float:
    if not deliverable_words:
        return 0.0
    in_title = len(deliverable_words & title_words) / len(deliverable_words)
    in_opening = len(deliverable_words & opening_words) / len(deliverable_words)
    return round(min(1.0, 0.7 * in_title + 0.3 * in_opening), 3)


@transaction.atomic
def suggest_fulfilments(document: Document) -> list[FulfilmentSuggestion]:
    if document.kind not in FULFILLING_KINDS:
        return []
    title_words = content_words(document.title)
    opening_words = content_words(document.text[:OPENING_CHARS])
    if not title_words and not opening_words:
        return []
    candidates = Commitment.objects.alive().filter(status__in=[Commitment.Status.OPEN,
                                                               Commitment.Status.PARTLY_DELIVERED])
    candidates = candidates.exclude(document=document).exclude(deliverables=[])
    # Only commitments whose deliverable shares a word with the title (or the
    # opening, for untitled documents) can score; let the database narrow
    # them so the cost does not grow with the whole register.
    key_words = sorted(title_words or opening_words, key=len, reverse=True)[:MAX_KEY_WORDS]
    candidates = candidates.filter(reduce(operator.or_, (Q(deliverables__icontains=w) for w in key_words)))
    if document.ministry_id:
        candidates = candidates.filter(ministry_id=document.ministry_id)
    if document.reference_date:
        candidates = candidates.filter(document__reference_date__lte=document.reference_date)
    scored = []
    for pk, deliverables in candidates.values_list("pk", "deliverables").iterator(chunk_size=2000):
        words = content_words(*deliverables)
        value = score(words, title_words, opening_words)
        if value >= MIN_SCORE:
            scored.append((value, pk, sorted(words & (title_words | opening_words))))
    scored.sort(key=lambda row: (-row[0], row[1]))
    suggestions = [
        FulfilmentSuggestion(commitment_id=pk, document=document, score=value, matched_words=matched)
        for value, pk, matched in scored[:MAX_SUGGESTIONS]
    ]
    FulfilmentSuggestion.objects.bulk_create(suggestions, ignore_conflicts=True)
    return suggestions
