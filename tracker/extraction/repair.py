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

The stages live in ``repair_pages``, ``repair_lines`` and ``repair_characters``; the
offset map in ``repair_offsets``. No Django import here.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from tracker.extraction.repair_characters import (
    character_edits,
    glyph_edits,
    keep_line_end_hyphen,
    repair_inline,
)
from tracker.extraction.repair_lines import MAX_LINE_ROUNDS, line_footnotes, stray_number_edits
from tracker.extraction.repair_offsets import RepairedText, apply, resolve, shift
from tracker.extraction.repair_pages import structure_pages
from tracker.extraction.types import Footnote

__all__ = ["RepairedText", "keep_line_end_hyphen", "repair", "repair_inline"]

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
    text, map_, page_starts, footnotes = structure_pages(pages)

    # Glyphs first, so that every later decision sees the final characters
    # (that keeps repair idempotent).
    glyphs = glyph_edits(text)
    page_starts = shift(page_starts, glyphs)
    text, map_ = apply(text, glyphs, map_)

    # Stage 2: lines. Footnotes first, then stray numbers on what is left;
    # repeated while something changes, because one removal can change the
    # neighbours of another (a number between two footnotes).
    line_notes: list[tuple[int, Footnote]] = []
    for _ in range(MAX_LINE_ROUNDS):
        changed = False
        fn_edits, notes = line_footnotes(text, map_, page_src)
        for edits in (fn_edits, None):
            if edits is None:
                edits = stray_number_edits(text)
            if not edits:
                continue
            resolved = resolve(edits)
            page_starts = shift(page_starts, resolved)
            text, map_ = apply(text, resolved, map_)
            changed = True
        line_notes.extend(notes)
        if not changed:
            break

    # Stage 3: characters.
    char_edits = character_edits(text)
    page_starts = shift(page_starts, char_edits)
    text, map_ = apply(text, char_edits, map_)

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
