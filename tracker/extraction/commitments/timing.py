"""Which time phrase of a sentence is the deadline of the promised act."""

from __future__ import annotations

import re
from datetime import timedelta

from tracker.extraction.commitments.patterns import (
    _CLAUSE_DELIVERY_RE,
    _EVENT_CLAUSE_RE,
    _EVENT_NOUN_RE,
    _FOR_YEAR_RE,
    _PAST_WORD_RE,
    _STATED_YEAR_RE,
    _TEMPORAL_SUB_RE,
    _TOPIC_PREP_RE,
    _WITH_VIEW_RE,
)
from tracker.extraction.commitments.phrases import _subordinators
from tracker.extraction.commitments.records import _Ctx
from tracker.extraction.commitments.tables import _WORD_RE
from tracker.extraction.lexicon.events import DATED_DOCUMENT_NOUNS
from tracker.extraction.types import Deadline

_OUTER_BOUND_RE = re.compile(
    r"\s*[,–-]?\s*(?:(?:maar|doch|en|of)\s+)?(?:(?:in\s+(?:ieder|elk)\s+geval|op\s+zijn\s+laatst|ten\s+laatste|"
    r"uiterlijk|echter)\s*)*,?\s*",
    re.IGNORECASE,
)
_ONE_DAY = timedelta(days=1)
_BOUND_WORD_RE = re.compile(r"geval|laatst|uiterlijk", re.IGNORECASE)
_BOUND_AFTER_COMMA_RE = re.compile(
    r",\s*(?:(?:maar|doch|en)\s+)?(?P<bound>(?:in\s+(?:ieder|elk)\s+geval|uiterlijk|ten\s+laatste|op\s+zijn\s+laatst)"
    r"(?:\s+(?:ruimschoots|ruim|tijdig|wel|toch))?)?\s*$",
    re.IGNORECASE,
)
# "voorafgaand aan het overleg over X en Y op 20 juni": an event before its own date, the name running on.
_BEFORE_EVENT_RE = re.compile(r"(?:ruim(?:schoots)?\s+)?(?:voor|vóór|voorafgaand\s+aan|voorafgaande\s+aan)\b", re.I)
_NAME_TO_DATE_RE = re.compile(r"\s+(?:[\w-]+\s+){0,4}?", re.I)
# "in mijn brief van 7 maart 2016", "d.d. 3 maart": the date of a document already sent, never a due date.
_DATED_DOC_TEXT_RE = re.compile(
    r"(?:(?:bij|in|met|per)\s+)?(?:(?:mijn|onze|de|uw|haar|zijn|het|een|hun)\s+)?(?:"
    + "|".join(DATED_DOCUMENT_NOUNS) + r")\s+van\b|d\.d\.|de\s+dato\b",
    re.IGNORECASE,
)

# At most two words naming the event ("onderwijs", "van OCW") between an event and its date; no verb or pronoun.
_EVENT_NAME_RUN_RE = re.compile(
    r"\s{0,2}(?:(?!(?:zal|zullen|wordt|worden|is|zijn|ik|wij|we|u|en|of|dat|die|om|te)\s)[\w-]+\s+){0,2}", re.I
)


