"""Repair text taken from PDFs (and other sources) before extraction.

``repair(pages)`` returns a :class:`RepairedText`: the repaired body, where each
source page starts in it, the footnotes taken out of it, and an offset map back
to the source pages.

Repairs, in four passes:

1. **Pages** (only when there are two or more pages): running headers and
   footers (lines at the top or bottom of at least 40 % of the pages, digits
   ignored), page numbers (a bare number at a page edge that follows the page
   sequence, or ``Pagina 3 van 9``, ``- 3 -``), and footnotes at the bottom of
   a page (``7 Kamerstuk 32735-406``) whose number occurs as a marker glued to
   a word in the body of that page (``c.s.7``, ``EU.1``, ``20211``). Pages are
   joined with a line break when the page does not end a sentence, with a
   blank line otherwise.
2. **Glyphs**: ligature glyphs (``Ɵ``→``ti``, ``Ō``→``ft``, ``Ʃ``→``tt``,
   ``Ư``→``ff``, ``ﬁ ﬂ ﬀ ﬃ ﬄ``; ``Ō``/``Ư`` only inside a word), odd spaces
   (NBSP, thin spaces) → space, zero-width characters and stray soft hyphens
   removed, control characters removed, ``\r`` → line break. First, so that
   every later decision sees the final characters (that keeps repair
   idempotent).
3. **Lines** (no page structure needed, conservative): a bare ``0`` line
   between blank lines; a bare number between two lines of one running
   sentence; footnote blocks (``1 Zie ook ...``) whose marker is glued to a word
   in the 4000 characters before them and that look like footnotes
   (``Kamerstuk``, ``Zie``, URL, source + date) or sit where a page ended
   (followed by an indented line, two blank lines or the end of the text).
   Question numbers (``1 Aangezien ...?``, `` 1 `` on its own line) and
   numbered list items stay.
4. **Characters**: whitespace-only lines emptied, runs of blank lines cut to
   one (or to a plain line break when a sentence runs on across them), and
   line-end hyphens joined when the word continues in lower case
   (``Buiten-\nlandse Zaken`` → ``Buitenlandse\nZaken``: the line break moves
   behind the joined word so the line structure survives; it is not moved in
   front of a number, bullet or ``Antwoord``, the lines merge instead). Real
   hyphens stay: before a capital or digit (``Noord-\nAfrika``,
   ``21 501-\n02``), after an acronym or mixed-case name (``EU-\nlidstaten``,
   ``GroenLinks-\nfractie``), before ``en``/``of`` (``veiligheids-\nen
   defensiebeleid``), in URLs, after ``niet``/``ex``/``non``, where Dutch
   spelling needs a hyphen between vowels (``sanctie-\neenheid``) and after a
   capitalised name used as such nearby (``Assad-\nregime``). The same
   compound written nearby (within 2500 characters) overrules the spelling
   rules: ``contra-terrorisme`` keeps ``contra-\nterrorisme``,
   ``Nederlandwereldwijd`` joins ``Nederland-\nwereldwijd``.

Footnote markers stay in the body (``c.s.7``): the motion finder uses them to
look up the footnote. Line structure is kept: later stages rely on line starts
for question numbers and ``Antwoord`` headings. ``repair`` is idempotent:
``repair([r.text]).text == r.text``.

The offset map is a sorted list of segments (output start, source start,
source length) searched with bisect: memory grows with the number of edits,
not with the length of the text.

No Django import here.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from tracker.extraction.types import Footnote

__all__ = ["RepairedText", "repair", "repair_inline"]

# --------------------------------------------------------------------------
# Offset map
# --------------------------------------------------------------------------


class _Map:
    """Segments mapping output offsets to global source offsets.

    Segment ``i`` covers output ``[o[i], o[i+1])``. Its ``k``-th character
    maps to ``s[i] + min(k, l[i] - 1)``; ``l[i] == 0`` (inserted text) maps
    every character to ``s[i]``. Identity stretches have ``l`` equal to their
    output length; replacements have ``l`` 1 (every output character points
    at the first replaced source character).
    """

    __slots__ = ("l", "o", "s")

    def __init__(self) -> None:
        self.o: list[int] = []
        self.s: list[int] = []
        self.l: list[int] = []

    def add(self, o: int, s: int, length: int) -> None:
        if self.o:
            last = len(self.o) - 1
            po, ps, pl = self.o[last], self.s[last], self.l[last]
            if po == o:  # previous segment got no output characters
                self.s[last] = s
                self.l[last] = length
                return
            if length and pl and po + pl == o and ps + pl == s:
                self.l[last] = pl + length  # contiguous identity: extend
                return
        self.o.append(o)
        self.s.append(s)
        self.l.append(length)

    def src(self, k: int) -> int:
        i = bisect_right(self.o, k) - 1
        if i < 0:
            return self.s[0] if self.s else 0
        length = self.l[i]
        if not length:
            return self.s[i]
        d = k - self.o[i]
        return self.s[i] + (d if d < length else length - 1)

    def copy_range(self, new: _Map, p: int, q: int, new_o: int) -> None:
        """Add segments to ``new`` for old output ``[p, q)`` placed at ``new_o``."""
        o, s, ls = self.o, self.s, self.l
        i = max(bisect_right(o, p) - 1, 0)
        j = bisect_left(o, q, i + 1)  # segments i .. j-1 overlap [p, q)
        # The first segment may start before p.
        d = p - o[i]
        length = ls[i]
        if not length:
            ns, nl = s[i], 0
        elif d < length:
            ns, nl = s[i] + d, length - d
        else:
            ns, nl = s[i] + length - 1, 1
        end = o[i + 1] if i + 1 < j else q
        new.add(new_o, ns, min(nl, end - p) if nl else 0)
        if j - i < 2:
            return
        # Whole segments in between keep their shape, shifted.
        delta = new_o - p
        if j - i > 2:
            new.o.extend([x + delta for x in o[i + 1 : j - 1]])
            new.s.extend(s[i + 1 : j - 1])
            new.l.extend(ls[i + 1 : j - 1])
        # The last one may end after q.
        k = j - 1
        length = ls[k]
        new.add(o[k] + delta, s[k], min(length, q - o[k]) if length else 0)


def _apply(text: str, edits: list[tuple[int, int, str]], old: _Map) -> tuple[str, _Map]:
    """Apply sorted, non-overlapping edits ``(start, end, replacement)``."""
    if not edits:
        return text, old
    parts: list[str] = []
    new = _Map()
    pos = 0
    out = 0
    n = len(text)
    for start, end, repl in edits:
        if start > pos:
            parts.append(text[pos:start])
            old.copy_range(new, pos, start, out)
            out += start - pos
        if repl:
            parts.append(repl)
            src = old.src(start) if start < n else (old.src(n - 1) + 1 if n else 0)
            new.add(out, src, 0 if start == end else 1)
            out += len(repl)
        pos = end
    if pos < n:
        parts.append(text[pos:])
        old.copy_range(new, pos, n, out)
    return "".join(parts), new


def _shift(positions: list[int], edits: list[tuple[int, int, str]]) -> list[int]:
    """Move text positions (sorted) through edits; inside an edit → after it."""
    if not edits:
        return positions
    result: list[int] = []
    j = 0
    delta = 0
    n = len(edits)
    for p in positions:
        while j < n and edits[j][1] <= p and (edits[j][0] < p or edits[j][0] == edits[j][1]):
            s, e, r = edits[j]
            delta += len(r) - (e - s)
            j += 1
        if j < n and edits[j][0] < p < edits[j][1]:
            s, e, r = edits[j]
            result.append(s + delta + len(r))
        else:
            result.append(p + delta)
    return result


def _resolve(edits: list[tuple[int, int, int, str]]) -> list[tuple[int, int, str]]:
    """Sort ``(start, priority, end, repl)`` edits; drop any that overlaps an earlier one."""
    edits.sort()
    result: list[tuple[int, int, str]] = []
    last_end = -1
    for start, _prio, end, repl in edits:
        if start < last_end:
            continue
        result.append((start, end, repl))
        if end > last_end:
            last_end = end
    return result


# --------------------------------------------------------------------------
# Result
# --------------------------------------------------------------------------


@dataclass(slots=True)
class RepairedText:
    """Repaired body text with page starts, footnotes and an offset map.

    ``page_starts[i]`` is the offset in ``text`` where source page ``i``
    starts (a page that lost all its text starts where the next one does).
    """

    text: str
    page_starts: list[int]
    footnotes: list[Footnote]
    _out: array = field(default_factory=lambda: array("q"), repr=False, compare=False)
    _src: array = field(default_factory=lambda: array("q"), repr=False, compare=False)
    _len: array = field(default_factory=lambda: array("q"), repr=False, compare=False)
    _page_src: list[int] = field(default_factory=list, repr=False, compare=False)

    @property
    def page_count(self) -> int:
        return len(self.page_starts)

    def page_at(self, offset: int) -> int:
        """1-based number of the source page that ``offset`` in ``text`` came from."""
        if offset < 0 or offset > len(self.text):
            raise IndexError(f"offset {offset} outside text of length {len(self.text)}")
        return max(1, bisect_right(self.page_starts, offset))

    def _global(self, offset: int) -> int:
        if offset < 0 or offset > len(self.text):
            raise IndexError(f"offset {offset} outside text of length {len(self.text)}")
        if not self._out:
            return offset
        if offset == len(self.text) and offset:
            return self._global(offset - 1) + 1
        i = bisect_right(self._out, offset) - 1
        if i < 0:
            return self._src[0]
        length = self._len[i]
        if not length:
            return self._src[i]
        d = offset - self._out[i]
        return self._src[i] + (d if d < length else length - 1)

    def source_offset(self, offset: int) -> tuple[int, int]:
        """``(page_index, offset_in_page)`` in the source pages (page index 0-based).

        A repaired character maps to the source character it came from; a
        replacement (``ti`` for ``Ɵ``, a joined line break) maps to the first
        source character it replaced; an inserted page separator maps to the
        start of the next page's text.
        """
        g = self._global(offset)
        starts = self._page_src or [0]
        page = bisect_right(starts, g) - 1
        page = max(page, 0)
        return page, g - starts[page]


# --------------------------------------------------------------------------
# Shared character classes and helpers
# --------------------------------------------------------------------------

_LIGATURES = {
    "Ɵ": "ti", "Ō": "ft", "Ʃ": "tt", "Ư": "ff",
    "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
}
_LIG_TABLE = str.maketrans(_LIGATURES)
_LIG_CHARS = "".join(_LIGATURES)
# Lower-case letters, including the broken ligature glyphs (they stand for
# lower-case letter pairs).
_LOWER = "a-zß-öø-ÿĳœ" + _LIG_CHARS
# Horizontal whitespace, including the odd spaces PDFs produce.
_HSPACE = " \t\r\xa0\u2000-\u200d\u2060\u202f\u205f\u3000\ufeff"
# The same set as a plain string (for str.strip), plus the line break.
_HSPACE_CHARS = (
    " \t\r\xa0" + "".join(map(chr, range(0x2000, 0x200E))) + "\u2060\u202f\u205f\u3000\ufeff\n"
)
_H = f"[{_HSPACE}]"
_TERMINAL = frozenset(".?!:;")
_CLOSERS = frozenset(")]»”’\"'")


def _expand(text: str) -> str:
    return text.translate(_LIG_TABLE)


def _closes_sentence(before: str) -> bool:
    """Does the text before a line break end a sentence (or a heading line)?"""
    tail = before.rstrip(_HSPACE_CHARS)
    if not tail:
        return True
    last = tail[-1]
    if last in _CLOSERS and len(tail) > 1:
        last = tail[-2] if tail[-2] in _TERMINAL else last
    return last in _TERMINAL


def _starts_lower(after: str) -> bool:
    head = after.lstrip(_HSPACE_CHARS)
    if not head:
        return False
    first = head[0]
    if first in _LIGATURES:
        first = _LIGATURES[first][0]
    return first.isalpha() and first.islower()


def _runs_on(before: str, after: str) -> bool:
    """A sentence runs on across a break: no sentence end before, lower case after."""
    return not _closes_sentence(before) and _starts_lower(after)


# --------------------------------------------------------------------------
# Footnote recognition (shared by the page stage and the line stage)
# --------------------------------------------------------------------------

_FN_LINE = re.compile(r"[ \t]?(\d{1,3})[ \t]+(\S[^\n]*)")
_STRONG_FOOTNOTE = re.compile(
    r"(?:Kamerstuk|Kamerbrief|Zie\b|Vgl\b|Cf\b|Bron\b|Brief\b|Handelingen|Aanhangsel|Motie\b|"
    r"Amendement|Stb\b|Stcrt\b|Staatsblad|Staatscourant|Trb\b|Tractatenblad|Idem|Ibid|"
    r"Rapport\b|Voorlopig|Cijfers|Peildatum|Betreft|Het betreft|Dit betreft|ECLI|https?:|www\.)"
    r"|[^,\n]{2,60}, \d{1,2} [a-z]+ \d{4}",
)
_QUESTION_END = re.compile(r"\?(?:\s|$)")
_ANSWER_LINE = re.compile(r"\s*(?:\d{1,3}\.?\s*)?Antwoord\b")

# Words after which a number is a reference, not a footnote marker (nr.3, art.7, km2).
_NOT_MARKER_WORDS = frozenset({"nr", "art", "blz", "p", "pag", "no", "sub", "m", "km", "cm", "mm"})
_MARKER_PUNCT = frozenset(".,;:!?")
_MARKER_CLOSERS = frozenset(")]»”’\"'")
_LOWER_CHARS = re.compile(f"[{_LOWER}]")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\W?\Z")


def _is_marker_at(body: str, i: int, num: str, weak: bool) -> bool:
    """Is ``num`` at ``body[i:]`` a footnote marker (see :func:`_has_marker`)?"""
    after = i + len(num)
    if after < len(body) and (body[after].isalnum() or body[after] == "_"):
        return False
    if i == 0:
        return False
    prev = body[i - 1]
    if prev.isdigit():
        # in 20211: a single-digit marker glued to a year
        return (
            len(num) == 1
            and i >= 4
            and body[i - 4 : i].isdigit()
            and body[i - 4 : i - 2] in ("19", "20")
            and (i == 4 or not body[i - 5].isalnum())
        )
    if _LOWER_CHARS.match(prev):
        return _not_reference(body, i)
    if prev in _MARKER_PUNCT:
        if i >= 2 and body[i - 2].isalpha():
            return _not_reference(body, i)
        # in 2021.3: after a year's full stop
        return i >= 5 and body[i - 5 : i - 1].isdigit() and body[i - 5 : i - 3] in ("19", "20")
    if prev in _MARKER_CLOSERS:
        return True
    if weak and prev == " " and i >= 3 and body[i - 2] in ".;:,)?!" and body[i - 3].isalpha():
        # "... speler. 2 In deze ..." — trusted only for strong footnote text
        rest = body[after : after + 3]
        return rest[:1] == "\n" or rest.strip() == "" or (
            rest[:1] == " " and rest[1:2].isupper()
        )
    return False


def _not_reference(body: str, i: int) -> bool:
    m = _WORD_BEFORE.search(body, max(0, i - 12), i)
    return m is None or m.group(1).lower() not in _NOT_MARKER_WORDS


def _has_marker(body: str, number: int, weak: bool) -> bool:
    """Does footnote marker ``number`` occur in ``body``?

    A marker is glued to a lower-case letter (``Piri7``), follows punctuation
    after a letter (``c.s.7``, ``EU.1``), a closing bracket or quote, or a
    year (``in 20211``, ``2021.3``); not after ``nr.``/``art.``/units, not
    inside a larger number. With ``weak`` it may also follow sentence
    punctuation and a space (``speler. 2 In``).
    """
    num = str(number)
    i = body.find(num)
    while i >= 0:
        if _is_marker_at(body, i, num, weak):
            return True
        i = body.find(num, i + 1)
    return False


def _is_strong(text: str) -> bool:
    return _STRONG_FOOTNOTE.match(text) is not None or "http" in text or "www." in text


def _looks_like_question(text: str) -> bool:
    return _QUESTION_END.search(text) is not None


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
_STRUCTURAL = frozenset(
    {"vraag", "vragen", "antwoord", "antwoorden", "toelichting", "bijlage", "inleiding"}
)
_EDGE = 3  # lines at the top and at the bottom of a page that can be header/footer
_LEADING_BLANK_LINES = re.compile(rf"(?:[{_HSPACE}]*\n)*")


def _header_key(line: str) -> str | None:
    """A line with its digits masked, for comparing running headers across pages."""
    line = line.strip()
    if len(line) < 4:
        return None
    if "  " in line or "\t" in line:
        line = " ".join(line.split())
    key = _DIGITS.sub("#", line).lower()
    if len(key) < 4 or key.strip("# ") == "" or key.strip(".: ") in _STRUCTURAL:
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
    end = len(text.rstrip(_HSPACE_CHARS))
    if not end:
        return None
    first = len(text) - len(text.lstrip(_HSPACE_CHARS))
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
        end = page.start + len(text[page.start : end].rstrip(_HSPACE_CHARS))
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
        if _looks_like_question(m.group(3)):
            continue
        if _has_marker(text[page.start : a], number, _is_strong(m.group(3))):
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
        if _ANSWER_LINE.match(line):
            return [], None
        m = _FN_LINE.fullmatch(line)
        if m:
            number = int(m.group(1))
            if not notes or number == current + 1 or (
                number > current and _has_marker(body, number, _is_strong(m.group(2)))
            ):
                notes.append((m.group(1), [m.group(2)]))
                current = number
                continue
        notes[-1][1].append(line)
    footnotes = [Footnote(num, _join_footnote_lines(parts), page_no) for num, parts in notes]
    return footnotes, region


def _structure_pages(
    pages: list[str],
) -> tuple[str, _Map, list[int], list[tuple[int, Footnote]]]:
    """Stage 1: drop running lines and page footnotes, join pages.

    Footnotes come with their global source offset (for ordering).
    """
    if len(pages) == 1:
        m = _Map()
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
    new = _Map()
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
            b = a + len(text[a:b].rstrip(_HSPACE_CHARS))
            if b > a:
                pieces[-1] = (a, b)
                break
            pieces.pop()
        if not pieces:
            starts.append(None)
            continue
        if out:
            # A page that does not end a sentence runs on into the next one.
            sep = "\n\n" if _closes_sentence(previous) else "\n"
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


# --------------------------------------------------------------------------
# Stage 2: lines (no page structure needed)
# --------------------------------------------------------------------------

_BARE_NUMBER_LINE = re.compile(rf"\n{_H}*(\d{{1,3}})(?:{_H}*(?=\n)|{_H}*\Z)")
# Preceded by a line break (the text's first line is checked separately).
_FN_CANDIDATE = re.compile(rf"\n{_H}{{0,2}}(\d{{1,3}}){_H}+(?=\S)([^\n]*)")
_FN_CANDIDATE_FIRST = re.compile(rf"{_H}{{0,2}}(\d{{1,3}}){_H}+(?=\S)([^\n]*)")
_MARKER_WINDOW = 4000
_MAX_LINE_ROUNDS = 3
_MAX_FOOTNOTE_LINES = 8


def _line_is_blank(text: str, start: int, end: int) -> bool:
    return not text[start:end].strip()


def _previous_line(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line before the line starting at ``pos``."""
    end = pos - 1
    start = text.rfind("\n", 0, max(end, 0)) + 1
    return start, max(end, 0)


