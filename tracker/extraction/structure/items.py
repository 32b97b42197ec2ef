"""segment and item_at: question/answer items in their four shapes."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from tracker.extraction.structure.patterns import (
    _ANTWOORD,
    _BLANK_RUN,
    _CLOSING,
    _FRACTIE_HEADING,
    _MEMBERS_HEADING,
    _NUM_ANTWOORD,
    _NUM_LINE,
    _PAGE_COLUMNS,
    _SECTION,
    _TRANSPARENT,
    _VRAAG,
)
from tracker.extraction.structure.text import _norm, _question_like, _signatures, _strip_span, _trim
from tracker.extraction.types import QAItem


def segment(text: str) -> list[QAItem]:
    """Question/answer items of a repaired document, in document order."""
    return list(_segment(text)[1])


# document_info() needs the segmentation to decide the kind and the pipeline
# then calls segment() on the same string: remember the last result, keyed on
# the identity of the (immutable) text object, so the work is done once.
_last: tuple[str, tuple[str | None, list[QAItem]]] | None = None


def _segment(text: str) -> tuple[str | None, list[QAItem]]:
    global _last
    last = _last
    if last is not None and last[0] is text:
        return last[1]
    result = _segment_uncached(text)
    _last = (text, result)
    return result


def _segment_uncached(text: str) -> tuple[str | None, list[QAItem]]:
    """Try every shape; the one that finds the most items wins (ties: first)."""
    antwoord = list(_ANTWOORD.finditer(text))
    best: tuple[str | None, list[QAItem]] = (None, [])
    blocks = _segment_blocks(text, antwoord)
    if blocks:
        best = ("blocks", blocks)
        if len(blocks) >= len(antwoord):
            return best  # every "Antwoord" is used: numbering cannot do better
    fracties = _segment_fracties(text)
    if len(fracties) > len(best[1]):
        best = ("fracties", fracties)
    if len(antwoord) > len(best[1]):  # one item per "Antwoord" line at most
        numbered = _segment_numbered(text, antwoord)
        if len(numbered) > len(best[1]):
            best = ("numbered", numbered)
    return best


def _last_answer_end(text: str, start: int) -> int:
    m = _CLOSING.search(text, start)
    end = m.start() if m else len(text)
    sig = next(_signatures(text, start, end), None)
    return sig.start() if sig else end


# Shapes 1 and 2 ------------------------------------------------------------


def _segment_numbered(text: str, labels: list[re.Match[str]]) -> list[QAItem]:
    if not labels:
        return []
    lines = [
        m for m in _NUM_LINE.finditer(text)
        if not (m["rest"] and m["rest"].startswith("Antwoord"))
    ]
    inline = [m for m in lines if m["rest"]]
    alone = [m for m in lines if not m["rest"]]
    a = _numbered_with(text, labels, inline, inline=True)
    b = _numbered_with(text, labels, alone, inline=False)
    return a if len(a) >= len(b) else b


def _numbered_with(
    text: str, labels: list[re.Match[str]], cands: list[re.Match[str]], *, inline: bool
) -> list[QAItem]:
    if not cands:
        return []
    # Candidate positions per printed number, so each lookup is a bisect.
    by_number: dict[int, list[int]] = {}
    for idx, c in enumerate(cands):
        by_number.setdefault(int(c["n"]), []).append(idx)
    starts = [c.start() for c in cands]

    def last_with(number: int, lo: int, hi: int) -> re.Match[str] | None:
        idxs = by_number.get(number)
        if not idxs:
            return None
        j = bisect_right(idxs, hi - 1) - 1
        return cands[idxs[j]] if j >= 0 and idxs[j] >= lo else None

    chosen: list[tuple[re.Match[str], re.Match[str]]] = []  # (number line, label)
    expected: int | None = None
    boundary = 0
    for label in labels:
        # Candidates between the previous chosen label and this one.
        lo = bisect_right(starts, boundary - 1)
        hi = bisect_right(starts, label.start() - 1)
        if lo >= hi:
            continue
        if expected is None:
            pick = last_with(1, lo, hi) or cands[hi - 1]
        else:
            # The next number, tolerating up to two missing ones; else a list
            # that starts again at 1.
            pick = (
                last_with(expected, lo, hi)
                or last_with(expected + 1, lo, hi)
                or last_with(expected + 2, lo, hi)
                or last_with(1, lo, hi)
            )
        if pick is None:
            continue  # an "Antwoord" line inside the previous answer
        chosen.append((pick, label))
        expected = int(pick["n"]) + 1
        boundary = label.end()
    if len(chosen) < 2 and not (chosen and int(chosen[0][0]["n"]) == 1):
        return []

    items: list[QAItem] = []
    for i, (line, label) in enumerate(chosen):
        q_from = line.start("rest") if inline else line.end()
        qs, qe = _trim(text, q_from, label.start(), footnotes=False)
        cols = _PAGE_COLUMNS.search(text, max(qs, qe - 12), qe)
        if cols:
            qe = cols.start() + 1
        a_limit = chosen[i + 1][0].start() if i + 1 < len(chosen) else _last_answer_end(
            text, label.end()
        )
        as_, ae = _trim(text, label.end(), a_limit, footnotes=False)
        if inline:  # a lone number closing the answer is the next row's "Blz." cell
            while as_ < ae:
                ls = text.rfind("\n", as_, ae) + 1
                if ls <= as_ or not text[ls:ae].isdigit():
                    break
                as_, ae = _strip_span(text, as_, ls)
        items.append(QAItem(line["n"], _norm(text[qs:qe]), qs, qe, as_, max(as_, ae)))
    return items


# Shape 3 -------------------------------------------------------------------


def _segment_fracties(text: str) -> list[QAItem]:
    labels = list(_NUM_ANTWOORD.finditer(text))
    if not labels:
        return []
    headings = list(_FRACTIE_HEADING.finditer(text))
    heading_starts = [h.start() for h in headings]
    sections = list(_SECTION.finditer(text))
    section_starts = [s.start() for s in sections]

    prev_end = 0  # end of the previous label (start of the previous answer)
    q_spans: list[tuple[int, int]] = []
    for label in labels:
        lo = prev_end
        # A fractie heading or section heading between the answers bounds the question.
        floor = lo
        hi_h = bisect_right(heading_starts, label.start()) - 1
        if hi_h >= 0 and headings[hi_h].start() >= lo:
            floor = max(floor, headings[hi_h].end())
        hi_s = bisect_right(section_starts, label.start()) - 1
        if hi_s >= 0 and sections[hi_s].start() >= lo:
            floor = max(floor, sections[hi_s].end())
        # Without a heading in between, the region starts with the previous
        # answer, whose first paragraph is never part of this question.
        keeps_answer = floor == lo and bool(q_spans)
        q_spans.append(_question_above(text, floor, label.start(), keeps_answer))
        prev_end = label.end()

    items: list[QAItem] = []
    for i, label in enumerate(labels):
        qs, qe = q_spans[i]
        if i + 1 < len(labels):
            limit = q_spans[i + 1][0]
            # A heading between this answer and the next question ends the answer.
            j = bisect_right(heading_starts, limit) - 1
            if j >= 0 and headings[j].start() >= label.end():
                limit = min(limit, headings[j].start())
            k = bisect_right(section_starts, limit) - 1
            if k >= 0 and sections[k].start() >= label.end():
                limit = min(limit, sections[k].start())
        else:
            limit = _last_answer_end(text, label.end())
        as_, ae = _trim(text, label.end(), limit, footnotes=True)
        party = None
        h = bisect_right(heading_starts, qs) - 1
        if h >= 0:
            party = headings[h]["p"] or _norm(headings[h]["p2"] or "") or None
        items.append(
            QAItem(label["n"], _norm(text[qs:qe]), qs, qe, as_, max(as_, ae), party=party)
        )
    return items


def _question_above(text: str, lo: int, hi: int, keeps_answer: bool) -> tuple[int, int]:
    """Span of the question paragraphs directly above an ``n. Antwoord:`` label."""
    paras: list[tuple[int, int]] = []
    pos = lo
    for sep in _BLANK_RUN.finditer(text, lo, hi):
        s, e = _strip_span(text, pos, sep.start())
        if s < e:
            paras.append((s, e))
        pos = sep.end()
    s, e = _strip_span(text, pos, hi)
    if s < e:
        paras.append((s, e))
    if not paras:
        return hi, hi
    first_allowed = 1 if keeps_answer and len(paras) > 1 else 0
    start_idx: int | None = None
    i = len(paras) - 1
    while i >= first_allowed:
        ps, pe = paras[i]
        chunk = text[ps:pe]
        if _TRANSPARENT.match(chunk):
            i -= 1
            continue
        if "\n" not in chunk and _SECTION.at.match(chunk):
            break
        if start_idx is None or _question_like(chunk):
            start_idx = i
            i -= 1
            continue
        break
    if start_idx is None:
        start_idx = len(paras) - 1
    return _trim(text, paras[start_idx][0], paras[-1][1], footnotes=True)


# Shape 4 -------------------------------------------------------------------


def _segment_blocks(text: str, antwoord: list[re.Match[str]]) -> list[QAItem]:
    if not antwoord:
        return []
    vraag = list(_VRAAG.finditer(text))
    if not vraag:
        return []
    headings = list(_MEMBERS_HEADING.finditer(text))
    heading_starts = [h.start() for h in headings]
    events = sorted([(m.start(), 0, m) for m in vraag] + [(m.start(), 1, m) for m in antwoord],
                    key=lambda t: t[0])

    # Pair each Vraag label with the first Antwoord label before the next Vraag.
    pairs: list[tuple[re.Match[str], re.Match[str] | None]] = []
    for _, is_answer, m in events:
        if not is_answer:
            pairs.append((m, None))
        elif pairs and pairs[-1][1] is None:
            pairs[-1] = (pairs[-1][0], m)
    items: list[QAItem] = []
    for i, (q, a) in enumerate(pairs):
        next_q = pairs[i + 1][0].start() if i + 1 < len(pairs) else None
        q_limit = a.start() if a else (next_q if next_q is not None else len(text))
        h = bisect_right(heading_starts, q_limit) - 1
        if a is None and h >= 0 and headings[h].start() > q.end():
            q_limit = headings[h].start()
        qs, qe = _trim(text, q.end(), q_limit, footnotes=True)
        if a is not None:
            limit = next_q if next_q is not None else _last_answer_end(text, a.end())
            h = bisect_right(heading_starts, limit) - 1
            if h >= 0 and headings[h].start() >= a.end():
                limit = headings[h].start()
            as_, ae = _trim(text, a.end(), limit, footnotes=True)
        else:
            as_ = ae = qe
        member = party = None
        h = bisect_right(heading_starts, q.start()) - 1
        if h >= 0:
            hd = headings[h]
            member = _norm(hd["m"]) if hd["m"] else None
            party = _norm(hd["p"] or hd["p2"] or "") or None
        number = q["n"] or str(i + 1)
        items.append(QAItem(number, _norm(text[qs:qe]), qs, qe, as_, max(as_, ae),
                            member=member, party=party))
    return items




def item_at(items: Sequence[QAItem], offset: int) -> QAItem | None:
    """The item whose question-or-answer span [question_start, answer_end) holds offset.

    ``items`` must be in document order, as :func:`segment` returns them.
    """
    i = bisect_right(items, offset, key=lambda it: it.question_start) - 1
    if i >= 0 and offset < items[i].answer_end:
        return items[i]
    return None
