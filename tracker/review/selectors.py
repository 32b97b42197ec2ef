"""Read side of review: the queue, the record page and the quality figures.

Every function here reads a bounded number of rows with a fixed number of
queries, whatever the size of the page. The source passage is cut out of
``Document.text`` by the database (``SUBSTR``), so a page of twenty records
never loads twenty whole documents; and only for the rows of the page, after
sorting and paging (:func:`attach_passages`), so a document of 5,000 records
costs the queue no more than one of ten.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, Greatest, Least, Substr
from django.utils.safestring import SafeString

from motions.models import MotionCitation
from tracker.extraction.pipeline import default_actor
from tracker.models import Commitment, Committee, Document, Ministry, QuestionItem, ReviewEvent
from tracker.review.highlight import COMMITMENT, DEADLINE, MOTION, OTHER, Mark, render_passage
from tracker.review.presentation import (
    FIELD_LABELS,
    ChangeRow,
    change_rows,
    display,
    question_label,
)
from tracker.review.services import CORRECTABLE_FIELDS, RejectReason
from tracker.similarity import content_words, jaccard

# Characters of text around a commitment that answers no numbered question.
CONTEXT_WINDOW = 700


@dataclass(frozen=True, slots=True)
class QueueFilters:
    document: int | None = None
    committee: int | None = None
    ministry: int | None = None
    kind: str | None = None


def with_passage(queryset: QuerySet[Commitment]) -> QuerySet[Commitment]:
    """Annotate the span of the answer (or the text around the commitment):
    ``passage_start`` and ``passage_end``; :func:`attach_passages` cuts the text."""
    return queryset.annotate(
        passage_start=Case(
            When(question__isnull=False, then=Least(F("question__answer_start"), F("start"))),
            default=Greatest(F("start") - CONTEXT_WINDOW, Value(0)),
        ),
        passage_end=Case(
            When(question__isnull=False, then=Greatest(F("question__answer_end"), F("end"))),
            default=F("end") + CONTEXT_WINDOW,
        ),
    )


def _passage_texts(rows: Sequence[Commitment]) -> dict[int, str]:
    """The passage of each row plus one character (is there text after it?), in one
    query for these rows only."""
    cut = with_passage(Commitment.objects.filter(pk__in=[row.pk for row in rows])).annotate(
        cut=Substr("document__text", F("passage_start") + 1, F("passage_end") - F("passage_start") + 1),
    )
    return dict(cut.values_list("pk", "cut"))


def review_queue(filters: QueueFilters) -> QuerySet[Commitment]:
    """Unreviewed records, soonest deadline first (undated last), then lowest confidence."""
    rows = Commitment.objects.alive().filter(review_state=Commitment.ReviewState.UNREVIEWED)
    if filters.document:
        rows = rows.filter(document_id=filters.document)
    if filters.committee:
        rows = rows.filter(committee_id=filters.committee)
    if filters.ministry:
        rows = rows.filter(ministry_id=filters.ministry)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    rows = rows.select_related("document", "question", "committee", "ministry").defer("document__text")
    return with_passage(rows).order_by(F("due_date").asc(nulls_last=True), "confidence", "id")


def queue_filter_options() -> dict[str, Any]:
    """Choices for the queue's filters: documents with unreviewed records, committees, ministries."""
    waiting = Commitment.objects.alive().filter(review_state=Commitment.ReviewState.UNREVIEWED)
    documents = (
        Document.objects.filter(pk__in=waiting.values("document_id")).only("id", "title", "original_name")
        .order_by("-reference_date", "title")
    )
    return {
        "documents": [(d.pk, str(d)) for d in documents],
        "committees": list(Committee.objects.values_list("pk", "name")),
        "ministries": list(Ministry.objects.values_list("pk", "name")),
        "kinds": Commitment.Kind.choices,
    }


