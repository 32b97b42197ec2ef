"""Revisions of earlier promises, neighbouring sentences and merging."""

from __future__ import annotations

import re

from tracker.extraction.commitments.patterns import (
    _ANAPHOR_START_RE,
    _CONTENT_CONT_RE,
    _EARLIER_RE,
    _FOR_YEAR_RE,
    _FULFIL_RE,
    _FUT_RE,
    _FUTURE_FORM_RE,
    _I,
    _KAMER_SUBJECT_RE,
    _NOW_RE,
    _OLD_PLAN_RE,
    _PRODUCT_RE,
    _SLIP_NEXT_RE,
    _SLIP_WORD_RE,
    _TIME_HINT_RE,
    _WITH_VIEW_RE,
)
from tracker.extraction.commitments.phrases import (
    _has_strong_product,
    _is_question,
    _product_is_strong,
    _products,
    _strip_np,
)
from tracker.extraction.commitments.records import _Ctx, _Found
from tracker.extraction.commitments.timing import _dates_topic_event
from tracker.extraction.types import Commitment, Deadline, Revision


def _analyse_revision(ctx: _Ctx, s: int, e: int, sent: str) -> _Found | None:
    """A sentence that moves an earlier promise (old plan and/or slip)."""
    earlier = _EARLIER_RE.search(sent)
    if earlier and re.search(r"\bzoals\s+$", sent[max(0, earlier.start() - 8):earlier.start()], _I):
        earlier = None
    slip = _SLIP_WORD_RE.search(sent)
    if earlier is None and slip is None:
        return None
    products = _products(sent)
    names = [p for p in products if _product_is_strong(p)]
    anaphoric = re.search(r"\b(?:deze|dit|die)\b", sent, _I)
    if not (names or anaphoric):
        return None
    deadlines = ctx.deadlines(s, e)
    previous: Deadline | None = None
    new: Deadline | None = None
    for d in deadlines:
        if d.start is None:
            continue
        ds = d.start - s
        cut = max(sent.rfind(",", 0, ds), sent.rfind(";", 0, ds), 0)
        clause_left = sent[cut:ds]
        old_clause = _OLD_PLAN_RE.search(clause_left) or (
            earlier and earlier.start() < ds and not re.search(r"[,;]", sent[earlier.end():ds])
        )
        if old_clause and not _NOW_RE.search(clause_left) and previous is None:
            previous = d
        elif not ctx.is_past(d) and not _WITH_VIEW_RE.search(sent[max(0, ds - 20):ds]):
            new = d
    if earlier is None:
        # A slip word alone: about a promised product, with a future date or
        # a future form ("verschijnt nu", "zal later").
        if slip is None or not names or re.search(r"\b(?:zou|zouden)\b", sent, _I):
            return None
        if new is None and not _FUT_RE.search(sent) and not _NOW_RE.search(sent):
            return None
        if re.search(r"\b(?:heeft|hebben|had|hadden)\b[^.;]*\bopgelopen\b", sent, _I) and new is None:
            return None
    elif previous is None and not (names or anaphoric):
        return None
    slip_here = bool(slip) or (new is not None and previous is not None)
    deliverables = [_strip_np(names[0][2])] if names else []
    return _Found(
        start=s, end=e, kind="product", certainty="clear",
        confidence=0.88 if previous is not None else 0.8,
        actor=ctx.default_actor, deliverables=deliverables, deadline=new, act_pos=s,
        revision=Revision(previous=previous, text=sent, start=s, end=e),
        slip_pending=not slip_here,
    )




# The government's own clause: a continuation that says what it will put in the promised product.
_OWN_CLAUSE_RE = re.compile(r"\b(?:ik|wij|we|zal|zullen|wordt|worden)\b", re.I)