def _governing(
    ctx: _Ctx, sent: str, base: int, deadlines: list[Deadline], act_pos: int, anchor: int
) -> Deadline | None:
    best = _nearest_governing(ctx, sent, base, deadlines, act_pos, anchor, keep_stated_years=False)
    if best is None:
        # deadlines.md: a date that has already passed but was stated with its
        # year keeps that year — the promise is simply overdue.
        best = _nearest_governing(ctx, sent, base, deadlines, act_pos, anchor, keep_stated_years=True)
    if best is None or best.due is None:
        # "in de nieuwe monitor, die medio 2018 wordt verstuurd": the product's own clause dates it.
        dated = _delivery_clause_date(ctx, sent, base, deadlines)
        if dated is not None:
            return dated
    if best is not None and best.due is None and best.end is not None:
        # "zo spoedig mogelijk, maar uiterlijk 1 mei" / "… en in ieder geval binnen drie weken":
        # the outer bound after a vague phrase is the checkable deadline.
        for d in deadlines:
            if d.start is None or d.due is None or not 0 <= d.start - best.end <= 40 or ctx.is_past(d):
                continue
            between = ctx.text[best.end:d.start]
            if _OUTER_BOUND_RE.fullmatch(between) and (
                _BOUND_WORD_RE.search(between) or d.text.lower().startswith(("uiterlijk", "ten laatste"))
            ):
                return d
    if best is not None and best.due is None and best.end is not None:
        # "zo spoedig mogelijk … doen toekomen, in ieder geval ruimschoots voor het overleg op 20 juni":
        # the bound may follow the object, as its own comma phrase.
        for d in deadlines:
            if d.start is None or d.start <= best.end:
                continue
            m = _BOUND_AFTER_COMMA_RE.search(ctx.text, max(best.end, d.start - 60), d.start)
            if m is None or not (m.group("bound") or d.text.lower().startswith(("uiterlijk", "ten laatste"))):
                continue
            d = _dated_event(ctx, deadlines, d) if d.due is None else d
            if d is not None and d.due is not None and not ctx.is_past(d):
                return d
    if best is not None and best.due is None and best.end is not None:
        # "bij de Raad Buitenlandse Zaken in maart": the date of the event governs.
        # "voor de begrotingsbehandeling onderwijs begin november": the event's name may run on a word or two.
        for d in deadlines:
            if d.start is not None and d.due is not None and 0 <= d.start - best.end <= 40 and not ctx.is_past(d) and (
                _EVENT_NAME_RUN_RE.fullmatch(ctx.text, best.end, d.start)
            ):
                return d
    return best


def _nearest_governing(
    ctx: _Ctx, sent: str, base: int, deadlines: list[Deadline], act_pos: int, anchor: int,
    *, keep_stated_years: bool,
) -> Deadline | None:
    best: Deadline | None = None
    best_dist = 1 << 30
    for d in deadlines:
        if d.start is None or d.end is None:
            continue
        ds, de = d.start - base, d.end - base
        if _DATED_DOC_TEXT_RE.match(d.text):
            continue
        if ctx.is_past(d) and not (
            keep_stated_years and _STATED_YEAR_RE.search(d.text) and not _PAST_WORD_RE.search(d.text)
        ):
            continue
        if _FOR_YEAR_RE.match(d.text) and d.precision == "year":
            continue
        if _WITH_VIEW_RE.search(sent[max(0, ds - 20):ds]):
            continue
        if _in_other_bracket(sent, ds, act_pos):
            continue
        if _in_other_clause(sent, ds, de, act_pos, anchor):
            continue
        if _dates_topic_event(sent, ds):
            continue
        dist = min(abs(ds - act_pos), abs(de - act_pos), abs(ds - anchor), abs(de - anchor))
        if dist < best_dist:
            best, best_dist = d, dist
    return best


def _event_clause(sent: str, base: int, act_pos: int, anchor: int) -> Deadline | None:
    """``wanneer de verkenning is afgerond``: an event with no date, when the
    deadline module has no phrase for it and it governs the act."""
    for m in _EVENT_CLAUSE_RE.finditer(sent):
        if _in_other_bracket(sent, m.start(), act_pos):
            continue
        text = m.group().rstrip(" ,")
        return Deadline(text, None, None, "event", base + m.start(), base + m.start() + len(text))
    return None


def _in_other_bracket(sent: str, ds: int, act_pos: int) -> bool:
    open_i = sent.rfind("(", 0, ds)
    if open_i < 0 or sent.rfind(")", open_i, ds) >= 0:
        return False
    close_i = sent.find(")", ds)
    close_i = len(sent) if close_i < 0 else close_i
    return not (open_i < act_pos < close_i)


