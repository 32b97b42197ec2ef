"""The deliverable of a promise, in a few words."""

from __future__ import annotations

import re

from tracker.extraction.commitments.acts import _objects
from tracker.extraction.commitments.patterns import (
    _BACK_ON_RE,
    _COMPLEMENT_RE,
    _EVALUATE_RE,
    _FINITE_RE,
    _HIER_RE,
    _I,
    _IMPLIED_PRODUCT,
    _INTENT_RE,
    _LETTER_RE,
    _NEXT_ACT_RE,
    _OVER_RE,
    _SUBJ_AFTER_RE,
    _TEGEMOET_RE,
    _TOEZEG_WHAT_RE,
    _TOPIC_END_RE,
)
from tracker.extraction.commitments.phrases import (
    _clause_bounds,
    _clip,
    _dedupe,
    _product_is_strong,
    _segment,
    _strip_np,
    _strip_te,
    _subordinators,
    _without_spans,
)
from tracker.extraction.commitments.records import _NP, _Act
from tracker.extraction.commitments.tables import _WS_RE

# The infinitive clause of "zegt … toe (om) … te <verb>".
_TOE_TE_RE = re.compile(
    r"\btoe\s*,?\s+(?:om\s+)?(?P<what>(?!dat\b)[^;?]{3,220}?\bte\s+(?:zullen\s+)?(?:laten\s+)?\w+(?:\s+(?:en|of)\s+"
    r"[^;?]{0,80}?\bte\s+\w+)?(?:\s+(?:over|aan|naar|op|met)\s+[^,;:?.()]{2,80})?)",
    re.IGNORECASE,
)


def _coordinated_deliverable(
    sent: str, main: _Act, other: _Act, products: list[_NP], spans: list[tuple[int, int]]
) -> str:
    """The deliverable of an act joined by "en": its product, else its verb phrase."""
    lo = main.end if other.start > main.start else 0
    joins = list(re.finditer(r"\ben\b", sent[lo:other.start], _I))
    start = lo + joins[-1].end() if joins else lo
    inside = [p for p in products if start <= p.start < other.start]
    if inside:
        return _strip_np(inside[-1].text)
    if other.word in _IMPLIED_PRODUCT:
        return _IMPLIED_PRODUCT[other.word]
    phrase = _without_spans(sent, start, other.end, spans)
    tail = _COMPLEMENT_RE.match(sent, other.end)
    if tail and tail.group("c"):
        phrase += " " + _without_spans(sent, tail.start("c"), tail.end("c"), spans)
    phrase = phrase.replace("«", "").replace("»", "")
    return _clip(phrase, 10)