def _stray_number_edits(text: str) -> list[tuple[int, int, int, str]]:
    """Bare numbers that are page numbers: ``0`` between blank lines, or a
    number between two lines of one running sentence."""
    edits: list[tuple[int, int, int, str]] = []
    for m in _BARE_NUMBER_LINE.finditer(text):
        line_start = m.start() + 1
        line_end = m.end()
        before = text[max(0, line_start - 300) : line_start]
        after = text[line_end : line_end + 300]
        if int(m.group(1)) == 0:
            prev_blank = not before[:-1].rsplit("\n", 1)[-1].strip(_HSPACE_CHARS)
            next_blank = not after[1:].split("\n", 1)[0].strip(_HSPACE_CHARS)
            if prev_blank and next_blank:
                edits.append((m.start(), 0, m.end(), ""))
            continue
        previous = before.rstrip(_HSPACE_CHARS).rsplit("\n", 1)[-1]
        if not any(c.isalpha() for c in previous):
            continue  # a number after a number (or nothing): not a running sentence
        if _runs_on(previous, after):
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
        if not line.strip() or line[:1] in _HSPACE_CHARS:
            break
        m = _FN_LINE.fullmatch(line)
        if m and number < int(m.group(1)) <= number + 3:
            break
        if _ANSWER_LINE.match(line):
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
    if blank_run >= 3 or (stripped[:1] in _HSPACE_CHARS and stripped.strip()):
        return pos, lines, True
    return pos, lines, False