def _in_other_clause(sent: str, ds: int, de: int, act_pos: int, anchor: int) -> bool:
    """Is the phrase inside a relative/subordinate clause that lacks the act?"""
    clause = _clause_around(sent, ds, de)
    if clause is not None and clause[0] in ("dat", "zodat") and _IN_TIME_FOR_RE.search(sent, 0, clause[1]):
        return False  # "zodanig tijdig beschikbaar dat het voor de zomer behandeld kan worden": an upper bound
    return clause is not None and not (clause[1] <= act_pos < clause[2])


# "(zo/zodanig) tijdig … dat/zodat": the clause says by when the act must be done.
_IN_TIME_FOR_RE = re.compile(r"\btijdig\b(?:\s+[\w-]+){0,3}\s*,?\s*$", re.I)


def _clause_around(sent: str, ds: int, de: int) -> tuple[str, int, int] | None:
    """The relative/subordinate clause holding ``sent[ds:de]``: (its opening
    word, start, end), or None when the phrase is in a main clause."""
    left = sent[:ds]
    cut = max(left.rfind(","), left.rfind("("), left.rfind(";"))
    subs = list(_subordinators(left, cut + 1, len(left)))
    if not subs:
        return None
    sub = subs[-1]
    if _TEMPORAL_SUB_RE.match(sub.group()):
        return None
    if (
        sub.group().lower() in ("dat", "die", "wat") and not sent[sub.end():ds].strip()
        and not sent[:sub.start()].rstrip().endswith(",")
    ):
        return None  # a pronoun object right before the phrase: "U hoort dat half mei" (", die medio mei" is a clause)
    nxt = sent.find(",", de)
    return sub.group().lower(), sub.start(), len(sent) if nxt < 0 else nxt


def _delivery_clause_date(ctx: _Ctx, sent: str, base: int, deadlines: list[Deadline]) -> Deadline | None:
    for d in deadlines:
        if d.start is None or d.end is None or d.due is None or ctx.is_past(d):
            continue
        clause = _clause_around(sent, d.start - base, d.end - base)
        if clause is not None and clause[0] in ("die", "dat", "welke") and _CLAUSE_DELIVERY_RE.search(
            sent, clause[1], clause[2]
        ):
            return d
    return None


def _dates_topic_event(sent: str, ds: int) -> bool:
    """``over deelname dit najaar``, ``van de toetsingsconferentie … in 2022``."""
    left = sent[max(0, ds - 80):ds]
    words = list(_WORD_RE.finditer(left))
    for k in range(len(words) - 1, max(-1, len(words) - 5), -1):
        w = words[k].group().lower()
        if w in ("zal", "zullen", "wordt", "worden", "is", "zijn", "gaat", "ga"):
            return False
        # The noun is the whole end of ``left[:end]``: searching from this word on finds the same match
        # without trying every earlier position (and without copying the slice).
        if _EVENT_NOUN_RE.search(left, words[k].start(), words[k].end()):
            head = [x.group() for x in words[max(0, k - 4):k]]
            return bool(_TOPIC_PREP_RE.search(" ".join(head)))
    return False


def _dated_event(ctx: _Ctx, deadlines: list[Deadline], ev: Deadline) -> Deadline | None:
    """An undated event phrase before ("voorafgaand aan …") whose own day follows a few words on
    ("… en Waterstaat op 20 juni"): due the day before that day."""
    if ev.end is None or ev.start is None or not _BEFORE_EVENT_RE.match(ev.text):
        return None
    for d in deadlines:
        if d.start is None or d.end is None or d.due is None or d.precision != "day" or d.start < ev.end:
            continue
        if d.start - ev.end <= 40 and _NAME_TO_DATE_RE.fullmatch(ctx.text, ev.end, d.start) and d.text.lower(
        ).startswith(("op ", "van ")):
            return Deadline(ctx.text[ev.start:d.end], d.due - _ONE_DAY, None, "day", ev.start, d.end)
        break
    return None
