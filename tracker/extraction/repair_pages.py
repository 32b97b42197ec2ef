"""Repair stage 1, pages: running headers and footers, page numbers, footnotes at page bottoms."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tracker.extraction.lexicon.repair import STRUCTURAL_WORDS
from tracker.extraction.repair_characters import join_footnote_lines
from tracker.extraction.repair_common import (
    ANSWER_LINE,
    FN_LINE,
    HSPACE,
    HSPACE_CHARS,
    closes_sentence,
    has_marker,
    is_strong,
    looks_like_question,
)
from tracker.extraction.repair_offsets import Map
from tracker.extraction.types import Footnote

# --------------------------------------------------------------------------
# Stage 1: pages
# --------------------------------------------------------------------------

_PAGE_NO_WORDED = re.compile(
    r"\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:pagina|page|blz\.?|pag\.?|p\.)\s*\d{1,4}"
    r"(?:\s*(?:/|van|of|de)\s*\d{1,4})?|\d{1,4}\s*(?:/|van|of)\s*\d{1,4})\s*",
    re.I,
)
_PAGE_NO_BARE = re.compile(r"\s*(\d{1,4})\s*")
_DIGITS = re.compile(r"\d+")
_EDGE = 3  # lines at the top and at the bottom of a page that can be header/footer
_LEADING_BLANK_LINES = re.compile(rf"(?:[{HSPACE}]*\n)*")


def _header_key(line: str) -> str | None:
    """A line with its digits masked, for comparing running headers across pages."""
    line = line.strip()
    if len(line) < 4:
        return None
    if "  " in line or "\t" in line:
        line = " ".join(line.split())
    key = _DIGITS.sub("#", line).lower()
    if len(key) < 4 or key.strip("# ") == "" or key.strip(".: ") in STRUCTURAL_WORDS:
        return None
    return key


# A line of a page: (start, end) offsets, end before the line break.
_Line = tuple[int, int]


@dataclass(slots=True)
class _Page:
    text: str
    start: int  # first character of the first non-blank line (its line start)
    end: int  # end of the last non-blank line, trailing spaces excluded
    top: list[_Line]  # first non-blank lines (up to _EDGE)
    bottom: list[_Line]  # last non-blank lines (up to _EDGE), top to bottom


def _scan_page(text: str) -> _Page | None:
    end = len(text.rstrip(HSPACE_CHARS))
    if not end:
        return None
    first = len(text) - len(text.lstrip(HSPACE_CHARS))
    start = text.rfind("\n", 0, first) + 1
    top: list[_Line] = []
    pos = start
    while pos < end and len(top) < _EDGE:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        if text[pos:line_end].strip():
            top.append((pos, line_end))
        pos = line_end + 1
    bottom: list[_Line] = []
    line_end = end
    while line_end > start and len(bottom) < _EDGE:
        line_start = text.rfind("\n", start, line_end) + 1
        if line_start <= start:
            line_start = start
        if text[line_start:line_end].strip():
            bottom.append((line_start, line_end))
        line_end = line_start - 1
    bottom.reverse()
    return _Page(text, start, end, top, bottom)


def _running_lines(pages: list[_Page | None]) -> list[list[_Line]]:
    """Per page, the lines that are running headers/footers or page numbers."""
    n = len(pages)
    threshold = max(2, -(-2 * n // 5))  # on at least 40 % of the pages (and two)
    top_counts: Counter[str] = Counter()
    bottom_counts: Counter[str] = Counter()
    offsets: Counter[int] = Counter()
    cache: dict[str, str | None] = {}
    # Per page: [(line, key, near the edge, is top)] for the edge lines.
    edges: list[list[tuple[_Line, str | None, bool, bool]]] = []
    for index, page in enumerate(pages):
        if page is None:
            edges.append([])
            continue
        text = page.text
        entries = []
        seen: set[tuple[str, bool]] = set()
        page_offsets = set()
        for lines, counts, near, is_top in (
            (page.top, top_counts, page.top[:2], True),
            (page.bottom, bottom_counts, page.bottom[-2:], False),
        ):
            for line in lines:
                raw = text[line[0] : line[1]]
                key = cache.get(raw, "")
                if key == "":
                    key = cache[raw] = _header_key(raw)
                if key is not None and (key, is_top) not in seen:
                    seen.add((key, is_top))
                    counts[key] += 1
                is_near = line in near
                if is_near and len(raw) <= 24:
                    m = _PAGE_NO_BARE.fullmatch(raw)
                    if m:
                        page_offsets.add(int(m.group(1)) - (index + 1))
                entries.append((line, key, is_near, is_top))
        offsets.update(page_offsets)
        edges.append(entries)
    headers = {k for k, c in top_counts.items() if c >= threshold}
    footers = {k for k, c in bottom_counts.items() if c >= threshold}
    page_offset = None
    if offsets:
        best, count = offsets.most_common(1)[0]
        if count >= threshold:
            page_offset = best
    removed: list[list[_Line]] = []
    for index, entries in enumerate(edges):
        gone: set[_Line] = set()
        page = pages[index]
        for line, key, is_near, is_top in entries:
            if key is not None and key in (headers if is_top else footers):
                gone.add(line)
                continue
            if not is_near or line[1] - line[0] > 24:
                continue  # page numbers are short lines at the very edge
            assert page is not None  # pages without text have no entries
            raw = page.text[line[0] : line[1]]
            if _PAGE_NO_WORDED.fullmatch(raw):
                gone.add(line)
            elif page_offset is not None:
                m = _PAGE_NO_BARE.fullmatch(raw)
                if m and int(m.group(1)) - (index + 1) == page_offset:
                    gone.add(line)
        removed.append(sorted(gone))
    return removed


_FN_LINE_AFTER_BREAK = re.compile(r"\n([ \t]?(\d{1,3})[ \t]+(\S[^\n]*))")


def _page_footnotes(
    page: _Page, gone: list[_Line], page_no: int, last_number: int
) -> tuple[list[Footnote], int | None]:
    """Footnotes at the bottom of one page: (footnotes, offset where they start).

    Looks at the bottom 40 % of the page (at least 600 characters) for a
    line ``N text`` whose marker ``N`` is glued to a word higher up on the
    page; from there to the end of the page is footnotes.
    """
    text = page.text
    end = page.end
    # Footer lines at the very bottom (a page number under the footnotes) go first.
    for a, b in reversed(gone):
        if not text[b:end].strip():
            end = min(end, a)
    if end != page.end:
        end = page.start + len(text[page.start : end].rstrip(HSPACE_CHARS))
    size = end - page.start
    tail = max(page.start, end - max(600, (2 * size) // 5))
    tail = text.rfind("\n", page.start, tail + 1)  # the break before a line
    if tail < page.start:
        tail = text.find("\n", page.start, end)  # the first line stays body
        if tail < 0:
            return [], None
    gone_starts = {a for a, _ in gone}
    region = None
    for m in _FN_LINE_AFTER_BREAK.finditer(text, tail, end):
        a = m.start(1)
        if a in gone_starts:
            continue
        number = int(m.group(2))
        if not number or (number <= last_number and number != 1):
            continue
        if looks_like_question(m.group(3)):
            continue
        if has_marker(text[page.start : a], number, is_strong(m.group(3))):
            region = a
            break
    if region is None:
        return [], None
    body = text[page.start : region]
    notes: list[tuple[str, list[str]]] = []
    current = 0
    for line in text[region:end].split("\n"):
        if not line.strip():
            continue
        if ANSWER_LINE.match(line):
            return [], None
        m = FN_LINE.fullmatch(line)
        if m:
            number = int(m.group(1))
            if not notes or number == current + 1 or (
                number > current and has_marker(body, number, is_strong(m.group(2)))
            ):
                notes.append((m.group(1), [m.group(2)]))
                current = number
                continue
        notes[-1][1].append(line)
    footnotes = [Footnote(num, join_footnote_lines(parts), page_no) for num, parts in notes]
    return footnotes, region


def structure_pages(
    pages: list[str],
) -> tuple[str, Map, list[int], list[tuple[int, Footnote]]]:
    """Stage 1: drop running lines and page footnotes, join pages.

    Footnotes come with their global source offset (for ordering).
    """
    if len(pages) == 1:
        m = Map()
        m.add(0, 0, len(pages[0]))
        return pages[0], m, [0], []
    page_src: list[int] = []
    pos = 0
    for page in pages:
        page_src.append(pos)
        pos += len(page)

    scanned = [_scan_page(p) for p in pages]
    removed = _running_lines(scanned)
    parts: list[str] = []
    new = Map()
    out = 0
    starts: list[int | None] = []
    footnotes: list[tuple[int, Footnote]] = []
    last_number = 0
    previous = ""  # end of the previous non-empty page, for the join decision
    for index, page in enumerate(scanned):
        if page is None:
            starts.append(None)
            continue
        text = page.text
        gone = removed[index]
        notes, cut = _page_footnotes(page, gone, index + 1, last_number)
        if notes and cut is not None:
            footnotes.extend((page_src[index] + cut, note) for note in notes)
            last_number = int(notes[-1].number)
        # Removed spans: whole lines with their line break; footnotes to the end.
        spans = [(a, b + 1) for a, b in gone]
        if cut is not None:
            spans.append((cut, page.end))
        spans.sort()
        pieces: list[tuple[int, int]] = []
        pos = page.start
        for a, b in spans:
            if a > pos:
                pieces.append((pos, a))
            pos = max(pos, b)
        if pos < page.end:
            pieces.append((pos, page.end))
        # Trim blank lines at the start and whitespace at the end of the page.
        while pieces:
            a, b = pieces[0]
            a = _LEADING_BLANK_LINES.match(text, a, b).end()
            if a < b:
                pieces[0] = (a, b)
                break
            pieces.pop(0)
        while pieces:
            a, b = pieces[-1]
            b = a + len(text[a:b].rstrip(HSPACE_CHARS))
            if b > a:
                pieces[-1] = (a, b)
                break
            pieces.pop()
        if not pieces:
            starts.append(None)
            continue
        if out:
            # A page that does not end a sentence runs on into the next one.
            sep = "\n\n" if closes_sentence(previous) else "\n"
            parts.append(sep)
            new.add(out, page_src[index] + pieces[0][0], 0)
            out += len(sep)
        starts.append(out)
        for a, b in pieces:
            parts.append(text[a:b])
            new.add(out, page_src[index] + a, b - a)
            out += b - a
        previous = text[max(pieces[-1][0], pieces[-1][1] - 200) : pieces[-1][1]]
    joined = "".join(parts)
    resolved: list[int] = []
    following = len(joined)
    for s in reversed(starts):
        following = s if s is not None else following
        resolved.append(following)
    resolved.reverse()
    resolved[0] = 0
    return joined, new, resolved, footnotes


