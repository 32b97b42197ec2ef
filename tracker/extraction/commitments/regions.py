"""Which parts of the text are read, and the candidate sentences in them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from tracker.extraction.commitments.patterns import (
    _ANSWER_HEAD_RE,
    _MEMBER_START_RE,
    _QUESTION_HEAD_RE,
    _TRIGGER_RE,
)
from tracker.extraction.commitments.tables import _L_TRIGGER
from tracker.extraction.sentences import block_spans, split_sentences

# The end of the paragraph that follows a question heading.
_PARAGRAPH_END_RE = re.compile(r"\S[\s\S]*?(?:\n[ \t\xa0]*\n|\Z)")


def _regions(text: str, spans: Sequence[tuple[int, int]] | None) -> list[tuple[int, int]]:
    if spans is not None:
        merged: list[tuple[int, int]] = []
        for a, b in sorted((max(0, a), min(len(text), b)) for a, b in spans if b > a):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        return merged
    regions: list[tuple[int, int]] = []
    pos = 0
    for q in _QUESTION_HEAD_RE.finditer(text):
        if q.start() < pos:
            continue
        a = _ANSWER_HEAD_RE.search(text, q.end())
        nxt = _QUESTION_HEAD_RE.search(text, q.end())
        regions.append((pos, q.start()))
        if a and (nxt is None or a.start() < nxt.start()):
            pos = a.end()
        else:  # a question without its answer here (a delay letter): only its own paragraph
            body = _PARAGRAPH_END_RE.search(text, q.end() + 1)
            pos = body.end() if body else len(text)
    regions.append((pos, len(text)))
    return [(a, b) for a, b in regions if b > a]


def _candidate_sentences(
    text: str, lower: str | None, regions: list[tuple[int, int]]
) -> list[tuple[int, int, list[tuple[int, int]], int]]:
    """Sentences holding a trigger word: (start, end, sentences of the block, index).

    One regex search per candidate sentence (on the lower-cased text); only
    paragraphs with a hit are split into sentences.
    """
    out: list[tuple[int, int, list[tuple[int, int]], int]] = []
    whole = len(regions) >= 1 and regions[0][0] == 0 and regions[-1][1] == len(text)
    trigger, subject = (_L_TRIGGER, lower) if lower is not None else (_TRIGGER_RE, text)
    for ra, rb in regions:
        blocks: list[tuple[int, int]] | None = None
        starts: list[int] = []
        pos = ra
        while True:
            m = trigger.search(subject, pos, rb)
            if m is None:
                break
            p = m.start()
            if blocks is None:
                blocks = block_spans(text, ra, rb)
                starts = [b[0] for b in blocks]
            bi = bisect.bisect_right(starts, p) - 1
            if bi < 0 or p >= blocks[bi][1]:
                pos = m.end()
                continue
            ba, bb = blocks[bi]
            pos = bb
            sents = split_sentences(text, ba, bb)
            members = False
            for si, (s, e) in enumerate(sents):
                if whole and (s == ba or text[s - 1] == "\n"):
                    # A paragraph by Kamer members ("De leden van de …-fractie …") runs to the next line that
                    # starts a sentence: in a nota the government's answer often follows on the next line.
                    members = bool(_MEMBER_START_RE.match(text, s))
                if members:
                    continue
                if e > p and trigger.search(subject, max(s, p), e):
                    out.append((s, e, sents, si))
    return out
