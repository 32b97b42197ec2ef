"""Small text helpers shared by metadata and item segmentation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

import dateparser

from tracker.extraction.structure.patterns import (
    _BLANK_RUN,
    _CITATION_CUE,
    _CITATION_START,
    _DATEPARSER_SETTINGS,
    _FOOTNOTE_LINE,
    _FRACTIE_CUE,
    _HEADER_LINE,
    _LEDEN_CUE,
    _MINISTER_CUE,
    _NAME_OK,
    _SIGNATURE,
    _UNFINISHED,
)


def _norm(s: str) -> str:
    return " ".join(s.split())


def _question_like(chunk: str) -> bool:
    """Does a paragraph read like the Kamer's question prose (shape 3)?"""
    return (
        "?" in chunk
        or ("fractie" in chunk and _FRACTIE_CUE.search(chunk) is not None)
        or ("leden" in chunk and _LEDEN_CUE.search(chunk) is not None)
        or (
            ("Minister" in chunk or "Staatssecretaris" in chunk)
            and _MINISTER_CUE.search(chunk) is not None
        )
    )


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither starts nor ends with whitespace."""
    seg = text[start:end]
    core = seg.lstrip()
    start += len(seg) - len(core)
    return start, start + len(core.rstrip())


def _trim(text: str, start: int, end: int, *, footnotes: bool) -> tuple[int, int]:
    """Strip whitespace, running headers and (optionally) page footnotes off a span.

    Page breaks put running headers and the page's footnotes between a label
    and its text; they belong to neither the question nor the answer.
    """
    start, end = _strip_span(text, start, end)
    while start < end:
        nl = text.find("\n", start, end)
        if nl < 0:
            break
        if _HEADER_LINE.fullmatch(text, start, nl):
            start, end = _strip_span(text, nl + 1, end)
            continue
        block_end = _footnote_block_end(text, start, end) if footnotes else None
        if block_end is None or block_end >= end:
            break
        start, end = _strip_span(text, block_end, end)
    while start < end:
        ls = text.rfind("\n", start, end) + 1
        if ls <= start:
            break
        if _HEADER_LINE.fullmatch(text, ls, end):
            start, end = _strip_span(text, start, ls)
            continue
        if not footnotes:
            break
        para = _last_paragraph(text, start, end)
        if para <= start or _footnote_block_end(text, para, end) != end:
            break
        start, end = _strip_span(text, start, para)
    return start, end


def _footnote_block_end(text: str, start: int, end: int) -> int | None:
    """Where the page footnote starting at line ``start`` ends (before the next
    blank line), or None when no footnote starts there."""
    nl = text.find("\n", start, end)
    line_end = end if nl < 0 else nl
    if not _FOOTNOTE_LINE.fullmatch(text, start, line_end):
        return None
    blank = _BLANK_RUN.search(text, start, end)
    block_end = blank.start() if blank else end
    lines = text.count("\n", start, block_end) + 1
    cited = _CITATION_CUE.search(text, start, block_end) is not None
    unfinished = _UNFINISHED.search(text, start, line_end) is not None
    if lines == 1:
        return block_end if cited or unfinished else None
    # A footnote running over several lines must cite: right after its number
    # ("9 Kamerstukken 36200 V, J …"), or with a first line that breaks off.
    if lines > 6 or not cited:
        return None
    return block_end if unfinished or _CITATION_START.match(text, start, line_end) else None


def _last_paragraph(text: str, start: int, end: int) -> int:
    """Start of the last paragraph of text[start:end] (looking back 8 lines)."""
    pos = end
    for _ in range(8):
        nl = text.rfind("\n", start, pos)
        if nl < 0:
            return start
        prev = max(start, text.rfind("\n", start, nl) + 1)
        if not text[prev:nl].strip():
            return nl + 1
        pos = nl
    return start


@lru_cache(maxsize=4096)
def _parse_date(day: int, month: str, year: int) -> date | None:
    """Parse an absolute Dutch date with dateparser (a few calls per document)."""
    parsed = dateparser.parse(
        f"{day} {month.lower()} {year}", languages=["nl"], settings=_DATEPARSER_SETTINGS
    )
    return parsed.date() if parsed else None


def _kamerstuk(dossier: str, suffix: str | None, nr: str | None) -> str:
    parts = ["".join(dossier.split())]
    if suffix:
        parts.append(suffix.upper())
    if nr:
        parts.append(nr)
    return "-".join(parts)


def _capitalise(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _clean_title(s: str) -> str:
    s = _norm(s)
    s = re.sub(r"^(?:de|het|een)\s+", "", s, flags=re.I)
    s = re.sub(r"\s*\([^()]*\)\s*$", "", s)  # trailing "(36740-V-1, nr. 1)"
    s = s.rstrip(" .:;,")
    if len(s) > 200:
        s = s[:200].rsplit(" ", 1)[0] + "…"
    return _capitalise(s)


def _signatures(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """Signature blocks ("De minister van X," + a name line) in text[pos:endpos]."""
    for sig in _SIGNATURE.finditer(text, pos, endpos):
        if _NAME_OK.fullmatch(sig["name"].strip()):
            yield sig