def _trim_to_paragraph(text: str, offset: int, start: int, end: int, more_after: bool) -> tuple[str, int, bool, bool]:
    """Cut free text around a commitment back to whole paragraphs where it can;
    say whether it still starts or ends in the middle of the document's text."""
    local_start, local_end = start - offset, end - offset
    head = text.rfind("\n\n", 0, max(local_start, 0))
    tail = text.find("\n\n", max(local_end, 0))
    cut_head = head + 2 if head >= 0 else 0
    cut_tail = tail if tail >= 0 else len(text)
    cut_before = head < 0 and offset > 0
    cut_after = tail < 0 and more_after
    passage = text[cut_head:cut_tail]
    lead = len(passage) - len(passage.lstrip("\n"))
    return passage.strip("\n"), offset + cut_head + lead, cut_before, cut_after


def attach_passages(rows: Sequence[Commitment], *, other_commitments: bool = False) -> None:
    """Give each annotated row ``passage`` (highlighted HTML) and ``passage_cut`` flags.

    Motion citations of all rows come in one query.
    """
    if not rows:
        return
    texts = _passage_texts(rows)
    lo = min(row.passage_start for row in rows)
    hi = max(row.passage_end for row in rows)
    by_document: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    citations = MotionCitation.objects.filter(
        document_id__in={row.document_id for row in rows}, deleted_at__isnull=True, start__lt=hi, end__gt=lo,
    ).values_list("document_id", "start", "end", "text")
    for document_id, start, end, text in citations:
        by_document[document_id].append((start, end, text))
    others: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    if other_commitments:
        for pk, document_id, start, end in Commitment.objects.alive().filter(
            document_id__in={row.document_id for row in rows}, start__lt=hi, end__gt=lo,
        ).values_list("pk", "document_id", "start", "end"):
            others[document_id].append((pk, start, end))
    for row in rows:
        text, offset = texts.get(row.pk) or "", row.passage_start
        more_after = len(text) > row.passage_end - row.passage_start
        text = text[:row.passage_end - row.passage_start]
        cut_before = cut_after = False
        if row.question_id is None:
            text, offset, cut_before, cut_after = _trim_to_paragraph(text, offset, row.start, row.end, more_after)
        marks = [Mark(row.start, row.end, COMMITMENT)]
        if row.deadline_start is not None and row.deadline_end is not None:
            marks.append(Mark(row.deadline_start, row.deadline_end, DEADLINE))
        for start, end, cited in by_document.get(row.document_id, []):
            # A citation a reviewer typed in has no place in the text; it is listed, not marked.
            if offset <= start and text[start - offset:end - offset] == cited:
                marks.append(Mark(start, end, MOTION))
        for pk, start, end in others.get(row.document_id, []):
            if pk != row.pk:
                marks.append(Mark(start, end, OTHER))
        row.passage = render_passage(text, offset, marks)
        row.passage_cut = (cut_before, cut_after)


def commitment_for_page(pk: int) -> Commitment:
    """One record with everything its page shows, in a fixed number of queries."""
    rows = with_passage(
        Commitment.objects.filter(pk=pk)
        .select_related("document", "question", "committee", "ministry", "minister", "duplicate_of",
                        "document__committee", "document__ministry")
        .defer("document__text")
    )
    row = rows.get()
    attach_passages([row])
    return row


def record_history(row: Commitment) -> dict[str, Any]:
    """Review events, deadline revisions, duplicates and motion citations of a record."""
    events = list(
        ReviewEvent.objects.filter(commitment=row).select_related("user").order_by("created_at", "id")
    )
    revisions = list(
        row.deadline_revisions.select_related("created_by", "source_document")
        .defer("source_document__text").order_by("created_at", "id")
    )
    duplicates = list(
        Commitment.objects.filter(duplicate_of=row).select_related("document").defer("document__text")
        .order_by("document__reference_date", "id")
    )
    citations = list(
        MotionCitation.objects.filter(commitment=row, deleted_at__isnull=True).select_related("motion")
        .order_by("start")
    )
    question_ids = {
        value for event in events for value in event.changes.get("question", []) if isinstance(value, int)
    }
    questions = {
        item["pk"]: question_label(item["number"], item["position"], item["member"], item["party"])
        for item in QuestionItem.objects.filter(pk__in=question_ids).values("pk", "number", "position", "member",
                                                                          "party")
    } if question_ids else {}
    split_from = next(
        (event.changes["split_from"][1] for event in events if "split_from" in event.changes), None
    )
    return {
        "events": [(event, change_rows(event.changes, questions)) for event in events],
        "revisions": revisions,
        "duplicates": duplicates,
        "citations": citations,
        "split_from": split_from,
        "created_by_reviewer": any(event.action == ReviewEvent.Action.CREATE for event in events),
    }