def _deliverables(
    sent: str, act: _Act, kind: str, products: list[tuple[int, int, str]], marker: str,
    anchor: int, spans: list[tuple[int, int]],
) -> list[str]:
    names = [p for p in products if _product_is_strong(p)]
    if kind == "motie":
        m = re.search(
            r"\b(?:(?:de\s+)?rest\s+van\s+)?(?:de\s+)?motie(?:-|\s+van\s+(?:het\s+lid|de\s+leden)\s+|\s+)?"
            r"(?P<name>[A-Z][\w'-]*(?:\s+(?:van\s+der|van\s+den|van|de|den|der)\s+[A-Z][\w'-]*)?"
            r"(?:\s*/\s*[A-Z][\w'-]*)?(?:\s+c\.s\.)?)?",
            sent,
        )
        if m and m.group("name"):
            return ["uitvoering motie " + _WS_RE.sub(" ", m.group("name"))]
        if m and "rest" in m.group().lower():
            return ["uitvoering rest van de motie"]
        return ["uitvoering motie"]
    if marker == "tegemoet":
        t = _TEGEMOET_RE.search(sent)
        if t:
            what = _without_spans(sent, t.start("what"), t.end("what"), spans)
            what = re.sub(r"\b(?:alvast|graag|voor\s+\d{4}(?:\s+en\s+\d{4})?)\b", " ", what, flags=_I)
            return [_clip(what, 9) + " " + t.group("verb")]
    if act.word.startswith("beantwoord"):
        what = _clip(_without_spans(sent, _segment(sent, act.start)[0], act.start, spans), 12)
        what = re.sub(r"^(?:.*?\b)?((?:de|het|deze|die|alle|uw|zijn|haar|hun)\s)", r"\1", what, flags=_I)
        what = re.sub(r"\s*\bte$", "", what)
        return ["beantwoording van " + what if what else "beantwoording"]
    if kind == "informeren" or (act.kind == "inform" and kind != "product"):
        objects = _objects(sent, products)
        letters = [p for p in objects if _LETTER_RE.search(p.head)]
        if "verslag" in act.word:
            topic = re.search(r"\bover\s+(?P<t>[^,.;:()]{3,100}?)\s+(?:voor|aan|in|bij|uiterlijk)\b", sent, _I)
            return ["verslag aan de Kamer" + (" over " + _clip(topic.group("t"), 6) if topic else "")]
        if letters:
            return [_strip_np(letters[0][2])]
        if kind == "toezegging":
            pass
        else:
            return [_inform_topic(sent, act, spans)]
    if kind == "product" and act.word in _IMPLIED_PRODUCT and not names:
        return [_evaluation(sent, act, anchor, spans)]
    if kind == "product" and _EVALUATE_RE.match(act.word):
        return [_evaluation(sent, act, anchor, spans)]
    if kind == "product" and act.kind == "inform":
        sent_products = [p for p in _objects(sent, products) if not _LETTER_RE.search(p.head)]
        if sent_products:
            return _dedupe([_strip_np(p.text) for p in _coordinated(sent, sent_products, act)])
    if kind in ("product",) and names:
        return _dedupe([_strip_np(p[2]) for p in _coordinated(sent, _objects(sent, names) or names, act)])
    if kind == "toezegging":
        m = re.search(r"\bbereid\s+(?:om\s+)?(?P<what>[^;?]{3,220})", sent, _I)
        if m:
            return [_clip(_strip_te(_without_spans(sent, m.start("what"), m.end("what"), spans)), 16)]
        m = re.search(r"\b(?:toegezegd|beloofd|aangekondigd|aangegeven)\b,?(?P<what>[^;?]{3,260}?)\bte\s+"
                      r"(?:zullen\s+)?(?P<verb>\w+)", sent, _I)
        if m:
            what = _without_spans(sent, m.start("what"), m.end("what"), spans)
            what = what.split(",")[-1] if "," in what else what
            if re.fullmatch(r"\s*(?:voor|op|aan|uit|toe|af|in|door|na)\s*", what.split()[-1] if what.split() else ""):
                parts = what.split()
                return [_clip(" ".join(parts[:-1]), 9) + " " + parts[-1] + m.group("verb")]
            return [_clip(what, 9) + " " + m.group("verb")]
        m = _TOE_TE_RE.search(sent)
        if m:  # "zegt (de Kamer, …,) toe (om) X te doen": X doen
            what = _without_spans(sent, m.start("what"), m.end("what"), spans)
            what = re.sub(r"\bte\s+zullen\s+", "te ", what, flags=_I)
            return [_clip(_strip_te(what), 14)]
        m = _TOEZEG_WHAT_RE.search(sent)
        if names:
            return _dedupe([_strip_np(p[2]) for p in names[:2]])
        if m:
            what = _without_spans(sent, m.start("what"), m.end("what"), spans)
            what = re.sub(r"^(?:ik|wij|we|het\s+kabinet)\s+", "", _strip_te(what), flags=_I)
            return [_clip(what, 12)]
    if _EVALUATE_RE.match(act.word):
        return [_evaluation(sent, act, anchor, spans)]
    if names:
        return _dedupe([_strip_np(p[2]) for p in _coordinated(sent, names, act)])
    return [_clip(_act_phrase(sent, act, anchor, spans), 10)]


