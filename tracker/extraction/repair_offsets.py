"""The offset map from repaired text back to the source pages, and the result type.

The map is a sorted list of segments (output start, source start, source length)
searched with bisect: memory grows with the number of edits, not with the text.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from tracker.extraction.types import Footnote

# --------------------------------------------------------------------------
# Offset map
# --------------------------------------------------------------------------


class Map:
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

    def copy_range(self, new: Map, p: int, q: int, new_o: int) -> None:
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


def apply(text: str, edits: list[tuple[int, int, str]], old: Map) -> tuple[str, Map]:
    """Apply sorted, non-overlapping edits ``(start, end, replacement)``."""
    if not edits:
        return text, old
    parts: list[str] = []
    new = Map()
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


def shift(positions: list[int], edits: list[tuple[int, int, str]]) -> list[int]:
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


def resolve(edits: list[tuple[int, int, int, str]]) -> list[tuple[int, int, str]]:
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