@dataclass(frozen=True, slots=True)
class ValueRow:
    field: str
    label: str
    extracted: str
    current: str
    changed: bool


def extracted_rows(row: Commitment, motion_keys: list[str]) -> list[ValueRow]:
    """The extractor's original values next to the current ones."""
    found = row.extracted or {}
    if not found:
        return []
    deadline = found.get("deadline") or {}
    pairs: list[tuple[str, Any, Any]] = [
        ("text", found.get("text"), row.text),
        ("actor", found.get("actor"), row.actor),
        ("deliverables", found.get("deliverables"), row.deliverables),
        ("kind", found.get("kind"), row.kind),
        ("certainty", found.get("certainty"), row.certainty),
        ("deadline_text", deadline.get("text", ""), row.deadline_text),
        ("due_date", deadline.get("due"), row.due_date.isoformat() if row.due_date else None),
        ("window_start", deadline.get("window_start"),
         row.window_start.isoformat() if row.window_start else None),
        ("precision", deadline.get("precision", "none"), row.precision),
        ("motions", sorted(found.get("motions") or []), motion_keys),
        ("page", found.get("page"), row.page),
    ]
    out = []
    for name, old, new in pairs:
        out.append(ValueRow(name, str(FIELD_LABELS[name]), display(name, old), display(name, new),
                            (old or None) != (new or None)))
    return out


def duplicate_candidates(row: Commitment, *, limit: int = 8) -> list[tuple[Commitment, float]]:
    """Records that may repeat this promise: same ministry, overlapping words."""
    words = content_words(*row.deliverables, row.text)
    candidates = (
        Commitment.objects.alive().exclude(pk=row.pk).filter(duplicate_of__isnull=True)
        .select_related("document").defer("document__text")
        .only("id", "text", "deliverables", "version", "due_date", "deadline_text", "review_state",
              "document__id", "document__title", "document__original_name", "document__reference_date")
    )
    if row.ministry_id:
        candidates = candidates.filter(ministry_id=row.ministry_id)
    scored = [(other, jaccard(words, content_words(*other.deliverables, other.text))) for other in candidates[:500]]
    scored = [(other, score) for other, score in scored if score >= 0.2]
    scored.sort(key=lambda pair: (-pair[1], pair[0].pk))
    return scored[:limit]


# --- quality figures -----------------------------------------------------------------


@dataclass(slots=True)
class PrecisionRow:
    version: str
    kind: str
    confirmed: int = 0
    corrected: int = 0
    rejected: int = 0
    unreviewed: int = 0
    kinds: list[PrecisionRow] = field(default_factory=list)

    @property
    def reviewed(self) -> int:
        return self.confirmed + self.corrected + self.rejected

    @property
    def precision(self) -> float | None:
        return (self.confirmed + self.corrected) / self.reviewed if self.reviewed else None

    @property
    def kind_label(self) -> str:
        return str(dict(Commitment.Kind.choices).get(self.kind, self.kind))


def extraction_precision() -> list[PrecisionRow]:
    """Per extractor version (with a row per kind the extractor assigned): how many
    records reviewers confirmed, corrected or rejected. One grouped query.

    Records added by hand or split off carry no extractor version and do not count;
    merged duplicates do (the extractor was right, the promise was repeated).
    """
    state = Commitment.ReviewState
    grouped = (
        Commitment.objects.exclude(extractor_version="")
        .values("extractor_version", found_kind=Coalesce(KT("extracted__kind"), F("kind"), output_field=CharField()))
        .annotate(
            confirmed=Count("id", filter=Q(review_state=state.CONFIRMED)),
            corrected=Count("id", filter=Q(review_state=state.CORRECTED)),
            rejected=Count("id", filter=Q(review_state=state.REJECTED)),
            unreviewed=Count("id", filter=Q(review_state=state.UNREVIEWED, deleted_at__isnull=True)),
        )
        .order_by("-extractor_version", "found_kind")
    )
    versions: dict[str, PrecisionRow] = {}
    for item in grouped:
        total = versions.setdefault(item["extractor_version"], PrecisionRow(item["extractor_version"], ""))
        row = PrecisionRow(item["extractor_version"], item["found_kind"], item["confirmed"], item["corrected"],
                           item["rejected"], item["unreviewed"])
        total.kinds.append(row)
        total.confirmed += row.confirmed
        total.corrected += row.corrected
        total.rejected += row.rejected
        total.unreviewed += row.unreviewed
    return list(versions.values())


