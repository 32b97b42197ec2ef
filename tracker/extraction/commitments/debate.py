"""Debate transcripts: speakers, and a bare yes that answers a member's question."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from tracker.extraction.commitments.analyse import _confidence
from tracker.extraction.commitments.phrases import _clip, _strip_te, _without_spans
from tracker.extraction.commitments.records import _Ctx, _Found
from tracker.extraction.commitments.regions import _regions
from tracker.extraction.commitments.tables import _WS_RE
from tracker.extraction.turns import CHAIR, GOVERNMENT, MEMBER, Turn


class _Speakers:
    """Who speaks where in a transcript: only government turns are read, and
    "ik" is the speaker; text before the first label is read as a letter."""

    def __init__(self, text: str, turns: Sequence[Turn], default_actor: str) -> None:
        self.text = text
        self.turns = list(turns)
        self.starts = [t.start for t in self.turns]
        self.default_actor = default_actor

    def regions(self, spans: Sequence[tuple[int, int]] | None) -> list[tuple[int, int]]:
        first = self.turns[0].label_start
        out = _regions(self.text[:first], spans) if first > 0 else []
        out += [(t.start, t.end) for t in self.turns if t.role == GOVERNMENT and t.end > t.start]
        for t in self.turns:
            if t.role == CHAIR and _PROMISE_LIST_RE.search(self.text, t.start, t.end):
                # "Ik lees de toezeggingen voor: - De minister stuurt …": the chair restates them
                out += [(m.start("promise"), m.end()) for m in _LISTED_PROMISE_RE.finditer(self.text, t.start, t.end)]
        return sorted(out)

    def _index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def actor_at(self, pos: int) -> str:
        i = self._index(pos)
        return self.turns[i].actor if i >= 0 else self.default_actor

    def question_before(self, pos: int) -> tuple[int, int] | None:
        """The member turn a bare yes near the start of a government turn answers:
        the member named just before it (``Ik begin met de vraag van de heer
        Pietersen. Ja, dat zeg ik toe.``), else the member who spoke last, with
        only the chair in between."""
        i = self._index(pos)
        if i <= 0 or pos - self.turns[i].start > _ANSWER_REACH:
            return None
        lead = self.text[self.turns[i].start:pos]
        for t in reversed(self.turns[:i]):
            if t.role == MEMBER and _surname(t.speaker) and re.search(
                rf"\b{re.escape(_surname(t.speaker))}\b", lead
            ):
                return t.start, t.end
        j = i - 1
        while j >= 0 and self.turns[j].role == CHAIR:
            j -= 1
        if j < 0 or self.turns[j].role != MEMBER:
            return None
        prev = self.turns[j]
        if j < i - 1 and "?" not in self.text[prev.start:prev.end]:
            return None  # the chair moved on ("De motie op stuk nr. 7."): no question left open
        return prev.start, prev.end


def _surname(speaker: str) -> str:
    """``De heer Van der Berg`` -> ``Berg``; ``Mevrouw Brouwer-Kok`` -> ``Brouwer-Kok``."""
    words = speaker.split()
    return words[-1] if len(words) > 1 and words[-1][:1].isupper() else ""


# The chair reads out the promises made ("De toezeggingen zijn de volgende:", "Ik lees de toezeggingen voor.").
_PROMISE_LIST_RE = re.compile(r"\btoezeggingen\b", re.IGNORECASE)
# One listed promise: a line that opens (after a list mark) with a government subject.
_LISTED_PROMISE_RE = re.compile(
    r"^[ \t]*(?:[-–•*▪][ \t]*|\d{1,2}[.)][ \t]*)?(?P<promise>(?:De|de)[ \t]+(?:minister(?:-president)?|"
    r"staatssecretaris)\b[^\n]*)",
    re.MULTILINE,
)
# How far into a government turn a bare yes still answers the member's question.
_ANSWER_REACH = 240
# "Ja, dat zeg ik toe." / "Dat zal ik doen." / "Die toezegging doe ik graag.":
# a promise whose content is the question just asked.
_ANSWER_PROMISE_RE = re.compile(
    r"^(?![^.?!]*\b(?:niet|geen|nooit)\b)"
    r"(?:(?:ja|jazeker|zeker|akkoord|prima|goed|natuurlijk|uiteraard|dank\s+u\s+wel|voorzitter)\b[,.!]?\s*)*"
    r"(?:(?:dat|die|het|deze)\s+(?:toezegging\s+)?(?:zeg|doe|wil|kan|ga|zal)\s+ik\s+"
    r"(?:\w+\s+){0,3}?(?:toe|toezeggen|doen|graag)\b|"
    r"(?:dat|die|het)\s+(?:zeg|doe)\s+ik\s+(?:u\s+|bij\s+dezen\s+|graag\s+|hierbij\s+)*toe\b|"
    r"(?:ik\s+)?zeg\s+(?:ik\s+)?(?:dat|dit)\s+(?:graag\s+)?toe\b|"
    r"(?:dat|die|het)\s+(?:doe|zal|ga)\s+ik(?:\s+(?:zeker|graag|zo|ook|dan))?(?=\s*[.!]?\s*$)|"
    # "Dat neem ik mee (in de evaluatie).": the point goes into the product
    r"(?:dat|die|het|dit)\s+(?:punt\s+|suggestie\s+)?(?:neem|nemen)\s+(?:ik|we|wij)\s+(?:\w+\s+){0,5}?mee\b)"
    r"[^.?!]{0,40}[.!]?\s*$",
    re.IGNORECASE,
)
# "Kan de minister toezeggen dat …?", "Is de minister bereid om …?": the ask, without the asking.
_ASK_RE = re.compile(
    r"^(?:(?:en|maar|dus|voorzitter)[,]?\s+)*(?:kan|wil|is|zou|gaat)\s+(?:de\s+)?(?:minister|staatssecretaris|"
    r"premier|regering|het\s+kabinet|u|zij|hij)\b(?:[\w\s-]{0,30}?)\s*(?:toezeggen|bereid(?:\s+zijn)?|"
    r"beloven)?\s*(?:om|dat|te)?\s*",
    re.IGNORECASE,
)


def _answer_promise(ctx: _Ctx, s: int, e: int, question: tuple[int, int] | None) -> _Found | None:
    """A government speaker's bare yes to a member's question: the content and
    any deadline come from the question."""
    if question is None or not _ANSWER_PROMISE_RE.match(ctx.text[s:e].strip()):
        return None
    qa, qb = question
    qtext = ctx.text[qa:qb]
    asks = list(re.finditer(r"[^.?!]*\?", qtext))
    if asks:
        last = asks[-1]
        qa, qb = qa + last.start(), qa + last.end()
    ask = _WS_RE.sub(" ", ctx.text[qa:qb]).strip()
    ask_body = _ASK_RE.sub("", ask).rstrip(" ?")
    deadlines = [d for d in ctx.deadlines(qa, qb) if not ctx.is_past(d)]
    deadline = deadlines[0] if deadlines else None
    spans = [(d.start - qa, d.end - qa) for d in deadlines if d.start is not None and d.end is not None]
    what = _clip(_strip_te(_without_spans(ctx.text[qa:qb], ask.find(ask_body[:20]) if ask_body else 0,
                                          qb - qa, spans)), 14) if ask_body else ""
    return _Found(
        start=s, end=e, kind="toezegging", certainty="clear",
        confidence=_confidence("clear", "toezegging", deadline, "toezeg", True),
        actor=ctx.default_actor, deliverables=[what.rstrip(" ?")] if what else [],
        deadline=deadline, act_pos=s, marker="toezeg",
    )