def _line_footnotes(
    text: str, map_: _Map, page_src: list[int]
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
        if not number or _looks_like_question(first):
            continue
        strong = _is_strong(first)
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
        if more and _looks_like_question(" ".join(more)):
            continue
        if _ANSWER_LINE.match(text, end + 1) or _ANSWER_LINE.match(
            text[end : end + 200].lstrip()
        ):
            continue
        window = text[max(0, start - _MARKER_WINDOW) : start]
        if not _has_marker(window, number, strong):
            continue
        remove_end = min(end + 1, n)
        edits.append((start, 0, remove_end, ""))
        g = map_.src(start)
        page = max(0, bisect_right(page_src, g) - 1) + 1
        notes.append((g, Footnote(m.group(1), _join_footnote_lines([first, *more]), page)))
        taken_until = remove_end
    return edits, notes


# --------------------------------------------------------------------------
# Stage 3: characters
# --------------------------------------------------------------------------

# Passes are split so that most patterns start with a literal character:
# Python's regex engine finds those with a fast scan.
_JUNCTIONS = {
    ch: re.compile(rf"{ch}[ \t]*\n") for ch in ("-", "\u2010", "\xad")
}
_LEAD = re.compile(rf"(?:{_H}*\n)+")
_GAP_REST = re.compile(rf"(?:{_H}*\n)*{_H}*")
# Characters that are rare in good text: ligature glyphs, odd spaces,
# zero-width characters, soft hyphens, control characters.
_RARE = re.compile(
    "[ƟƩŌƯ\ufb00-\ufb06\xa0\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff\xad"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f\r]"
)
_SOFT_HYPHEN_AT_LINE_END = re.compile("\xad[ \t]*\n")
_LIG = re.compile("[ƟƩŌƯ\ufb00-\ufb06]")
# Blank-line runs that need normalising (a whitespace-only line, or two or
# more blank lines), and plain blank lines followed by a lower-case letter
# (a sentence may run on across them).
_BLANK_MESSY = re.compile(rf"\n(?:{_H}+\n|\n{_H}*\n)(?:{_H}*\n)*")
_BLANK_RUNON = re.compile(rf"\n\n(?={_H}*[{_LOWER}])")
_ODD_SPACE_CHARS = frozenset("\xa0\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))
_DROP_CHARS = frozenset("\u200b\u200c\u200d\u2060\ufeff\xad")
_DROP_TABLE = str.maketrans(dict.fromkeys(_DROP_CHARS))
_TOKEN = re.compile(r"\S+")
_WS_AFTER = re.compile(rf"{_H}+")
_DIGIT = re.compile(r"\d")
_LEFT_WORD = re.compile(r"[^\W\d_]+\Z")
_RIGHT_WORD = re.compile(r"[^\W\d_]+")
_DANGEROUS_LINE_START = re.compile(
    r"[\d\-•–—*·▪►→]|(?:Antwoord|Vraag|Vragen)\b|[a-zA-Z]\)|\((?:\d{1,3}|[a-zA-Z]|[ivx]{1,4})\)"
)

# Pairs of vowels that Dutch spelling separates with a hyphen in compounds
# (sanctie-eenheid, politie-inzet, auto-industrie); a word is never
# hyphenated between them, so a line-end hyphen there is real. ``ie`` is not
# in the list: financi-eel, materi-eel are ordinary hyphenations.
_VOWEL_CLASH = frozenset(
    {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ij", "oe", "oi", "oo", "ou", "ui", "uu"}
)
# Hyphen stays before these words: "veiligheids- en defensiebeleid".
_ELLIPSIS_WORDS = frozenset({"en", "of", "tot", "noch", "als", "dan", "and", "or", "to"})
# Prefixes written with a hyphen before a lower-case word (niet-westerse, ex-minister).
_HYPHEN_PREFIXES = frozenset({"ex", "niet", "non"})
# Short English words inside hyphenated phrases (whole-of-government).
_ENGLISH_LINKS = frozenset({"of", "to", "the", "and", "for", "by", "on", "at", "in"})


def keep_line_end_hyphen(left: str, right: str) -> bool:
    """Decide whether the hyphen in ``left-`` + line break + ``right`` is real.

    ``left`` is the token before the hyphen, ``right`` the token after the
    break (ligature glyphs may still be in them). Rules only; :func:`repair`
    first looks for the same compound written nearby.
    """
    left = _expand(left)
    right = _expand(right)
    lw = _LEFT_WORD.search(left)
    rw = _RIGHT_WORD.match(right)
    return _keep_hyphen(left, lw.group() if lw else "", right, rw.group() if rw else "")


def _keep_hyphen(left: str, word: str, right: str, rword: str) -> bool:
    """``keep_line_end_hyphen`` on expanded tokens and their letter words."""
    return _hyphen_is_structural(left, word, right, rword) or _hyphen_by_spelling(
        left, word, rword
    )


def _hyphen_is_structural(left: str, word: str, right: str, rword: str) -> bool:
    """Hyphens that stay whatever the rest of the document says."""
    first = right[:1]
    if not first.isalpha() or not first.islower():
        return True  # Noord-\nAfrika, 21 501-\n02
    if len(word) < 2:
        return True  # 2020-, (x)-, e-mail, x-as
    if _DIGIT.search(left) or "/" in left or "@" in left or "www." in left:
        return True
    if not word[1:].islower() or word.isupper():
        return True  # EU-, ICT-, GroenLinks-
    # veiligheids- en defensiebeleid
    return rword.lower() in _ELLIPSIS_WORDS and (
        len(right) == len(rword) or right[len(rword)] in ",;:"
    )


def _hyphen_by_spelling(left: str, word: str, rword: str) -> bool:
    """Hyphens Dutch spelling asks for; nearby usage may overrule these."""
    lower = word.lower()
    if lower in _HYPHEN_PREFIXES:
        return True
    if lower in _ENGLISH_LINKS and len(left) > len(word) and left[-len(word) - 1] == "-":
        return True  # whole-of-government
    return bool(rword) and (lower[-1] + rword[0]) in _VOWEL_CLASH


def _junction_edits(text: str, hyphen: int, gap_end: int) -> list[tuple[int, int, int, str]]:
    """Edits for a hyphen at a line end (``hyphen``) up to the next word (``gap_end``)."""
    gap = text[hyphen + 1 : gap_end]
    multi = gap.count("\n") > 1
    # Blank-line collapse keeps the next line's indentation.
    breaks_end = hyphen + 1 + gap.rfind("\n") + 1
    left_ctx = text[max(0, hyphen - 80) : hyphen]
    # "- \n" after a space is a dash, not a hyphen: no left token.
    left_tok = "" if not left_ctx or left_ctx[-1].isspace() else left_ctx.rsplit(None, 1)[-1]
    tm = _TOKEN.match(text, gap_end)
    right_tok = tm.group() if tm else ""
    right_end = tm.end() if tm else gap_end
    if multi and not _starts_lower(right_tok):
        # Not a run-on: keep the hyphen, cut the blank lines to one.
        if text[hyphen + 1 : breaks_end] == "\n\n":
            return []
        return [(hyphen + 1, 1, breaks_end, "\n\n")]
    keep = [(hyphen + 1, 1, breaks_end, "\n")] if multi else []
    if not left_tok or not right_tok[:1].isalpha():
        return keep
    if text[hyphen] != "\xad":  # a soft hyphen always joins
        lw = _LEFT_WORD.search(left_tok)
        rw = _RIGHT_WORD.match(right_tok)
        raw_word = lw.group() if lw else ""
        raw_rword = rw.group() if rw else ""
        # (Ligature glyphs were expanded by the glyph pass already.)
        if _hyphen_is_structural(left_tok, raw_word, right_tok, raw_rword):
            return keep
        evidence = _nearby_evidence(text, hyphen, raw_word, raw_rword)
        if evidence is None:
            if _hyphen_by_spelling(left_tok, raw_word, raw_rword) or _names_a_proper_noun(
                text, hyphen, raw_word
            ):
                return keep
        elif evidence:
            return keep
    edits = [(hyphen, 1, gap_end, "")]
    ws = _WS_AFTER.match(text, right_end)
    if (
        ws
        and ws.end() < len(text)
        and text[ws.end()] != "\n"
        and not _DANGEROUS_LINE_START.match(text, ws.end())
    ):
        edits.append((ws.start(), 0, ws.end(), "\n"))
    return edits


_EVIDENCE_WINDOW = 2500
_NAME_WINDOW = 20000


def _nearby_evidence(text: str, hyphen: int, left: str, right: str) -> bool | None:
    """How the same compound is written nearby: True hyphenated, False joined, None unknown.

    ``left``/``right`` are the letter words around the break. ``sanctie-eenheid``
    elsewhere on a line keeps ``sanctie-\neenheid``; ``mensenrechten``
    elsewhere joins ``mensen-\nrechten``. Only lower-case continuations
    count (capitals keep the hyphen anyway).
    """
    if len(left) < 2 or len(right) < 2 or not right[0].islower():
        return None
    lo = max(0, hyphen - _EVIDENCE_WINDOW)
    hi = hyphen + _EVIDENCE_WINDOW
    if text.find(f"{left}-{right}", lo, hi) >= 0:
        return True
    # The joined word; its first letter may differ in case (sentence start).
    if text.find(f"{left[1:]}{right}", lo, hi) >= 0:
        return False
    return None


def _names_a_proper_noun(text: str, hyphen: int, word: str) -> bool:
    """``Assad-\nregime``: a capitalised name before the hyphen keeps it.

    Dutch writes compounds with a proper name with a hyphen (Assad-regime,
    China-beleid). A capitalised word that is not a name (``Buiten-\nlandse``,
    ``Samen-\nwerking`` at a sentence start) is hyphenated like any other.
    The surrounding text decides: the name occurs on its own inside a
    sentence. (A joined spelling nearby was already taken as evidence.)
    """
    if len(word) < 3 or not word[0].isupper() or not word[1:].islower():
        return False
    # The name inside a sentence (after a lower-case word or a comma), not
    # itself hyphenated.
    needle = " " + word
    hi = min(len(text), hyphen + _NAME_WINDOW)
    i = text.find(needle, max(1, hyphen - _NAME_WINDOW), hi)
    while i >= 0:
        before = text[i - 1]
        after = text[i + len(needle) : i + len(needle) + 1]
        if (before == "," or _LOWER_CHARS.match(before)) and not (
            after.isalnum() or after in ("-", "_")
        ):
            return True
        i = text.find(needle, i + 1, hi)
    return False


def _blank_edit(text: str, start: int, end: int) -> tuple[int, int, int, str] | None:
    before = text[max(0, start - 200) : start]
    after = text[end : end + 50]
    repl = "\n" if _runs_on(before, after) else "\n\n"
    if text[start:end] == repl:
        return None
    return (start, 2, end, repl)


def _rare_edits(text: str, m: re.Match[str], add) -> None:
    """Edits for a run of rare characters (ligatures, odd spaces, controls)."""
    run = m.group()
    base = m.start()
    i = 0
    n = len(run)
    while i < n:
        ch = run[i]
        pos = base + i
        if ch in _LIGATURES:
            if ch in "ŌƯ" and not (pos and text[pos - 1].isalpha()):
                pass  # a real Ō/Ư (Ōsaka), not a broken ligature
            else:
                add((pos, 3, pos + 1, _LIGATURES[ch]))
        elif ch in _ODD_SPACE_CHARS:
            add((pos, 4, pos + 1, " "))
        elif ch == "\xad" and _SOFT_HYPHEN_AT_LINE_END.match(text, pos):
            pass  # a hyphenation point: the junction pass joins the word
        elif ch in _DROP_CHARS:
            add((pos, 5, pos + 1, ""))
        elif ch == "\r":  # \r\n → \n, a lone \r → \n
            add((pos, 5, pos + 1, "" if text[pos + 1 : pos + 2] == "\n" else "\n"))
        elif ch in "\x0b\x0c":
            add((pos, 5, pos + 1, "\n"))
        else:
            add((pos, 5, pos + 1, ""))
        i += 1


def _glyph_edits(text: str) -> list[tuple[int, int, str]]:
    """Ligature glyphs, odd spaces, invisible and control characters."""
    edits: list[tuple[int, int, int, str]] = []
    add = edits.append
    for m in _RARE.finditer(text):
        _rare_edits(text, m, add)
    return _resolve(edits)


def _character_edits(text: str) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, int, str]] = []
    add = edits.append
    n = len(text)
    lead = _LEAD.match(text)
    if lead and lead.end():
        add((0, 0, lead.end(), ""))
    trail = len(text.rstrip(_HSPACE_CHARS))
    if trail < n:
        add((trail, 0, n, ""))
    for ch, pattern in _JUNCTIONS.items():
        if ch != "-" and ch not in text:
            continue
        for m in pattern.finditer(text):
            gap_end = _GAP_REST.match(text, m.end()).end()
            if gap_end < n and not text[gap_end].isspace():
                edits.extend(_junction_edits(text, m.start(), gap_end))
    for pattern in (_BLANK_MESSY, _BLANK_RUNON):
        for m in pattern.finditer(text):
            e = _blank_edit(text, m.start(), m.end())
            if e is not None:
                add(e)
    return _resolve(edits)


