"""Debate transcripts: a promise drawn out over several sentences and turns.

A minister rarely promises in one sentence. In a transcript, after the
records of the government turns are found:

- a later sentence of the same turn that picks the promise up (``Daar krijgt u
  een brief over.``, ``Ik kom terug op dat wetsvoorstel …``, ``Ik ben bereid
  om dat … te doen.``, ``Op die twee punten kom ik terug.``) or only confirms it
  (``Dat zullen we doen.``, ``Dat zeg ik graag toe.``) joins that record;
- a promise without a date that the chair or a member follows with
  ``wanneer …?`` takes the date the minister then names (``Mag ik er juni van
  maken?``, ``U hoort dat half mei.``) in the next government turns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from tracker.extraction.commitments.acts import _find_acts
from tracker.extraction.commitments.analyse import _confidence
from tracker.extraction.commitments.debate import _ANSWER_PROMISE_RE, _Speakers
from tracker.extraction.commitments.patterns import _LETTER_RE
from tracker.extraction.commitments.phrases import _clip, _product_is_strong, _products, _strip_np
from tracker.extraction.commitments.records import _Ctx, _Found
from tracker.extraction.commitments.revisions import _other_product_named
from tracker.extraction.lexicon import debate as words
from tracker.extraction.turns import GOVERNMENT, Turn


def _alt(forms: tuple[str, ...]) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in sorted(forms, key=len, reverse=True))


# A sentence that refers back to the act just promised.
_PICKUP_RE = re.compile(
    rf"\s*(?:(?:{_alt(words.PICKUP_FILLERS)})\s*,?\s+)*"
    rf"(?:(?:{_alt(words.PICKUP_ADVERBS)})\b|"
    rf"(?:{_alt(words.PICKUP_DEMONSTRATIVES)})\b(?!\s+(?:{_alt(words.NOT_ANAPHORIC_AFTER)})\b)|"
    rf"(?:op|in)\s+(?:{_alt(words.PICKUP_DEMONSTRATIVES)}|beide|al\s+die)\b|"
    rf"(?:u|de\s+kamer|uw\s+kamer)\s+(?:{_alt(words.KAMER_RECEIVES)})\s+(?:{_alt(words.PICKUP_DEMONSTRATIVES)}|het)\b)"
    rf"|[^.;?]{{0,40}}\b(?:terug\s+op|over|aan|op)\s+(?:{_alt(words.PICKUP_DEMONSTRATIVES)})\s+\w+"
    r"|[^.;?]{0,60}\b(?:dat|dit|het)\s+(?:\w+\s+){0,7}?te\s+doen\b"
    rf"|\s*(?:ik|wij|we)\s+(?:\w+\s+){{0,2}}?(?:{_alt(words.PICKUP_ADVERBS)})\b",
    re.IGNORECASE,
)
# At most this many sentences may stand between a promise and its pick-up.
_PICKUP_GAP = 2
_WHEN_RE = re.compile(rf"\b(?:{_alt(words.ASK_WHEN)})\b[^?]*\?", re.I)
# Longest first sentence of a turn read as a dated answer to "wanneer komt …?" ("Die komt na de zomer.").
_SHORT_ANSWER = 120
# How many government turns after the question may name the date.
_DATE_TURNS = 2
_SENT_END_RE = re.compile(r"[.?!;](?:\s|$)")
_REPORTED_ASK_RE = re.compile(rf"\b(?:{_alt(words.REPORTED_ASK)})\b", re.IGNORECASE)
_L_REPORTED_ASK_RE = re.compile(rf"(?<!\w)(?:{_alt(words.REPORTED_ASK)})\b")  # on lower-cased text
_DELIVERED_RE = re.compile(rf"\b(?:{_alt(words.DELIVERED)})\b", re.I)
_CABINET = frozenset({"het kabinet", "de regering"})
_ROLES = frozenset({"de minister", "de staatssecretaris", "de minister-president"})
_THEN_RE = re.compile(rf"\b(?:{_alt(words.THEN)})\b", re.I)
_IF_RE = re.compile(rf"\b(?:{_alt(words.CONDITION)})\b", re.I)
_VERB_TAIL_RE = re.compile(
    r"\s+(?:zou|zouden|zal|zullen|komt|komen|kwam|er|nu|dan|klaar|gereed|naar\s+de\s+kamer)\b.*$", re.I
)
_OWN_ASK_RE = re.compile(r"\b(?:ik|wij|we)\s+(?:vroeg|vraag|heb\s+gevraagd|hebben\s+gevraagd)\b", re.I)
# A reported "when": the asking verb and "wanneer" in one sentence (the sentence start is found by hand).
_ASKED_WHEN_RE = re.compile(
    rf"\b(?:{_alt(words.REPORTED_ASK)})\b[^.?!\n]{{0,40}}?\bwanneer\b[^.?!\n]*[.?!]", re.IGNORECASE
)


def _gap_sentences(text: str, a: int, b: int) -> int | None:
    """Sentences between two spans of one paragraph; None across a paragraph break."""
    gap = text[a:b]
    if b < a or "\n\n" in gap or len(gap) > 600:
        return None
    gap = gap.lstrip(" .;!?\t\n").rstrip()
    return len(_SENT_END_RE.findall(gap + " ")) if gap else 0


def _join(prev: _Found, f: _Found, end: int) -> None:
    prev.end = max(prev.end, end)
    if f.deadline is not None and (prev.deadline is None or prev.deadline.due is None):
        prev.deadline = f.deadline
    for d in f.deliverables:
        if d not in prev.deliverables:
            prev.deliverables.append(d)
    if prev.kind in ("actie", "toezegging") and f.kind in ("informeren", "product"):
        prev.kind = f.kind  # "… te kijken of … . Daar krijgt u een brief over."
    if f.certainty == "clear" and not prev.hedged:
        prev.certainty = "clear"
    prev.confidence = max(prev.confidence, f.confidence)


def _names_other_product(text: str, prev: _Found, f: _Found) -> bool:
    return _other_product_named(text, prev.start, prev.end, f.start)


def _same_turn(speakers: _Speakers, a: int, b: int) -> bool:
    i, j = speakers._index(a), speakers._index(b)
    return i == j and i >= 0 and speakers.turns[i].role == GOVERNMENT


def follow_ups(
    ctx: _Ctx, found: list[_Found], confirms: Sequence[tuple[int, int]], speakers: _Speakers
) -> list[_Found]:
    """Join pick-ups and confirmations to the promise they continue, then date
    undated promises from the dialogue that follows them."""
    text = ctx.text
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and f.revision is None and prev.revision is None and _same_turn(
            speakers, prev.start, f.start
        ):
            gap = _gap_sentences(text, prev.end, f.start)
            dated_apart = (
                prev.deadline is not None and f.deadline is not None and prev.deadline.due is not None
                and f.deadline.due is not None and prev.deadline.due != f.deadline.due
            )
            if gap is not None and gap <= _PICKUP_GAP and not dated_apart and _PICKUP_RE.match(text, f.start) and (
                not _names_other_product(text, prev, f)
            ):
                _join(prev, f, f.end)
                continue
        out.append(f)
    for s, e in confirms:
        before = [f for f in out if f.end <= s and _same_turn(speakers, f.start, s)]
        gap = _gap_sentences(text, before[-1].end, s) if before else None
        if gap is not None and gap <= _PICKUP_GAP:
            prev = before[-1]
            prev.end = max(prev.end, e)
            if not prev.hedged:
                prev.certainty = "clear"  # "Dat zeg ik graag toe."
    asks = _reported_asks(ctx.lower if ctx.lower is not None else text.lower())
    out = sorted(out + _yes_to_reported(ctx, out, speakers, asks), key=lambda f: f.start)
    merged: list[_Found] = []
    for f in out:  # "… vroeg of ik … . Ja, dat wil ik. Ik wil daar ook op terugkomen.": one record
        prev = merged[-1] if merged else None
        if prev is not None and prev.marker == "asked" and _same_turn(speakers, prev.start, f.start) and (
            _gap_sentences(text, prev.end, f.start) == 0 and _PICKUP_RE.match(text, f.start)
        ):
            _join(prev, f, f.end)
            continue
        merged.append(f)
    out = merged
    out = sorted(out + _asked_when(ctx, out, speakers, asks), key=lambda f: f.start)
    out = sorted(out + _answered_when(ctx, out, speakers), key=lambda f: f.start)
    for i, f in enumerate(out):
        if f.actor in _CABINET:
            f.actor = speakers.actor_at(f.start)  # "Het kabinet zal …" said by a minister: the minister promised
        elif f.actor in _ROLES:
            # "De staatssecretaris stuurt …" in the chair's list: the one staatssecretaris who spoke
            named = {t.actor for t in speakers.turns if t.role == GOVERNMENT and t.actor.startswith(f.actor[3:] + " ")}
            if len(named) == 1:
                f.actor = named.pop()
        _start_at_reported_ask(text, f, out, speakers)
        if f.deadline is None and i > 0:
            _date_referred_back(text, out[i - 1], f, speakers)
        if f.deadline is None:
            _date_from_dialogue(ctx, f, speakers)
    return out


def _date_referred_back(text: str, prev: _Found, f: _Found, speakers: _Speakers) -> None:
    """``Ik stuur u in mei de evaluatie. Dan informeer ik u ook over de kosten.``:
    ``dan``/``op dat moment`` is the date of the promise just before."""
    d = prev.deadline
    if d is None or d.due is None or not _same_turn(speakers, prev.start, f.start):
        return
    if _gap_sentences(text, prev.end, f.start) not in (0, 1):
        return
    m = _THEN_RE.search(text, f.start, f.end)
    if m is None or _IF_RE.search(text, f.start, m.start()):
        return  # "Als … , dan …": a condition, not a time
    f.deadline = replace(d, text=m.group(), start=m.start(), end=m.end())


def _reported_asks(lower: str) -> list[int]:
    """Offsets of the asking verbs (``vroeg``, ``wilde weten`` …) in the lower-cased text."""
    out: set[int] = set()
    for anchor in words.REPORTED_ASK_ANCHORS:
        i = lower.find(anchor)
        while i >= 0:
            m = _L_REPORTED_ASK_RE.match(lower, max(0, i - 7), i + 12) or _L_REPORTED_ASK_RE.search(
                lower, max(0, i - 7), i + 12
            )
            if m is not None:
                out.add(m.start())
            i = lower.find(anchor, i + 1)
    return sorted(out)


def _government_turn(speakers: _Speakers, pos: int) -> Turn | None:
    i = speakers._index(pos)
    return speakers.turns[i] if i >= 0 and speakers.turns[i].role == GOVERNMENT else None


def _reported_questions(text: str, speakers: _Speakers, asks: list[int],
                        pattern: re.Pattern[str]) -> Iterator[tuple[Turn, re.Match[str]]]:
    """Each place in a government turn where the speaker reports a member's question (``pattern``)."""
    for pos in asks:
        t = _government_turn(speakers, pos)
        m = pattern.match(text, pos, t.end) if t is not None else None
        if t is not None and m is not None:
            yield t, m