# A promise that follows a step of its own ("daarna", "vervolgens") or a delay ("extra tijd nodig").
_AFTER_STEP_RE = re.compile(
    r"\s*(?:\w+\s+){0,3}?(?:daarna|vervolgens|aansluitend|daaropvolgend|na\s+afloop\s+daarvan)\b", re.I
)
# The next sentence delivers what the restated promise named: "In de bijlage treft u dit overzicht aan",
# "Hierbij ontvangt u de rapportage", "Bijgaand stuur ik u het rapport".
_DELIVERED_NOW_RE = re.compile(
    r"\s*(?:in\s+de\s+bijlage\w*|bijgaand|bijgevoegd|hierbij|hiermee|met\s+deze\s+brief)\b[^.;?]{0,40}?"
    r"\b(?:treft|vindt|ontvangt|krijgt)\s+u\b|"
    r"\s*(?:bijgaand|hierbij|hiermee|met\s+deze\s+brief)\s+(?:bied|stuur|zend|doe)\s+ik\b",
    re.I,
)
_NEEDS_TIME_RE = re.compile(
    r"\b(?:extra|meer|langer|iets\s+meer)\s+(?:\w+\s+){0,2}?tijd\s+nodig\b|"
    # "Dit moet ik eerst even overleggen met mijn collega.": the step an oral promise to come back waits for
    r"\b(?:eerst|even)\s+(?:\w+\s+){0,2}?(?:overleggen|afstemmen|navragen|nagaan|uitzoeken)\b",
    re.I,
)


# "Dat wetsvoorstel …": a demonstrative with a product noun.
_DEMONSTRATIVE_NOUN_RE = re.compile(
    r"\s*(?:(?:en|maar|dus|ook|dan)\s*,?\s+)*(?:op\s+|in\s+)?(?:dat|dit|die|deze)\s+(?P<noun>[\w-]+)", re.I
)


def _other_product_named(text: str, a: int, b: int, nxt: int) -> bool:
    """``Dat wetsvoorstel stuur ik in juni.`` after a sentence (``a``-``b``) that named no
    wetsvoorstel points further back: it continues nothing in that sentence."""
    m = _DEMONSTRATIVE_NOUN_RE.match(text, nxt)
    if m is None or not _PRODUCT_RE.fullmatch(m["noun"]):
        return False
    return m["noun"].lower() not in text[a:b].lower()
# A promise whose object points back: "Dat doen we in december", "doet de toezegging die dan met de Kamer te
# delen": what is promised (or the case it is promised for) stands in the sentence before.
_POINTS_BACK_RE = re.compile(
    r"\s*(?:dat|dit)\b[^.;?]{0,60}?\b(?:doe|doen|doet)\s+(?:ik|we|wij|het\s+kabinet)\b"
    r"|[^.;?]{0,200}?\btoe(?:zegging)?\s+(?:om\s+)?(?:die|deze|dat|dit)\s+(?:\w+\s+){0,8}?te\s+\w+",
    re.I,
)


def _attach_neighbours(ctx: _Ctx, hit: _Found, sents: list[tuple[int, int]], pos: int) -> None:
    text = ctx.text
    if hit.revision is not None:
        _complete_revision(ctx, hit, sents, pos)
        return
    if pos + 1 < len(sents) and hit.kind and hit.marker != "restated":
        ns, ne = sents[pos + 1]
        if _CONTENT_CONT_RE.match(text, ns) and _OWN_CLAUSE_RE.search(text, ns, ne) and _adjacent(text, hit.end, ns):
            hit.end = ne  # "Daarin beantwoord ik tevens de motie …": what the promised letter will hold
    if hit.marker == "restated" and pos + 1 < len(sents):
        ns, ne = sents[pos + 1]
        nxt = text[ns:ne]
        if _FULFIL_RE.search(nxt) and re.search(r"\b(?:na|dat|invulling|uitvoering|gevolg|voldoe|doe|informeer)\b", nxt, _I):
            hit.kind = ""  # "Met deze brief kom ik die toezegging na": fulfilled, not open
            return
        if _DELIVERED_NOW_RE.match(nxt):
            hit.kind = ""  # "… heb ik toegezegd u een overzicht te sturen. In de bijlage treft u dit overzicht aan."
            return
    if pos > 0 and hit.kind and hit.marker != "restated" and (
        _AFTER_STEP_RE.match(text, hit.start, hit.start + 40) or _NEEDS_TIME_RE.search(text, *sents[pos - 1])
        or _POINTS_BACK_RE.match(text, hit.start, hit.end)
    ):
        # "Ik voer nog overleg … . Zo spoedig mogelijk daarna zend ik u …", "Ik heb extra tijd nodig …":
        # the sentence before is the step or the delay the promise hangs on.
        ps, pe = sents[pos - 1]
        if not _is_question(text[ps:pe]) and _adjacent(text, pe, hit.start):
            hit.start = ps
    if hit.anaphoric and pos > 0 and not _has_strong_product(text[hit.start:hit.end]):
        # "Momenteel wordt de Amerikastrategie opgesteld. Naar verwachting is
        # dit in het derde kwartaal afgerond.": the product is in the sentence before.
        ps, pe = sents[pos - 1]
        prev = text[ps:pe]
        names = [p for p in _products(prev) if _product_is_strong(p)]
        if names and not _is_question(prev) and _adjacent(text, pe, hit.start):
            hit.start = ps
            hit.deliverables = [_strip_np(names[-1][2])]
            if hit.kind == "actie":
                hit.kind = "product"
    if hit.deadline is not None or pos + 1 >= len(sents):
        return
    ns, ne = sents[pos + 1]
    nxt = text[ns:ne]
    if not _ANAPHOR_START_RE.match(nxt) or _is_question(nxt) or not _TIME_HINT_RE.search(nxt):
        return
    if _other_product_named(text, hit.start, hit.end, ns):
        return
    if _FUT_RE.search(nxt) and not _is_same_promise(nxt):
        return
    cands = [
        d for d in ctx.deadlines(ns, ne)
        if not ctx.is_past(d) and d.start is not None and not _dates_topic_event(nxt, d.start - ns)
        and not _FOR_YEAR_RE.match(d.text)
    ]
    if cands:
        hit.deadline = cands[0]
        hit.end = ne
        if hit.certainty == "clear":
            hit.confidence = round(min(0.95, hit.confidence + (0.08 if cands[0].due else 0.04)), 2)