def field_corrections() -> list[dict[str, Any]]:
    """Per extractor version, on how many records reviewers changed each field. One query."""
    counted = ReviewEvent.objects.filter(
        action__in=[ReviewEvent.Action.CORRECT, ReviewEvent.Action.SPLIT],
    ).exclude(commitment__extractor_version="")
    grouped = counted.values("commitment__extractor_version").annotate(**{
        name: Count("commitment", distinct=True, filter=Q(changes__has_key=name)) for name in CORRECTABLE_FIELDS
    }).order_by("-commitment__extractor_version")
    return [
        {"version": item["commitment__extractor_version"],
         "fields": [(str(FIELD_LABELS[name]), item[name]) for name in CORRECTABLE_FIELDS]}
        for item in grouped
    ]


def reject_reasons() -> list[dict[str, Any]]:
    return list(
        Commitment.objects.filter(review_state=Commitment.ReviewState.REJECTED).exclude(extractor_version="")
        .values("extractor_version", "reject_reason").annotate(n=Count("id"))
        .order_by("-extractor_version", "-n", "reject_reason")
    )


def missed_by_version() -> list[dict[str, Any]]:
    """Commitments reviewers added by hand, per version of the extractor that missed them."""
    return list(
        ReviewEvent.objects.filter(action=ReviewEvent.Action.CREATE)
        .values(version=F("commitment__document__extractor_version")).annotate(n=Count("id"))
        .order_by("-version")
    )


def document_for_adding(pk: int) -> tuple[Document, SafeString]:
    """A document's whole text with every found commitment marked and every run of
    text carrying its offset, for selecting a missed passage."""
    document = Document.objects.select_related("committee", "ministry").get(pk=pk)
    marks = [
        Mark(start, end, OTHER)
        for start, end in document.commitments.alive().values_list("start", "end")
    ]
    return document, render_passage(document.text, 0, marks, with_offsets=True)


__all__ = [
    "ChangeRow", "PrecisionRow", "QueueFilters", "ValueRow", "attach_passages", "commitment_for_page",
    "document_for_adding", "duplicate_candidates", "extracted_rows", "extraction_precision", "field_corrections",
    "missed_by_version", "queue_filter_options", "record_history", "reject_reasons", "review_queue",
    "with_passage",
]


class QualityFigures(NamedTuple):
    """Everything the quality page shows (``/beoordelen/kwaliteit/``)."""

    versions: list[PrecisionRow]
    corrections: list[dict[str, Any]]
    reasons: list[dict[str, Any]]
    missed: list[dict[str, Any]]


def quality_figures() -> QualityFigures:
    """Precision per extractor version, and per field how often reviewers corrected it, as a share
    of the records they kept (confirmed or corrected)."""
    versions = extraction_precision()
    corrections = field_corrections()
    kept_by_version = {row.version: row.confirmed + row.corrected for row in versions}
    for item in corrections:
        kept = kept_by_version.get(item["version"], 0)
        item["kept"] = kept
        item["fields"] = [(label, n, (n / kept) if kept else None) for label, n in item["fields"]]
    labels = dict(RejectReason.choices)
    reasons = [{**row, "label": labels.get(row["reject_reason"], row["reject_reason"] or "—")}
               for row in reject_reasons()]
    return QualityFigures(versions, corrections, reasons, missed_by_version())


def likely_actor(document: Document) -> str:
    """Who a commitment added by hand to ``document`` most likely comes from: the actor of its
    other commitments, or the minister of its ministry."""
    return (
        document.commitments.alive().values_list("actor", flat=True).first()
        or default_actor(document.ministry.name if document.ministry else None, None)
    )