def _yes_to_reported(ctx: _Ctx, found: list[_Found], speakers: _Speakers, asks: list[int]) -> list[_Found]:
    """``Mevrouw X vroeg of ik bereid ben met de gemeenten te spreken. Dat ben ik
    zeker.``: the yes promises what was asked (the asked words are no deadline)."""
    text = ctx.text
    out: list[_Found] = []
    for t, m in _reported_questions(text, speakers, asks, _ASKED_IF_RE):
        end = _SENT_END_RE.search(text, m.end(), t.end)
        if end is None:
            continue
        s = end.end()
        while s < t.end and text[s] in " \t":
            s += 1
        nxt = _SENT_END_RE.search(text, s, t.end)
        e = nxt.start() + 1 if nxt else t.end
        yes = text[s:e].strip()
        if not yes or "\n\n" in text[m.end():s] or not (
            _YES_I_AM_RE.match(yes) or confirmation(text, s, e)
        ):
            continue
        a = _sentence_start(text, t.start, m.start())
        if any(f.start < e and a < f.end for f in found):
            continue
        out.append(_asked_record(ctx, m, a, e, speakers))
    return out


def _asked_record(ctx: _Ctx, m: re.Match[str], a: int, e: int, speakers: _Speakers) -> _Found:
    what = re.sub(r"^(?:bereid\s+(?:ben|is|zijn)\s+(?:om\s+)?|wil\s+|kan\s+|ga\s+)", "", m["what"].strip(), flags=re.I)
    acts = {act.kind for act in _find_acts(m["what"])}
    kamer = bool(re.search(r"\b(?:de|uw)\s+Kamer\b", m["what"]))
    certainty = "clear" if acts & {"inform", "product", "motion"} or kamer else "borderline"
    return _Found(
        start=a, end=e, kind="toezegging", certainty=certainty,
        confidence=_confidence(certainty, "toezegging", None, "toezeg", kamer), actor=speakers.actor_at(a),
        deliverables=[_clip(what, 14)], deadline=None, act_pos=a, marker="asked",
    )


