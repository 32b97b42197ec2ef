"""Repair stage 3, lines: stray numbers and footnote blocks, without page structure."""

from __future__ import annotations

import re
from bisect import bisect_right

from tracker.extraction.repair_characters import join_footnote_lines
from tracker.extraction.repair_common import (
    ANSWER_LINE,
    FN_LINE,
    HSPACE_CHARS,
    H,
    has_marker,
    is_strong,
    looks_like_question,
    runs_on,
)
from tracker.extraction.repair_offsets import Map
from tracker.extraction.types import Footnote

# --------------------------------------------------------------------------
# Stage 2: lines (no page structure needed)
# --------------------------------------------------------------------------

_BARE_NUMBER_LINE = re.compile(rf"\n{H}*(\d{{1,3}})(?:{H}*(?=\n)|{H}*\Z)")
# Preceded by a line break (the text's first line is checked separately).
_FN_CANDIDATE = re.compile(rf"\n{H}{{0,2}}(\d{{1,3}}){H}+(?=\S)([^\n]*)")
_FN_CANDIDATE_FIRST = re.compile(rf"{H}{{0,2}}(\d{{1,3}}){H}+(?=\S)([^\n]*)")
_MARKER_WINDOW = 4000
MAX_LINE_ROUNDS = 3
_MAX_FOOTNOTE_LINES = 8


def _line_is_blank(text: str, start: int, end: int) -> bool:
    return not text[start:end].strip()


def _previous_line(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line before the line starting at ``pos``."""
    end = pos - 1
    start = text.rfind("\n", 0, max(end, 0)) + 1
    return start, max(end, 0)


def stray_number_edits(text: str) -> list[tuple[int, int, int, str]]:
    """Bare numbers that are page numbers: ``0`` between blank lines, or a
    number between two lines of one running sentence."""
    edits: list[tuple[int, int, int, str]] = []
    for m in _BARE_NUMBER_LINE.finditer(text):
        line_start = m.start() + 1
        line_end = m.end()
        before = text[max(0, line_start - 300) : line_start]
        after = text[line_end : line_end + 300]
        if int(m.group(1)) == 0:
            prev_blank = not before[:-1].rsplit("\n", 1)[-1].strip(HSPACE_CHARS)
            next_blank = not after[1:].split("\n", 1)[0].strip(HSPACE_CHARS)
            if prev_blank and next_blank:
                edits.append((m.start(), 0, m.end(), ""))
            continue
        previous = before.rstrip(HSPACE_CHARS).rsplit("\n", 1)[-1]
        if not any(c.isalpha() for c in previous):
            continue  # a number after a number (or nothing): not a running sentence
        if runs_on(previous, after):
            edits.append((m.start(), 0, m.end(), ""))
    return edits


def _block_end(text: str, line_end: int, number: int) -> tuple[int, list[str], bool]:
    """Extend a footnote line with continuation lines.

    Returns (end offset of the block, continuation lines, bottom signal):
    the bottom signal says the block ends where a page ended (end of text,
    an indented line, or two or more blank lines).
    """
    lines: list[str] = []
    pos = line_end
    n = len(text)
    while len(lines) < _MAX_FOOTNOTE_LINES:
        if pos >= n:
            return pos, lines, True
        nxt = text.find("\n", pos + 1)
        nxt = n if nxt < 0 else nxt
        line = text[pos + 1 : nxt]
        if not line.strip() or line[:1] in HSPACE_CHARS:
            break
        m = FN_LINE.fullmatch(line)
        if m and number < int(m.group(1)) <= number + 3:
            break
        if ANSWER_LINE.match(line):
            break
        lines.append(line)
        pos = nxt
    # What follows the block?
    rest = text[pos : pos + 400]
    if pos >= n or not rest.strip():
        return pos, lines, True
    stripped = rest.lstrip("\n")
    blank_run = rest[: len(rest) - len(stripped)].count("\n")
    # whitespace-only lines count as blank
    while True:
        nl = stripped.find("\n")
        if nl >= 0 and not stripped[:nl].strip():
            blank_run += 1
            stripped = stripped[nl + 1 :]
        else:
            break
    if blank_run >= 3 or (stripped[:1] in HSPACE_CHARS and stripped.strip()):
        return pos, lines, True
    return pos, lines, False


def line_footnotes(
    text: str, map_: Map, page_src: list[int]
) -> tuple[list[tuple[int, int, int, str]], list[tuple[int, Footnote]]]:
    """Stage 2 footnotes: blocks ``N text`` whose marker ``N`` is glued earlier.

    Footnotes come with their global source offset (for ordering).
    """
    edits: list[tuple[int, int, int, str]] = []
    notes: list[tuple[int, Footnote]] = []
    candidates: dict[int, re.Match[str]] = {}  # line start → match
    first_line = _FN_CANDIDATE_FIRST.match(text)
    if first_line:
        candidates[0] = first_line
    for m in _FN_CANDIDATE.finditer(text):
        candidates[m.start() + 1] = m
    taken_until = -1
    n = len(text)
    for start, m in candidates.items():
        if start < taken_until:
            continue
        number = int(m.group(1))
        first = m.group(2)
        if not number or looks_like_question(first):
            continue
        strong = is_strong(first)
        end, more, bottom = _block_end(text, m.end(), number)
        # A chain of footnotes (7 ..., 8 ...) shares the bottom signal of its last one.
        chain_end, chain_number = end, number
        while not bottom:
            k = chain_end
            while k < n and text[k] == "\n":
                k += 1
            nxt = candidates.get(k)
            if nxt is None or not chain_number < int(nxt.group(1)) <= chain_number + 3:
                break
            chain_number = int(nxt.group(1))
            chain_end, _, bottom = _block_end(text, nxt.end(), chain_number)
        if not (strong or bottom):
            continue
        if more and looks_like_question(" ".join(more)):
            continue
        if ANSWER_LINE.match(text, end + 1) or ANSWER_LINE.match(
            text[end : end + 200].lstrip()
        ):
            continue
        window = text[max(0, start - _MARKER_WINDOW) : start]
        if not has_marker(window, number, strong):
            continue
        remove_end = min(end + 1, n)
        edits.append((start, 0, remove_end, ""))
        g = map_.src(start)
        page = max(0, bisect_right(page_src, g) - 1) + 1
        notes.append((g, Footnote(m.group(1), join_footnote_lines([first, *more]), page)))
        taken_until = remove_end
    return edits, notes