def _evaluation(sent: str, act: _Act, anchor: int, spans: list[tuple[int, int]]) -> str:
    """"evaluatie <object>", "onderzoek <hoe/of …>" for an act that is a product."""
    noun = _IMPLIED_PRODUCT.get(act.word, "evaluatie")
    phrase = _act_phrase(sent, act, anchor, spans)
    i = phrase.lower().find(act.word)
    what = (phrase[:i] + " " + phrase[i + len(act.word):]) if i >= 0 else phrase
    what = re.sub(r"^(?:zijn|haar|hun|het|de|een|deze|dit|ook|nog)\s+", "", what.strip(), flags=_I)
    what = re.sub(r"\s*\([^)]*\)\s*", " ", what).strip()
    return noun + (" " + _clip(what, 10) if what else "")


def _inform_topic(sent: str, act: _Act, spans: list[tuple[int, int]]) -> str:
    """``informatie aan de Kamer over <topic>``: the ``over …`` of the act's
    clause (after the act, else fronted before it)."""
    a, b = _clause_bounds(sent, act.start)
    nxt = _NEXT_ACT_RE.search(sent, act.end, b)
    if nxt:
        b = nxt.start()
    clause = _without_spans(sent, a, b, [(x - a, y - a) for x, y in spans if a <= x < b])
    rel = act.start - a
    overs = [m for m in _OVER_RE.finditer(clause) if not _HIER_RE.search(m.group())]
    if not overs:
        overs = list(_BACK_ON_RE.finditer(clause))
    after = [m for m in overs if m.start() >= rel - 5]
    m = after[0] if after else (overs[0] if overs else None)
    if m:
        t = _TOPIC_END_RE.split(m.group("t"), maxsplit=1)[0]
        return "informatie aan de Kamer over " + _clip(t, 9)
    return "informatie aan de Kamer"


def _coordinated(sent: str, names: list[tuple[int, int, str]], act: _Act) -> list[tuple[int, int, str]]:
    """The product phrase nearest to the act plus those coordinated with it."""
    if len(names) == 1:
        return names
    nearest = min(names, key=lambda p: min(abs(p[0] - act.start), abs(p[1] - act.start)))
    group = [nearest]
    idx = names.index(nearest)
    for step in (-1, 1):
        j = idx
        while 0 <= j + step < len(names):
            left, right = sorted((names[j], names[j + step]))
            if re.fullmatch(r"\s*(?:,|en|of|alsmede|evenals)\s*(?:(?:een|de|het)\s+)?", sent[left[1]:right[0]], _I):
                group.append(names[j + step])
                j += step
            else:
                break
    return sorted(group)


def _act_phrase(sent: str, act: _Act, anchor: int, spans: list[tuple[int, int]]) -> str:
    """A short verb phrase: the words from the subject/marker to the act verb."""
    seg_a, _ = _segment(sent, act.start)
    start = max(seg_a, min(anchor, act.start))
    if anchor >= act.start:
        start = seg_a
    intent = _INTENT_RE.match(sent, start)
    if intent:
        start = intent.end()
    m = _FINITE_RE.match(sent, start)
    if m:
        start = m.end()
    phrase = _without_spans(sent, start, act.end, spans)
    g = _SUBJ_AFTER_RE.match(phrase)
    if g and g.group("subj").lower() not in ("er",):
        phrase = phrase[g.end():]
    rel = list(_subordinators(phrase, 0, len(phrase)))
    if rel:
        verbs = list(re.finditer(r"\b(?:ge\w+[dt]|worden|wordt|zijn|is)\b", phrase[rel[-1].end():], _I))
        if verbs:
            phrase = phrase[rel[-1].end() + verbs[-1].end():]
    phrase = re.sub(r"^\s*(?:er|ook|nog|zich|daarom|tevens|in\s+dit\s+kader|in\s+dat\s+kader|andermaal)\b",
                    " ", phrase, flags=_I)
    phrase = re.sub(r"\b(?:worden|wordt|zal|zullen|kunnen|kan|moeten|is|zijn|te|om)\b", " ", phrase, flags=_I)
    words = _WS_RE.sub(" ", phrase).strip().split(" ")
    phrase = " ".join(words[-10:])
    tail = _COMPLEMENT_RE.match(sent, act.end)
    if tail and tail.group("c"):
        phrase += " " + _clip(_without_spans(sent, tail.start("c"), tail.end("c"), spans), 8)
    return phrase
