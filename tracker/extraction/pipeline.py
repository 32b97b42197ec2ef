"""Run the extraction stages over one document."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from tracker.extraction import EXTRACTOR_VERSION
from tracker.extraction.calendar import ParliamentaryCalendar
from tracker.extraction.commitments import find_commitments
from tracker.extraction.errors import EmptyDocumentError, NotDutchError
from tracker.extraction.language import guess_language, looks_dutch
from tracker.extraction.motions import find_citations
from tracker.extraction.readers import read_pages
from tracker.extraction.repair import repair
from tracker.extraction.structure import document_info, segment
from tracker.extraction.structure.metadata import co_signatories
from tracker.extraction.turns import find_turns, question_items
from tracker.extraction.types import Commitment, Deadline, Extraction, MotionCitation, QAItem

StageCallback = Callable[[str], None]

# "deze motie", "de motie", "die motie": a reference back to a motion cited earlier.
_MOTION_ANAPHOR = re.compile(r"\b(?:deze|de|die|genoemde|bovengenoemde)\s+motie\b", re.IGNORECASE)
# How far back a letter (no question/answer items) may refer to a cited motion.
_ANAPHOR_REACH = 800


def _noop(stage: str) -> None:
    pass


def default_actor(ministry: str | None, minister: str | None) -> str:
    """Who "ik" is in a signed letter or answer, or the cabinet when unsigned.

    ``minister`` is ``"<name>, <Function>"`` from the signature: a letter signed
    by a staatssecretaris (or a minister voor …) is credited to that function.
    """
    # "<name>, <Function>" or the bare function; the function itself may hold commas ("van Onderwijs, Cultuur en …")
    function = minister or ""
    if function and function.split(" ", 1)[0].lower() not in ("minister", "staatssecretaris", "minister-president"):
        function = function.split(", ", 1)[-1]
    role = function.split(" ", 1)[0].lower()
    if role == "staatssecretaris" or (function and " voor " in function):
        if " van " in function or " voor " in function:
            return role + function[len(role):]
        return f"{role} van {ministry}" if ministry else role
    if ministry:
        return f"minister van {ministry}"
    return minister or "het kabinet"


def _with_co_signatories(actor: str, text: str, turns: object) -> str:
    """"minister van Buitenlandse Zaken (mede namens de minister van Defensie)" for a letter written on behalf
    of others too; a debate's speakers speak for themselves."""
    co = None if turns else co_signatories(text)
    return f"{actor} (mede namens {co})" if co and actor != "het kabinet" else actor


def extract_pages(
    pages: Iterable[str],
    *,
    reference_date: date | None = None,
    calendar: ParliamentaryCalendar | None = None,
    on_stage: StageCallback | None = None,
) -> Extraction:
    """Extract commitments, deadlines and motion citations from page texts.

    ``reference_date`` (a date the user supplied) overrides the document's own.
    """
    on_stage = on_stage or _noop
    on_stage("repairing")
    page_list = list(pages)
    repaired = repair(page_list)
    text = repaired.text
    if not text.strip():
        raise EmptyDocumentError("Het document bevat geen tekst.", "The document contains no text.")
    if not looks_dutch(text):
        raise NotDutchError(guess_language(text))

    on_stage("structure")
    info = document_info(text)
    if reference_date is not None:
        info.reference_date, info.reference_date_source = reference_date, "user"
    items = segment(text)
    turns = find_turns(text) if not items else []
    if turns:
        items = question_items(text, turns)

    on_stage("extracting")
    spans = None if turns else [(item.answer_start, item.answer_end) for item in items] or None
    commitments = find_commitments(
        text, reference_date=info.reference_date, calendar=calendar,
        default_actor=_with_co_signatories(default_actor(info.ministry, info.minister), text, turns),
        spans=spans, turns=turns or None,
    )
    footnotes = {note.number: note.text for note in repaired.footnotes}
    citations = find_citations(text, footnotes)
    _link(commitments, citations, items, repaired.page_at if len(page_list) > 1 else None)
    return Extraction(
        version=EXTRACTOR_VERSION, text=text, document=info, items=items, commitments=commitments,
        motions=citations, footnotes=list(repaired.footnotes), page_count=len(page_list),
    )


def _link(
    commitments: list[Commitment],
    citations: list[MotionCitation],
    items: list[QAItem],
    page_at: Callable[[int], int] | None,
) -> None:
    """Attach each commitment's page, question and the motions it cites.

    A commitment cites the motions whose citation lies inside it, and, when it
    refers back ("deze motie"), the motion cited last before it in the same
    answer (or, in a letter, within the preceding paragraph or so).
    """
    answer_starts = [item.answer_start for item in items]
    citation_starts = [c.start for c in citations]
    for commitment in commitments:
        if page_at is not None:
            commitment.page = page_at(commitment.start)
        index = bisect.bisect_right(answer_starts, commitment.start) - 1
        if index >= 0 and commitment.start < items[index].answer_end:
            commitment.question = items[index]
        first = bisect.bisect_left(citation_starts, commitment.start)
        keys = list(commitment.motions)
        for citation in citations[first:]:
            if citation.start >= commitment.end:
                break
            if citation.key and citation.key not in keys:
                keys.append(citation.key)
        if not keys and _MOTION_ANAPHOR.search(commitment.text):
            floor = (commitment.question.answer_start if commitment.question
                     else commitment.start - _ANAPHOR_REACH)
            earlier = [c for c in citations[:first] if c.key and c.start >= floor]
            if earlier:
                keys.append(earlier[-1].key)
        commitment.motions = keys


def extract_file(
    path: str | Path,
    *,
    reference_date: date | None = None,
    calendar: ParliamentaryCalendar | None = None,
    on_stage: StageCallback | None = None,
) -> Extraction:
    """Read a file (PDF, DOCX, HTML or text, decided by its bytes) and extract."""
    on_stage = on_stage or _noop
    on_stage("reading")
    pages = list(read_pages(path))
    return extract_pages(pages, reference_date=reference_date, calendar=calendar, on_stage=on_stage)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def deadline_to_json(deadline: Deadline | None) -> dict[str, Any] | None:
    if deadline is None:
        return None
    return {"text": deadline.text, "start": deadline.start, "end": deadline.end, "due": _iso(deadline.due),
            "window_start": _iso(deadline.window_start), "precision": deadline.precision}


def to_json(extraction: Extraction) -> dict[str, Any]:
    """The command-line contract of ``manage.py extract --format json``."""
    info = extraction.document
    return {
        "document": {
            "reference_date": _iso(info.reference_date),
            "reference_date_source": info.reference_date_source,
            "kind": info.kind,
            "title": info.title,
        },
        "commitments": [
            {
                "text": c.text, "start": c.start, "end": c.end, "page": c.page, "actor": c.actor,
                "deliverable": c.deliverable, "kind": c.kind, "certainty": c.certainty,
                "confidence": round(c.confidence, 3), "deadline": deadline_to_json(c.deadline),
                "revision": None if c.revision is None else {
                    "text": c.revision.text, "start": c.revision.start, "end": c.revision.end,
                    "previous": deadline_to_json(c.revision.previous),
                },
                "motions": list(c.motions),
                "question": None if c.question is None else {
                    "number": c.question.number, "member": c.question.member, "party": c.question.party,
                },
            }
            for c in extraction.commitments
        ],
        "motions": [
            {"key": m.key, "members": list(m.members), "text": m.text, "start": m.start, "end": m.end,
             "stated_status": m.stated_status}
            for m in extraction.motions
        ],
    }
