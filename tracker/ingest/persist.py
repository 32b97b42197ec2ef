"""Write what the extraction engine found, in one transaction.

On a document's first extraction every finding becomes an unreviewed record.
On re-extraction (a new extractor version) reviewer work is never lost:

- confirmed or corrected records keep the reviewer's values (the new
  extractor's values are stored beside them, under ``extracted``);
- findings not seen before are added as unreviewed;
- unreviewed records the new version no longer finds are tombstoned;
- confirmed/corrected records it no longer finds stay and are flagged
  (``not_found_by_version``).

A record is "the same" across versions when its whitespace-normalised text is
equal, or failing that when its span overlaps the old span by more than half.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from motions.models import Motion, MotionCitation
from tracker.extraction import types as ex
from tracker.extraction.motions import split_key
from tracker.followup.changes import followup_changed
from tracker.models import (
    Commitment,
    Committee,
    DeadlineRevision,
    Document,
    Ministry,
    Person,
    QuestionItem,
)
from tracker.similarity import content_words, jaccard

_SPACE = re.compile(r"\s+")
REVIEWED = (Commitment.ReviewState.CONFIRMED, Commitment.ReviewState.CORRECTED)


@dataclass
class PersistResult:
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    kept_reviewed: list[int] = field(default_factory=list)
    tombstoned: list[int] = field(default_factory=list)
    flagged: list[int] = field(default_factory=list)
    revisions: list[int] = field(default_factory=list)


def fingerprint(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def deadline_fields(deadline: ex.Deadline | None) -> dict[str, Any]:
    if deadline is None:
        return {"deadline_text": "", "deadline_start": None, "deadline_end": None, "due_date": None,
                "window_start": None, "precision": ex.PRECISION_NONE}
    return {"deadline_text": deadline.text[:300], "deadline_start": deadline.start, "deadline_end": deadline.end,
            "due_date": deadline.due, "window_start": deadline.window_start, "precision": deadline.precision}


def deadline_json(deadline: ex.Deadline | None) -> dict[str, Any] | None:
    if deadline is None:
        return None
    return {"text": deadline.text, "start": deadline.start, "end": deadline.end,
            "due": deadline.due.isoformat() if deadline.due else None,
            "window_start": deadline.window_start.isoformat() if deadline.window_start else None,
            "precision": deadline.precision}


def extracted_values(found: ex.Commitment, version: str) -> dict[str, Any]:
    """The extractor's own values, kept verbatim next to the reviewer's."""
    return {
        "version": version, "text": found.text, "start": found.start, "end": found.end, "page": found.page,
        "actor": found.actor, "deliverables": list(found.deliverables), "kind": found.kind,
        "certainty": found.certainty, "confidence": found.confidence, "deadline": deadline_json(found.deadline),
        "motions": list(found.motions),
        "revision": None if found.revision is None else {
            "text": found.revision.text, "previous": deadline_json(found.revision.previous)},
    }


def _model_fields(found: ex.Commitment, version: str) -> dict[str, Any]:
    return {
        "text": found.text, "start": found.start, "end": found.end, "page": found.page,
        "actor": found.actor[:200], "deliverables": list(found.deliverables), "kind": found.kind,
        "certainty": found.certainty, "confidence": max(0.0, min(1.0, found.confidence)),
        "extractor_version": version, "extracted": extracted_values(found, version),
        **deadline_fields(found.deadline),
    }


def _apply_document_info(document: Document, extraction: ex.Extraction) -> Person | None:
    """Fill metadata the uploader did not set; never overwrite what a user set."""
    info = extraction.document
    if document.reference_date_source != Document.DateSource.USER and info.reference_date:
        document.reference_date = info.reference_date
        document.reference_date_source = info.reference_date_source or Document.DateSource.DOCUMENT
    if document.kind == Document.Kind.OTHER and info.kind in Document.Kind.values:
        document.kind = info.kind
    if not document.title and info.title:
        document.title = info.title[:500]
    if not document.kamerstuk and info.kamerstuk:
        document.kamerstuk = info.kamerstuk[:100]
    if document.committee_id is None and info.committee:
        document.committee = Committee.objects.get_or_create(name=info.committee[:200])[0]
    if document.ministry_id is None and info.ministry:
        document.ministry = Ministry.objects.get_or_create(name=info.ministry[:200])[0]
    document.extractor_version = extraction.version
    document.page_count = extraction.page_count
    document.text = extraction.text
    document.save()
    if not info.minister:
        return None
    minister, _created = Person.objects.get_or_create(
        name=info.minister[:200], role=Person.Role.MINISTER, party="",
        defaults={"ministry": document.ministry, "function": f"minister van {document.ministry}"
                  if document.ministry else ""},
    )
    return minister


def _sync_items(document: Document, items: list[ex.QAItem]) -> list[QuestionItem]:
    existing = {item.position: item for item in document.items.all()}
    rows: list[QuestionItem] = []
    for position, found in enumerate(items, start=1):
        row = existing.pop(position, None) or QuestionItem(document=document, position=position)
        row.number = (found.number or "")[:20]
        row.question_text = found.question
        row.member = (found.member or "")[:200]
        row.party = (found.party or "")[:100]
        row.question_start, row.question_end = found.question_start, found.question_end
        row.answer_start, row.answer_end = found.answer_start, found.answer_end
        rows.append(row)
    QuestionItem.objects.filter(pk__in=[row.pk for row in existing.values()]).delete()
    to_create = [row for row in rows if row.pk is None]
    to_update = [row for row in rows if row.pk is not None]
    QuestionItem.objects.bulk_create(to_create)
    QuestionItem.objects.bulk_update(
        to_update, ["number", "question_text", "member", "party", "question_start", "question_end",
                    "answer_start", "answer_end"],
    )
    if to_create and not all(row.pk for row in to_create):  # backends without RETURNING ids
        by_position = {row.position: row for row in document.items.all()}
        rows = [by_position[row.position] for row in rows]
    return rows


def _match(old: list[Commitment], found: ex.Commitment, used: set[int]) -> Commitment | None:
    key = fingerprint(found.text)
    for row in old:
        if row.pk not in used and fingerprint(row.extracted.get("text", row.text)) == key:
            return row
    for row in old:
        if row.pk in used:
            continue
        overlap = min(row.end, found.end) - max(row.start, found.start)
        if overlap > 0.5 * max(row.end - row.start, found.end - found.start):
            return row
    return None


def _record_revision(
    document: Document, found: ex.Commitment, target: Commitment, result: PersistResult, *, moves_target: bool
) -> None:
    """Record the move of a deadline on ``target`` (once per source document and quote)."""
    revision = found.revision
    assert revision is not None
    if DeadlineRevision.objects.filter(commitment=target, source_document=document, quote=revision.text).exists():
        return
    new = deadline_fields(found.deadline)
    old = deadline_fields(revision.previous) if not moves_target else {
        "deadline_text": target.deadline_text, "due_date": target.due_date,
        "window_start": target.window_start, "precision": target.precision}
    row = DeadlineRevision.objects.create(
        commitment=target, source=DeadlineRevision.Source.DOCUMENT, source_document=document,
        quote=revision.text,
        old_text=old["deadline_text"], old_due=old["due_date"], old_window_start=old["window_start"],
        old_precision=old["precision"],
        new_text=new["deadline_text"], new_due=new["due_date"], new_window_start=new["window_start"],
        new_precision=new["precision"],
    )
    result.revisions.append(row.pk)
    if moves_target:
        Commitment.objects.filter(pk=target.pk).update(
            deadline_text=new["deadline_text"], due_date=new["due_date"], window_start=new["window_start"],
            precision=new["precision"], deadline_start=None, deadline_end=None, overdue_since=None,
            due_soon_since=None, version=F("version") + 1, updated_at=timezone.now(),
        )


def _find_revised_commitment(document: Document, found: ex.Commitment) -> Commitment | None:
    words = content_words(*found.deliverables, found.text)
    if not words:
        return None
    candidates = Commitment.objects.alive().filter(status=Commitment.Status.OPEN).exclude(document=document)
    if document.ministry_id:
        candidates = candidates.filter(ministry_id=document.ministry_id)
    previous = found.revision.previous if found.revision else None
    if previous is not None and previous.due is not None:
        candidates = candidates.filter(due_date=previous.due)
    best, best_score = None, 0.0
    for row in candidates.only("id", "text", "deliverables", "deadline_text", "due_date", "window_start",
                               "precision")[:200]:
        score = jaccard(words, content_words(*row.deliverables, row.text))
        if score > best_score:
            best, best_score = row, score
    return best if best_score >= 0.15 else None


def _sync_citations(
    document: Document, extraction: ex.Extraction, commitments: list[tuple[ex.Commitment, Commitment]]
) -> None:
    keys = {c.key for c in extraction.motions if c.key}
    motions = {m.key: m for m in Motion.objects.filter(key__in=keys)}
    for key in keys - motions.keys():
        dossier, number = split_key(key)
        motions[key] = Motion.objects.create(key=key, dossier=dossier, number=number)
    reviewed = set(
        document.motion_citations.exclude(review_state=MotionCitation.Review.UNREVIEWED).values_list("start", "end")
    )
    document.motion_citations.filter(review_state=MotionCitation.Review.UNREVIEWED).delete()

    def owner(citation: ex.MotionCitation) -> Commitment | None:
        # The commitment the citation stands in, else the first one after it
        # that refers back to the same motion ("… uitvoering van deze motie").
        for found, row in commitments:
            if found.start <= citation.start < found.end:
                return row
        for found, row in commitments:
            if citation.key and citation.key in found.motions and 0 <= found.start - citation.end <= 800:
                return row
        return None

    MotionCitation.objects.bulk_create([
        MotionCitation(
            document=document, motion=motions.get(c.key), commitment=owner(c), key=c.key,
            members=list(c.members), text=c.text, start=c.start, end=c.end,
            stated_status=c.stated_status or "",
        )
        for c in extraction.motions if (c.start, c.end) not in reviewed
    ])


def date_promises(document: Document) -> int:
    """A document's commitments were promised on its date (one UPDATE, only rows that differ)."""
    rows = Commitment.objects.filter(document_id=document.pk)
    if document.reference_date is None:
        return rows.filter(promised_on__isnull=False).update(promised_on=None)
    return rows.filter(Q(promised_on__isnull=True) | ~Q(promised_on=document.reference_date)).update(
        promised_on=document.reference_date)