def _sentence_start(text: str, floor: int, pos: int) -> int:
    """Where the sentence holding ``pos`` begins (not before ``floor``)."""
    a = max(floor, *(text.rfind(c, floor, pos) + len(c) for c in (". ", "? ", "! ", "\n")))
    while a < pos and text[a].isspace():
        a += 1
    return a


def _sentences_before(text: str, pos: int, n: int) -> list[tuple[int, int]]:
    """Up to ``n`` sentences of the same paragraph before ``pos``, nearest last."""
    para = max(text.rfind("\n\n", 0, pos), text.rfind(":\n", 0, pos) + 1, 0)
    out: list[tuple[int, int]] = []
    a = para
    for m in _SENT_END_RE.finditer(text, para, pos):
        while a < m.end() and text[a].isspace():
            a += 1
        out.append((a, m.end() - (1 if text[m.end() - 1].isspace() else 0)))
        a = m.end()
    return out[-n:]


def _start_at_reported_ask(text: str, f: _Found, found: list[_Found], speakers: _Speakers) -> None:
    """``Mevrouw X vroeg naar de buitenruimtes. … Dat neem ik mee in de brief.``: a
    promise that refers back begins at the question it answers (at most two sentences
    before); one that names its own content stands alone."""
    if not _PICKUP_RE.match(text, f.start):
        return
    for a, b in reversed(_sentences_before(text, f.start, _PICKUP_GAP)):
        if any(o is not f and a < o.end and o.start < f.start for o in found):
            return
        if _REPORTED_ASK_RE.search(text, a, b) and not _OWN_ASK_RE.search(text, a, b) and _same_turn(
            speakers, a, f.start
        ):
            f.start = a
            return