def _complete_revision(ctx: _Ctx, hit: _Found, sents: list[tuple[int, int]], pos: int) -> None:
    text = ctx.text
    assert hit.revision is not None
    if not hit.deliverables:
        hit.deliverables = _antecedent_product(text, sents, pos)
    if hit.slip_pending and pos + 1 < len(sents):
        ns, ne = sents[pos + 1]
        nxt = text[ns:ne]
        if not _is_question(nxt) and (_SLIP_NEXT_RE.search(nxt) or (
            _NOW_RE.search(nxt) and _TIME_HINT_RE.search(nxt)
        )):
            hit.slip_pending = False
            hit.end = ne
            new = [
                d for d in ctx.deadlines(ns, ne)
                if not ctx.is_past(d) and d.start is not None
                and not _WITH_VIEW_RE.search(text[max(0, d.start - 20):d.start])
                and not re.search(r"\baantreden\b", d.text, _I)
            ]
            if new and hit.deadline is None:
                hit.deadline = new[0]
            hit.revision = Revision(hit.revision.previous, text[hit.start:ne], hit.start, ne)
    if hit.slip_pending:
        # No slip: an earlier promise restated with its date (or, without a
        # date, only a reference to an earlier letter: dropped by the caller).
        hit.deadline = hit.revision.previous
        hit.revision = None
        hit.confidence = 0.8
        hit.slip_pending = False
        if hit.deadline is None or not _FUTURE_FORM_RE.search(text, hit.start, hit.end):
            hit.kind = ""


def _is_same_promise(nxt: str) -> bool:
    return bool(re.match(
        r"\s*(?:dit|dat|deze|die|het)\s+(?:\w+\s+){0,2}?(?:zal|zullen|wordt|is|gebeurt|doet)\b", nxt, _I
    ))


def _antecedent_product(text: str, sents: list[tuple[int, int]], pos: int) -> list[str]:
    best = ""
    for k in range(pos - 1, max(-1, pos - 4), -1):
        s, e = sents[k]
        for p in _products(text[s:e]):
            np = _strip_np(p.text)
            if _product_is_strong(p) and len(np.split()) > len(best.split()):
                best = np
        if len(best.split()) > 1:
            break
    return [best] if best else []