@transaction.atomic
def extraction_persist(*, document: Document, extraction: ex.Extraction) -> PersistResult:
    result = PersistResult()
    document = Document.objects.select_for_update().get(pk=document.pk)
    minister = _apply_document_info(document, extraction)
    item_rows = _sync_items(document, extraction.items)
    item_by_span = {(row.answer_start, row.answer_end): row for row in item_rows}

    old = list(document.commitments.filter(deleted_at__isnull=True))
    used: set[int] = set()
    pairs: list[tuple[ex.Commitment, Commitment]] = []
    version = extraction.version
    for found in extraction.commitments:
        if found.revision is not None:
            # A statement that an earlier promise moves is a revision of that
            # promise, not a new one. Only when no earlier record matches is it
            # kept as a record of its own, with the slip on it, for reviewers.
            target = _find_revised_commitment(document, found)
            if target is not None:
                _record_revision(document, found, target, result, moves_target=True)
                continue
        item = item_by_span.get((found.question.answer_start, found.question.answer_end)) if found.question else None
        row = _match(old, found, used)
        values = _model_fields(found, version)
        links = {"question": item, "promised_to_member": item.member if item else "",
                 "promised_to_party": item.party if item else ""}
        if row is None:
            row = Commitment.objects.create(
                document=document, committee=document.committee, ministry=document.ministry, minister=minister,
                **values, **links,
            )
            result.created.append(row.pk)
        elif row.review_state in REVIEWED:
            # The reviewer's values stay; only the extractor's own record and spans move on.
            Commitment.objects.filter(pk=row.pk).update(
                extracted=values["extracted"], extractor_version=version, not_found_by_version="",
                start=found.start, end=found.end, question=item,
            )
            result.kept_reviewed.append(row.pk)
        else:
            for name, value in {**values, **links}.items():
                setattr(row, name, value)
            row.not_found_by_version = ""
            row.version += 1
            row.save()
            result.updated.append(row.pk)
        used.add(row.pk)
        pairs.append((found, row))
        if found.revision is not None:
            _record_revision(document, found, row, result, moves_target=False)

    gone = [row for row in old if row.pk not in used]
    unreviewed_gone = [row.pk for row in gone if row.review_state == Commitment.ReviewState.UNREVIEWED]
    reviewed_gone = [row.pk for row in gone if row.review_state in REVIEWED]
    now = timezone.now()
    Commitment.objects.filter(pk__in=unreviewed_gone).update(deleted_at=now, updated_at=now, version=F("version") + 1)
    Commitment.objects.filter(pk__in=reviewed_gone).update(not_found_by_version=version, updated_at=now)
    result.tombstoned, result.flagged = unreviewed_gone, reviewed_gone
    _sync_citations(document, extraction, pairs)
    date_promises(document)
    followup_changed(Q(document_id=document.pk))
    return result