def _asked_when(ctx: _Ctx, found: list[_Found], speakers: _Speakers, asks: list[int]) -> list[_Found]:
    """``GroenLinks vroeg wanneer de brief over X komt. Die komt voor de zomer.``:
    a reported "when" about a product, answered with a date in the next sentence."""
    text = ctx.text
    out: list[_Found] = []
    for t, m in _reported_questions(text, speakers, asks, _ASKED_WHEN_RE):
        a, b = _sentence_start(text, t.start, m.start()), m.end()
        nxt = _SENT_END_RE.search(text, b + 1, t.end)
        if nxt is None or any(a < f.end and f.start < nxt.end() for f in found):
            continue
        if not _DELIVERED_RE.search(text, a, b):
            continue  # "vroeg wanneer de wet ingaat": no delivery asked about
        products = [p for p in _products(text[a:b]) if _product_is_strong(p)]
        dates = [d for d in ctx.deadlines(b, nxt.end()) if not ctx.is_past(d)]
        if not products or not dates or "\n\n" in text[b:nxt.end()]:
            continue
        letter = _LETTER_RE.search(products[0].head) is not None
        kind = "informeren" if letter else "product"
        out.append(_Found(
            start=a, end=nxt.start() + 1, kind=kind, certainty="clear",
            confidence=_confidence("clear", kind, dates[0], "future", True),
            actor=t.actor, deliverables=[_VERB_TAIL_RE.sub("", _strip_np(products[0].text))], deadline=dates[0],
            act_pos=a, marker="future",
        ))
    return out