def _merge(ctx: _Ctx, found: list[_Found]) -> list[_Found]:
    text = ctx.text
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and f.start < prev.end:
            # Already absorbed as the previous record's neighbour.
            if prev.deadline is None and f.deadline is not None:
                prev.deadline = f.deadline
            if f.revision is None and _more_specific(f.deliverables, prev.deliverables):
                prev.deliverables = f.deliverables
            prev.end = max(prev.end, f.end)
            continue
        if (
            prev is not None and prev.marker == "restated" and prev.deadline is not None and f.revision is None
            and f.start >= prev.end and not text[prev.end:f.start].strip() and text.count("\n", prev.end, f.start) <= 2
            and (_NEEDS_TIME_RE.search(text, f.start, f.end) or _SLIP_WORD_RE.search(text, f.start, f.end))
        ):
            # "Tijdens het overleg heb ik toegezegd u binnen vier weken … . Ik heb extra tijd nodig …": the
            # promise restated is the one being moved; one record, with the old deadline as its previous one.
            f.revision = Revision(prev.deadline, text[f.start:f.end], f.start, f.end)
            out[-1] = f
            continue
        if prev is not None and _reports_back(text, prev, f):
            # "… zegt toe de effecten in kaart te brengen. … De Kamer wordt over twee jaar geïnformeerd."
            prev.end, prev.deadline = f.end, f.deadline
            continue
        if (
            prev is not None and f.anaphoric and f.revision is None and prev.revision is None
            and _adjacent(text, prev.end, f.start)
        ):
            content = bool(_CONTENT_CONT_RE.match(text, f.start))
            # A vague "de komende maanden" gives way to a dated phrase that follows.
            dated = _dates_prev(prev.deadline, f.deadline) and (
                _same_head(prev.deliverables, f.deliverables) or f.kind == prev.kind
            )
            if content or dated:
                prev.end = f.end
                if prev.deadline is None or dated:
                    prev.deadline = f.deadline
                if dated and _more_specific(f.deliverables, prev.deliverables):
                    prev.deliverables = f.deliverables
                if prev.certainty == "borderline" and f.certainty == "clear" and not prev.hedged:
                    prev.certainty = "clear"
                prev.confidence = max(prev.confidence, f.confidence)
                continue
        out.append(f)
    return out


def _reports_back(text: str, prev: _Found, f: _Found) -> bool:
    """``De Kamer wordt <when> geïnformeerd.`` with no topic of its own, at most one
    sentence after an undated promise in the same paragraph: when that promise reports back."""
    if prev.deadline is not None or f.deadline is None or f.deadline.due is None or f.deadline.start is None:
        return False
    if prev.revision is not None or f.revision is not None or f.kind != "informeren":
        return False
    gap = text[prev.end:f.start]
    if "\n\n" in gap or gap.count(". ") > 1 or len(gap) > 240 or not _KAMER_SUBJECT_RE.match(text[f.start:f.end]):
        return False
    own = text[f.start:f.deadline.start] + text[f.deadline.end:f.end]
    return not _OWN_TOPIC_RE.search(own)


_OWN_TOPIC_RE = re.compile(r"\b(?:over|omtrent|inzake|aangaande|met betrekking tot)\b", re.I)


def _dates_prev(prev: Deadline | None, new: Deadline | None) -> bool:
    if new is None:
        return False
    return prev is None or (prev.due is None and prev.precision == "vague" and new.due is not None)


def _adjacent(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    return b >= a and not gap.strip() and gap.count("\n") <= 1


def _heads(items: list[str]) -> set[str]:
    out: set[str] = set()
    for it in items:
        m = re.search(
            r"(strategie|nota|notitie|brief|onderzoek|evaluatie|plan|rapportage|rapport|wetsvoorstel)\b",
            it, _I,
        )
        if m:
            out.add(m.group(1).lower())
    return out


def _same_head(a: list[str], b: list[str]) -> bool:
    return bool(_heads(a) & _heads(b))


def _more_specific(new: list[str], old: list[str]) -> bool:
    if not new or any(x.lower().startswith(("informatie", "uitvoering")) for x in new):
        return False
    if not old:
        return True
    return _same_head(new, old) and len(" ".join(new)) > len(" ".join(old))


def _to_commitment(text: str, f: _Found) -> Commitment:
    return Commitment(
        text=text[f.start:f.end], start=f.start, end=f.end, page=None, actor=f.actor,
        deliverables=f.deliverables, kind=f.kind, certainty=f.certainty, confidence=f.confidence,
        deadline=f.deadline, revision=f.revision,
    )
