"""Clause segments and product noun phrases inside one sentence."""

from __future__ import annotations

import bisect
import functools
import re

from tracker.extraction.commitments.patterns import (
    _I,
    _NAMED_PRODUCT_RE,
    _SEG_BREAK_RE,
    _STRONG_ALONE,
    _SUBORD_RE,
    _WEAK_PRODUCTS,
)
from tracker.extraction.commitments.records import _NP
from tracker.extraction.commitments.tables import (
    _ACT_KEYS,
    _CLAUSE_STARTERS,
    _DETERMINERS,
    _L_PRODUCT_END,
    _PREPOSITIONS,
    _PREV_WORD_RE,
    _STOP_LEFT,
    _STOP_RIGHT,
    _TAIL_WORDS,
    _WORD_RE,
    _WS_RE,
)


def _is_question(sent: str) -> bool:
    return sent.rstrip().rstrip("\"'»”’)]0123456789").endswith("?")


@functools.lru_cache(maxsize=64)
def _breaks(sent: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    ms = list(_SEG_BREAK_RE.finditer(sent))
    return tuple(m.start() for m in ms), tuple(m.end() for m in ms)


def new_document() -> None:
    """Forget the sentences of the previous document: the caches serve the many calls for one
    sentence during its analysis, not a text seen again (that would flatter a benchmark that
    repeats its texts)."""
    _breaks.cache_clear()
    _products_cached.cache_clear()


def _segment(sent: str, pos: int) -> tuple[int, int]:
    """The clause segment around ``pos``: between commas, brackets, ``;``,
    ``:``, dashes and a conjunction that starts a new clause."""
    starts, ends = _breaks(sent)
    i = bisect.bisect_right(ends, pos) - 1
    a = ends[i] if i >= 0 else 0
    j = bisect.bisect_left(starts, pos)
    b = starts[j] if j < len(starts) else len(sent)
    return a, b


def _product_is_strong(np: _NP) -> bool:
    if _NAMED_PRODUCT_RE.match(np.text):
        return True
    if np.head in _WEAK_PRODUCTS:
        return np.head in _STRONG_ALONE
    return True




def _products(sent: str) -> list[_NP]:
    """Product noun phrases in the sentence, left to right, not nested."""
    return list(_products_cached(sent))


@functools.lru_cache(maxsize=256)
def _products_cached(sent: str) -> tuple[_NP, ...]:
    out: list[_NP] = []
    taken: list[tuple[int, int]] = []
    for m in _NAMED_PRODUCT_RE.finditer(sent):
        a = _extend_left(sent, m.start())
        head = m.group().split()[-1].lower()
        if head.isdigit():
            head = m.group().split()[-2].lower()
        out.append(_NP(a, m.end(), _WS_RE.sub(" ", sent[a:m.end()]), head))
        taken.append((m.start(), m.end()))
    low = sent.lower() if len(sent.lower()) == len(sent) else sent
    for m in _L_PRODUCT_END.finditer(low):
        w0 = m.start()
        while w0 > 0 and (sent[w0 - 1].isalnum() or sent[w0 - 1] == "-"):
            w0 -= 1
        if any(a <= w0 < b for a, b in taken) or low.endswith(("in ", "als "), 0, w0):
            continue  # nested, or "in reactie op", "als reactie"
        a = _extend_left(sent, w0)
        b = _extend_right(sent, m.end(), m.group())
        phrase = _WS_RE.sub(" ", sent[a:b]).strip()
        words = phrase.split(" ")
        while len(words) > 1 and words[-1].lower() in _TAIL_WORDS:
            words.pop()
        out.append(_NP(a, b, " ".join(words), sent[w0:m.end()].lower()))
        taken.append((w0, b))
    out.sort()
    return tuple(out)


def _cut_np(sent: str, np: _NP, spans: list[tuple[int, int]]) -> _NP:
    for a, _b in spans:
        if np.start < a < np.end:
            words = _WS_RE.sub(" ", sent[np.start:a]).strip().split(" ")
            while len(words) > 1 and words[-1].lower() in _TAIL_WORDS:
                words.pop()
            return _NP(np.start, a, " ".join(words), np.head)
    return np


def _extend_left(sent: str, pos: int) -> int:
    start = pos
    for n, w in enumerate(reversed(list(_WORD_RE.finditer(sent, max(0, pos - 80), pos)))):
        t = w.group()
        low = t.lower()
        if low in _STOP_LEFT or low in _DETERMINERS or n >= 4 or sent[w.end():start].strip():
            break
        if not (t[:1].isupper() or low.endswith("e") or t.isdigit()):
            break
        start = w.start()
    return start


_OP_HEADS = ("reactie", "visie", "appreciatie", "antwoord", "zicht")


def _extend_right(sent: str, pos: int, head: str = "") -> int:
    m = re.match(r"\s+\d{4}\b", sent[pos:])
    if m:
        pos += m.end()
    m = re.match(
        r"\s+(?:over|naar|inzake|met\s+betrekking\s+tot|ten\s+aanzien\s+van|omtrent|van|op)\s+",
        sent[pos:], _I,
    )
    if m and m.group().strip().lower() == "op" and not head.endswith(_OP_HEADS):
        return pos
    if not m:
        return pos
    end = pos
    n = 0
    scan = pos + m.end()
    for w in _WORD_RE.finditer(sent, scan):
        if sent[scan:w.start()].strip() or w.group().lower() in _STOP_RIGHT or n >= 6 or (
            w.group().lower() in _ACT_KEYS
        ):
            break
        end = scan = w.end()
        n += 1
    return end if n else pos


def _clip(words: str, limit: int = 10) -> str:
    parts = _WS_RE.sub(" ", words).strip().split(" ")[:limit]
    while len(parts) > 1 and parts[-1].lower().strip(",;:«»") in _TAIL_WORDS:
        parts.pop()
    return " ".join(parts).strip(",;:. «»")


def _without_spans(sent: str, a: int, b: int, spans: list[tuple[int, int]]) -> str:
    """``sent[a:b]`` with the time phrases in ``spans`` and brackets removed."""
    chars = list(sent[a:b])
    for x, y in spans:
        for i in range(max(x, a), min(y, b)):
            chars[i - a] = " "
    out = "".join(chars)
    out = re.sub(r"\([^()]*\)", " ", out)
    return _WS_RE.sub(" ", out).strip()


def _clause_bounds(sent: str, pos: int) -> tuple[int, int]:
    """The stretch around ``pos`` between ``;`` / ``:`` boundaries."""
    a = max(sent.rfind(";", 0, pos), sent.rfind(":", 0, pos)) + 1
    ends = [i for i in (sent.find(";", pos), sent.find(":", pos)) if i >= 0]
    return a, (min(ends) if ends else len(sent))


def _strip_np(np: str) -> str:
    words = np.split()
    while len(words) > 1 and words[0].lower() in _DETERMINERS:
        words.pop(0)
    return " ".join(words)


def _strip_te(s: str) -> str:
    s = _WS_RE.sub(" ", s).strip()
    m = re.search(r"\b(?:voor|op|aan|uit|toe|af|in)?\s*te\s+(\w+)\b", s, _I)
    if m:
        particle = (m.group().split()[0] if not m.group().lower().startswith("te") else "")
        s = (s[:m.start()].rstrip() + " " + (particle if particle.lower() != "te" else "") + m.group(1) + s[m.end():])
    return _WS_RE.sub(" ", s).strip()


def _dedupe(items: list[str]) -> list[str]:
    out: list[str] = []
    for it in items:
        if it and it not in out:
            out.append(it)
    return out


def _subordinators(text: str, a: int, b: int) -> list[re.Match[str]]:
    """Relative pronouns and subordinating conjunctions in ``text[a:b]``; a
    ``die``/``dat`` after a preposition or at the very start is a determiner
    (``om die reden``, ``Dat rapport``)."""
    out = []
    for m in _SUBORD_RE.finditer(text, a, b):
        if m.group().lower() in ("die", "dat", "wat"):
            prev = _PREV_WORD_RE.search(text, max(0, m.start() - 40), m.start())
            nxt = _WORD_RE.match(text, m.end() + 1) if m.end() < len(text) else None
            clause_next = nxt is not None and (
                nxt.group().lower() in _CLAUSE_STARTERS or nxt.group()[:1].isupper()
            )
            if (prev is None or prev.group(1).lower() in _PREPOSITIONS) and not clause_next:
                continue
        out.append(m)
    return out


def _has_strong_product(sent: str) -> bool:
    return any(_product_is_strong(p) for p in _products(sent))