def _answered_when(ctx: _Ctx, found: list[_Found], speakers: _Speakers) -> list[_Found]:
    """Member: ``Wanneer komt die brief?`` — minister: ``Die komt na de zomer.``: the
    first sentence of the answer, with a future date, promises the product asked about."""
    text = ctx.text
    out: list[_Found] = []
    for t in speakers.turns:
        if t.role != GOVERNMENT or t.end <= t.start:
            continue
        question = speakers.question_before(t.start)
        if question is None:
            continue
        qa, qb = question
        asked = None
        for m in _WHEN_RE.finditer(text, qa, qb):
            asked = m
        if asked is None or not _DELIVERED_RE.search(text, asked.start(), asked.end()):
            continue
        products = [p for p in _products(text[asked.start():asked.end()]) if _product_is_strong(p)]
        first = _SENT_END_RE.search(text, t.start, t.end)
        e = first.start() + 1 if first else t.end
        if not products or e - t.start > _SHORT_ANSWER or any(f.start < e and t.start < f.end for f in found):
            continue
        dates = [d for d in ctx.deadlines(t.start, e) if not ctx.is_past(d)]
        if not dates or not _PICKUP_RE.match(text, t.start):
            continue
        letter = _LETTER_RE.search(products[0].head) is not None
        kind = "informeren" if letter else "product"
        out.append(_Found(
            start=t.start, end=e, kind=kind, certainty="clear",
            confidence=_confidence("clear", kind, dates[0], "future", True), actor=t.actor,
            deliverables=[_VERB_TAIL_RE.sub("", _strip_np(products[0].text))], deadline=dates[0],
            act_pos=t.start, marker="future",
        ))
    return out


def _date_from_dialogue(ctx: _Ctx, f: _Found, speakers: _Speakers) -> None:
    """``Daarover zal ik de Kamer informeren.`` — chair: ``En wanneer krijgen we
    die brief?`` — minister: ``Mag ik er juni van maken?``: the promise closing a
    government turn takes the first future date of the next government turns."""
    turns = speakers.turns
    i = speakers._index(f.start)
    if i < 0 or i + 1 >= len(turns) or turns[i].role != GOVERNMENT:
        return
    end = turns[i].end
    while end > f.end and ctx.text[end - 1].isspace():
        end -= 1
    if _gap_sentences(ctx.text, f.end, end) not in (0, 1):
        return  # only the turn's last words are what the chair asks about
    asker = turns[i + 1]
    if asker.role == GOVERNMENT or not _WHEN_RE.search(ctx.text, asker.start, asker.end):
        return
    seen = 0
    for t in turns[i + 2:i + 6]:
        if t.role != GOVERNMENT:
            continue
        if t.speaker != turns[i].speaker or seen >= _DATE_TURNS:
            return
        seen += 1
        dates = [d for d in ctx.deadlines(t.start, t.end) if not ctx.is_past(d) and d.due is not None]
        if dates:
            f.deadline = dates[0]
            return


_YES = rf"^(?:(?:{_alt(words.YES_WORDS)})\b[,.!]?\s*)*"
# "Dat zullen we doen.", "Dat gaan we zeker doen.": the plural twin of the bare yes.
_WE_CONFIRM_RE = re.compile(
    _YES + rf"(?:dat|dit|die|het)\s+(?:{_alt(words.WE_CONFIRM_VERBS)})\s+(?:we|wij)\s+(?:\w+\s+){{0,2}}?doen\s*[.!]?\s*$",
    re.IGNORECASE,
)
# "Ja, voorzitter, dat wil ik.", "Dat ben ik zeker.": yes to a question reported just before.
_YES_I_AM_RE = re.compile(
    _YES + rf"(?:dat|dit|het)\s+(?:{_alt(words.I_CONFIRM_VERBS)})\s+ik(?:\s+(?:{_alt(words.CONFIRM_ADVERBS)}))*\s*[.!]?\s*$",
    re.IGNORECASE,
)
# "De heer X vroeg (aan mij) of ik bereid ben / wil / kan …": a yes/no question reported in the answer.
_ASKED_IF_RE = re.compile(
    rf"\b(?:{_alt(words.REPORTED_ASK)})\b(?:\s+\w+){{0,3}}?\s+of\s+"
    r"(?:ik|wij|we|de\s+minister|de\s+staatssecretaris|het\s+kabinet)\s+(?P<what>[^.?!]{3,200})",
    re.IGNORECASE,
)


# Longest sentence read as a bare confirmation ("Dat wil ik graag doen; dat zeg ik graag toe.").
_CONFIRM_MAX = 90


def confirmation(text: str, s: int, e: int) -> bool:
    """``Dat zullen we doen.``, ``Dat wil ik graag doen; dat zeg ik graag toe.``:
    a sentence that only confirms what was just said."""
    if e - s > _CONFIRM_MAX:
        return False
    parts = [p.strip() for p in text[s:e].split(";") if p.strip()]
    return bool(parts) and all(
        _ANSWER_PROMISE_RE.match(p) or _WE_CONFIRM_RE.match(p) for p in parts
    )
