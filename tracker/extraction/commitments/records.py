"""Working records of the commitment finder and the named reasons for a rejection."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from tracker.extraction.commitments.patterns import _PAST_WORD_RE
from tracker.extraction.commitments.tables import _DeadlineFinder
from tracker.extraction.types import Deadline, Revision


class Rejection(StrEnum):
    """Why a candidate sentence is not a promise (``explain`` returns it)."""

    QUESTION = "question"  # a question, including "Kunt u toezeggen …?"
    MEMBERS_TEXT = "members_text"  # written by Kamer members ("De leden van de …-fractie")
    OPEN_OUTCOME = "open_outcome"  # "het zal afhangen van", "onduidelijk"
    NO_ACT = "no_act"  # nothing checkable is done
    NO_UNDERTAKING = "no_undertaking"  # an act, but nobody undertakes it
    PERFORMED_NOW = "performed_now"  # "Hierbij informeer ik u": done by this very letter
    REPORTED_QUESTION = "reported_question"  # "De heer X vroeg of ik bereid ben …"
    CONDITIONAL = "conditional"  # "Mocht de Kamer dat wensen, dan …"
    NEGATED = "negated"  # "zal niet", "niet bereid"
    OBLIGATION = "obligation"  # "zal … moeten": a duty, not an undertaking
    LASTING_POLICY = "lasting_policy"  # "Nederland blijft zich inzetten voor …"
    OTHER_ACTOR = "other_actor"  # what someone other than the government plans
    NO_TIME = "no_time"  # a present tense without a future time phrase: a description
    PAST_ACT = "past_act"  # "heeft … gestuurd"
    HABITUAL = "habitual"  # "ontvangt doorgaans in september"
    VAGUE_INTENT = "vague_intent"  # an intended action with no date
    OPEN_CONDITION = "open_condition"  # "bereid om die op te pakken waar dat nuttig is": nothing checkable
    MOTION_TEXT = "motion_text"  # "verzoekt de regering …": the Kamer's request in a motion
    OTHER_AUTHOR = "other_author"  # a letter of the Rekenkamer, a committee, a member: not the government
    FULFILLED = "fulfilled"  # a restated promise this very letter says it fulfils


@dataclass(frozen=True, slots=True)
class Marker:
    """One row of the marker table: how a kind of undertaking behaves."""

    name: str
    example: str
    kind: str | None = None  # the record's kind whatever the act ("toezegging"), else from the act
    explicit: bool = False  # a product verb needs no product noun ("Ik ben bereid … op te stellen")
    hedged: bool = False  # an intention or expectation: borderline
    needs_time: bool = False  # only a promise with a future time phrase (or a delivery)
    now_cue: str | None = None  # "performative" / "this_letter": done by this very letter
    negation_checked: bool = False  # its own finder already refused "niet"
    obligation: bool = False  # "zal … moeten" makes it a duty
    indirect: bool = False  # said about the promise rather than making it: a little less sure


# The undertaking markers, in the order they are tried (see ``markers.undertaking``).
MARKERS: dict[str, Marker] = {m.name: m for m in (
    Marker("toezeg", "Ik zeg toe de Kamer te informeren", kind="toezegging", explicit=True, negation_checked=True),
    Marker("bereid", "Ik ben bereid een evaluatie te laten uitvoeren", kind="toezegging", explicit=True),
    Marker("tegemoet", "Het kabinet komt de Kamer tegemoet door … te sturen", kind="toezegging", explicit=True),
    Marker("future", "Ik zal uw Kamer voor de zomer informeren", now_cue="this_letter", obligation=True),
    Marker("gaan", "Het kabinet gaat een plan opstellen", now_cue="this_letter", obligation=True),
    Marker("expect", "Ik verwacht u in juni te kunnen informeren", indirect=True),
    Marker("restated", "Het kabinet heeft toegezegd de wet te evalueren", explicit=True, now_cue="performative",
           indirect=True),
    Marker("kamer_passive", "Uw Kamer wordt voor de zomer geïnformeerd", now_cue="performative"),
    Marker("intent", "Het streven is de nota in juni te publiceren", hedged=True, obligation=True),
    Marker("formula", "Ik kom hierop terug"),
    Marker("present", "Uw Kamer ontvangt in juni een brief", needs_time=True, now_cue="performative",
           indirect=True),
)}


class _NP(NamedTuple):
    """A product noun phrase: offsets in the sentence, its text, its head noun."""

    start: int
    end: int
    text: str
    head: str


@dataclass(slots=True)
class _Act:
    kind: str  # inform / product / motion / action / pseudo
    start: int  # offsets relative to the sentence
    end: int
    word: str


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    kind: str
    certainty: str
    confidence: float
    actor: str
    deliverables: list[str]
    deadline: Deadline | None
    act_pos: int
    revision: Revision | None = None
    anaphoric: bool = False
    hedged: bool = False
    slip_pending: bool = False
    marker: str = ""


@dataclass(slots=True)
class _Ctx:
    text: str
    reference_date: date | None
    calendar: object
    default_actor: str
    finder: _DeadlineFinder | None
    lower: str | None = None
    cache: dict[tuple[int, int], list[Deadline]] = field(default_factory=dict)
    rejection: Rejection | None = None

    def reject(self, reason: Rejection) -> None:
        """Note why the sentence under analysis is no promise."""
        self.rejection = reason

    def deadlines(self, start: int, end: int) -> list[Deadline]:
        """Time phrases of ``text[start:end]``, offsets into the full text."""
        key = (start, end)
        got = self.cache.get(key)
        if got is None:
            got = []
            if self.finder is not None:
                ref = self.reference_date or date.today()
                got = [
                    d.shifted(start)
                    for d in self.finder(self.text[start:end], ref, self.calendar)
                    if d.start is not None and d.end is not None
                ]
            self.cache[key] = got
        return got

    def is_past(self, d: Deadline) -> bool:
        if _PAST_WORD_RE.search(d.text):
            return True
        if self.reference_date is None or d.due is None:
            return False
        return d.due < self.reference_date
