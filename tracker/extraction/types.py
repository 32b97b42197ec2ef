"""Value types shared by every stage of the extraction engine.

The engine is pure Python (no Django import). Every offset (``start``/``end``)
indexes the *repaired* text produced by :mod:`tracker.extraction.repair`.
Dates are ``datetime.date``; serialisation to JSON happens in ``pipeline``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Deadline precision, smallest window first (see shared/spec/deadlines.md).
PRECISIONS = ("day", "month", "quarter", "half", "season", "year", "event", "vague")
# Used in exports and by parse_deadline when no time phrase governs an act.
PRECISION_NONE = "none"

# Document kinds (soort document).
DOCUMENT_KINDS = (
    "lijst_van_vragen",  # lijst van vragen en antwoorden
    "schriftelijke_antwoorden",
    "brief",
    "verslag",
    "motie",
    "other",
)

# Where a document's reference date came from.
REFERENCE_DATE_SOURCES = ("document", "inferred", "user")


@dataclass(frozen=True, slots=True)
class Deadline:
    """A time phrase resolved against a reference date.

    ``due`` is the last day on which delivery still counts as on time
    (inclusive); ``window_start`` the first day of the named window, or None
    when the phrase only names an end (``voor …``, ``uiterlijk …``).
    ``due`` is None for vague phrases and for events with no knowable date.
    """

    text: str
    due: date | None
    window_start: date | None
    precision: str
    start: int | None = None
    end: int | None = None

    def shifted(self, offset: int) -> Deadline:
        if self.start is None or self.end is None:
            return self
        return Deadline(
            self.text, self.due, self.window_start, self.precision,
            self.start + offset, self.end + offset,
        )


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote separated from the body text (``7 Kamerstuk 32735-406``)."""

    number: str
    text: str
    page: int | None = None


@dataclass(frozen=True, slots=True)
class MotionCitation:
    """A reference to a motion (motie) in the text.

    ``key`` is the canonical ``kst-<dossier>-<number>`` or ``""`` when the
    motion is only named (``de motie-Koopmans``) and no numbered citation of
    the same motion occurs in the document.
    """

    key: str
    members: tuple[str, ...]
    text: str
    start: int
    end: int
    stated_status: str | None = None


@dataclass(frozen=True, slots=True)
class QAItem:
    """One question with its answer (vraag en antwoord)."""

    number: str | None
    question: str
    question_start: int
    question_end: int
    answer_start: int
    answer_end: int
    member: str | None = None
    party: str | None = None


@dataclass(frozen=True, slots=True)
class Revision:
    """A statement that moves an earlier promise's deadline."""

    previous: Deadline | None
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Commitment:
    """A toezegging found in the text."""

    text: str
    start: int
    end: int
    page: int | None
    actor: str
    deliverables: list[str]
    kind: str
    certainty: str  # "clear" or "borderline"
    confidence: float
    deadline: Deadline | None
    revision: Revision | None = None
    motions: list[str] = field(default_factory=list)
    question: QAItem | None = None

    @property
    def deliverable(self) -> str:
        return "; ".join(self.deliverables)


@dataclass(slots=True)
class DocumentInfo:
    reference_date: date | None = None
    reference_date_source: str | None = None
    kind: str = "other"
    title: str = ""
    committee: str | None = None
    ministry: str | None = None
    minister: str | None = None
    kamerstuk: str | None = None


@dataclass(slots=True)
class Extraction:
    """Everything the engine found in one document."""

    version: str
    text: str
    document: DocumentInfo
    items: list[QAItem]
    commitments: list[Commitment]
    motions: list[MotionCitation]
    footnotes: list[Footnote]
    page_count: int