# --------------------------------------------------------------------------
# Footnote text
# --------------------------------------------------------------------------

_INLINE_SPACE = re.compile(rf"[{_HSPACE}]+")


def repair_inline(text: str) -> str:
    """Repair a short piece of text that has no line structure worth keeping.

    Ligatures and odd spaces as in :func:`repair`; lines are joined with a
    space, hyphenated words are joined, runs of spaces become one.
    """
    return _join_footnote_lines(text.split("\n"))


def _join_footnote_lines(lines: list[str]) -> str:
    out = ""
    for raw in lines:
        line = _LIG.sub(lambda m: _LIGATURES[m.group()], raw)
        line = _INLINE_SPACE.sub(" ", line.translate(_DROP_TABLE)).strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        left_tok = out.rsplit(" ", 1)[-1]
        right_tok = line.split(" ", 1)[0]
        url = "://" in left_tok or "www." in left_tok
        if out.endswith("-") and not out.endswith(" -"):
            if url or keep_line_end_hyphen(left_tok[:-1], right_tok):
                out += line
            else:
                out = out[:-1] + line
        elif url and out.endswith(("/", ".", "_", "=", "?", "&")):
            out += line
        else:
            out += " " + line
    return out


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def repair(pages: Sequence[str]) -> RepairedText:
    """Repair the text of a document given as page strings (see module doc)."""
    if isinstance(pages, str):
        pages = [pages]
    pages = list(pages) or [""]
    page_src: list[int] = []
    pos = 0
    for page in pages:
        page_src.append(pos)
        pos += len(page)

    # Stage 1: pages.
    text, map_, page_starts, footnotes = _structure_pages(pages)

    # Glyphs first, so that every later decision sees the final characters
    # (that keeps repair idempotent).
    glyph_edits = _glyph_edits(text)
    page_starts = _shift(page_starts, glyph_edits)
    text, map_ = _apply(text, glyph_edits, map_)

    # Stage 2: lines. Footnotes first, then stray numbers on what is left;
    # repeated while something changes, because one removal can change the
    # neighbours of another (a number between two footnotes).
    line_notes: list[tuple[int, Footnote]] = []
    for _ in range(_MAX_LINE_ROUNDS):
        changed = False
        fn_edits, notes = _line_footnotes(text, map_, page_src)
        for edits in (fn_edits, None):
            if edits is None:
                edits = _stray_number_edits(text)
            if not edits:
                continue
            resolved = _resolve(edits)
            page_starts = _shift(page_starts, resolved)
            text, map_ = _apply(text, resolved, map_)
            changed = True
        line_notes.extend(notes)
        if not changed:
            break

    # Stage 3: characters.
    char_edits = _character_edits(text)
    page_starts = _shift(page_starts, char_edits)
    text, map_ = _apply(text, char_edits, map_)

    # Footnotes in source order, whichever stage found them.
    footnotes = [note for _, note in sorted(footnotes + line_notes, key=lambda item: item[0])]
    if page_starts:
        page_starts[0] = 0
    page_starts = [min(p, len(text)) for p in page_starts]
    return RepairedText(
        text=text,
        page_starts=page_starts,
        footnotes=footnotes,
        _out=array("q", map_.o),
        _src=array("q", map_.s),
        _len=array("q", map_.l),
        _page_src=page_src,
    )
